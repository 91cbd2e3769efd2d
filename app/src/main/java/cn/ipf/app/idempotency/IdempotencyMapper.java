package cn.ipf.app.idempotency;

import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface IdempotencyMapper {

    /** Inserts an IN_PROGRESS claim; fails with a duplicate key when the (scope, key) pair exists. */
    void claim(@Param("scope") String scope, @Param("key") String key, @Param("hash") String hash,
            @Param("now") Instant now, @Param("lockedUntil") Instant lockedUntil, @Param("expiresAt") Instant expiresAt);

    IdempotencyRecord find(@Param("scope") String scope, @Param("key") String key);

    /** Takes over a claim whose holder died (lock expired) or an expired record; 1 when taken. */
    int takeOver(@Param("id") long id, @Param("hash") String hash, @Param("now") Instant now,
            @Param("lockedUntil") Instant lockedUntil, @Param("expiresAt") Instant expiresAt);

    /** Completes the claim taken at {@code claimedAt}; 0 when it was taken over meanwhile. */
    int complete(@Param("id") long id, @Param("claimedAt") Instant claimedAt, @Param("status") int status, @Param("contentType") String contentType,
            @Param("location") String location, @Param("body") byte[] body,
            @Param("encrypted") boolean encrypted);

    int release(@Param("id") long id, @Param("claimedAt") Instant claimedAt);
}
