package cn.ipf.app.matchingevent;

import static cn.ipf.app.testinfra.BankForms.key;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.compensation.DefaultedLoans;
import cn.ipf.app.compensation.DefaultedLoans.Borrower;
import cn.ipf.app.compensation.DefaultedLoans.Dates;
import cn.ipf.app.compensation.DefaultedLoans.Lender;
import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.testinfra.Http;
import cn.ipf.sdk.api.BankMatchingEventsApi;
import cn.ipf.sdk.client.ApiClient;
import cn.ipf.sdk.model.BankMatchingEvent;
import cn.ipf.sdk.model.EventIntention;
import cn.ipf.sdk.model.IntentionCreditReport;
import cn.ipf.sdk.model.IntentionLoanLink;
import cn.ipf.sdk.model.IntentionStatus;
import cn.ipf.sdk.model.MatchingEventSummary;
import cn.ipf.sdk.model.NewEventIntention;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 银企对接活动 end to end: the district office plans a park campaign, selects a consenting admitted enterprise and
 * invites a bank; the enterprise confirms with its pitch; the bank (through its SDK) records its interest, reports the
 * credit granted and links the loan it made; the outcome and the regulator's statistics count it. Steps out of turn
 * are 409s that say what is allowed and who acts next.
 */
class MatchingEventFlowTest extends LibraryTestSupport {

    private static final String DISTRICT = "370211";
    private static final String EVENTS = "/api/v1/matching-events";

