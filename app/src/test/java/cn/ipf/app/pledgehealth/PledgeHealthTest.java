package cn.ipf.app.pledgehealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.ipf.app.compensation.DefaultedLoans;
import cn.ipf.app.compensation.DefaultedLoans.Borrower;
import cn.ipf.app.compensation.DefaultedLoans.Dates;
import cn.ipf.app.compensation.DefaultedLoans.Lender;
import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.pledgehealth.policy.PatentTerms;
import cn.ipf.app.pledgehealth.policy.PatentTerms.PatentType;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.WebhookReceiver;
import cn.ipf.app.user.Role;
import cn.ipf.app.webhook.WebhookDispatcher;
import cn.ipf.sdk.api.BankWebhooksApi;
import cn.ipf.sdk.client.ApiClient;
import cn.ipf.sdk.model.NewWebhookEndpoint;
import cn.ipf.sdk.webhooks.WebhookVerifier;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 质物监测 end to end (the deadline scan is called directly, as its schedule would): a lapse notice for a pledged patent, imported by the administrator, raises one alert that the
 * pledgee bank receives as a signed {@code pledge.asset_at_risk} webhook, the fund's reviewers and regulators read
 * with the at-risk pledged value, and the SME reads with what to do and until when. The import is all or nothing and
 * a repeated event raises nothing again.
 */
