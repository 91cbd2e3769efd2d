package cn.ipf.app.shared.redis;

import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import io.lettuce.core.RedisException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Runs a Redis operation on a security path and fails closed: when Redis cannot answer, the request is refused with
 * 503 REDIS_UNAVAILABLE instead of going on unchecked. Lettuce reconnects by itself, so recovery needs nothing here.
 */
public final class RedisGuard {

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);

    private RedisGuard() {
    }

    public static <T> T call(String what, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (DataAccessException | RedisException e) {
            log.warn("Redis unavailable for {}: {}", what, e.getMessage());
            throw new ApiException(ErrorCode.REDIS_UNAVAILABLE);
        }
    }

    public static void run(String what, Runnable operation) {
        call(what, () -> {
            operation.run();
            return null;
        });
    }
}
