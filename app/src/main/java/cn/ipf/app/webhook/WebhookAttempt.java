package cn.ipf.app.webhook;

import java.time.Instant;

/** One HTTP try of a delivery: the answer's status code, or why there was none; {@code error} also for non-2xx. */
record WebhookAttempt(long deliveryId, Instant attemptedAt, Integer statusCode, String error, int durationMs) {

    boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
