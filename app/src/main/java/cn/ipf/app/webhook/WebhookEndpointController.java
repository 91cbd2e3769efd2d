package cn.ipf.app.webhook;

import cn.ipf.api.model.CreatedWebhookEndpoint;
import cn.ipf.api.model.NewWebhookEndpoint;
import cn.ipf.api.model.WebhookEndpointStatus;
import cn.ipf.api.server.BankWebhooksApi;
import cn.ipf.app.security.CurrentActor;
import cn.ipf.app.shared.web.ApiTime;
import java.net.URI;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WebhookEndpointController implements BankWebhooksApi {

    private final WebhookEndpoints endpoints;

    WebhookEndpointController(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public ResponseEntity<CreatedWebhookEndpoint> createWebhookEndpoint(String idempotencyKey,
            NewWebhookEndpoint body) {
        WebhookEndpoints.Registered registered = endpoints.register(bankId(), body.getUrl(), body.getDescription());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .location(URI.create("/api/v1/bank/webhook-endpoints/" + registered.endpoint().id()))
                .body(withSecret(registered));
    }

    @Override
    public ResponseEntity<CreatedWebhookEndpoint> rotateWebhookEndpointSecret(Long endpointId, String idempotencyKey) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(withSecret(endpoints.rotateSecret(bankId(), endpointId)));
    }

    @Override
    public ResponseEntity<List<cn.ipf.api.model.WebhookEndpoint>> listWebhookEndpoints() {
        return ResponseEntity.ok(endpoints.ofBank(bankId()).stream().map(WebhookEndpointController::toApi).toList());
    }

    @Override
    public ResponseEntity<cn.ipf.api.model.WebhookEndpoint> setWebhookEndpointStatus(Long endpointId,
            WebhookEndpointStatus body, String idempotencyKey) {
        return ResponseEntity.ok(toApi(endpoints.setEnabled(bankId(), endpointId, body.getEnabled())));
    }

    @Override
    public ResponseEntity<Void> deleteWebhookEndpoint(Long endpointId, String idempotencyKey) {
        endpoints.delete(bankId(), endpointId);
        return ResponseEntity.noContent().build();
    }

    private static long bankId() {
        return CurrentActor.get().bankId();
    }

    private static CreatedWebhookEndpoint withSecret(WebhookEndpoints.Registered registered) {
        return new CreatedWebhookEndpoint().endpoint(toApi(registered.endpoint())).secret(registered.secret());
    }

    private static cn.ipf.api.model.WebhookEndpoint toApi(WebhookEndpoint e) {
        return new cn.ipf.api.model.WebhookEndpoint()
                .endpointId(e.id())
                .url(e.url())
                .description(e.description())
                .enabled(e.enabled())
                .createdAt(ApiTime.utc(e.createdAt()));
    }
}
