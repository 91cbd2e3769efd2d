package cn.ipf.app.webhook;

import cn.ipf.api.model.WebhookDeliveryDetails;
import cn.ipf.api.model.WebhookDeliveryPage;
import cn.ipf.api.model.WebhookDeliveryStatus;
import cn.ipf.api.server.BankWebhookDeliveriesApi;
import cn.ipf.app.security.CurrentActor;
import cn.ipf.app.shared.web.ApiTime;
import cn.ipf.app.shared.web.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WebhookDeliveryController implements BankWebhookDeliveriesApi {

    private final WebhookDeliveries deliveries;

    WebhookDeliveryController(WebhookDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public ResponseEntity<WebhookDeliveryPage> listWebhookDeliveries(WebhookDeliveryStatus status,
            cn.ipf.api.model.WebhookEventType eventType, Long endpointId, String cursor, Integer size) {
        Pages.Slice<WebhookDelivery> found = deliveries.search(new WebhookDeliveryMapper.Query(bankId(),
                status == null ? null : status.getValue(), eventType == null ? null : eventType.getValue(),
                endpointId), Pages.keyset(cursor, size));
        return ResponseEntity.ok(new WebhookDeliveryPage()
                .items(found.items().stream().map(WebhookDeliveryController::toApi).toList())
                .nextCursor(found.nextCursor()));
    }

    @Override
    public ResponseEntity<WebhookDeliveryDetails> getWebhookDelivery(Long deliveryId) {
        WebhookDeliveries.Details details = deliveries.details(bankId(), deliveryId);
        return ResponseEntity.ok(new WebhookDeliveryDetails()
                .delivery(toApi(details.delivery()))
                .payload(details.payload())
                .attemptLog(details.attempts().stream().map(a -> new cn.ipf.api.model.WebhookAttempt()
                        .attemptedAt(ApiTime.utc(a.attemptedAt()))
                        .statusCode(a.statusCode())
                        .error(a.error())
                        .durationMs(a.durationMs())).toList()));
    }

    @Override
    public ResponseEntity<cn.ipf.api.model.WebhookDelivery> redeliverWebhook(Long deliveryId, String idempotencyKey) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(toApi(deliveries.redeliver(bankId(), deliveryId)));
    }

    private static long bankId() {
        return CurrentActor.get().bankId();
    }

    private static cn.ipf.api.model.WebhookDelivery toApi(WebhookDelivery d) {
        return new cn.ipf.api.model.WebhookDelivery()
                .deliveryId(d.id())
                .eventId(d.messageId())
                .eventType(cn.ipf.api.model.WebhookEventType.fromValue(d.eventType()))
                .endpointId(d.endpointId())
                .status(WebhookDeliveryStatus.fromValue(d.status()))
                .attempts(d.attempts())
                .nextAttemptAt(ApiTime.utc(d.nextAttemptAt()))
                .lastAttemptAt(ApiTime.utc(d.lastAttemptAt()))
                .lastStatusCode(d.lastStatusCode())
                .lastError(d.lastError())
                .createdAt(ApiTime.utc(d.createdAt()));
    }
}
