package cn.ipf.app.auth;

import java.time.Instant;

/** A stored refresh token (its SHA-256 only). A family is every token descended from one sign-in. */
record RefreshToken(long id, String tokenHash, String familyId, long userId, Instant issuedAt, Instant expiresAt,
        Instant rotatedAt, Instant revokedAt) {
}
