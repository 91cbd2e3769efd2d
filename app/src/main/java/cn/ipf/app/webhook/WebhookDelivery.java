package cn.ipf.app.webhook;

import java.time.Instant;

/**
 * One event to one endpoint (a row of webhook_delivery with its event's id and type). {@code nextAttemptAt} is null
 * once the delivery is over, and also while it is held back because its endpoint is disabled.
 */
record WebhookDelivery(long id, long eventId, String messageId, String eventType, long endpointId, long bankId,
        String status, int attempts, int roundAttempts, Instant nextAttemptAt, String leaseToken,
        Instant lastAttemptAt, Integer lastStatusCode, String lastError, Instant createdAt) {

    static final String PENDING = "PENDING";
    static final String SUCCEEDED = "SUCCEEDED";
    static final String FAILED = "FAILED";
}
