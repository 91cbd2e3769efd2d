package cn.ipf.app.webhook;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.shared.crypto.SecretCipher;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.persistence.GeneratedId;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Banks' webhook endpoints. Each gets a Standard Webhooks secret ({@code whsec_} + Base64 of 32 random bytes),
 * returned once and stored encrypted. Only https URLs, unless the deployment allows plain http (demo, tests).
 */
@Service
public class WebhookEndpoints {

    private final WebhookEndpointMapper mapper;
    private final SecretCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;
    private final boolean allowHttp;

    WebhookEndpoints(WebhookEndpointMapper mapper, SecretCipher cipher, AuditTrail audit, Clock clock,
            @Value("${ipf.webhooks.allow-http:false}") boolean allowHttp) {
        this.mapper = mapper;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
        this.allowHttp = allowHttp;
    }

    /** A newly registered endpoint with its secret in plaintext (the only time it is shown). */
    record Registered(WebhookEndpoint endpoint, String secret) {
    }

    @Transactional
    Registered register(long bankId, String url, String description) {
        checkUrl(url);
        String secret = "whsec_" + cipher.newSecret(32);
        GeneratedId key = new GeneratedId();
        mapper.insert(new WebhookEndpoint(null, bankId, url, description, cipher.encrypt(SecretCipher.Purpose.WEBHOOK_SECRET, secret), true,
                clock.instant().truncatedTo(ChronoUnit.MICROS)), key);
        audit.record("WEBHOOK_ENDPOINT_REGISTERED", "WEBHOOK_ENDPOINT", key.getId(),
                Map.of("bankId", bankId, "url", url));
        return new Registered(mapper.find(key.getId()), secret);
    }

    List<WebhookEndpoint> ofBank(long bankId) {
        return mapper.ofBank(bankId);
    }

    private void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            boolean schemeOk = "https".equals(scheme) || allowHttp && "http".equals(scheme);
            if (schemeOk && uri.getHost() != null && uri.getUserInfo() == null && uri.getFragment() == null) {
                return;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new ApiException(ErrorCode.WEBHOOK_URL_INVALID,
                List.of(new FieldViolation("url", allowHttp ? "absolute http(s) URL" : "absolute https URL")), url);
    }
}
