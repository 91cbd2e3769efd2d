package cn.ipf.sdk.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The IPF-HMAC-SHA256 request-signing scheme, shared by the SDK (which signs) and the server (which verifies), so
 * that both sides build the string to sign from the same code.
 *
 * <pre>
 * Authorization: IPF-HMAC-SHA256 app_id=&lt;id&gt;,timestamp=&lt;unix s&gt;,nonce=&lt;16-64 [A-Za-z0-9]&gt;,signature=&lt;base64&gt;
 * string_to_sign = METHOD \n path \n raw query or "" \n timestamp \n nonce \n hex(sha256(body))
 * signature      = base64(HMAC-SHA256(secret bytes, string_to_sign as UTF-8))
 * </pre>
 *
 * The secret is used as the UTF-8 bytes of the string the administrator handed out.
 */
public final class IpfSignature {

    public static final String SCHEME = "IPF-HMAC-SHA256";

    private static final Pattern HEADER = Pattern.compile(
            "^" + SCHEME + " app_id=([A-Za-z0-9_-]{1,64}),timestamp=([0-9]{1,12}),"
                    + "nonce=([A-Za-z0-9]{16,64}),signature=([A-Za-z0-9+/]{1,200}={0,2})$");

    private IpfSignature() {
    }

    /** The parsed parts of an Authorization header. */
    public record Credentials(String appId, long timestamp, String nonce, String signature) {
    }

    public static String stringToSign(String method, String rawPath, String rawQuery, long timestamp, String nonce,
            byte[] body) {
        return String.join("\n",
                method.toUpperCase(Locale.ROOT),
                rawPath,
                rawQuery == null ? "" : rawQuery,
                Long.toString(timestamp),
                nonce,
                sha256Hex(body == null ? new byte[0] : body));
    }

    public static String sign(String secret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison of a presented signature against the expected one. */
    public static boolean matches(String secret, String stringToSign, String presentedSignature) {
        byte[] expected = sign(secret, stringToSign).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = presentedSignature.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented);
    }

    public static String authorizationHeader(String appId, long timestamp, String nonce, String signature) {
        return SCHEME + " app_id=" + appId + ",timestamp=" + timestamp + ",nonce=" + nonce + ",signature=" + signature;
    }

    /** Parses a header value; returns null when it is not a well-formed IPF-HMAC-SHA256 header. */
    public static Credentials parse(String headerValue) {
        if (headerValue == null) {
            return null;
        }
        Matcher m = HEADER.matcher(headerValue.trim());
        if (!m.matches()) {
            return null;
        }
        return new Credentials(m.group(1), Long.parseLong(m.group(2)), m.group(3), m.group(4));
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
