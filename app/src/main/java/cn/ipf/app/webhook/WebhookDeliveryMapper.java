package cn.ipf.app.webhook;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface WebhookDeliveryMapper {

    void insertEvent(@Param("messageId") String messageId, @Param("bankId") long bankId,
            @Param("eventType") String eventType, @Param("payload") String payload, @Param("at") Instant at,
            @Param("key") GeneratedId key);

    /** One PENDING delivery, due now, per enabled endpoint of the bank. */
    int fanOut(@Param("eventId") long eventId, @Param("bankId") long bankId, @Param("at") Instant at);

    /** Due deliveries, oldest due first, locked; rows another dispatcher has locked are skipped. */
    List<Long> lockDue(@Param("now") Instant now, @Param("limit") int limit);

    void lease(@Param("ids") List<Long> ids, @Param("until") Instant until, @Param("token") String token);

    /** What is needed to send the deliveries of a claim. */
    record Claimed(long deliveryId, long endpointId, String messageId, String payload, String url,
            String secretCiphertext, boolean endpointEnabled) {
    }

    /** The leased deliveries among {@code ids} still PENDING under this claim. */
    List<Claimed> claimed(@Param("ids") List<Long> ids, @Param("token") String token);

    WebhookDelivery find(long id);

    /** Locks the delivery's row; null when there is none. */
    Long lock(long id);

    void insertAttempt(@Param("a") WebhookAttempt attempt);

    /** Counts an attempt and keeps its result as the last one. */
    void countAttempt(@Param("a") WebhookAttempt attempt);

    /** Moves the delivery to a state and ends any claim on it. */
    void transition(@Param("id") long id, @Param("status") String status, @Param("roundAttempts") int roundAttempts,
            @Param("nextAttemptAt") Instant nextAttemptAt, @Param("lastError") String lastError);

    /** Makes the deliveries held back for a disabled endpoint due now. */
    int release(@Param("endpointId") long endpointId, @Param("now") Instant now);

    /** Ends the pending deliveries of a deleted endpoint. */
    int failPending(@Param("endpointId") long endpointId, @Param("lastError") String lastError);

    record Query(long bankId, String status, String eventType, Long endpointId) {
    }

    /** Matching deliveries with an id below {@code before} (all when null), newest first. */
    List<WebhookDelivery> search(@Param("q") Query query, @Param("before") Long before, @Param("limit") int limit);

    String payload(long eventId);

    List<WebhookAttempt> attempts(long deliveryId);
}
