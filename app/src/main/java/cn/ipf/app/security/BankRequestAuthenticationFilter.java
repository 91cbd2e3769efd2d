package cn.ipf.app.security;

import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.web.CachedBodyRequest;
import cn.ipf.app.shared.web.Problems;
import cn.ipf.sdk.signing.IpfSignature;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates bank systems by their IPF-HMAC-SHA256 signature. Checks run cheapest-first and each refusal is a
 * 401 problem with its own code; the nonce is spent only after the signature is proven, so forged requests cannot
 * burn a bank's nonces, and before the rate limit, so replays cannot spend the bank's quota.
 */
class BankRequestAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BankRequestAuthenticationFilter.class);

    private final BankAppCredentials registry;
    private final NonceStore nonces;
    private final BankRateLimiter rateLimiter;
    private final Problems problems;
    private final IpfSecurityProperties properties;
    private final Clock clock;

    BankRequestAuthenticationFilter(BankAppCredentials registry, NonceStore nonces, BankRateLimiter rateLimiter,
            Problems problems, IpfSecurityProperties properties, Clock clock) {
        this.registry = registry;
        this.nonces = nonces;
        this.rateLimiter = rateLimiter;
        this.problems = problems;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response); // a bank officer: the bearer-token filter authenticates
            return;
        }
        if (header == null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, IpfSignature.SCHEME);
            problems.write(request, response, ErrorCode.UNAUTHENTICATED);
            return;
        }
        IpfSignature.Credentials credentials = IpfSignature.parse(header);
        if (credentials == null) {
            refuse(request, response, ErrorCode.SIGNATURE_INVALID, null);
            return;
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - credentials.timestamp());
        if (skew > properties.signatureMaxSkew().toSeconds()) {
            refuse(request, response, ErrorCode.TIMESTAMP_SKEW, credentials.appId());
            return;
        }
        Optional<BankAppCredentials.AppCredentials> app = registry.credentials(credentials.appId());
        if (app.isEmpty()) {
            refuse(request, response, ErrorCode.APP_UNKNOWN, credentials.appId());
            return;
        }
        if (!app.get().enabled()) {
            refuse(request, response, ErrorCode.APP_DISABLED, credentials.appId());
            return;
        }
        CachedBodyRequest cached = CachedBodyRequest.of(request, properties.maxBodyBytes());
        if (cached == null) {
            problems.write(request, response, ErrorCode.PAYLOAD_TOO_LARGE);
            return;
        }
        String toSign = IpfSignature.stringToSign(request.getMethod(), request.getRequestURI(),
                request.getQueryString(), credentials.timestamp(), credentials.nonce(), cached.body());
        boolean valid = app.get().activeSecrets().stream()
                .anyMatch(secret -> IpfSignature.matches(secret, toSign, credentials.signature()));
        if (!valid) {
            refuse(request, response, ErrorCode.SIGNATURE_INVALID, credentials.appId());
            return;
        }
        try {
            // the nonce first: a captured request replayed within the time window must not drain the bank's quota
            if (!nonces.firstUse(credentials.appId(), credentials.nonce())) {
                refuse(request, response, ErrorCode.NONCE_REUSED, credentials.appId());
                return;
            }
            int perMinute = Optional.ofNullable(app.get().rateLimitPerMinute())
                    .orElse(properties.rateLimitPerMinute());
            BankRateLimiter.Verdict verdict = rateLimiter.tryConsume(credentials.appId(), perMinute);
            if (!verdict.allowed()) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
                problems.write(request, response, ErrorCode.RATE_LIMITED);
                return;
            }
        } catch (ApiException e) {
            problems.write(request, response, e.code());
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new BankAppAuthentication(credentials.appId(), app.get().bankId()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(cached, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String appId)
            throws IOException {
        log.warn("bank request refused: {} app={} {} {}", code, appId, request.getMethod(), request.getRequestURI());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, IpfSignature.SCHEME);
        problems.write(request, response, code);
    }
}
