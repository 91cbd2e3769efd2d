package cn.ipf.app.bank;

import java.time.Instant;

/** One secret of a bank app, encrypted at rest. */
public record AppSecret(long id, String appId, String secretCiphertext, Instant createdAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
