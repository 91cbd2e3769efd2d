package cn.ipf.app.whitelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.testinfra.WebhookReceiver;
import cn.ipf.app.user.Role;
import cn.ipf.app.webhook.WebhookDispatcher;
import cn.ipf.sdk.api.BankWebhooksApi;
import cn.ipf.sdk.api.BankWhitelistApi;
import cn.ipf.sdk.client.ApiClient;
import cn.ipf.sdk.model.NewWebhookEndpoint;
import cn.ipf.sdk.model.WhitelistChange;
import cn.ipf.sdk.model.WhitelistChangeKind;
import cn.ipf.sdk.model.WhitelistChangePage;
import cn.ipf.sdk.webhooks.WebhookVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 推荐清单 end to end: a bank's webhook receiver (a real local HTTP server) gets a signed event with only the consented
 * fields when an enterprise is listed for it, when its consent widens, when the city recommends it, when a consent is
 * revoked (narrowed, then withdrawn); the SDK pulls the same whitelist since a cursor, page by page, with removals.
 */
class WhitelistPushTest extends LibraryTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DISTRICT = "370203";

    @Autowired
    WebhookDispatcher dispatcher;

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private record Bank(long id, ApiClient client, String secret) {

        BankWhitelistApi whitelist() {
            return new BankWhitelistApi(client);
        }
    }

    private Bank bankWithEndpoint(String path) throws Exception {
        String admin = adminToken();
        long bankId = bank(admin);
        ApiClient client = sdk(app(admin, bankId, null));
        String secret = new BankWebhooksApi(client).createWebhookEndpoint(UUID.randomUUID().toString(),
                new NewWebhookEndpoint().url(receiver.url(path))).getSecret();
        return new Bank(bankId, client, secret);
    }

    private long consent(Person sme, long enterpriseId, Long bankId, List<String> scopes) {
        Map<String, Object> body = bankId == null ? Map.of("scopes", scopes)
                : Map.of("bankId", bankId, "scopes", scopes);
        var r = http.with(sme.token()).post(LIB + "/" + enterpriseId + "/consents", body);
        assertThat(r.status()).as("consent: %s", r).isEqualTo(201);
        return r.json().get("consentId").asLong();
    }

    private void revoke(Person sme, long enterpriseId, long consentId) {
        assertThat(http.with(sme.token()).post(LIB + "/" + enterpriseId + "/consents/" + consentId + "/revocation",
                null).status()).isLessThan(300);
    }

    /** The library.* events the bank received about the enterprise, verified with the SDK's verifier. */
    private List<JsonNode> pushed(Bank bank, String path, long enterpriseId) {
        dispatcher.dispatchDue();
        List<JsonNode> events = new ArrayList<>();
        for (WebhookReceiver.Request r : receiver.received()) {
            if (!r.path().equals(path)) {
                continue;
            }
            assertThatCode(() -> new WebhookVerifier(bank.secret()).verify(r.headers(), r.body()))
                    .doesNotThrowAnyException();
            JsonNode event = JSON.readTree(r.body());
            if (event.get("type").asString().startsWith("library.")
                    && event.get("data").get("enterpriseId").asLong() == enterpriseId) {
                events.add(event);
            }
        }
        return events;
    }

    @Test
    void aBankIsToldOfEachChangeWithOnlyTheConsentedFieldsAndPullsTheSame() throws Exception {
        Bank bank = bankWithEndpoint("/whitelist");
        long id = admittedStrong(DISTRICT);
        Person sme = person(Role.SME, id, null, null);
        assertThat(pushed(bank, "/whitelist", id)).as("admitted, but no consent to this bank yet").isEmpty();
        long start = bank.whitelist().listWhitelistChanges(0L, 500).getNextAfter();

        long toBank = consent(sme, id, bank.id(), List.of("CREDIT"));
        List<JsonNode> events = pushed(bank, "/whitelist", id);
        assertThat(events).hasSize(1);
        JsonNode listed = events.get(0);
        assertThat(listed.get("type").asString()).isEqualTo("library.enterprise_admitted");
        JsonNode data = listed.get("data");
        assertThat(data.get("change").asString()).isEqualTo("LISTED");
        assertThat(data.get("listed").asBoolean()).isTrue();
        assertThat(data.get("sharedScopes")).extracting(JsonNode::asString).containsExactly("PROFILE", "CREDIT");
        JsonNode entry = data.get("entry");
        assertThat(entry.get("uscc").asString()).hasSize(18);
        assertThat(entry.get("creditRating").get("rating").asString()).isEqualTo("AAA");
        assertThat(entry.propertyNames()).as("only PROFILE and CREDIT").containsExactlyInAnyOrder("name", "uscc",
                "districtCode", "industryCode", "highTech", "specializedSme", "admittedOn", "creditRating");
        assertThat(listed.toString()).doesNotContain("张建华").doesNotContain(ID_NUMBER);

        // a consent to every partner bank widens what this bank may hold
        long toAll = consent(sme, id, null, List.of("FINANCIALS", "IP_ASSETS"));
        JsonNode widened = pushed(bank, "/whitelist", id).get(1);
        assertThat(widened.get("type").asString()).isEqualTo("library.enterprise_admitted");
        assertThat(widened.get("data").get("change").asString()).isEqualTo("SCOPES_WIDENED");
        JsonNode wide = widened.get("data").get("entry");
        assertThat(wide.get("financials").get("employees").asInt()).isEqualTo(50);
        assertThat(wide.get("ipAssets").get("validInventions").asInt()).isEqualTo(2);
        assertThat(wide.has("legalRepresentativeName")).isFalse();
        assertThat(wide.has("financingDemand")).isFalse();

        // the city recommends it
        assertThat(http.with(person(Role.CITY_REVIEWER, null, null, null).token())
                .post(LIB + "/" + id + "/recommendation", null).status()).isLessThan(300);
        JsonNode recommended = pushed(bank, "/whitelist", id).get(2);
        assertThat(recommended.get("type").asString()).isEqualTo("library.enterprise_recommended");
        assertThat(recommended.get("data").get("change").asString()).isEqualTo("RECOMMENDED");
        assertThat(recommended.get("data").get("recommended").asBoolean()).isTrue();

        // revoking the all-banks consent narrows (the bank must drop the financials), the last one withdraws
        revoke(sme, id, toAll);
        JsonNode narrowed = pushed(bank, "/whitelist", id).get(3);
        assertThat(narrowed.get("data").get("change").asString()).isEqualTo("SCOPES_NARROWED");
        assertThat(narrowed.get("data").get("entry").has("financials")).isFalse();
        revoke(sme, id, toBank);
        List<JsonNode> all = pushed(bank, "/whitelist", id);
        assertThat(all).hasSize(5);
        JsonNode withdrawn = all.get(4);
        assertThat(withdrawn.get("type").asString()).isEqualTo("library.enterprise_withdrawn");
        assertThat(withdrawn.get("data").get("change").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("data").get("listed").asBoolean()).isFalse();
        assertThat(withdrawn.get("data").has("entry")).isFalse();
        assertThat(all).extracting(e -> e.get("data").get("changeId").asLong()).isSorted().doesNotHaveDuplicates();

        // the pull feed: the latest state only, a removal, at the last change id pushed
        List<WhitelistChange> pulled = bank.whitelist().listWhitelistChanges(start, 500).getItems().stream()
                .filter(c -> c.getEnterpriseId() == id).toList();
        assertThat(pulled).hasSize(1);
        WhitelistChange removal = pulled.get(0);
        assertThat(removal.getListed()).isFalse();
        assertThat(removal.getChange()).isEqualTo(WhitelistChangeKind.WITHDRAWN);
        assertThat(removal.getEntry()).isNull();
        assertThat(removal.getSharedScopes()).isEmpty();
        assertThat(removal.getChangeId()).isEqualTo(withdrawn.get("data").get("changeId").asLong());

        // re-admission after a consent again: listed anew, the recommendation kept
        consent(sme, id, bank.id(), List.of());
        JsonNode again = pushed(bank, "/whitelist", id).get(5);
        assertThat(again.get("type").asString()).isEqualTo("library.enterprise_recommended");
        assertThat(again.get("data").get("change").asString()).isEqualTo("LISTED");
        assertThat(again.get("data").get("entry").get("legalRepresentativeName").asString()).isEqualTo("张建华");
    }

    @Test
    void thePullFeedPagesByCursorAndShowsRemovalsAfterIt() throws Exception {
        Bank bank = bankWithEndpoint("/feed");
        long start = bank.whitelist().listWhitelistChanges(0L, 500).getNextAfter();
        List<Long> ids = new ArrayList<>();
        List<Long> consents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long id = admittedStrong(DISTRICT);
            ids.add(id);
            consents.add(consent(person(Role.SME, id, null, null), id, bank.id(), List.of("FINANCIALS")));
        }

        List<WhitelistChange> seen = new ArrayList<>();
        long cursor = start;
        int pages = 0;
        WhitelistChangePage page;
        do {
            page = bank.whitelist().listWhitelistChanges(cursor, 2);
            assertThat(page.getItems()).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.getItems());
            cursor = page.getNextAfter();
            pages++;
        } while (page.getHasMore());
        List<WhitelistChange> mine = seen.stream().filter(c -> ids.contains(c.getEnterpriseId())).toList();
        assertThat(mine).extracting(WhitelistChange::getEnterpriseId).containsExactlyElementsOf(ids);
        assertThat(mine).allSatisfy(c -> {
            assertThat(c.getListed()).isTrue();
            assertThat(c.getChange()).isEqualTo(WhitelistChangeKind.LISTED);
            assertThat(c.getEntry().getFinancials().getEmployees()).isEqualTo(50);
            assertThat(c.getEntry().getCreditRating()).as("CREDIT not shared").isNull();
        });
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(seen).extracting(WhitelistChange::getChangeId).isSorted().doesNotHaveDuplicates();
        assertThat(bank.whitelist().listWhitelistChanges(cursor, 2).getItems()).as("nothing after the end").isEmpty();

        // a removal after the cursor: the enterprise leaves the library
        decided(person(Role.CITY_REVIEWER, null, null, null).token(), ids.get(1), "SUSPEND", "暂停入库");
        List<WhitelistChange> after = bank.whitelist().listWhitelistChanges(cursor, 100).getItems().stream()
                .filter(c -> ids.contains(c.getEnterpriseId())).toList();
        assertThat(after).hasSize(1);
        assertThat(after.get(0).getEnterpriseId()).isEqualTo(ids.get(1));
        assertThat(after.get(0).getListed()).isFalse();
        // deliveries are at least once and unordered (the bank orders them by changeId)
        assertThat(pushed(bank, "/feed", ids.get(1))).extracting(e -> e.get("type").asString())
                .containsExactlyInAnyOrder("library.enterprise_admitted", "library.enterprise_withdrawn");

        assertThat(problemCode(() -> bank.whitelist().listWhitelistChanges(-1L, 2))).isEqualTo("VALIDATION_FAILED");
        assertThat(problemCode(() -> bank.whitelist().listWhitelistChanges(0L, 501))).isEqualTo("VALIDATION_FAILED");
    }
}
