package cn.ipf.app.auth;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.security.Actor;
import cn.ipf.app.security.IpfSecurityProperties;
import cn.ipf.app.security.TokenClaims;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.user.UserAccount;
import cn.ipf.app.user.UserMapper;
import cn.ipf.sdk.signing.IpfSignature;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues access tokens (JWT, HS256) and rotating refresh tokens. A refresh token is single-use: presenting one that
 * was already rotated is taken as theft and revokes its whole family.
 */
@Service
public class TokenService {

    private final JwtEncoder jwtEncoder;
    private final RefreshTokenMapper refreshTokens;
    private final UserMapper users;
    private final AuditTrail audit;
    private final IpfSecurityProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TokenService(JwtEncoder jwtEncoder, RefreshTokenMapper refreshTokens, UserMapper users, AuditTrail audit,
            IpfSecurityProperties properties, Clock clock) {
        this.jwtEncoder = jwtEncoder;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** An access token and a refresh token, with their lifetimes in seconds. */
    public record TokenPair(String accessToken, long expiresIn, String refreshToken, long refreshExpiresIn) {
    }

    /** The result of a refresh: a new pair, or the reason it was refused (committed either way). */
    public record RefreshOutcome(TokenPair tokens, ErrorCode refusal) {
    }

    @Transactional
    public TokenPair signIn(UserAccount user) {
        return issue(user, UUID.randomUUID().toString());
    }

    @Transactional
    public RefreshOutcome refresh(String presented) {
        Instant now = clock.instant();
        RefreshToken token = refreshTokens.lockByHash(hash(presented));
        if (token == null || token.revokedAt() != null || !token.expiresAt().isAfter(now)) {
            return new RefreshOutcome(null, ErrorCode.REFRESH_TOKEN_INVALID);
        }
        UserAccount user = users.findById(token.userId());
        if (token.rotatedAt() != null) {
            int revoked = refreshTokens.revokeFamily(token.familyId(), now);
            audit.recordAs(new Actor(Actor.Kind.USER, String.valueOf(user.id()), user.role().name(), user.bankId(),
                    user.enterpriseId(), user.districtCode()), "REFRESH_TOKEN_REUSED", "TOKEN_FAMILY",
                    token.familyId(), Map.of("revokedTokens", revoked));
            return new RefreshOutcome(null, ErrorCode.REFRESH_TOKEN_REUSED);
        }
        if (!user.enabled()) {
            refreshTokens.revokeFamily(token.familyId(), now);
            return new RefreshOutcome(null, ErrorCode.REFRESH_TOKEN_INVALID);
        }
        refreshTokens.markRotated(token.id(), now);
        return new RefreshOutcome(issue(user, token.familyId()), null);
    }

    /** Sign-out: revokes the token's family; unknown tokens are ignored. */
    @Transactional
    public void revoke(String presented) {
        RefreshToken token = refreshTokens.lockByHash(hash(presented));
        if (token != null) {
            refreshTokens.revokeFamily(token.familyId(), clock.instant());
        }
    }

    private TokenPair issue(UserAccount user, String familyId) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(TokenClaims.ISSUER)
                .subject(String.valueOf(user.id()))
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .id(UUID.randomUUID().toString())
                .claim(TokenClaims.USERNAME, user.username())
                .claim(TokenClaims.ROLE, user.role().name());
        if (user.bankId() != null) {
            claims.claim(TokenClaims.BANK_ID, user.bankId());
        }
        if (user.enterpriseId() != null) {
            claims.claim(TokenClaims.ENTERPRISE_ID, user.enterpriseId());
        }
        if (user.districtCode() != null) {
            claims.claim(TokenClaims.DISTRICT_CODE, user.districtCode());
        }
        String access = jwtEncoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims.build())).getTokenValue();
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        refreshTokens.insert(hash(refresh), familyId, user.id(), now, now.plus(properties.refreshTokenTtl()));
        return new TokenPair(access, properties.accessTokenTtl().toSeconds(), refresh,
                properties.refreshTokenTtl().toSeconds());
    }

    private static String hash(String token) {
        return IpfSignature.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }
}
