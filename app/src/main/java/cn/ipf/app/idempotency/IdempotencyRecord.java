package cn.ipf.app.idempotency;

import java.time.Instant;

/** What is kept of one idempotent request: its fingerprint and, once completed, its response. */
record IdempotencyRecord(long id, String callerScope, String idemKey, String requestHash, String status,
        Integer responseStatus, String responseContentType, String responseLocation, byte[] responseBody,
        boolean responseEncrypted, Instant createdAt, Instant lockedUntil, Instant expiresAt) {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String COMPLETED = "COMPLETED";
}
