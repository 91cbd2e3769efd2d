package cn.ipf.app.security;

import cn.ipf.app.shared.redis.RedisGuard;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** Remembers each bank app's nonces in Redis for {@code nonceTtl}; a nonce is accepted once. */
@Component
class NonceStore {

    private final StringRedisTemplate redis;
    private final IpfSecurityProperties properties;

    NonceStore(StringRedisTemplate redis, IpfSecurityProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** True when the nonce is new for the app (and is now remembered); fails closed when Redis is unavailable. */
    boolean firstUse(String appId, String nonce) {
        return RedisGuard.call("nonce check", () -> Boolean.TRUE.equals(
                redis.opsForValue().setIfAbsent("ipf:nonce:" + appId + ":" + nonce, "1", properties.nonceTtl())));
    }
}