class PledgeHealthTest extends LibraryTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EVENTS = "/api/v1/admin/legal-status-events";
    private static final String ALERTS = "/api/v1/compensation/pledge-alerts";
    private static final LocalDate GAZETTED = LocalDate.of(2026, 10, 9);

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    PledgeHealth health;

    @Test
    void aLapseNoticeForAPledgedPatentRaisesAlertsForTheBankTheFundAndTheSme() throws Exception {
        String admin = adminToken();
        ApiClient client = sdk(app(admin, bank(admin), null));
        DefaultedLoans loans = new DefaultedLoans(this, http, jdbc);
        Lender lender = loans.lender(client);
        Borrower borrower = loans.borrower("370203", false);
        String loanRef = loans.loan(lender, borrower, "500000", "1", new Dates(LocalDate.of(2025, 9, 1),
                LocalDate.of(2025, 9, 3), LocalDate.of(2025, 9, 5), null, null));
        String applicationNo = jdbc.queryForObject("SELECT application_no FROM patent WHERE id = ?", String.class,
                borrower.patentId());
        String unpledged = zl(patentDigits('1'));

        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String secret = new BankWebhooksApi(client).createWebhookEndpoint(UUID.randomUUID().toString(),
                    new NewWebhookEndpoint().url(receiver.url("/risk"))).getSecret();

            // all or nothing: a trademark kind on a patent and a future date refuse the whole file
            long events = count("legal_status_event");
            Http.Response refused = http.with(admin).post(EVENTS, Map.of("events", List.of(
                    event("PATENT", applicationNo, "PATENT_FEE_LAPSE", GAZETTED),
                    event("PATENT", applicationNo, "TRADEMARK_EXPIRY", GAZETTED),
                    event("PATENT", "ZL202210000000.0", "PATENT_EXPIRY", GAZETTED))));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(errorFields(refused)).contains("events[1].kind", "events[2].number");
            assertThat(count("legal_status_event")).isEqualTo(events);
            assertThat(http.with(person(Role.CITY_REVIEWER, null, null, null).token()).post(EVENTS,
                    Map.of("events", List.of(event("PATENT", applicationNo, "PATENT_FEE_LAPSE", GAZETTED))))
                    .status()).as("administrators only").isEqualTo(403);

            Http.Response imported = http.with(admin).post(EVENTS, Map.of("events", List.of(
                    event("PATENT", applicationNo, "PATENT_FEE_LAPSE", GAZETTED),
                    event("PATENT", unpledged, "PATENT_INVALIDATION", GAZETTED))));
            assertThat(imported.status()).as("import: %s", imported).isEqualTo(201);
            assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
            JsonNode alerts = imported.json().get("alerts");
            assertThat(alerts).as("only the pledged patent").hasSize(1);
            JsonNode alert = alerts.get(0);
            assertThat(alert.get("loanRef").asString()).isEqualTo(loanRef);
            assertThat(alert.get("enterpriseId").asLong()).isEqualTo(borrower.enterpriseId());
            assertThat(alert.get("cureBy").asString()).as("restoration: 2 months after the notice")
                    .isEqualTo("2026-12-09");
            long alertId = alert.get("alertId").asLong();

            Http.Response again = http.with(admin).post(EVENTS, Map.of("events", List.of(
                    event("PATENT", applicationNo, "PATENT_FEE_LAPSE", GAZETTED))));
            assertThat(again.json().get("imported").asInt()).as("a repeated event").isZero();
            assertThat(again.json().get("alerts")).isEmpty();

            // the pledgee bank
            dispatcher.dispatchDue();
            List<WebhookReceiver.Request> received = receiver.received().stream()
                    .filter(r -> r.path().equals("/risk")).toList();
            assertThat(received).hasSize(1);
            assertThatCode(() -> new WebhookVerifier(secret).verify(received.get(0).headers(),
                    received.get(0).body())).doesNotThrowAnyException();
            JsonNode pushed = JSON.readTree(received.get(0).body());
            assertThat(pushed.get("type").asString()).isEqualTo("pledge.asset_at_risk");
            assertThat(pushed.get("data").get("alertId").asLong()).isEqualTo(alertId);
            assertThat(pushed.get("data").get("kind").asString()).isEqualTo("PATENT_FEE_LAPSE");
            assertThat(pushed.get("data").get("loanRef").asString()).isEqualTo(loanRef);

            // the daily scan warns of the next annual fee, computed from the filing date, once
            LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai"));
            LocalDate due = PatentTerms.nextFeeDue(PatentType.INVENTION, LocalDate.parse("2022-03-01"), today)
                    .orElseThrow();
            assertThat(health.warnAhead(366)).isPositive();
            assertThat(health.warnAhead(366)).as("a repeated scan").isZero();
            dispatcher.dispatchDue();
            JsonNode warned = receiver.received().stream().filter(r -> r.path().equals("/risk"))
                    .map(r -> JSON.readTree(r.body())).filter(e -> e.get("type").asString()
                            .equals("pledge.deadline_ahead")).findFirst().orElseThrow();
            assertThat(warned.get("data").get("warning").asString()).isEqualTo("ANNUAL_FEE_DUE");
            assertThat(warned.get("data").get("dueOn").asString()).isEqualTo(due.toString());
            assertThat(warned.get("data").get("graceEnds").asString())
                    .isEqualTo(PatentTerms.graceEnd(due).toString());
            JsonNode warnings = http.with(borrower.sme().token()).get(LIB + "/" + borrower.enterpriseId()
                    + "/pledge-warnings").json();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0).get("warning").asString()).isEqualTo("ANNUAL_FEE_DUE");
            assertThat(warnings.get(0).get("dueOn").asString()).isEqualTo(due.toString());
        }

        // the fund's reviewers and regulators, with the at-risk pledged value
        JsonNode summary = http.with(person(Role.REGULATOR, null, null, null).token()).get(ALERTS).json();
        assertThat(summary.get("atRiskPledgedValue").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("500000"));
        assertThat(summary.get("alerts").findValuesAsString("loanRef")).contains(loanRef);
        assertThat(http.with(person(Role.CITY_REVIEWER, null, null, null).token()).get(ALERTS).status())
                .isEqualTo(200);
        assertThat(http.with(districtReviewer("370203").token()).get(ALERTS).status()).isEqualTo(403);

        // the SME: what to do and until when
        Http.Response mine = http.with(borrower.sme().token()).get(LIB + "/" + borrower.enterpriseId()
                + "/pledge-alerts");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json()).hasSize(1);
        assertThat(mine.json().get(0).get("actionZh").asString()).contains("年费").contains("恢复");
        assertThat(mine.json().get(0).get("actionEn").asString()).contains("restoration");
        assertThat(mine.json().get(0).get("cureBy").asString()).isEqualTo("2026-12-09");
        Person other = person(Role.SME, null, null, null);
        assertThat(http.with(other.token()).get(LIB + "/" + borrower.enterpriseId() + "/pledge-alerts").status())
                .as("another enterprise's alerts").isEqualTo(404);
    }

    private static Map<String, Object> event(String assetKind, String number, String kind, LocalDate on) {
        return Map.of("assetKind", assetKind, "number", number, "kind", kind, "eventDate", on.toString());
    }
}
