package cn.ipf.app.webhook;

import java.time.Instant;

/**
 * A bank's URL that receives the platform's events, signed with the endpoint's own secret. A deleted endpoint
 * ({@code deletedAt} set) is kept for its delivery log but is no longer shown or sent to.
 */
record WebhookEndpoint(Long id, long bankId, String url, String description, String secretCiphertext,
        boolean enabled, Instant createdAt, Instant deletedAt) {
}