    @Test
    void fromInvitationToALoanCountedInTheStatistics() throws Exception {
        String admin = adminToken();
        ApiClient client = sdk(app(admin, bank(admin), null));
        BankMatchingEventsApi bankApi = new BankMatchingEventsApi(client);
        DefaultedLoans loans = new DefaultedLoans(this, http, jdbc);
        Lender lender = loans.lender(client);
        Borrower borrower = loans.borrower(DISTRICT, false);
        Borrower shy = loans.borrower(DISTRICT, false);
        assertThat(http.with(borrower.sme().token()).post(LIB + "/" + borrower.enterpriseId() + "/consents",
                Map.of("bankId", lender.bankId())).status()).isEqualTo(201);
        String office = districtReviewer(DISTRICT).token();

        Map<String, Object> form = Map.of("kind", "PARK_CAMPAIGN", "title", "入园惠企·知识产权质押融资专场",
                "eventDate", today().toString(), "place", "黄岛区科技园会议中心", "districtCodes", List.of(DISTRICT),
                "themeIndustries", List.of("C37", "I"));
        assertThat(http.with(office).post(EVENTS, form).code()).as("a park campaign names its park")
                .isEqualTo("VALIDATION_FAILED");
        Map<String, Object> withPark = new java.util.HashMap<>(form);
        withPark.put("parkName", "青岛国际经济合作区");
        assertThat(http.with(districtReviewer("370202").token()).post(EVENTS, withPark).code())
                .as("another district's reviewer").isEqualTo("OUT_OF_DISTRICT");
        assertThat(http.with(borrower.sme().token()).post(EVENTS, withPark).status()).isEqualTo(403);
        Http.Response created = http.with(office).post(EVENTS, withPark);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long eventId = created.json().get("eventId").asLong();
        String path = EVENTS + "/" + eventId;
        assertThat(created.json().get("status").asString()).isEqualTo("PLANNED");

        Http.Response early = http.with(office).post(path + "/publication", null);
        assertThat(early.code()).isEqualTo("EVENT_INCOMPLETE");
        assertThat(http.with(office).post(path + "/enterprises", Map.of("enterpriseIds",
                List.of(borrower.enterpriseId()))).code()).as("no invited bank to share with yet")
                .isEqualTo("ENTERPRISE_NOT_ELIGIBLE");
        assertThat(http.with(office).post(path + "/banks", Map.of("bankIds", List.of(lender.bankId())))
                .status()).isEqualTo(200);
        Http.Response notShared = http.with(office).post(path + "/enterprises", Map.of("enterpriseIds",
                List.of(borrower.enterpriseId(), shy.enterpriseId())));
        assertThat(notShared.code()).as("shares with no invited bank").isEqualTo("ENTERPRISE_NOT_ELIGIBLE");
        assertThat(notShared.json().get("enterpriseId").asLong()).isEqualTo(shy.enterpriseId());
        JsonNode selected = http.with(office).post(path + "/enterprises", Map.of("enterpriseIds",
                List.of(borrower.enterpriseId()))).json();
        assertThat(selected.get("enterprises")).hasSize(1);

        String enterprisePath = path + "/enterprises/" + borrower.enterpriseId();
        assertThat(http.with(borrower.sme().token()).post(enterprisePath + "/confirmation",
                Map.of("pitchSummary", "x")).code()).as("not published yet").isEqualTo("MATCHING_EVENT_NOT_FOUND");
        assertThat(problemCode(() -> bankApi.getBankMatchingEvent(eventId))).isEqualTo("MATCHING_EVENT_NOT_FOUND");

        assertThat(http.with(office).post(path + "/publication", null).json().get("status").asString())
                .isEqualTo("OPEN");
        assertThat(http.with(borrower.sme().token()).get(EVENTS).json().get("items")).extracting(
                n -> n.get("eventId").asLong()).contains(eventId);
        JsonNode confirmed = http.with(borrower.sme().token()).post(enterprisePath + "/confirmation",
                Map.of("pitchSummary", "高端海工装备专利组合，\n拟融资 100 万元", "pitchLink",
                        "https://example.com/pitch.pdf")).json();
        assertThat(confirmed.get("enterprises").get(0).get("attendance").asString()).isEqualTo("CONFIRMED");

        assertThat(bankApi.listBankMatchingEvents(0, 200).getItems()).extracting(MatchingEventSummary::getEventId)
                .contains(eventId);
        BankMatchingEvent seen = bankApi.getBankMatchingEvent(eventId);
        assertThat(seen.getEnterprises()).singleElement().satisfies(p -> {
            assertThat(p.getEnterpriseId()).isEqualTo(borrower.enterpriseId());
            assertThat(p.getPitchLink()).isEqualTo("https://example.com/pitch.pdf");
        });
        assertThat(problemCode(() -> bankApi.recordEventIntention(eventId, key(),
                new NewEventIntention().enterpriseId(shy.enterpriseId())))).isEqualTo("ENTERPRISE_NOT_FOUND");
        EventIntention interest = bankApi.recordEventIntention(eventId, key(),
                new NewEventIntention().enterpriseId(borrower.enterpriseId()).note("拟授信 100 万"));
        assertThat(interest.getStatus()).isEqualTo(IntentionStatus.INTERESTED);
        long intentionId = interest.getIntentionId();
        assertThat(bankApi.recordEventIntention(eventId, key(), new NewEventIntention()
                .enterpriseId(borrower.enterpriseId())).getIntentionId()).as("one intention per enterprise")
                .isEqualTo(intentionId);

        JsonNode outOfTurn = problem(() -> bankApi.linkIntentionLoan(intentionId, key(),
                new IntentionLoanLink().loanRef("L-none")));
        assertThat(outOfTurn.get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(outOfTurn.get("currentState").asString()).isEqualTo("INTERESTED");
        assertThat(outOfTurn.get("allowedActions")).extracting(JsonNode::asString)
                .containsExactly("GRANT_CREDIT", "DROP");
        assertThat(outOfTurn.get("nextActor").asString()).isEqualTo("BANK");
        assertThat(problemCode(() -> bankApi.reportIntentionCredit(intentionId, key(), new IntentionCreditReport()
                .amount(new BigDecimal("1000000.001")).grantedOn(today())))).isEqualTo("VALIDATION_FAILED");
        assertThat(bankApi.reportIntentionCredit(intentionId, key(), new IntentionCreditReport()
                .amount(new BigDecimal("1000000")).grantedOn(today())).getStatus())
                .isEqualTo(IntentionStatus.CREDIT_GRANTED);

        String loanRef = loans.loan(lender, borrower, "1000000", "1", new Dates(LocalDate.of(2025, 3, 3),
                LocalDate.of(2025, 3, 5), LocalDate.of(2025, 3, 10), null, null));
        EventIntention made = bankApi.linkIntentionLoan(intentionId, key(), new IntentionLoanLink().loanRef(loanRef));
        assertThat(made.getStatus()).isEqualTo(IntentionStatus.LOAN_MADE);
        assertThat(made.getLoans()).singleElement().satisfies(l -> {
            assertThat(l.getLoanRef()).isEqualTo(loanRef);
            assertThat(l.getPrincipal()).isEqualByComparingTo("1000000");
        });
        assertThat(bankApi.linkIntentionLoan(intentionId, key(), new IntentionLoanLink().loanRef(loanRef))
                .getLoans()).as("linking the same loan again changes nothing").hasSize(1);

        assertThat(http.with(office).post(path + "/completion", null).json().get("status").asString())
                .isEqualTo("HELD");
        Http.Response late = http.with(borrower.sme().token()).post(enterprisePath + "/declination", null);
        assertThat(late.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(late.json().get("currentState").asString()).isEqualTo("HELD");
        assertThat(late.json().get("nextActor").asString()).isEqualTo("BANK");

        JsonNode outcome = http.with(office).get(path).json().get("outcome");
        assertThat(outcome.get("enterprisesInvited").asInt()).isEqualTo(1);
        assertThat(outcome.get("enterprisesServed").asInt()).isEqualTo(1);
        assertThat(outcome.get("intentions").asInt()).isEqualTo(1);
        assertThat(outcome.get("creditGranted").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(outcome.get("loans").asInt()).isEqualTo(1);
        assertThat(outcome.get("loanAmount").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'MATCHING_EVENT' "
                + "AND entity_id = ?", Long.class, String.valueOf(eventId))).as("created, selected, "
                        + "invited, published, answered, held").isEqualTo(6);

        String regulator = person(cn.ipf.app.user.Role.REGULATOR, null, null, null).token();
        JsonNode byBank = http.with(regulator).get("/api/v1/regulator/statistics?period=2025-03&breakdown=BANK")
                .json();
        BigDecimal sumOfLines = BigDecimal.ZERO;
        BigDecimal ours = null;
        for (JsonNode row : byBank.get("rows")) {
            BigDecimal v = indicator(row, "EVENT_FACILITATED_FINANCING");
            sumOfLines = sumOfLines.add(v);
            if (row.get("key").asString().equals(String.valueOf(lender.bankId()))) {
                ours = v;
                assertThat(indicator(row, "PLEDGE_FINANCING_AMOUNT")).isEqualByComparingTo("1000000");
            }
        }
        assertThat(ours).isEqualByComparingTo("1000000");
        JsonNode total = http.with(regulator).get("/api/v1/regulator/statistics?period=2025-03").json();
        assertThat(indicator(total.get("rows").get(0), "EVENT_FACILITATED_FINANCING")).as("total = sum of lines")
                .isEqualByComparingTo(sumOfLines);
    }

    private static BigDecimal indicator(JsonNode row, String name) {
        for (JsonNode i : row.get("indicators")) {
            if (i.get("indicator").asString().equals(name)) {
                return i.get("value").decimalValue();
            }
        }
        throw new AssertionError(name + " missing in " + row);
    }
}
