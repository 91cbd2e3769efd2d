package cn.ipf.app.auth;

import cn.ipf.app.security.IpfSecurityProperties;
import cn.ipf.app.shared.redis.RedisGuard;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per username in Redis: {@code maxFailedLogins} failures within {@code lockoutWindow} lock
 * the username for {@code lockoutDuration}. Redis errors propagate, so sign-in fails closed while Redis is down.
 */
@Component
public class LoginAttempts {

    private static final String FAILURES = "ipf:login:failures:";
    private static final String LOCK = "ipf:login:lock:";

    private final StringRedisTemplate redis;
    private final IpfSecurityProperties properties;

    LoginAttempts(StringRedisTemplate redis, IpfSecurityProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    public boolean isLocked(String username) {
        return RedisGuard.call("login lockout", () -> Boolean.TRUE.equals(redis.hasKey(LOCK + username)));
    }

    /** Records a failure; returns true when this failure locked the account. */
    public boolean recordFailure(String username) {
        return RedisGuard.call("login lockout", () -> countFailure(username));
    }

    private boolean countFailure(String username) {
        Long failures = redis.opsForValue().increment(FAILURES + username);
        if (failures != null && failures == 1) {
            redis.expire(FAILURES + username, properties.lockoutWindow());
        }
        if (failures != null && failures >= properties.maxFailedLogins()) {
            redis.opsForValue().set(LOCK + username, "1", properties.lockoutDuration());
            redis.delete(FAILURES + username);
            return true;
        }
        return false;
    }

    public void reset(String username) {
        RedisGuard.run("login lockout", () -> redis.delete(FAILURES + username));
    }

    public void unlock(String username) {
        RedisGuard.run("login lockout", () -> redis.delete(List.of(FAILURES + username, LOCK + username)));
    }
}
