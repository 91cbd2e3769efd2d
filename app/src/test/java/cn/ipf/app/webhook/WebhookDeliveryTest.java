package cn.ipf.app.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.IntegrationTest;
import cn.ipf.app.testinfra.WebhookReceiver;
import cn.ipf.sdk.api.BankWebhookDeliveriesApi;
import cn.ipf.sdk.api.BankWebhooksApi;
import cn.ipf.sdk.client.ApiClient;
import cn.ipf.sdk.client.ApiException;
import cn.ipf.sdk.model.NewWebhookEndpoint;
import cn.ipf.sdk.model.WebhookAttempt;
import cn.ipf.sdk.model.WebhookDelivery;
import cn.ipf.sdk.model.WebhookDeliveryDetails;
import cn.ipf.sdk.model.WebhookDeliveryPage;
import cn.ipf.sdk.model.WebhookDeliveryStatus;
import cn.ipf.sdk.model.WebhookEndpoint;
import cn.ipf.sdk.model.WebhookEndpointStatus;
import cn.ipf.sdk.webhooks.WebhookVerifier;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end: events published through the outbox reach a real HTTP server of the "bank", signed so that the
 * SDK's verifier accepts them; failures are retried with growing delays until the delivery fails; the bank reads the
 * delivery log and asks for redelivery through the SDK. The dispatcher is run by hand, one pass at a time, and a retry
 * is made due by moving its due time back (the test profile allows 4 attempts and local addresses).
 */
class WebhookDeliveryTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebhookOutbox outbox;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    TransactionTemplate tx;

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    /** A bank with an API app, as the SDK sees it. */
    private record Bank(long id, ApiClient client) {

        BankWebhooksApi endpoints() {
            return new BankWebhooksApi(client);
        }

        BankWebhookDeliveriesApi deliveries() {
            return new BankWebhookDeliveriesApi(client);
        }
    }

    private Bank newBank() {
        String admin = adminToken();
        long bankId = bank(admin);
        return new Bank(bankId, sdk(app(admin, bankId, null)));
    }

    /** Registers an endpoint on the local receiver and returns its secret. */
    private String register(Bank bank, String path) throws Exception {
        return bank.endpoints().createWebhookEndpoint(key(), new NewWebhookEndpoint().url(receiver.url(path)))
                .getSecret();
    }

    private void publish(long bankId, WebhookEventType type, Map<String, Object> data) {
        tx.executeWithoutResult(status -> outbox.publish(bankId, type, data));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aCommittedEventIsDeliveredOnceSignedTheStandardWebhooksWay() throws Exception {
        Bank bank = newBank();
        String secret = register(bank, "/ipf/events");
        Instant before = Instant.now();

        publish(bank.id(), WebhookEventType.APPLICATION_SUBMITTED,
                Map.of("applicationId", 42L, "amount", new BigDecimal("1000000.00")));
        assertThat(receiver.received()).isEmpty(); // nothing is sent from the publishing transaction
        dispatcher.dispatchDue();

        assertThat(receiver.received()).hasSize(1);
        WebhookReceiver.Request request = receiver.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/ipf/events");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("webhook-id")).matches("msg_[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(Long.parseLong(request.header("webhook-timestamp")))
                .isBetween(before.getEpochSecond() - 1, Instant.now().getEpochSecond() + 1);
        assertThat(request.header("webhook-signature")).startsWith("v1,");
        assertThatCode(() -> new WebhookVerifier(secret).verify(request.headers(), request.body()))
                .doesNotThrowAnyException();
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("type").asString()).isEqualTo("application.submitted");
        assertThat(Instant.parse(body.get("timestamp").asString())).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(body.get("data").get("applicationId").asLong()).isEqualTo(42L);
        assertThat(body.get("data").get("amount").decimalValue()).isEqualByComparingTo("1000000.00");

        // the bank's delivery log
        List<WebhookDelivery> log = bank.deliveries().listWebhookDeliveries(null, null, null, null, null).getItems();
        assertThat(log).hasSize(1);
        WebhookDelivery delivery = log.get(0);
        assertThat(delivery.getEventId()).isEqualTo(request.header("webhook-id"));
        assertThat(delivery.getEventType()).isEqualTo(cn.ipf.sdk.model.WebhookEventType.APPLICATION_SUBMITTED);
        assertThat(delivery.getStatus()).isEqualTo(WebhookDeliveryStatus.SUCCEEDED);
        assertThat(delivery.getAttempts()).isEqualTo(1);
        assertThat(delivery.getLastStatusCode()).isEqualTo(204);
        assertThat(delivery.getNextAttemptAt()).isNull();
        WebhookDeliveryDetails details = bank.deliveries().getWebhookDelivery(delivery.getDeliveryId());
        assertThat(details.getPayload()).isEqualTo(request.text());
        assertThat(details.getAttemptLog()).extracting(WebhookAttempt::getStatusCode).containsExactly(204);
        assertThat(details.getAttemptLog().get(0).getError()).isNull();

        dispatcher.dispatchDue();
        assertThat(receiver.received()).hasSize(1); // delivered: not sent again
    }

    @Test
    void aDeliveryLeasedByAnInstanceThatDiedIsSentAgainWhenTheLeaseRunsOut() throws Exception {
        Bank bank = newBank();
        register(bank, "/events");
        publish(bank.id(), WebhookEventType.CONSENT_GRANTED, Map.of("enterpriseId", 7L));
        // the state an instance leaves when it dies between claiming and recording: leased to it for a while
        jdbc.update("UPDATE webhook_delivery SET lease_token = 'instance-that-died',"
                + " next_attempt_at = '2999-01-01 00:00:00' WHERE bank_id = ?", bank.id());
        assertThat(dispatcher.dispatchDue()).as("leased to another instance: not sent meanwhile").isZero();
        assertThat(receiver.received()).isEmpty();

        long deliveryId = jdbc.queryForObject("SELECT id FROM webhook_delivery WHERE bank_id = ?", Long.class,
                bank.id());
        makeDue(deliveryId); // the lease has run out
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(receiver.received()).hasSize(1);
        WebhookDeliveryDetails delivery = bank.deliveries().getWebhookDelivery(deliveryId);
        assertThat(delivery.getDelivery().getStatus()).isEqualTo(WebhookDeliveryStatus.SUCCEEDED);
        assertThat(delivery.getAttemptLog()).extracting(WebhookAttempt::getStatusCode).containsExactly(204);
        assertThat(jdbc.queryForObject("SELECT lease_token FROM webhook_delivery WHERE id = ?", String.class,
                deliveryId)).isNull();
    }

    @Test
    void theRetentionJobDeletesFinishedHistoryAndKeepsWhatIsPendingOrRecent() throws Exception {
        Bank bank = newBank();
        register(bank, "/events");
        for (long n = 1; n <= 4; n++) {
            publish(bank.id(), WebhookEventType.CONSENT_GRANTED, Map.of("enterpriseId", n));
        }
        dispatcher.dispatchDue();
        assertThat(receiver.received()).hasSize(4);
        List<Long> ids = jdbc.queryForList("SELECT id FROM webhook_delivery WHERE bank_id = ? ORDER BY id",
                Long.class, bank.id());
        // 1 succeeded and 2 failed a year ago, 3 was made pending again (redelivery) a year ago, 4 is recent
        jdbc.update("UPDATE webhook_delivery SET status = 'FAILED' WHERE id = ?", ids.get(1));
        jdbc.update("UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = '2999-01-01 00:00:00'"
                + " WHERE id = ?", ids.get(2));
        for (Long old : ids.subList(0, 3)) {
            jdbc.update("UPDATE webhook_delivery SET created_at = '2025-06-01 00:00:00' WHERE id = ?", old);
            jdbc.update("UPDATE webhook_event SET created_at = '2025-06-01 00:00:00' WHERE id = (SELECT event_id"
                    + " FROM webhook_delivery WHERE id = ?)", old);
        }
        List<Long> events = jdbc.queryForList("SELECT event_id FROM webhook_delivery WHERE bank_id = ? ORDER BY id",
                Long.class, bank.id());

        String admin = adminToken();
        String job = "/api/v1/admin/jobs/webhook-retention/executions";
        assertThat(http.with(admin).post(job, Map.of("parameters", Map.of("cutoff", Instant.now().toString())))
                .code()).as("nothing of the last day is history").isEqualTo("JOB_PARAMETERS_INVALID");
        Http.Response launched = http.with(admin).post(job, Map.of("parameters", Map.of()));
        assertThat(launched.status()).as("%s", launched).isEqualTo(202);
        JsonNode run = runToEnd(admin, launched.json().get("executionId").asLong());
        assertThat(run.get("status").asString()).as("%s", run).isEqualTo("COMPLETED");
        assertThat(run.get("parameters").get("cutoff").asString()).as("default: 180 days before the launch")
                .startsWith(LocalDate.now(ZoneOffset.UTC).minusDays(180).toString().substring(0, 7));

        assertThat(jdbc.queryForList("SELECT id FROM webhook_delivery WHERE bank_id = ? ORDER BY id", Long.class,
                bank.id())).containsExactly(ids.get(2), ids.get(3));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM webhook_attempt WHERE delivery_id IN (?, ?)",
                Long.class, ids.get(0), ids.get(1))).isZero();
        assertThat(jdbc.queryForList("SELECT id FROM webhook_event WHERE bank_id = ? ORDER BY id", Long.class,
                bank.id())).containsExactly(events.get(2), events.get(3));
        assertThat(bank.deliveries().listWebhookDeliveries(null, null, null, null, null).getItems())
                .extracting(WebhookDelivery::getDeliveryId).containsExactlyInAnyOrder(ids.get(2), ids.get(3));
    }

    @Test
    void aRolledBackPublishSendsNothingAndPublishingNeedsATransaction() throws Exception {
        Bank bank = newBank();
        register(bank, "/events");

        tx.executeWithoutResult(status -> {
            outbox.publish(bank.id(), WebhookEventType.CONSENT_GRANTED, Map.of("consentId", 7L));
            status.setRollbackOnly();
        });
        assertThatThrownBy(() -> outbox.publish(bank.id(), WebhookEventType.CONSENT_REVOKED, Map.of("consentId", 7L)))
                .isInstanceOf(IllegalTransactionStateException.class);
        dispatcher.dispatchDue();

        assertThat(receiver.received()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM webhook_event WHERE bank_id = ?", Long.class, bank.id()))
                .isZero();
        assertThat(bank.deliveries().listWebhookDeliveries(null, null, null, null, null).getItems()).isEmpty();
    }

    @Test
    void aFailingReceiverIsRetriedWithGrowingDelaysUntilTheDeliveryFailsAndARedeliverySucceeds() throws Exception {
        Bank bank = newBank();
        String secret = register(bank, "/flaky");
        receiver.answer(500);
        publish(bank.id(), WebhookEventType.OFFER_DECLINED, Map.of("applicationId", 9L));

        dispatcher.dispatchDue();
        long deliveryId = bank.deliveries().listWebhookDeliveries(null, null, null, null, null).getItems().get(0)
                .getDeliveryId();
        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; attempt < 4; attempt++) {
            WebhookDeliveryDetails d = bank.deliveries().getWebhookDelivery(deliveryId);
            assertThat(d.getDelivery().getStatus()).isEqualTo(WebhookDeliveryStatus.PENDING);
            assertThat(d.getDelivery().getAttempts()).isEqualTo(attempt);
            assertThat(d.getDelivery().getLastStatusCode()).isEqualTo(500);
            assertThat(d.getDelivery().getLastError()).isEqualTo("HTTP 500");
            delays.add(Duration.between(d.getAttemptLog().get(attempt - 1).getAttemptedAt(),
                    d.getDelivery().getNextAttemptAt()));
            makeDue(deliveryId);
            dispatcher.dispatchDue();
        }
        // 30 s, 1 min, 2 min, each stretched by up to a quarter
        // (measured from the start of the attempt, so each bound has a few seconds for the attempt itself)
        assertThat(delays.get(0)).isBetween(Duration.ofSeconds(30), Duration.ofMillis(42_500));
        assertThat(delays.get(1)).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(80));
        assertThat(delays.get(2)).isBetween(Duration.ofSeconds(120), Duration.ofSeconds(155));

        WebhookDeliveryDetails failed = bank.deliveries().getWebhookDelivery(deliveryId);
        assertThat(failed.getDelivery().getStatus()).isEqualTo(WebhookDeliveryStatus.FAILED);
        assertThat(failed.getDelivery().getAttempts()).isEqualTo(4);
        assertThat(failed.getDelivery().getNextAttemptAt()).isNull();
        assertThat(failed.getAttemptLog()).extracting(WebhookAttempt::getStatusCode).containsExactly(500, 500, 500, 500);
        assertThat(receiver.received()).hasSize(4);
        assertThat(receiver.received()).extracting(r -> r.header("webhook-id")).containsOnly(
                failed.getDelivery().getEventId());
        assertThat(bank.deliveries().listWebhookDeliveries(WebhookDeliveryStatus.FAILED, null, null, null, null)
                .getItems()).extracting(WebhookDelivery::getDeliveryId).containsExactly(deliveryId);

        // the bank fixes its receiver and asks for the delivery again
        receiver.answer(200);
        WebhookDelivery queued = bank.deliveries().redeliverWebhook(deliveryId, key());
        assertThat(queued.getStatus()).isEqualTo(WebhookDeliveryStatus.PENDING);
        assertThat(queued.getNextAttemptAt()).isNotNull();
        dispatcher.dispatchDue();

        assertThat(receiver.received()).hasSize(5);
        WebhookReceiver.Request again = receiver.received().get(4);
        assertThat(again.header("webhook-id")).isEqualTo(failed.getDelivery().getEventId());
        assertThat(again.text()).isEqualTo(receiver.received().get(0).text());
        new WebhookVerifier(secret).verify(again.headers(), again.body());
        WebhookDeliveryDetails succeeded = bank.deliveries().getWebhookDelivery(deliveryId);
        assertThat(succeeded.getDelivery().getStatus()).isEqualTo(WebhookDeliveryStatus.SUCCEEDED);
        assertThat(succeeded.getDelivery().getAttempts()).isEqualTo(5);
        assertThat(succeeded.getAttemptLog()).extracting(WebhookAttempt::getStatusCode)
                .containsExactly(500, 500, 500, 500, 200);
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE entity_type = 'WEBHOOK_DELIVERY'"
                + " AND entity_id = ?", String.class, Long.toString(deliveryId)))
                .containsExactly("WEBHOOK_REDELIVERY_REQUESTED");
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsAFailedAttempt() throws Exception {
        Bank bank = newBank();
        register(bank, "/slow");
        receiver.stallFor(Duration.ofSeconds(5)); // the test profile's request timeout is 2 s
        publish(bank.id(), WebhookEventType.CONSENT_REVOKED, Map.of("consentId", 5L));

        dispatcher.dispatchDue();

        WebhookDelivery d = bank.deliveries().listWebhookDeliveries(null, null, null, null, null).getItems().get(0);
        assertThat(d.getStatus()).isEqualTo(WebhookDeliveryStatus.PENDING);
        assertThat(d.getAttempts()).isEqualTo(1);
        assertThat(d.getLastStatusCode()).isNull();
        assertThat(d.getLastError()).isEqualTo("timeout");
        assertThat(d.getNextAttemptAt()).isNotNull();
    }

    @Test
    void aDisabledEndpointHoldsItsDeliveriesUntilEnabledAndADeletedOneGetsNothingMore() throws Exception {
        Bank bank = newBank();
        register(bank, "/a");
        register(bank, "/b");
        List<WebhookEndpoint> endpoints = bank.endpoints().listWebhookEndpoints();
        long a = endpoints.get(0).getEndpointId();
        long b = endpoints.get(1).getEndpointId();

        publish(bank.id(), WebhookEventType.APPLICATION_SUBMITTED, Map.of("applicationId", 1L));
        assertThat(bank.endpoints().setWebhookEndpointStatus(b, new WebhookEndpointStatus().enabled(false), key())
                .getEnabled()).isFalse();
        publish(bank.id(), WebhookEventType.APPLICATION_WITHDRAWN, Map.of("applicationId", 1L));
        dispatcher.dispatchDue();

        assertThat(receiver.paths()).containsExactlyInAnyOrder("/a", "/a");
        WebhookDelivery held = bank.deliveries().listWebhookDeliveries(null, null, b, null, null).getItems().get(0);
        assertThat(held.getStatus()).isEqualTo(WebhookDeliveryStatus.PENDING);
        assertThat(held.getAttempts()).isZero();
        assertThat(held.getNextAttemptAt()).isNull();

        bank.endpoints().setWebhookEndpointStatus(b, new WebhookEndpointStatus().enabled(true), key());
        dispatcher.dispatchDue();
        assertThat(receiver.paths()).containsExactlyInAnyOrder("/a", "/a", "/b");
        assertThat(JSON.readTree(receiver.received().get(2).body()).get("type").asString())
                .isEqualTo("application.submitted");

        // deleting: its pending delivery fails, it is no longer listed and gets no new events
        publish(bank.id(), WebhookEventType.APPLICATION_INFO_PROVIDED, Map.of("applicationId", 1L));
        bank.endpoints().deleteWebhookEndpoint(a, key());
        publish(bank.id(), WebhookEventType.OFFER_ACCEPTED, Map.of("applicationId", 1L));
        dispatcher.dispatchDue();

        assertThat(receiver.paths()).containsExactlyInAnyOrder("/a", "/a", "/b", "/b", "/b");
        assertThat(bank.endpoints().listWebhookEndpoints()).extracting(WebhookEndpoint::getEndpointId)
                .containsExactly(b);
        List<WebhookDelivery> ofDeleted = bank.deliveries().listWebhookDeliveries(WebhookDeliveryStatus.FAILED, null,
                a, null, null).getItems();
        assertThat(ofDeleted).hasSize(1);
        assertThat(ofDeleted.get(0).getEventType())
                .isEqualTo(cn.ipf.sdk.model.WebhookEventType.APPLICATION_INFO_PROVIDED);
        assertThat(ofDeleted.get(0).getLastError()).isEqualTo("endpoint deleted");
        assertRefused(() -> bank.deliveries().redeliverWebhook(ofDeleted.get(0).getDeliveryId(), key()), 409,
                "WEBHOOK_ENDPOINT_DELETED");
        assertRefused(() -> bank.endpoints().deleteWebhookEndpoint(a, key()), 404, "WEBHOOK_ENDPOINT_NOT_FOUND");

        // filters and paging, newest first
        assertThat(bank.deliveries().listWebhookDeliveries(null,
                cn.ipf.sdk.model.WebhookEventType.APPLICATION_SUBMITTED, null, null, null).getItems())
                .extracting(WebhookDelivery::getEndpointId).containsExactlyInAnyOrder(a, b);
        WebhookDeliveryPage firstPage = bank.deliveries().listWebhookDeliveries(null, null, null, null, 2);
        assertThat(firstPage.getItems()).extracting(WebhookDelivery::getEventType).containsExactly(
                cn.ipf.sdk.model.WebhookEventType.APPLICATION_OFFER_ACCEPTED,
                cn.ipf.sdk.model.WebhookEventType.APPLICATION_INFO_PROVIDED);
        // keyset pages: each continues below the last id of the one before, the last has no cursor
        List<Long> seen = new ArrayList<>(firstPage.getItems().stream().map(WebhookDelivery::getDeliveryId)
                .toList());
        for (WebhookDeliveryPage page = firstPage; page.getNextCursor() != null; ) {
            page = bank.deliveries().listWebhookDeliveries(null, null, null, page.getNextCursor(), 2);
            page.getItems().forEach(d -> seen.add(d.getDeliveryId()));
        }
        assertThat(seen).hasSize(6).doesNotHaveDuplicates()
                .isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void concurrentDispatcherPassesSendEachDeliveryOnce() throws Exception {
        Bank bank = newBank();
        register(bank, "/busy");
        for (long i = 0; i < 40; i++) {
            publish(bank.id(), WebhookEventType.APPLICATION_SUBMITTED, Map.of("applicationId", i));
        }

        // as two instances would: each pass claims batches the other has not locked or leased
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            Callable<Integer> pass = () -> {
                together.await();
                return dispatcher.dispatchDue();
            };
            List<Future<Integer>> passes = instances.invokeAll(List.of(pass, pass));
            // (at least: a pass also sends whatever else is due in the shared database)
            assertThat(passes.get(0).get() + passes.get(1).get()).isGreaterThanOrEqualTo(40);
        } finally {
            instances.shutdownNow();
        }

        assertThat(receiver.received()).hasSize(40);
        assertThat(receiver.received()).extracting(r -> r.header("webhook-id")).doesNotHaveDuplicates();
        assertThat(bank.deliveries().listWebhookDeliveries(WebhookDeliveryStatus.SUCCEEDED, null, null, null, 50)
                .getItems()).hasSize(40).extracting(WebhookDelivery::getAttempts).containsOnly(1);
    }

    @Test
    void aBankSeesAndChangesOnlyItsOwnDeliveriesAndEndpoints() throws Exception {
        Bank owner = newBank();
        Bank other = newBank();
        register(owner, "/owner");
        long endpointId = owner.endpoints().listWebhookEndpoints().get(0).getEndpointId();
        publish(owner.id(), WebhookEventType.CONSENT_GRANTED, Map.of("consentId", 3L));
        dispatcher.dispatchDue();
        long deliveryId = owner.deliveries().listWebhookDeliveries(null, null, null, null, null).getItems().get(0)
                .getDeliveryId();

        assertRefused(() -> other.deliveries().getWebhookDelivery(deliveryId), 404, "WEBHOOK_DELIVERY_NOT_FOUND");
        assertRefused(() -> other.deliveries().redeliverWebhook(deliveryId, key()), 404, "WEBHOOK_DELIVERY_NOT_FOUND");
        assertRefused(() -> other.endpoints().setWebhookEndpointStatus(endpointId,
                new WebhookEndpointStatus().enabled(false), key()), 404, "WEBHOOK_ENDPOINT_NOT_FOUND");
        assertRefused(() -> other.endpoints().deleteWebhookEndpoint(endpointId, key()), 404,
                "WEBHOOK_ENDPOINT_NOT_FOUND");
        assertThat(other.deliveries().listWebhookDeliveries(null, null, null, null, null).getItems()).isEmpty();
        assertThat(other.deliveries().listWebhookDeliveries(null, null, endpointId, null, null).getItems()).isEmpty();
        assertThat(owner.deliveries().getWebhookDelivery(deliveryId).getDelivery().getStatus())
                .isEqualTo(WebhookDeliveryStatus.SUCCEEDED);
        assertThat(owner.endpoints().listWebhookEndpoints()).extracting(WebhookEndpoint::getEnabled)
                .containsExactly(true);
    }

    @Test
    void theContractListsExactlyTheEventTypesTheCodePublishes() {
        assertThat(Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName))
                .containsExactlyElementsOf(Arrays.stream(cn.ipf.api.model.WebhookEventType.values())
                        .map(cn.ipf.api.model.WebhookEventType::getValue).toList());
    }

    private void makeDue(long deliveryId) {
        jdbc.update("UPDATE webhook_delivery SET next_attempt_at = '2000-01-01 00:00:00' WHERE id = ?", deliveryId);
    }

    private static void assertRefused(ThrowingCallable call, int status, String code) {
        ApiException e = catchThrowableOfType(ApiException.class, call);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getCode()).as(e.getResponseBody()).isEqualTo(status);
        assertThat(e.getResponseBody()).contains("\"code\":\"" + code + "\"");
    }
}
