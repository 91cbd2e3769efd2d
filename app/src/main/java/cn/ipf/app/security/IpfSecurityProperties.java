package cn.ipf.app.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ipf.security.*}: token lifetimes, sign-in lockout, and the bank API's signature and rate-limit settings.
 *
 * @param jwtSecret          HS256 key for access tokens, Base64, at least 32 bytes
 * @param masterKey          AES-256 key for secrets at rest, Base64 (read by SecretCipher)
 * @param accessTokenTtl     access token lifetime
 * @param refreshTokenTtl    refresh token lifetime
 * @param maxFailedLogins    failed sign-ins within {@code lockoutWindow} that lock the account
 * @param lockoutWindow      window counting failed sign-ins
 * @param lockoutDuration    how long a locked account stays locked
 * @param signatureMaxSkew   largest accepted difference between a bank request's timestamp and the server clock
 * @param nonceTtl           how long a used nonce is remembered
 * @param rateLimitPerMinute default bank-app rate limit, overridable per app
 * @param maxBodyBytes       largest request body accepted on signed requests
 */
@ConfigurationProperties("ipf.security")
public record IpfSecurityProperties(String jwtSecret, String masterKey, Duration accessTokenTtl,
        Duration refreshTokenTtl, int maxFailedLogins, Duration lockoutWindow, Duration lockoutDuration,
        Duration signatureMaxSkew, Duration nonceTtl, int rateLimitPerMinute, int maxBodyBytes) {

    public IpfSecurityProperties {
        // a timestamp is acceptable for 2 x skew; its nonce must be remembered at least that long or it replays
        if (nonceTtl.compareTo(signatureMaxSkew.multipliedBy(2)) <= 0) {
            throw new IllegalStateException("ipf.security.nonce-ttl must be longer than twice signature-max-skew");
        }
    }
}
