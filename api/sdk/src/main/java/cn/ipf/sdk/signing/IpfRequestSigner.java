package cn.ipf.sdk.signing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Request interceptor for the generated {@code ApiClient}: adds the IPF-HMAC-SHA256 Authorization header to every
 * request, with a fresh random nonce and the current time. Install it with
 * {@code apiClient.setRequestInterceptor(new IpfRequestSigner(appId, secret))}, or use {@link IpfBankClients}.
 */
public final class IpfRequestSigner implements Consumer<HttpRequest.Builder> {

    private static final char[] NONCE_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int NONCE_LENGTH = 32;

    private final String appId;
    private final String secret;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public IpfRequestSigner(String appId, String secret) {
        this(appId, secret, Clock.systemUTC());
    }

    public IpfRequestSigner(String appId, String secret, Clock clock) {
        this.appId = appId;
        this.secret = secret;
        this.clock = clock;
    }

    @Override
    public void accept(HttpRequest.Builder builder) {
        HttpRequest request = builder.copy().build();
        URI uri = request.uri();
        long timestamp = clock.instant().getEpochSecond();
        String nonce = newNonce();
        byte[] body = request.bodyPublisher().map(IpfRequestSigner::bytesOf).orElse(new byte[0]);
        String toSign = IpfSignature.stringToSign(request.method(), uri.getRawPath(), uri.getRawQuery(), timestamp,
                nonce, body);
        builder.setHeader("Authorization",
                IpfSignature.authorizationHeader(appId, timestamp, nonce, IpfSignature.sign(secret, toSign)));
    }

    private String newNonce() {
        char[] chars = new char[NONCE_LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = NONCE_ALPHABET[random.nextInt(NONCE_ALPHABET.length)];
        }
        return new String(chars);
    }

    /** Drains a body publisher; the generated client only uses in-memory publishers, which complete at once. */
    static byte[] bytesOf(HttpRequest.BodyPublisher publisher) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            private final ByteArrayOutputStream out = new ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.write(chunk, 0, chunk.length);
            }

            @Override
            public void onError(Throwable throwable) {
                result.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                result.complete(out.toByteArray());
            }
        });
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the request body to sign", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the request body to sign", e);
        }
    }
}
