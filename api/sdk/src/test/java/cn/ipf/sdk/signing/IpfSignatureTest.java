package cn.ipf.sdk.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The IPF-HMAC-SHA256 scheme against a worked example whose expected values were computed outside Java:
 *
 * <pre>
 * printf '%s' '{"url":"https://bank.example.cn/ipf/events"}' | sha256sum
 * printf 'POST\n/api/v1/bank/webhook-endpoints\n\n1795305600\n4f9c2a7be1d04c3f8a6e5b7d9c0e1f2a\n&lt;hash&gt;' \
 *   | openssl dgst -sha256 -hmac 'c2VjcmV0LWZvci1kb2NzLW9ubHk' -binary | base64
 * </pre>
 */
class IpfSignatureTest {

    private static final String SECRET = "c2VjcmV0LWZvci1kb2NzLW9ubHk";
    private static final String PATH = "/api/v1/bank/webhook-endpoints";
    private static final long TIMESTAMP = 1795305600L;
    private static final String NONCE = "4f9c2a7be1d04c3f8a6e5b7d9c0e1f2a";
    private static final String BODY = "{\"url\":\"https://bank.example.cn/ipf/events\"}";

    private static final String BODY_SHA256 = "a93706d57a5d74d23cd6314c9934466c5d5405d4830324dbd9ff50b2062f720b";
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String STRING_TO_SIGN = "POST\n"
            + "/api/v1/bank/webhook-endpoints\n"
            + "\n"
            + "1795305600\n"
            + "4f9c2a7be1d04c3f8a6e5b7d9c0e1f2a\n"
            + "a93706d57a5d74d23cd6314c9934466c5d5405d4830324dbd9ff50b2062f720b";
    private static final String SIGNATURE = "9aXX9xrNqX3yZnyRZ7t6Qg47vhLbvzawCoByCG+XtFM=";

