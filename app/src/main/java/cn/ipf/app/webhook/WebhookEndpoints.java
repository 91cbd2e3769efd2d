package cn.ipf.app.webhook;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.shared.crypto.SecretCipher;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.persistence.GeneratedId;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Banks' webhook endpoints. Each gets a Standard Webhooks secret ({@code whsec_} + Base64 of 32 random bytes),
 * returned once and stored encrypted. Only https URLs, unless the deployment allows plain http (demo, tests), and
 * only hosts with public addresses ({@link WebhookDestinations}). A bank sees and changes only its own endpoints.
 */
@Service
public class WebhookEndpoints {

    static final String DELETED_ERROR = "endpoint deleted";

    private final WebhookEndpointMapper mapper;
    private final WebhookDeliveryMapper deliveries;
    private final WebhookDestinations destinations;
    private final SecretCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;
    private final boolean allowHttp;

    WebhookEndpoints(WebhookEndpointMapper mapper, WebhookDeliveryMapper deliveries, WebhookDestinations destinations,
            SecretCipher cipher, AuditTrail audit, Clock clock, WebhookProperties properties) {
        this.mapper = mapper;
        this.deliveries = deliveries;
        this.destinations = destinations;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
        this.allowHttp = properties.allowHttp();
    }

    /** A newly registered endpoint with its secret in plaintext (the only time it is shown). */
    record Registered(WebhookEndpoint endpoint, String secret) {
    }

    @Transactional
    Registered register(long bankId, String url, String description) {
        checkUrl(url);
        String secret = newSecret();
        GeneratedId key = new GeneratedId();
        mapper.insert(new WebhookEndpoint(null, bankId, url, description, encrypted(secret), true, clock.instant(),
                null), key);
        audit.record("WEBHOOK_ENDPOINT_REGISTERED", "WEBHOOK_ENDPOINT", key.getId(),
                Map.of("bankId", bankId, "url", url));
        return new Registered(mapper.find(key.getId()), secret);
    }

    /**
     * Replaces the endpoint's secret; the new one is answered once. The dispatcher reads the secret for each attempt,
     * so from now on everything (retries of earlier events too) is signed with the new one only.
     */
    @Transactional
    Registered rotateSecret(long bankId, long endpointId) {
        lockVisible(bankId, endpointId);
        String secret = newSecret();
        mapper.setSecret(endpointId, encrypted(secret));
        audit.record("WEBHOOK_ENDPOINT_SECRET_ROTATED", "WEBHOOK_ENDPOINT", endpointId, Map.of("bankId", bankId));
        return new Registered(mapper.find(endpointId), secret);
    }

    private String newSecret() {
        return "whsec_" + cipher.newSecret(32);
    }

    private String encrypted(String secret) {
        return cipher.encrypt(SecretCipher.Purpose.WEBHOOK_SECRET, secret);
    }

    List<WebhookEndpoint> ofBank(long bankId) {
        return mapper.ofBank(bankId);
    }

    /**
     * Enables or disables an endpoint. A disabled one gets no new events and its pending deliveries are held back;
     * enabling it makes them due at once.
     */
    @Transactional
    WebhookEndpoint setEnabled(long bankId, long endpointId, boolean enabled) {
        WebhookEndpoint endpoint = lockVisible(bankId, endpointId);
        if (endpoint.enabled() != enabled) {
            mapper.setEnabled(endpointId, enabled);
            if (enabled) {
                deliveries.release(endpointId, clock.instant());
            }
            audit.record(enabled ? "WEBHOOK_ENDPOINT_ENABLED" : "WEBHOOK_ENDPOINT_DISABLED", "WEBHOOK_ENDPOINT",
                    endpointId, Map.of("bankId", bankId));
        }
        return mapper.find(endpointId);
    }

    /** Deletes an endpoint: it gets nothing more and its pending deliveries fail; its delivery log stays. */
    @Transactional
    void delete(long bankId, long endpointId) {
        WebhookEndpoint endpoint = lockVisible(bankId, endpointId);
        mapper.markDeleted(endpointId, clock.instant());
        int failed = deliveries.failPending(endpointId, DELETED_ERROR);
        audit.record("WEBHOOK_ENDPOINT_DELETED", "WEBHOOK_ENDPOINT", endpointId,
                Map.of("bankId", bankId, "url", endpoint.url(), "pendingDeliveriesFailed", failed));
    }

    /**
     * Locks the bank's endpoint (the row that orders changes to it and to the holding back of its deliveries);
     * another bank's, a deleted or an unknown one is not found.
     */
    private WebhookEndpoint lockVisible(long bankId, long endpointId) {
        WebhookEndpoint endpoint = mapper.lock(endpointId);
        if (endpoint == null || endpoint.bankId() != bankId || endpoint.deletedAt() != null) {
            throw new ApiException(ErrorCode.WEBHOOK_ENDPOINT_NOT_FOUND, endpointId);
        }
        return endpoint;
    }

    private void checkUrl(String url) {
        URI uri = null;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            // refused below
        }
        String scheme = uri == null ? null : uri.getScheme();
        boolean schemeOk = "https".equals(scheme) || allowHttp && "http".equals(scheme);
        if (!schemeOk || uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
            throw new ApiException(ErrorCode.WEBHOOK_URL_INVALID,
                    List.of(new FieldViolation("url", allowHttp ? "absolute http(s) URL" : "absolute https URL")), url);
        }
        try {
            destinations.check(uri.getHost());
        } catch (WebhookDestinations.Forbidden e) {
            throw new ApiException(ErrorCode.WEBHOOK_DESTINATION_FORBIDDEN,
                    List.of(new FieldViolation("url", "host must have public addresses only")), e.host, e.address);
        } catch (UnknownHostException e) {
            // not in DNS (yet): accepted, and checked again before every delivery
        }
    }
}
