package cn.ipf.app.bank;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.Infrastructure;
import cn.ipf.app.testinfra.IntegrationTest;
import cn.ipf.app.testinfra.TcpProxy;
import cn.ipf.app.user.Role;
import cn.ipf.sdk.signing.IpfSignature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Redis goes away (the test cuts the TCP proxy in front of it): what needs Redis (nonce check, rate limit, sign-in
 * lockout) fails closed with 503 REDIS_UNAVAILABLE; what does not (JWT-authenticated requests, admin writes) goes on,
 * and the liveness and readiness probes stay UP; once Redis is back, everything works again without a restart.
 */
class RedisOutageTest extends IntegrationTest {

    /** Lettuce reconnects with a backoff; recovery must happen within this bound. */
    private static final Duration RECOVERY = Duration.ofSeconds(15);

    @Test
    void securityChecksFailClosedWhileRedisIsDownAndRecoverAfterwards() {
        // everything that needs Redis to set up happens before the cut
        String admin = adminToken();
        String username = user(Role.REGULATOR, null, null, null);
        BankCredentials app = app(admin, bank(admin), null);
        assertThat(signedGet(app).status()).isEqualTo(200);

        TcpProxy redis = Infrastructure.get().redisProxy();
        redis.cut();
        try {
            assertUnavailable(signedGet(app));

            long endpoints = count("webhook_endpoint");
            String body = "{\"url\":\"https://" + unique("bank") + ".example.cn/ipf/events\"}";
            Http.Response post = http.header("Authorization", authorization(app, "POST",
                            "/api/v1/bank/webhook-endpoints", body))
                    .header("Idempotency-Key", unique("key")).send("POST", "/api/v1/bank/webhook-endpoints", body);
            assertUnavailable(post);
            assertThat(count("webhook_endpoint")).isEqualTo(endpoints);

            // sign-in fails closed: the lockout counter lives in Redis
            assertUnavailable(http.post("/api/v1/auth/token", Map.of("username", username, "password", PASSWORD)));

            // requests that do not need Redis go on
            Http.Response me = http.with(admin).get("/api/v1/me");
            assertThat(me.status()).as(me.toString()).isEqualTo(200);
            assertThat(me.json().get("role").asString()).isEqualTo("ADMIN");
            Http.Response bank = http.with(admin).post("/api/v1/admin/banks",
                    Map.of("name", unique("银行"), "bankCode", bankCode()));
            assertThat(bank.status()).as(bank.toString()).isEqualTo(201);
        } finally {
            redis.restore();
        }

        Http.Response bankRequest = eventually(() -> signedGet(app));
        assertThat(bankRequest.status()).as(bankRequest.toString()).isEqualTo(200);
        assertThat(bankRequest.json().get("appId").asString()).isEqualTo(app.appId());
        Http.Response signIn = eventually(() -> http.post("/api/v1/auth/token",
                Map.of("username", username, "password", PASSWORD)));
        assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);
    }

    @Test
    void theProbesStayUpWhileRedisIsDownAndHealthShowsIt() {
        TcpProxy redis = Infrastructure.get().redisProxy();
        redis.cut();
        try {
            Http.Response liveness = http.get("/actuator/health/liveness");
            assertThat(liveness.status()).as(liveness.toString()).isEqualTo(200);
            assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
            Http.Response readiness = http.get("/actuator/health/readiness");
            assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
            assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
            assertThat(readiness.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
            assertThat(readiness.json().get("components").has("redis")).isFalse();
            Http.Response health = http.get("/actuator/health");
            assertThat(health.json().get("components").get("redis").get("status").asString()).as(health.toString())
                    .isEqualTo("DOWN");
        } finally {
            redis.restore();
        }
    }

    private static void assertUnavailable(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("REDIS_UNAVAILABLE");
    }

    /** Repeats the request until it answers 200 or {@link #RECOVERY} has passed; returns the last answer. */
    private static Http.Response eventually(Supplier<Http.Response> request) {
        Instant deadline = Instant.now().plus(RECOVERY);
        Http.Response last = request.get();
        while (last.status() != 200 && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = request.get();
        }
        return last;
    }

    private Http.Response signedGet(BankCredentials app) {
        return http.header("Authorization", authorization(app, "GET", "/api/v1/bank/me", null))
                .get("/api/v1/bank/me");
    }

    private static String authorization(BankCredentials app, String method, String path, String body) {
        long timestamp = Instant.now().getEpochSecond();
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String toSign = IpfSignature.stringToSign(method, path, null, timestamp, nonce,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        return IpfSignature.authorizationHeader(app.appId(), timestamp, nonce, IpfSignature.sign(app.secret(), toSign));
    }

    private static String bankCode() {
        return String.valueOf(100_000_000_000L + (long) (Math.random() * 899_999_999_999L));
    }
}
