package cn.ipf.app.webhook;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.web.Pages;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 投递记录 a bank's webhook deliveries: its delivery log, and redelivery. Another bank's delivery is not found. */
@Service
class WebhookDeliveries {

    private final WebhookDeliveryMapper deliveries;
    private final WebhookEndpointMapper endpoints;
    private final AuditTrail audit;
    private final Clock clock;

    WebhookDeliveries(WebhookDeliveryMapper deliveries, WebhookEndpointMapper endpoints, AuditTrail audit,
            Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.audit = audit;
        this.clock = clock;
    }

    /** A delivery with the body it sends and every attempt, oldest first. */
    record Details(WebhookDelivery delivery, String payload, List<WebhookAttempt> attempts) {
    }

    /** One keyset page of matching deliveries, newest first. */
    Pages.Slice<WebhookDelivery> search(WebhookDeliveryMapper.Query query, Pages.Keyset page) {
        return page.slice(deliveries.search(query, page.before(), page.limit()), WebhookDelivery::id);
    }

    Details details(long bankId, long deliveryId) {
        WebhookDelivery d = visible(bankId, deliveryId);
        return new Details(d, deliveries.payload(d.eventId()), deliveries.attempts(deliveryId));
    }

    /**
     * Queues the delivery for an attempt now with a fresh round of retries; the same webhook-id and body are sent.
     * An attempt under way keeps its log entry but no longer decides the delivery's state.
     */
    @Transactional
    WebhookDelivery redeliver(long bankId, long deliveryId) {
        deliveries.lock(deliveryId);
        WebhookDelivery d = visible(bankId, deliveryId);
        if (endpoints.find(d.endpointId()).deletedAt() != null) {
            throw new ApiException(ErrorCode.WEBHOOK_ENDPOINT_DELETED, d.endpointId());
        }
        deliveries.transition(deliveryId, WebhookDelivery.PENDING, 0,
                clock.instant(), null);
        audit.record("WEBHOOK_REDELIVERY_REQUESTED", "WEBHOOK_DELIVERY", deliveryId,
                Map.of("bankId", bankId, "eventId", d.messageId(), "previousStatus", d.status()));
        return deliveries.find(deliveryId);
    }

    private WebhookDelivery visible(long bankId, long deliveryId) {
        WebhookDelivery d = deliveries.find(deliveryId);
        if (d == null || d.bankId() != bankId) {
            throw new ApiException(ErrorCode.WEBHOOK_DELIVERY_NOT_FOUND, deliveryId);
        }
        return d;
    }
}
