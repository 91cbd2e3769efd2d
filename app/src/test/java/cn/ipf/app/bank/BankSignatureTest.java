package cn.ipf.app.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.IntegrationTest;
import cn.ipf.sdk.api.BankIdentityApi;
import cn.ipf.sdk.api.BankWebhooksApi;
import cn.ipf.sdk.client.ApiClient;
import cn.ipf.sdk.client.ApiException;
import cn.ipf.sdk.client.ApiResponse;
import cn.ipf.sdk.model.BankIdentity;
import cn.ipf.sdk.model.CreatedWebhookEndpoint;
import cn.ipf.sdk.model.NewWebhookEndpoint;
import cn.ipf.sdk.model.WebhookEndpoint;
import cn.ipf.sdk.signing.IpfBankClients;
import cn.ipf.sdk.signing.IpfRequestSigner;
import cn.ipf.sdk.signing.IpfSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signed bank API through HTTP: requests signed by the SDK are accepted; replayed, tampered, skewed, wrongly
 * signed, unsigned requests and requests of disabled or unknown apps are refused with their own 401 code and write
 * nothing; secrets rotate; each app has its own rate limit; a bank sees only its own data.
 */
class BankSignatureTest extends IntegrationTest {

    private static final String ME = "/api/v1/bank/me";
    private static final String ENDPOINTS = "/api/v1/bank/webhook-endpoints";
    private static final HttpClient RAW = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String admin;

    @BeforeEach
    void signInAdmin() {
        admin = adminToken();
    }

    // ---- accepted -------------------------------------------------------------------------------------------

    @Test
    void requestsSignedByTheSdkAreAccepted() throws ApiException {
        long bankId = bank(admin);
        BankCredentials app = app(admin, bankId, 50);

        BankIdentity me = new BankIdentityApi(sdk(app)).getBankIdentity();
        assertThat(me.getAppId()).isEqualTo(app.appId());
        assertThat(me.getBankId()).isEqualTo(bankId);
        assertThat(me.getRateLimitPerMinute()).isEqualTo(50);

        BankWebhooksApi webhooks = new BankWebhooksApi(sdk(app));
        String url = endpointUrl();
        String key = unique("key");
        long endpointsBefore = count("webhook_endpoint");
        ApiResponse<CreatedWebhookEndpoint> created = webhooks.createWebhookEndpointWithHttpInfo(key,
                new NewWebhookEndpoint().url(url).description("loan events"));
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getData().getSecret()).startsWith("whsec_").hasSizeGreaterThan(40);
        long endpointId = created.getData().getEndpoint().getEndpointId();
        assertThat(created.getData().getEndpoint().getUrl()).isEqualTo(url);
        assertThat(count("webhook_endpoint")).isEqualTo(endpointsBefore + 1);

        assertThat(webhooks.listWebhookEndpoints())
                .extracting(WebhookEndpoint::getEndpointId, WebhookEndpoint::getUrl, WebhookEndpoint::getEnabled)
                .containsExactly(tuple(endpointId, url, true));

