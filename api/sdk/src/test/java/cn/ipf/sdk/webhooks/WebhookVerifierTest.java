package cn.ipf.sdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Standard Webhooks signatures against the specification's published example, whose signature was recomputed outside
 * Java:
 *
 * <pre>
 * printf '%s' 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}' \
 *   | openssl dgst -sha256 -mac HMAC -macopt hexkey:$(printf MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw | base64 -d | xxd -p -c 256) \
 *       -binary | base64
 * </pre>
 */
class WebhookVerifierTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static WebhookVerifier at(long epochSecond) {
        return new WebhookVerifier(SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static Map<String, String> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp), "webhook-signature", signature);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSpecificationsExampleSignsAndVerifies() {
        WebhookVerifier verifier = at(TIMESTAMP);
        assertThat(verifier.sign(ID, TIMESTAMP, bytes(BODY))).isEqualTo(SIGNATURE);
        assertThatCode(() -> verifier.verify(headers(ID, TIMESTAMP, SIGNATURE), bytes(BODY))).doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify(headers(ID, TIMESTAMP, SIGNATURE), BODY)).doesNotThrowAnyException();
    }

    @Test
    void headerNamesAreCaseInsensitiveAndListValuesAreRead() {
        Map<String, List<String>> headers = Map.of("Webhook-Id", List.of(ID),
                "WEBHOOK-TIMESTAMP", List.of(Long.toString(TIMESTAMP)), "Webhook-Signature", List.of(SIGNATURE));
        assertThatCode(() -> at(TIMESTAMP).verify(headers, bytes(BODY))).doesNotThrowAnyException();
    }

    @Test
    void oneMatchingSignatureAmongSeveralIsEnough() {
        String several = "v1,Zm9v v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= " + SIGNATURE + " v1a,xyz";
        assertThatCode(() -> at(TIMESTAMP).verify(headers(ID, TIMESTAMP, several), bytes(BODY)))
                .doesNotThrowAnyException();
    }

    @Test
    void theSecretWorksWithoutItsPrefixToo() {
        WebhookVerifier bare = new WebhookVerifier(SECRET.substring("whsec_".length()),
                Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC));
        assertThat(bare.sign(ID, TIMESTAMP, bytes(BODY))).isEqualTo(SIGNATURE);
    }

    @Test
    void anyAlterationIsRefused() {
        WebhookVerifier verifier = at(TIMESTAMP);
        assertRefused(verifier, headers(ID, TIMESTAMP, SIGNATURE), "{\"test\": 2432232315}", "no v1 signature");
        assertRefused(verifier, headers(ID + "x", TIMESTAMP, SIGNATURE), BODY, "no v1 signature");
        assertRefused(verifier, headers(ID, TIMESTAMP + 1, SIGNATURE), BODY, "no v1 signature");
        assertRefused(verifier, headers(ID, TIMESTAMP, "v2," + SIGNATURE.substring(3)), BODY, "no v1 signature");
        assertRefused(verifier, headers(ID, TIMESTAMP, SIGNATURE.substring(3)), BODY, "no v1 signature");
        assertRefused(verifier, headers(ID, TIMESTAMP, "v1,not base64!"), BODY, "no v1 signature");
        assertRefused(verifier, headers(ID, TIMESTAMP, ""), BODY, "no v1 signature");
        WebhookVerifier otherSecret = new WebhookVerifier("whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=",
                Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC));
        assertRefused(otherSecret, headers(ID, TIMESTAMP, SIGNATURE), BODY, "no v1 signature");
    }

    @Test
    void timestampsMoreThanFiveMinutesOffAreRefused() throws Exception {
        at(TIMESTAMP + 300).verify(headers(ID, TIMESTAMP, SIGNATURE), bytes(BODY));
        at(TIMESTAMP - 300).verify(headers(ID, TIMESTAMP, SIGNATURE), bytes(BODY));
        assertRefused(at(TIMESTAMP + 301), headers(ID, TIMESTAMP, SIGNATURE), BODY, "more than 5 minutes old");
        assertRefused(at(TIMESTAMP - 301), headers(ID, TIMESTAMP, SIGNATURE), BODY, "more than 5 minutes ahead");
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        WebhookVerifier verifier = at(TIMESTAMP);
        assertRefused(verifier, Map.of("webhook-id", ID, "webhook-timestamp", "1614265330"), BODY, "missing header");
        assertRefused(verifier, Map.of(), BODY, "missing header");
        assertRefused(verifier, Map.of("webhook-id", ID, "webhook-timestamp", "16142653.3",
                "webhook-signature", SIGNATURE), BODY, "not a number");
    }

    @Test
    void aSecretThatIsNotBase64IsACallersMistake() {
        assertThatThrownBy(() -> new WebhookVerifier("whsec_***")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Base64");
        assertThatThrownBy(() -> new WebhookVerifier("whsec_")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRefused(WebhookVerifier verifier, Map<String, String> headers, String body,
            String reason) {
        assertThatThrownBy(() -> verifier.verify(headers, bytes(body)))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining(reason);
    }
}
