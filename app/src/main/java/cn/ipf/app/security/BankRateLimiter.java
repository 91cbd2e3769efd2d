package cn.ipf.app.security;

import cn.ipf.app.shared.redis.RedisGuard;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Per-bank-app rate limit: a token bucket in Redis (bucket4j), refilled greedily to {@code perMinute} tokens each
 * minute, shared by every instance of the service. It opens its own connection (bucket4j needs a byte-array codec)
 * from the Lettuce client Boot configured from {@code spring.data.redis.*} (address, password, SSL, timeouts, client
 * name), so there is one Redis configuration. Connects lazily so that the service starts while Redis is down.
 */
@Component
class BankRateLimiter {

    private final LettuceConnectionFactory redis;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> buckets;

    BankRateLimiter(LettuceConnectionFactory redis) {
        this.redis = redis;
    }

    /** The verdict for one request: allowed, or how long to wait. */
    record Verdict(boolean allowed, long retryAfterSeconds) {
    }

    Verdict tryConsume(String appId, int perMinute) {
        ConsumptionProbe probe = RedisGuard.call("rate limit", () -> buckets().builder()
                .withImplicitConfigurationReplacement(perMinute, TokensInheritanceStrategy.AS_IS)
                .build("ipf:rate:" + appId, () -> configuration(perMinute))
                .tryConsumeAndReturnRemaining(1));
        if (probe.isConsumed()) {
            return new Verdict(true, 0);
        }
        return new Verdict(false, Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }

    private static BucketConfiguration configuration(int perMinute) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }

    /**
     * The bucket store, connected on first use. A connection closed under it (Boot's connection factory stopped and
     * started again with a new client, as a paused test context or a lifecycle restart does) is replaced; a
     * connection that merely lost Redis stays open and reconnects by itself.
     */
    private ProxyManager<String> buckets() {
        ProxyManager<String> current = buckets;
        if (current == null || !connection.isOpen()) {
            synchronized (this) {
                if (buckets == null || !connection.isOpen()) {
                    connection = ((RedisClient) redis.getRequiredNativeClient())
                            .connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                    buckets = Bucket4jLettuce.casBasedBuilder(connection)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy
                                    .basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(2)))
                            .build();
                }
                current = buckets;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        // the client is Boot's and shut down with its connection factory
        if (connection != null) {
            connection.close();
        }
    }
}
