package cn.ipf.app.loan;

import static cn.ipf.app.testinfra.BankForms.inventionProduct;
import static cn.ipf.app.testinfra.BankForms.key;
import static cn.ipf.app.testinfra.BankForms.offer;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;
import cn.ipf.sdk.api.BankApplicationsApi;
import cn.ipf.sdk.api.BankProductsApi;
import cn.ipf.sdk.client.ApiClient;
import cn.ipf.sdk.model.BankScorecard;
import cn.ipf.sdk.model.LoanRejection;
import cn.ipf.sdk.model.ReasonCount;
import cn.ipf.sdk.model.RejectionReason;
import cn.ipf.sdk.signing.IpfRequestSigner;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * 限时响应 end to end across the 2026 Spring Festival (15–23 February off, Saturdays 14 and 28 February worked): the
 * deadline counts working days, the deadline check escalates the one application left undecided, the SME and the
 * reviewers see it, and the month's scorecards carry known figures for regulators (all banks) and for the bank (its
 * own, over the signed SDK). The clock is moved, never waited for; people sign in at the real time first, as their
 * tokens are checked against it.
 */
class ResponseDeadlineTest extends LibraryTestSupport {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String DISTRICT = "370211";

    @Autowired
    private ResponseDeadlines deadlines;

    private BankApplicationsApi bankApi;
    private BankApplicationsApi otherBankApi;
    private long bankId;
    private long productId;
    private Person sme;
    private long enterpriseId;
    private final List<Long> patents = new ArrayList<>();

    @BeforeEach
    void bankProductAndApplicant() throws Exception {
        String admin = adminToken();
        bankId = bank(admin);
        BankCredentials credentials = app(admin, bankId, null);
        productId = new BankProductsApi(sdk(credentials)).publishProduct(key(), inventionProduct(unique("知易贷")))
                .getProductId();
        bankApi = new BankApplicationsApi(signedOnTheAppClock(credentials));
        otherBankApi = new BankApplicationsApi(signedOnTheAppClock(app(admin, bank(admin), null)));
        sme = person(Role.SME, null, null, null);
        enterpriseId = register(sme.token(), strongProfile(uscc(DISTRICT), DISTRICT)).get("enterpriseId").asLong();
        for (int i = 0; i < 3; i++) {
            patents.add(addInvention(sme.token(), enterpriseId, false).get("patentId").asLong());
        }
    }

    /** The bank's SDK signing with the application's clock, as a bank's clock agrees with the platform's. */
    private ApiClient signedOnTheAppClock(BankCredentials credentials) {
        ApiClient client = sdk(credentials);
        client.setRequestInterceptor(new IpfRequestSigner(credentials.appId(), credentials.secret(), clock));
        return client;
    }

