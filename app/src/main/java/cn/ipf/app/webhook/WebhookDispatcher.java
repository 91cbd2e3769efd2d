package cn.ipf.app.webhook;

import cn.ipf.app.shared.crypto.SecretCipher;
import cn.ipf.app.webhook.policy.RetrySchedule;
import cn.ipf.sdk.webhooks.WebhookVerifier;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.ConnectTimeoutException;
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
 * attempt, retried on the {@link RetrySchedule} until the delivery fails. {@link WebhookSender} sends each attempt to
 * the address it checked and follows no redirect (a redirect could lead past the address check). Each attempt ends
 * by its deadline (connect + request timeout, at most half the lease), so a pass waiting on its batch never outlives
 * the lease, however slowly a receiver answers.
 */
@Service
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final WebhookDeliveryMapper deliveries;
    private final WebhookEndpointMapper endpoints;
    private final WebhookSender sender;
    private final SecretCipher cipher;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final RetrySchedule schedule;
    private final WebhookProperties.Dispatch dispatch;
    private final ExecutorService senders;
    private final SecureRandom random = new SecureRandom();

    WebhookDispatcher(WebhookDeliveryMapper deliveries, WebhookEndpointMapper endpoints,
            WebhookSender sender, SecretCipher cipher, TransactionTemplate tx, Clock clock,
            WebhookProperties properties) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.sender = sender;
        this.cipher = cipher;
        this.tx = tx;
        this.clock = clock;
        this.schedule = properties.retrySchedule();
        this.dispatch = properties.dispatch();
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
            byte[] body = c.payload().getBytes(StandardCharsets.UTF_8);
            String secret = cipher.decrypt(SecretCipher.Purpose.WEBHOOK_SECRET, c.secretCiphertext());
            long timestamp = at.getEpochSecond();
            String signature = new WebhookVerifier(secret).sign(c.messageId(), timestamp, body);
            status = sender.post(uri, Map.of(
                    "Content-Type", "application/json",
                    "User-Agent", "IPF-Webhooks/1",
                    WebhookVerifier.ID_HEADER, c.messageId(),
                    WebhookVerifier.TIMESTAMP_HEADER, Long.toString(timestamp),
                    WebhookVerifier.SIGNATURE_HEADER, signature), body);
            error = status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (WebhookDestinations.Forbidden e) {
            error = "refused: " + e.getMessage();
        } catch (UnknownHostException e) {
            error = "unknown host: " + e.getMessage();
        } catch (ConnectTimeoutException e) {
            error = "connect timeout";
        } catch (SocketTimeoutException e) {
            error = "timeout";
        } catch (IOException | RuntimeException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new WebhookAttempt(c.deliveryId(), at, status, truncate(error), millis);
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
