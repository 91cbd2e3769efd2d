package cn.ipf.sdk.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures of the platform's webhook requests, the <a href="https://www.standardwebhooks.com">Standard Webhooks</a>
 * way. A bank verifies every request with it before trusting the body; the platform signs with this same class, so
 * both sides compute the signed content from one piece of code.
 *
 * <pre>
 * webhook-id:        msg_…  (the event's id: the same on every retry, use it to drop duplicates)
 * webhook-timestamp: unix seconds of this attempt
 * webhook-signature: v1,&lt;base64(HMAC-SHA256(key, id + "." + timestamp + "." + body))&gt;
 * key = Base64-decoded part of the endpoint's secret after "whsec_"
 * </pre>
 *
 * The signature header may carry several space-separated signatures; one match is enough. Timestamps more than five
 * minutes from the receiver's clock are refused, so a captured request cannot be replayed later.
 *
 * <pre>{@code
 * WebhookVerifier verifier = new WebhookVerifier(endpointSecret);   // "whsec_..."
 * verifier.verify(requestHeaders, rawBodyBytes);                    // throws WebhookVerificationException
 * }</pre>
 */
public final class WebhookVerifier {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String SECRET_PREFIX = "whsec_";
    private static final String VERSION = "v1";

    private final byte[] key;
    private final Clock clock;

    /** A verifier for the endpoint secret as the platform handed it out ({@code whsec_} + Base64). */
    public WebhookVerifier(String secret) {
        this(secret, Clock.systemUTC());
    }

    public WebhookVerifier(String secret, Clock clock) {
        if (secret == null) {
            throw new IllegalArgumentException("webhook secret is missing");
        }
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            this.key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook secret is not whsec_ followed by Base64", e);
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("webhook secret is empty");
        }
        this.clock = clock;
    }

    /** The {@code webhook-signature} value for a request: {@code v1,} and the Base64 HMAC. */
    public String sign(String id, long timestamp, byte[] body) {
        return VERSION + "," + Base64.getEncoder().encodeToString(hmac(id, timestamp, body));
    }

    /**
     * Verifies a request from its headers (names in any case; a value may be a String or a list of them, as servlet
     * and {@code com.sun.net.httpserver} headers are) and its raw body bytes, exactly as received.
     */
    public void verify(Map<String, ?> headers, byte[] body) throws WebhookVerificationException {
        verify(header(headers, ID_HEADER), header(headers, TIMESTAMP_HEADER), header(headers, SIGNATURE_HEADER), body);
    }

    /** {@link #verify(Map, byte[])} for a body already read as (UTF-8) text. */
    public void verify(Map<String, ?> headers, String body) throws WebhookVerificationException {
        verify(headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Verifies the three header values and the raw body. */
    public void verify(String id, String timestamp, String signatures, byte[] body)
            throws WebhookVerificationException {
        if (id == null || id.isBlank() || timestamp == null || signatures == null) {
            throw new WebhookVerificationException(
                    "missing header: webhook-id, webhook-timestamp and webhook-signature are all required");
        }
        if (!timestamp.trim().matches("[0-9]{1,12}")) {
            throw new WebhookVerificationException("webhook-timestamp is not a number of unix seconds: " + timestamp);
        }
        long sent = Long.parseLong(timestamp.trim());
        long now = clock.instant().getEpochSecond();
        if (sent < now - TOLERANCE.toSeconds()) {
            throw new WebhookVerificationException("webhook-timestamp is more than 5 minutes old: " + sent);
        }
        if (sent > now + TOLERANCE.toSeconds()) {
            throw new WebhookVerificationException("webhook-timestamp is more than 5 minutes ahead: " + sent);
        }
        byte[] expected = hmac(id, sent, body);
        for (String candidate : signatures.trim().split(" +")) {
            int comma = candidate.indexOf(',');
            if (comma > 0 && VERSION.equals(candidate.substring(0, comma))
                    && MessageDigest.isEqual(expected, decodeOrEmpty(candidate.substring(comma + 1)))) {
                return;
            }
        }
        throw new WebhookVerificationException("no v1 signature in webhook-signature matches: the body, webhook-id or "
                + "webhook-timestamp was altered, or the secret is not this endpoint's");
    }

    private byte[] hmac(String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body == null ? new byte[0] : body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] decodeOrEmpty(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static String header(Map<String, ?> headers, String name) {
        for (Map.Entry<String, ?> e : headers.entrySet()) {
            if (name.equalsIgnoreCase(e.getKey())) {
                Object value = e.getValue();
                if (value instanceof Iterable<?> values) {
                    Iterator<?> first = values.iterator();
                    return first.hasNext() ? String.valueOf(first.next()) : null;
                }
                return value == null ? null : value.toString();
            }
        }
        return null;
    }
}
