package cn.ipf.app.webhook;

import cn.ipf.api.model.CreatedWebhookEndpoint;
import cn.ipf.api.model.NewWebhookEndpoint;
import cn.ipf.api.server.BankWebhooksApi;
import cn.ipf.app.security.CurrentActor;
import java.net.URI;
import java.time.ZoneOffset;
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
        WebhookEndpoints.Registered registered = endpoints.register(CurrentActor.get().bankId(), body.getUrl(),
                body.getDescription());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .location(URI.create("/api/v1/bank/webhook-endpoints/" + registered.endpoint().id()))
                .body(new CreatedWebhookEndpoint().endpoint(toApi(registered.endpoint()))
                        .secret(registered.secret()));
    }

    @Override
    public ResponseEntity<List<cn.ipf.api.model.WebhookEndpoint>> listWebhookEndpoints() {
        return ResponseEntity.ok(endpoints.ofBank(CurrentActor.get().bankId()).stream()
                .map(WebhookEndpointController::toApi).toList());
    }

    private static cn.ipf.api.model.WebhookEndpoint toApi(WebhookEndpoint e) {
        return new cn.ipf.api.model.WebhookEndpoint()
                .endpointId(e.id())
                .url(e.url())
                .description(e.description())
                .enabled(e.enabled())
                .createdAt(e.createdAt().atOffset(ZoneOffset.UTC));
    }
}