        // the same Idempotency-Key again (freshly signed): the stored response, no second endpoint
        ApiResponse<CreatedWebhookEndpoint> again = webhooks.createWebhookEndpointWithHttpInfo(key,
                new NewWebhookEndpoint().url(url).description("loan events"));
        assertThat(again.getStatusCode()).isEqualTo(201);
        assertThat(again.getHeaders().get("idempotent-replayed")).containsExactly("true");
        assertThat(again.getData().getEndpoint().getEndpointId()).isEqualTo(endpointId);
        assertThat(count("webhook_endpoint")).isEqualTo(endpointsBefore + 1);
    }

    @Test
    void aTimestampWithinTheAllowedSkewIsAccepted() throws ApiException {
        BankCredentials app = app(admin, bank(admin), null);
        BankIdentity me = new BankIdentityApi(signingClient(app.appId(), app.secret(), Duration.ofSeconds(-290)))
                .getBankIdentity();
        assertThat(me.getAppId()).isEqualTo(app.appId());
    }

    // ---- refused, nothing written ---------------------------------------------------------------------------

    @Test
    void theExactSameSignedRequestIsAcceptedOnce() {
        BankCredentials app = app(admin, bank(admin), null);
        String body = webhookBody(endpointUrl());
        HttpRequest request = HttpRequest.newBuilder(uri(ENDPOINTS))
                .header("Authorization", authorization(app.appId(), app.secret(), "POST", ENDPOINTS, null, body,
                        now()))
                .header("Idempotency-Key", unique("key"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();

        assertThat(send(request).status()).isEqualTo(201);
        Counts before = counts();
        Http.Response replay = send(request);

        assertRefused(replay, 401, "NONCE_REUSED");
        assertThat(replay.header("Idempotent-Replayed")).isNull();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() {
        BankCredentials app = app(admin, bank(admin), null);
        String signedBody = webhookBody("https://bank.example.cn/ipf/events");
        String sentBody = webhookBody("https://evil.example.cn/ipf/events");
        String authorization = authorization(app.appId(), app.secret(), "POST", ENDPOINTS, null, signedBody, now());
        Counts before = counts();

        Http.Response r = http.header("Authorization", authorization).header("Idempotency-Key", unique("key"))
                .send("POST", ENDPOINTS, sentBody);

        assertRefused(r, 401, "SIGNATURE_INVALID");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aClockMoreThanThreeHundredSecondsOffIsRefused() {
        BankCredentials app = app(admin, bank(admin), null);
        Counts before = counts();

        BankWebhooksApi behind = new BankWebhooksApi(signingClient(app.appId(), app.secret(),
                Duration.ofSeconds(-301)));
        assertSdkRefused(() -> behind.createWebhookEndpoint(unique("key"), new NewWebhookEndpoint()
                .url(endpointUrl())), 401, "TIMESTAMP_SKEW");
        BankWebhooksApi ahead = new BankWebhooksApi(signingClient(app.appId(), app.secret(),
                Duration.ofSeconds(305)));
        assertSdkRefused(() -> ahead.createWebhookEndpoint(unique("key"), new NewWebhookEndpoint()
                .url(endpointUrl())), 401, "TIMESTAMP_SKEW");
        // signed by hand with a timestamp from an hour ago
        Http.Response old = http.header("Authorization", authorization(app.appId(), app.secret(), "POST",
                        ENDPOINTS, null, webhookBody(endpointUrl()), now() - 3600))
                .header("Idempotency-Key", unique("key")).send("POST", ENDPOINTS, webhookBody(endpointUrl()));
        assertRefused(old, 401, "TIMESTAMP_SKEW");

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aRequestSignedWithAnotherSecretIsRefused() {
        BankCredentials app = app(admin, bank(admin), null);
        BankCredentials other = app(admin, bank(admin), null);
        Counts before = counts();

        BankWebhooksApi wrong = new BankWebhooksApi(IpfBankClients.create(base(), app.appId(), other.secret()));
        assertSdkRefused(() -> wrong.createWebhookEndpoint(unique("key"), new NewWebhookEndpoint()
                .url(endpointUrl())), 401, "SIGNATURE_INVALID");
        assertSdkRefused(() -> new BankIdentityApi(IpfBankClients.create(base(), app.appId(), app.secret() + "x"))
                .getBankIdentity(), 401, "SIGNATURE_INVALID");

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aDisabledAppIsRefusedUntilEnabledAgain() throws ApiException {
        BankCredentials app = app(admin, bank(admin), null);
        Http.Response disabled = http.with(admin).put("/api/v1/admin/bank-apps/" + app.appId() + "/status",
                Map.of("enabled", false));
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        Counts before = counts();

        BankWebhooksApi webhooks = new BankWebhooksApi(sdk(app));
        assertSdkRefused(() -> webhooks.createWebhookEndpoint(unique("key"), new NewWebhookEndpoint()
                .url(endpointUrl())), 401, "APP_DISABLED");
        assertSdkRefused(() -> new BankIdentityApi(sdk(app)).getBankIdentity(), 401, "APP_DISABLED");
        assertThat(counts()).isEqualTo(before);

        Http.Response enabled = http.with(admin).put("/api/v1/admin/bank-apps/" + app.appId() + "/status",
                Map.of("enabled", true));
        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().get("enabled").asBoolean()).isTrue();
        assertThat(webhooks.createWebhookEndpointWithHttpInfo(unique("key"), new NewWebhookEndpoint()
                .url(endpointUrl())).getStatusCode()).isEqualTo(201);
    }

    @Test
    void anUnknownAppIsRefused() {
        BankCredentials real = app(admin, bank(admin), null);
        String unknownAppId = "app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Counts before = counts();

        Http.Response r = http.header("Authorization", authorization(unknownAppId, real.secret(), "POST",
                        ENDPOINTS, null, webhookBody(endpointUrl()), now()))
                .header("Idempotency-Key", unique("key")).send("POST", ENDPOINTS, webhookBody(endpointUrl()));

        assertRefused(r, 401, "APP_UNKNOWN");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void malformedAuthorizationHeadersAreRefused() {
        BankCredentials app = app(admin, bank(admin), null);
        String body = webhookBody(endpointUrl());
        String good = authorization(app.appId(), app.secret(), "POST", ENDPOINTS, null, body, now());
        String[] malformed = {
            good.replaceFirst("nonce=[A-Za-z0-9]+", "nonce=tooShort123"),
            good.replaceFirst(",timestamp=[0-9]+", ""),
            good.replace("IPF-HMAC-SHA256 ", "IPF-HMAC-SHA1 "),
            good.replace(",", ";"),
            "Basic YmFuazpzZWNyZXQ=",
            "IPF-HMAC-SHA256",
        };
        Counts before = counts();

        for (String header : malformed) {
            Http.Response r = http.header("Authorization", header).header("Idempotency-Key", unique("key"))
                    .send("POST", ENDPOINTS, body);
            assertRefused(r, 401, "SIGNATURE_INVALID");
        }
        assertRefused(http.header("Authorization", "Bearer " + admin).header("Idempotency-Key", unique("key"))
                .send("POST", ENDPOINTS, body), 403, "FORBIDDEN");
        assertThat(counts()).isEqualTo(before);
        // the well-formed original still works (nothing above spent its nonce)
        assertThat(http.header("Authorization", good).header("Idempotency-Key", unique("key"))
                .send("POST", ENDPOINTS, body).status()).isEqualTo(201);
    }

    @Test
    void aRequestWithoutAuthorizationIsUnauthenticated() {
        Counts before = counts();

        Http.Response post = http.header("Idempotency-Key", unique("key"))
                .send("POST", ENDPOINTS, webhookBody(endpointUrl()));
        Http.Response get = http.get(ME);

        assertRefused(post, 401, "UNAUTHENTICATED");
        assertRefused(get, 401, "UNAUTHENTICATED");
        assertThat(get.header("WWW-Authenticate")).isEqualTo("IPF-HMAC-SHA256");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theQueryStringIsPartOfTheSignature() {
        BankCredentials app = app(admin, bank(admin), null);

        String signedForA1 = authorization(app.appId(), app.secret(), "GET", ME, "a=1", null, now());
        assertRefused(http.header("Authorization", signedForA1).get(ME + "?a=2"), 401, "SIGNATURE_INVALID");
        assertRefused(http.header("Authorization", signedForA1).get(ME), 401, "SIGNATURE_INVALID");

        String fresh = authorization(app.appId(), app.secret(), "GET", ME, "a=1", null, now());
        Http.Response ok = http.header("Authorization", fresh).get(ME + "?a=1");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("appId").asString()).isEqualTo(app.appId());
    }

    @Test
    void theMethodAndPathArePartOfTheSignature() {
        BankCredentials app = app(admin, bank(admin), null);
        String signedGetOfMe = authorization(app.appId(), app.secret(), "GET", ME, null, null, now());

        assertRefused(http.header("Authorization", signedGetOfMe).get(ENDPOINTS), 401, "SIGNATURE_INVALID");
        assertRefused(http.header("Authorization", signedGetOfMe).header("Idempotency-Key", unique("key"))
                .send("POST", ME, null), 401, "SIGNATURE_INVALID");
    }

    @Test
    void aBankPostWithoutIdempotencyKeyIsRefused() {
        BankCredentials app = app(admin, bank(admin), null);
        String body = webhookBody(endpointUrl());
        Counts before = counts();

        Http.Response r = http.header("Authorization", authorization(app.appId(), app.secret(), "POST", ENDPOINTS,
                null, body, now())).send("POST", ENDPOINTS, body);

        assertRefused(r, 400, "IDEMPOTENCY_KEY_REQUIRED");
        assertThat(counts()).isEqualTo(before);
    }

    // ---- secrets, rate limit, isolation ---------------------------------------------------------------------

    @Test
    void secretsRotateWithAtMostTwoActive() throws ApiException {
        BankCredentials app = app(admin, bank(admin), null);
        String secrets = "/api/v1/admin/bank-apps/" + app.appId() + "/secrets";

        Http.Response added = http.with(admin).post(secrets, null);
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("appId").asString()).isEqualTo(app.appId());
        String second = added.json().get("secret").asString();
        long secondId = added.json().get("secretId").asLong();
        assertThat(second).isNotEqualTo(app.secret());

        assertThat(identity(app.appId(), app.secret()).getAppId()).isEqualTo(app.appId());
        assertThat(identity(app.appId(), second).getAppId()).isEqualTo(app.appId());

        Http.Response third = http.with(admin).post(secrets, null);
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.code()).isEqualTo("SECRET_LIMIT_REACHED");

        assertThat(http.with(admin).post(secrets + "/" + app.secretId() + "/revoke", null).status())
                .isEqualTo(204);
        assertSdkRefused(() -> identity(app.appId(), app.secret()), 401, "SIGNATURE_INVALID");
        assertThat(identity(app.appId(), second).getAppId()).isEqualTo(app.appId());

        Http.Response last = http.with(admin).post(secrets + "/" + secondId + "/revoke", null);
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.code()).isEqualTo("LAST_ACTIVE_SECRET");
        assertThat(identity(app.appId(), second).getAppId()).isEqualTo(app.appId());

        Http.Response shown = http.with(admin).get("/api/v1/admin/bank-apps/" + app.appId());
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).doesNotContain(app.secret()).doesNotContain(second);
        JsonNode listed = shown.json().get("secrets");
        assertThat(listed.size()).isEqualTo(2);
        for (int i = 0; i < listed.size(); i++) {
            JsonNode s = listed.get(i);
            assertThat(s.has("secret")).isFalse();
            boolean first = s.get("secretId").asLong() == app.secretId();
            assertThat(s.get("active").asBoolean()).isEqualTo(!first);
            assertThat(s.has("revokedAt")).isEqualTo(first);
        }
    }

    @Test
    void eachAppHasItsOwnRateLimit() {
        BankCredentials app = app(admin, bank(admin), 3);
        BankCredentials neighbour = app(admin, bank(admin), 3);

        for (int i = 0; i < 3; i++) {
            assertThat(signedGet(app, ME).status()).as("request %d", i + 1).isEqualTo(200);
        }
        Http.Response limited = signedGet(app, ME);

        assertRefused(limited, 429, "RATE_LIMITED");
        assertThat(limited.header("Retry-After")).matches("[0-9]+");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(signedGet(neighbour, ME).status()).isEqualTo(200);
    }

    @Test
    void aBankSeesOnlyItsOwnWebhookEndpoints() throws ApiException {
        BankCredentials a = app(admin, bank(admin), null);
        BankCredentials b = app(admin, bank(admin), null);
        String urlA = endpointUrl();
        String urlB = endpointUrl();
        new BankWebhooksApi(sdk(a)).createWebhookEndpoint(unique("key"), new NewWebhookEndpoint().url(urlA));
        new BankWebhooksApi(sdk(b)).createWebhookEndpoint(unique("key"), new NewWebhookEndpoint().url(urlB));

        assertThat(new BankWebhooksApi(sdk(a)).listWebhookEndpoints()).extracting(WebhookEndpoint::getUrl)
                .containsExactly(urlA);
        assertThat(new BankWebhooksApi(sdk(b)).listWebhookEndpoints()).extracting(WebhookEndpoint::getUrl)
                .containsExactly(urlB);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** What a test must see unchanged after a refused request. */
    private record Counts(long webhookEndpoints, long idempotencyRecords, long auditEvents) {
    }

    private Counts counts() {
        return new Counts(count("webhook_endpoint"), count("idempotency_record"), count("audit_event"));
    }

    private static void assertRefused(Http.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
    }

    private static void assertSdkRefused(ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getCode()).as(e.getResponseBody()).isEqualTo(status);
            assertThat(e.getResponseHeaders().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(e.getResponseBody()).get("code").asString()).isEqualTo(code);
        });
    }

    /** The Authorization header a bank computes for a request, with a fresh nonce. */
    private static String authorization(String appId, String secret, String method, String path, String query,
            String body, long timestamp) {
        String nonce = UUID.randomUUID().toString().replace("-", "");
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String toSign = IpfSignature.stringToSign(method, path, query, timestamp, nonce, bytes);
        return IpfSignature.authorizationHeader(appId, timestamp, nonce, IpfSignature.sign(secret, toSign));
    }

    private Http.Response signedGet(BankCredentials app, String path) {
        return http.header("Authorization", authorization(app.appId(), app.secret(), "GET", path, null, null, now()))
                .get(path);
    }

    /** The SDK with a signer whose clock is off by {@code offset}. */
    private ApiClient signingClient(String appId, String secret, Duration offset) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base());
        client.setRequestInterceptor(new IpfRequestSigner(appId, secret, Clock.offset(Clock.systemUTC(), offset)));
        return client;
    }

    private BankIdentity identity(String appId, String secret) throws ApiException {
        return new BankIdentityApi(IpfBankClients.create(base(), appId, secret)).getBankIdentity();
    }

    private Http.Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = RAW.send(request, HttpResponse.BodyHandlers.ofString());
            return new Http.Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private URI uri(String path) {
        return URI.create(base() + path);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String endpointUrl() {
        return "https://" + unique("bank") + ".example.cn/ipf/events";
    }

    private static String webhookBody(String url) {
        return JSON.writeValueAsString(Map.of("url", url));
    }
}
