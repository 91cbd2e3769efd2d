package cn.ipf.app.auth;

import cn.ipf.app.security.IpfSecurityProperties;
import cn.ipf.app.shared.redis.RedisGuard;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account key (see SignIn) in Redis: {@code maxFailedLogins} failures within {@code lockoutWindow} lock
 * the username for {@code lockoutDuration}. Redis errors propagate, so sign-in fails closed while Redis is down.
 */
@Component
class LoginAttempts {

    private static final String FAILURES = "ipf:login:failures:";
    private static final String LOCK = "ipf:login:lock:";

    private final StringRedisTemplate redis;
    private final IpfSecurityProperties properties;

    LoginAttempts(StringRedisTemplate redis, IpfSecurityProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    boolean isLocked(String key) {
        return RedisGuard.call("login lockout", () -> Boolean.TRUE.equals(redis.hasKey(LOCK + key)));
    }

    /** Records a failure; returns true when this failure locked the account. */
    boolean recordFailure(String key) {
        return RedisGuard.call("login lockout", () -> countFailure(key));
    }

    private boolean countFailure(String key) {
        Long failures = redis.opsForValue().increment(FAILURES + key);
        if (failures != null && failures == 1) {
            redis.expire(FAILURES + key, properties.lockoutWindow());
        }
        if (failures != null && failures >= properties.maxFailedLogins()) {
            redis.opsForValue().set(LOCK + key, "1", properties.lockoutDuration());
            redis.delete(FAILURES + key);
            return true;
        }
        return false;
    }

    void reset(String key) {
        RedisGuard.run("login lockout", () -> redis.delete(FAILURES + key));
    }

    void unlock(String key) {
        RedisGuard.run("login lockout", () -> redis.delete(List.of(FAILURES + key, LOCK + key)));
    }
}