    @Test
    void workedExampleGivesTheDocumentedStringToSignAndSignature() {
        String toSign = IpfSignature.stringToSign("POST", PATH, null, TIMESTAMP, NONCE,
                BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(IpfSignature.sha256Hex(BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(BODY_SHA256);
        assertThat(toSign).isEqualTo(STRING_TO_SIGN);
        assertThat(IpfSignature.sign(SECRET, toSign)).isEqualTo(SIGNATURE);
        assertThat(IpfSignature.matches(SECRET, toSign, SIGNATURE)).isTrue();
    }

    @Test
    void emptyQueryAndMissingQueryAreTheSameAndMethodIsUpperCased() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(IpfSignature.stringToSign("post", PATH, "", TIMESTAMP, NONCE, body)).isEqualTo(STRING_TO_SIGN);
    }

    @Test
    void noBodyIsHashedAsTheEmptyString() {
        String toSign = IpfSignature.stringToSign("GET", "/api/v1/bank/me", "a=1&b=2", TIMESTAMP, NONCE, null);
        assertThat(toSign).isEqualTo("GET\n/api/v1/bank/me\na=1&b=2\n1795305600\n" + NONCE + "\n" + EMPTY_SHA256);
        assertThat(IpfSignature.stringToSign("GET", "/api/v1/bank/me", "a=1&b=2", TIMESTAMP, NONCE, new byte[0]))
                .isEqualTo(toSign);
    }

    @Test
    void aOneCharacterChangeDoesNotMatch() {
        String otherBody = IpfSignature.stringToSign("POST", PATH, null, TIMESTAMP, NONCE,
                BODY.replace("events", "Events").getBytes(StandardCharsets.UTF_8));
        assertThat(IpfSignature.matches(SECRET, otherBody, SIGNATURE)).isFalse();
        assertThat(IpfSignature.matches(SECRET, STRING_TO_SIGN.replace("endpoints", "endpointz"), SIGNATURE)).isFalse();
        assertThat(IpfSignature.matches(SECRET, STRING_TO_SIGN.replace("1795305600", "1795305601"), SIGNATURE))
                .isFalse();
        assertThat(IpfSignature.matches(SECRET + "x", STRING_TO_SIGN, SIGNATURE)).isFalse();
        assertThat(IpfSignature.matches(SECRET, STRING_TO_SIGN, "8aXX9xrNqX3yZnyRZ7t6Qg47vhLbvzawCoByCG+XtFM="))
                .isFalse();
        assertThat(IpfSignature.matches(SECRET, STRING_TO_SIGN, "")).isFalse();
    }

    @Test
    void parseReadsAWellFormedHeader() {
        String header = IpfSignature.authorizationHeader("app_0a1b2c", TIMESTAMP, NONCE, SIGNATURE);
        assertThat(header).isEqualTo("IPF-HMAC-SHA256 app_id=app_0a1b2c,timestamp=1795305600,nonce=" + NONCE
                + ",signature=" + SIGNATURE);

        IpfSignature.Credentials credentials = IpfSignature.parse(header);

        assertThat(credentials).isEqualTo(new IpfSignature.Credentials("app_0a1b2c", TIMESTAMP, NONCE, SIGNATURE));
    }

    @Test
    void parseAcceptsNoncesOfSixteenToSixtyFourCharacters() {
        assertThat(IpfSignature.parse(header("app_1", "1795305600", "a".repeat(16), SIGNATURE))).isNotNull();
        assertThat(IpfSignature.parse(header("app_1", "1795305600", "Z9".repeat(32), SIGNATURE))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // nonce too short, too long, or outside [A-Za-z0-9]
        "IPF-HMAC-SHA256 app_id=app_1,timestamp=1795305600,nonce=abcdefghijklmno,signature=abc=",
        "IPF-HMAC-SHA256 app_id=app_1,timestamp=1795305600,nonce=%s,signature=abc=",
        "IPF-HMAC-SHA256 app_id=app_1,timestamp=1795305600,nonce=4f9c2a7b-e1d04c3f8a6e5b7d9c0e1f2a,signature=abc=",
        // missing fields
        "IPF-HMAC-SHA256 app_id=app_1,timestamp=1795305600,nonce=4f9c2a7be1d04c3f8a6e5b7d9c0e1f2a",
        "IPF-HMAC-SHA256 app_id=app_1,nonce=4f9c2a7be1d04c3f8a6e5b7d9c0e1f2a,signature=abc=",
        "IPF-HMAC-SHA256 timestamp=1795305600,nonce=4f9c2a7be1d04c3f8a6e5b7d9c0e1f2a,signature=abc=",
        "IPF-HMAC-SHA256 app_id=app_1,timestamp=,nonce=4f9c2a7be1d04c3f8a6e5b7d9c0e1f2a,signature=abc=",
        "IPF-HMAC-SHA256",
        "",
        // wrong scheme, or fields out of order
        "Bearer app_id=app_1,timestamp=1795305600,nonce=4f9c2a7be1d04c3f8a6e5b7d9c0e1f2a,signature=abc=",
        "IPF-HMAC-SHA1 app_id=app_1,timestamp=1795305600,nonce=4f9c2a7be1d04c3f8a6e5b7d9c0e1f2a,signature=abc=",
        "IPF-HMAC-SHA256 timestamp=1795305600,app_id=app_1,nonce=4f9c2a7be1d04c3f8a6e5b7d9c0e1f2a,signature=abc=",
        // not a number, not base64
        "IPF-HMAC-SHA256 app_id=app_1,timestamp=17953O5600,nonce=4f9c2a7be1d04c3f8a6e5b7d9c0e1f2a,signature=abc=",
        "IPF-HMAC-SHA256 app_id=app_1,timestamp=1795305600,nonce=4f9c2a7be1d04c3f8a6e5b7d9c0e1f2a,signature=ab$c"
    })
    void parseRejectsMalformedHeaders(String header) {
        String value = header.replace("%s", "a".repeat(65));
        assertThat(IpfSignature.parse(value)).as(value).isNull();
    }

    @Test
    void parseRejectsNull() {
        assertThat(IpfSignature.parse(null)).isNull();
    }

    @Test
    void requestSignerAddsAHeaderThatVerifiesOverTheExactBodyAndQuery() {
        Clock fixed = Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC);
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create("https://ipf.example.gov.cn" + PATH + "?page=2&q=%E9%93%B6"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY));

        new IpfRequestSigner("app_0a1b2c", SECRET, fixed).accept(builder);

        HttpRequest signed = builder.build();
        IpfSignature.Credentials credentials = IpfSignature.parse(signed.headers().firstValue("Authorization")
                .orElseThrow());
        assertThat(credentials).isNotNull();
        assertThat(credentials.appId()).isEqualTo("app_0a1b2c");
        assertThat(credentials.timestamp()).isEqualTo(TIMESTAMP);
        assertThat(credentials.nonce()).matches("[A-Za-z0-9]{32}");
        String expected = IpfSignature.stringToSign("POST", PATH, "page=2&q=%E9%93%B6", TIMESTAMP,
                credentials.nonce(), BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(IpfSignature.matches(SECRET, expected, credentials.signature())).isTrue();
        // the signature covers the body: another body does not verify
        String otherBody = IpfSignature.stringToSign("POST", PATH, "page=2&q=%E9%93%B6", TIMESTAMP,
                credentials.nonce(), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(IpfSignature.matches(SECRET, otherBody, credentials.signature())).isFalse();
        // and the body is still there to be sent
        assertThat(signed.bodyPublisher().orElseThrow().contentLength()).isEqualTo(BODY.length());
    }

    @Test
    void requestSignerUsesAFreshNonceForEveryRequest() {
        IpfRequestSigner signer = new IpfRequestSigner("app_1", SECRET);
        HttpRequest.Builder first = HttpRequest.newBuilder(URI.create("https://ipf.example.gov.cn/api/v1/bank/me"));
        HttpRequest.Builder second = HttpRequest.newBuilder(URI.create("https://ipf.example.gov.cn/api/v1/bank/me"));
        signer.accept(first);
        signer.accept(second);
        String a = IpfSignature.parse(first.build().headers().firstValue("Authorization").orElseThrow()).nonce();
        String b = IpfSignature.parse(second.build().headers().firstValue("Authorization").orElseThrow()).nonce();
        assertThat(a).isNotEqualTo(b);
    }

    private static String header(String appId, String timestamp, String nonce, String signature) {
        return "IPF-HMAC-SHA256 app_id=" + appId + ",timestamp=" + timestamp + ",nonce=" + nonce + ",signature="
                + signature;
    }
}
