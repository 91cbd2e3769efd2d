package cn.ipf.app.webhook;

import cn.ipf.app.shared.crypto.SecretCipher;
import cn.ipf.app.webhook.policy.RetrySchedule;
import cn.ipf.sdk.webhooks.WebhookVerifier;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 投递器 sends due webhook deliveries. A pass claims a batch in a short transaction ({@code FOR UPDATE SKIP LOCKED},
 * then a lease: the rows' next_attempt_at moves to the end of the lease under a claim token), sends the batch
 * concurrently with no transaction open, and records each result in a transaction of its own; it repeats until
 * nothing is due. Several instances claim disjoint batches. A crash after sending and before recording leaves the
 * lease to expire, and the delivery is sent again: at least once, and receivers drop duplicates by webhook-id.
 *
 * <p>Any 2xx answer is success; any other status, a timeout, a connection error or a refused address is a failed
 * attempt, retried on the {@link RetrySchedule} until the delivery fails. Redirects are not followed (a redirect could
 * lead past the address check).
 */
@Service
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final WebhookDeliveryMapper deliveries;
    private final WebhookEndpointMapper endpoints;
    private final WebhookDestinations destinations;
    private final SecretCipher cipher;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final RetrySchedule schedule;
    private final WebhookProperties.Dispatch dispatch;
    private final Duration requestTimeout;
    private final Duration attemptLimit;
    private final HttpClient http;
    private final ExecutorService senders;
    private final SecureRandom random = new SecureRandom();

    WebhookDispatcher(WebhookDeliveryMapper deliveries, WebhookEndpointMapper endpoints,
            WebhookDestinations destinations, SecretCipher cipher, TransactionTemplate tx, Clock clock,
            WebhookProperties properties) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.destinations = destinations;
        this.cipher = cipher;
        this.tx = tx;
        this.clock = clock;
        this.schedule = properties.retrySchedule();
        this.dispatch = properties.dispatch();
        this.requestTimeout = properties.requestTimeout();
        this.attemptLimit = properties.connectTimeout().plus(requestTimeout).plusSeconds(5);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(dispatch.batchSize(), task -> {
            Thread t = new Thread(task, "webhook-sender-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    /** Sends everything that is due now; returns the number of attempts made. */
    public int dispatchDue() {
        int attempts = 0;
        for (Claim claim = claim(); !claim.ids().isEmpty(); claim = claim()) {
            List<Future<WebhookAttempt>> sent = new ArrayList<>();
            for (WebhookDeliveryMapper.Claimed c : claim.batch()) {
                sent.add(c.endpointEnabled() ? senders.submit(() -> attempt(c)) : null);
            }
            for (int i = 0; i < sent.size(); i++) {
                WebhookDeliveryMapper.Claimed c = claim.batch().get(i);
                if (sent.get(i) == null) {
                    holdBack(c, claim.token());
                } else {
                    record(claim.token(), await(sent.get(i)));
                    attempts++;
                }
            }
        }
        return attempts;
    }

    /** Rows leased under {@code token}, and of them those still to send (a redelivery may have taken some back). */
    private record Claim(String token, List<Long> ids, List<WebhookDeliveryMapper.Claimed> batch) {
    }

    private Claim claim() {
        String token = HexFormat.of().formatHex(randomBytes(16));
        Instant now = clock.instant();
        List<Long> ids = tx.execute(status -> {
            List<Long> due = deliveries.lockDue(now, dispatch.batchSize());
            if (!due.isEmpty()) {
                deliveries.lease(due, now.plus(dispatch.lease()), token);
            }
            return due;
        });
        return new Claim(token, ids, ids.isEmpty() ? List.of() : deliveries.claimed(ids, token));
    }

    /** One HTTP try, signed for this moment; never throws: every failure is an attempt's result. */
    private WebhookAttempt attempt(WebhookDeliveryMapper.Claimed c) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        Integer status = null;
        String error;
        try {
            URI uri = URI.create(c.url());
            destinations.check(uri.getHost());
            byte[] body = c.payload().getBytes(StandardCharsets.UTF_8);
            String secret = cipher.decrypt(SecretCipher.Purpose.WEBHOOK_SECRET, c.secretCiphertext());
            long timestamp = at.getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "IPF-Webhooks/1")
                    .header(WebhookVerifier.ID_HEADER, c.messageId())
                    .header(WebhookVerifier.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookVerifier.SIGNATURE_HEADER,
                            new WebhookVerifier(secret).sign(c.messageId(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            status = statusOf(request);
            error = status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (WebhookDestinations.Forbidden e) {
            error = "refused: " + e.getMessage();
        } catch (UnknownHostException e) {
            error = "unknown host: " + e.getMessage();
        } catch (HttpConnectTimeoutException e) {
            error = "connect timeout";
        } catch (HttpTimeoutException | TimeoutException e) {
            error = "timeout";
        } catch (IOException | RuntimeException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new WebhookAttempt(c.deliveryId(), at, status, truncate(error), millis);
    }

    /**
     * The response status, as soon as the head has arrived: the body is discarded in the background, so a receiver
     * that answers slowly cannot hold the attempt past its timeout.
     */
    private int statusOf(HttpRequest request) throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request, head -> {
            status.complete(head.statusCode());
            return HttpResponse.BodySubscribers.discarding();
        });
        exchange.whenComplete((response, failure) -> {
            if (failure != null) {
                status.completeExceptionally(failure);
            }
        });
        try {
            // the client's own timeouts end it first; this bound only guards against a stuck exchange
            return status.get(attemptLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw e;
        }
    }

    /** Records an attempt; moves the delivery on only if this claim still holds it. */
    private void record(String token, WebhookAttempt a) {
        tx.executeWithoutResult(status -> {
            deliveries.lock(a.deliveryId());
            WebhookDelivery d = deliveries.find(a.deliveryId());
            deliveries.insertAttempt(a);
            deliveries.countAttempt(a);
            if (!token.equals(d.leaseToken()) || !WebhookDelivery.PENDING.equals(d.status())) {
                // redelivered, endpoint deleted, or the lease ran out and another claim took it: logged, nothing more
                return;
            }
            int round = d.roundAttempts() + 1;
            if (a.succeeded()) {
                deliveries.transition(d.id(), WebhookDelivery.SUCCEEDED, round, null, null);
            } else if (schedule.afterFailure(round, ThreadLocalRandom.current().nextDouble())
                    instanceof RetrySchedule.Retry retry) {
                deliveries.transition(d.id(), WebhookDelivery.PENDING, round, clock.instant().plus(retry.delay()),
                        null);
            } else {
                deliveries.transition(d.id(), WebhookDelivery.FAILED, round, null, null);
                log.warn("webhook delivery {} ({}) failed after {} attempts, the last: {}", d.id(), d.messageId(),
                        round, a.error());
            }
        });
    }

    /**
     * A claimed delivery whose endpoint is disabled (or deleted) is not sent: it waits with no due time until the
     * endpoint is enabled, or fails if it was deleted. The endpoint's row is locked first, as enabling does, so an
     * endpoint enabled meanwhile is seen, or releases this delivery after.
     */
    private void holdBack(WebhookDeliveryMapper.Claimed c, String token) {
        tx.executeWithoutResult(status -> {
            WebhookEndpoint endpoint = endpoints.lock(c.endpointId());
            deliveries.lock(c.deliveryId());
            WebhookDelivery d = deliveries.find(c.deliveryId());
            if (!token.equals(d.leaseToken()) || !WebhookDelivery.PENDING.equals(d.status())) {
                return;
            }
            if (endpoint.deletedAt() != null) {
                deliveries.transition(d.id(), WebhookDelivery.FAILED, d.roundAttempts(), null,
                        WebhookEndpoints.DELETED_ERROR);
            } else {
                deliveries.transition(d.id(), WebhookDelivery.PENDING, d.roundAttempts(),
                        endpoint.enabled() ? clock.instant() : null, null);
            }
        });
    }

    private static WebhookAttempt await(Future<WebhookAttempt> attempt) {
        try {
            return attempt.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending webhooks", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a webhook attempt failed unexpectedly", e.getCause());
        }
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