    @Test
    void deadlinesCountWorkingDaysAcrossSpringFestivalAndFeedTheScorecards() throws Exception {
        Person city = person(Role.CITY_REVIEWER, null, null, null);
        Person ownDistrict = person(Role.DISTRICT_REVIEWER, null, null, DISTRICT);
        Person otherDistrict = person(Role.DISTRICT_REVIEWER, null, null, "370202");
        Person regulator = person(Role.REGULATOR, null, null, null);

        // Tuesday 10 February: ten working days run to Monday 2 March (11–14, then 24–28 February, 2 March)
        at("2026-02-10T10:00");
        long late = apply(patents.get(0));
        long approvedOnTime = apply(patents.get(1));
        assertThat(smeGet(late).get("respondBy").asString()).isEqualTo("2026-03-02");
        assertThat(bankApi.getBankLoanApplication(late).getRespondBy()).isEqualTo("2026-03-02");
        at("2026-02-12T16:00");
        long rejectedOnTime = apply(patents.get(2));
        assertThat(smeGet(rejectedOnTime).get("respondBy").asString()).isEqualTo("2026-03-04");

        // Tuesday 24 February, first day back: approved after 5 working days
        at("2026-02-24T11:00");
        bankApi.approveLoanApplication(approvedOnTime, key(), offer());
        // Saturday 28 February is a make-up working day: rejected after 7 working days (13, 14, 24–28)
        at("2026-02-28T15:00");
        bankApi.rejectLoanApplication(rejectedOnTime, key(), new LoanRejection()
                .reasonCode(RejectionReason.CREDIT_RISK));

        // on the deadline day itself nothing is escalated; the next morning it is, once
        at("2026-03-02T23:00");
        deadlines.escalateOverdue();
        assertThat(smeGet(late).has("escalatedAt")).isFalse();
        at("2026-03-03T09:00");
        deadlines.escalateOverdue();
        deadlines.escalateOverdue();
        JsonNode escalated = smeGet(late);
        assertThat(escalated.get("escalatedAt").asString()).startsWith("2026-03-03T01:00");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'LOAN_APPLICATION_ESCALATED'"
                + " AND entity_id = ?", Long.class, String.valueOf(late))).isEqualTo(1);
        assertThat(escalations(city.token(), true)).contains(late).doesNotContain(approvedOnTime, rejectedOnTime);
        assertThat(escalations(ownDistrict.token(), true)).contains(late);
        assertThat(escalations(otherDistrict.token(), false)).doesNotContain(late);
        assertThat(http.with(sme.token()).get(ESCALATIONS).status()).isEqualTo(403);

        // March so far: the late application is overdue and undecided
        BankScorecard marchSoFar = bankApi.getOwnBankScorecard("2026-03");
        assertThat(marchSoFar.getOverdueUndecided()).isEqualTo(1);
        assertThat(marchSoFar.getDecisions()).isZero();

        bankApi.rejectLoanApplication(late, key(), new LoanRejection().reasonCode(RejectionReason.OTHER)
                .note("资料不全且逾期"));
        assertThat(escalations(city.token(), true)).doesNotContain(late);
        assertThat(escalations(city.token(), false)).contains(late);

        BankScorecard february = bankApi.getOwnBankScorecard("2026-02");
        assertThat(february.getBankId()).isEqualTo(bankId);
        assertThat(february.getReceived()).isEqualTo(3);
        assertThat(february.getDecisions()).isEqualTo(2);
        assertThat(february.getMedianResponseWorkingDays()).isEqualTo(5);
        assertThat(february.getP90ResponseWorkingDays()).isEqualTo(7);
        assertThat(february.getOnTimeShare()).isEqualByComparingTo("1");
        assertThat(february.getApprovalRate()).isEqualByComparingTo("0.5");
        assertThat(february.getRejectReasons()).extracting(ReasonCount::getReasonCode, ReasonCount::getCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RejectionReason.CREDIT_RISK, 1));
        assertThat(february.getAmountGranted()).isEqualByComparingTo(offer().getAmount());
        assertThat(february.getOverdueUndecided()).isZero();

        BankScorecard march = bankApi.getOwnBankScorecard("2026-03");
        assertThat(march.getDecisions()).isEqualTo(1);
        assertThat(march.getMedianResponseWorkingDays()).as("10 Feb to 3 Mar").isEqualTo(11);
        assertThat(march.getOnTimeShare()).isEqualByComparingTo("0");
        assertThat(march.getOverdueUndecided()).isZero();

        // regulators see every bank; another bank sees only its own (empty) card
        JsonNode all = http.with(regulator.token()).get("/api/v1/regulator/bank-scorecards/2026-02").json();
        JsonNode ours = null;
        for (JsonNode card : all) {
            if (card.get("bankId").asLong() == bankId) {
                ours = card;
            }
        }
        assertThat(ours).isNotNull();
        assertThat(ours.get("decisions").asInt()).isEqualTo(2);
        assertThat(ours.get("onTimeShare").decimalValue()).isEqualByComparingTo("1");
        BankScorecard others = otherBankApi.getOwnBankScorecard("2026-02");
        assertThat(others.getBankId()).isNotEqualTo(bankId);
        assertThat(others.getDecisions()).isZero();
        assertThat(http.with(city.token()).get("/api/v1/regulator/bank-scorecards/2026-02").status()).isEqualTo(403);
        assertThat(http.with(sme.token()).get("/api/v1/regulator/bank-scorecards/2026-02").status()).isEqualTo(403);

        // months beyond the holiday tables are refused, not guessed; a malformed month in the path names no
        // resource: 404, as every path variable outside its contract pattern
        assertThat(problemCode(() -> bankApi.getOwnBankScorecard("2031-01"))).isEqualTo("WORKING_CALENDAR_MISSING");
        Http.Response missing = http.with(regulator.token()).get("/api/v1/regulator/bank-scorecards/2031-01");
        assertThat(missing.status()).isEqualTo(409);
        assertThat(missing.code()).isEqualTo("WORKING_CALENDAR_MISSING");
        assertThat(http.with(regulator.token()).get("/api/v1/regulator/bank-scorecards/2026-13").status())
                .isEqualTo(404);
    }

    private static final String ESCALATIONS = "/api/v1/library/loan-application-escalations";

    private List<Long> escalations(String token, boolean open) {
        Http.Response r = http.with(token).get(ESCALATIONS + "?open=" + open);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        r.json().forEach(e -> ids.add(e.get("applicationId").asLong()));
        return ids;
    }

    private void at(String beijingTime) {
        clock.set(LocalDateTime.parse(beijingTime).atZone(SHANGHAI).toInstant());
    }

    private long apply(long patentId) {
        Http.Response r = http.with(sme.token()).post(LIB + "/" + enterpriseId + "/loan-applications", Map.of(
                "productId", productId, "amount", 2_000_000, "termMonths", 12,
                "assets", List.of(Map.of("kind", "PATENT", "id", patentId))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("applicationId").asLong();
    }

    private JsonNode smeGet(long applicationId) {
        return http.with(sme.token()).get(LIB + "/" + enterpriseId + "/loan-applications/" + applicationId).json();
    }
}
