package cn.ipf.app.creditline;

import static cn.ipf.app.testinfra.BankForms.key;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.compensation.DefaultedLoans;
import cn.ipf.app.compensation.DefaultedLoans.Borrower;
import cn.ipf.app.compensation.DefaultedLoans.Lender;
import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.user.Role;
import cn.ipf.sdk.api.BankCreditLinesApi;
import cn.ipf.sdk.client.ApiException;
import cn.ipf.sdk.model.CreditLine;
import cn.ipf.sdk.model.CreditLineStatus;
import cn.ipf.sdk.model.Drawdown;
import cn.ipf.sdk.model.NewCreditLine;
import cn.ipf.sdk.model.NewCreditLineMember;
import cn.ipf.sdk.model.NewDrawdown;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 集合授信 end to end through the bank SDK against the running service and the real database: a line granted to two
 * consenting admitted enterprises, drawn by many concurrent drawdowns up to its limit and never beyond, sub-limits,
 * idempotent reports, expiry read from the clock, early closure, and the regulators' view of the usage.
 */
class CollectiveCreditTest extends LibraryTestSupport {

    private static final String DISTRICT = "370211";

    private BankCreditLinesApi api;
    private Lender lender;
    private Borrower e1;
    private Borrower e2;
    private BankCredentials credentials;

    @BeforeEach
    void bankAndGroup() throws Exception {
        String admin = adminToken();
        credentials = app(admin, bank(admin), null);
        api = new BankCreditLinesApi(sdk(credentials));
        DefaultedLoans loans = new DefaultedLoans(this, http, jdbc);
        lender = loans.lender(sdk(credentials));
        e1 = loans.borrower(DISTRICT, false);
        e2 = loans.borrower(DISTRICT, false);
        for (Borrower b : List.of(e1, e2)) {
            assertThat(http.with(b.sme().token()).post(LIB + "/" + b.enterpriseId() + "/consents",
                    Map.of("bankId", lender.bankId())).status()).isEqualTo(201);
        }
    }

    @Test
    void drawnConcurrentlyToItsLimitAndNeverBeyond() throws Exception {
        CreditLine line = api.grantCreditLine(key(), line("1000000", "800000", "800000"));
        assertThat(line.getStatus()).isEqualTo(CreditLineStatus.ACTIVE);
        assertThat(line.getAvailable()).isEqualByComparingTo("1000000");
        long lineId = line.getLineId();

        int attempts = 16;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            long enterprise = (i % 2 == 0 ? e1 : e2).enterpriseId();
            BankCreditLinesApi own = new BankCreditLinesApi(sdk(credentials));
            String ref = "D-" + i + "-" + key().substring(0, 8);
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    own.reportCreditLineDrawdown(lineId, key(), drawdown(ref, enterprise, "100000"));
                    return "DRAWN";
                } catch (ApiException e) {
                    return JsonMapper.builder().build().readTree(e.getResponseBody()).get("code").asString();
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) {
            results.add(f.get());
        }
        pool.shutdown();
        assertThat(results).filteredOn("DRAWN"::equals).hasSize(10);
        assertThat(results).filteredOn(r -> !r.equals("DRAWN")).containsOnly("CREDIT_LIMIT_EXCEEDED");

        CreditLine drawn = api.getBankCreditLine(lineId);
        assertThat(drawn.getDrawn()).isEqualByComparingTo("1000000");
        assertThat(drawn.getAvailable()).isEqualByComparingTo("0");
        assertThat(drawn.getMembers()).allSatisfy(m -> assertThat(m.getAvailable()).isEqualByComparingTo("0"));
        assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM credit_drawdown WHERE line_id = ?", BigDecimal.class,
                lineId)).as("the drawdowns written add up to the line's drawn sum").isEqualByComparingTo("1000000");
        assertThat(jdbc.queryForObject("SELECT SUM(drawn) FROM credit_line_member WHERE line_id = ?",
                BigDecimal.class, lineId)).isEqualByComparingTo("1000000");
        JsonNode refused = problem(() -> api.reportCreditLineDrawdown(lineId, key(), drawdown("D-x-" + key()
                .substring(0, 8), e1.enterpriseId(), "0.01")));
        assertThat(refused.get("code").asString()).isEqualTo("CREDIT_LIMIT_EXCEEDED");
        assertThat(refused.get("lineAvailable").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void subLimitsIdempotentReportsExpiryClosureAndTheRegulatorsView() throws Exception {
        assertThat(problemCode(() -> api.grantCreditLine(key(), line("1000000", "1000000.01", "1"))))
                .as("a sub-limit above the total").isEqualTo("VALIDATION_FAILED");
        Borrower shy = new DefaultedLoans(this, http, jdbc).borrower(DISTRICT, false);
        NewCreditLine withShy = line("1000000", "300000", "300000");
        withShy.getMembers().add(new NewCreditLineMember().enterpriseId(shy.enterpriseId())
                .subLimit(new BigDecimal("1")));
        assertThat(problemCode(() -> api.grantCreditLine(key(), withShy))).as("does not share with the bank")
                .isEqualTo("ENTERPRISE_NOT_ELIGIBLE");

        NewCreditLine form = line("1000000", "300000", "800000");
        CreditLine line = api.grantCreditLine(key(), form);
        long lineId = line.getLineId();
        assertThat(api.grantCreditLine(key(), form).getLineId()).as("the same line under its external id")
                .isEqualTo(lineId);
        assertThat(problemCode(() -> api.grantCreditLine(key(), line("2000000", "300000", "800000")
                .externalId(form.getExternalId())))).isEqualTo("EXTERNAL_ID_CONFLICT");

        String idempotencyKey = key();
        NewDrawdown first = drawdown("D1-" + key().substring(0, 8), e1.enterpriseId(), "200000");
        Drawdown d1 = api.reportCreditLineDrawdown(lineId, idempotencyKey, first);
        assertThat(api.reportCreditLineDrawdown(lineId, idempotencyKey, first).getDrawdownId())
                .as("a retry with the same Idempotency-Key").isEqualTo(d1.getDrawdownId());
        assertThat(api.reportCreditLineDrawdown(lineId, key(), first).getDrawdownId())
                .as("the same drawdown under its external id").isEqualTo(d1.getDrawdownId());
        assertThat(problemCode(() -> api.reportCreditLineDrawdown(lineId, key(), drawdown(first.getExternalId(),
                e1.enterpriseId(), "200001")))).isEqualTo("EXTERNAL_ID_CONFLICT");
        JsonNode overSub = problem(() -> api.reportCreditLineDrawdown(lineId, key(), drawdown("D2-" + key()
                .substring(0, 8), e1.enterpriseId(), "100000.01")));
        assertThat(overSub.get("code").asString()).as("e1's sub-limit of 300 000").isEqualTo("CREDIT_LIMIT_EXCEEDED");
        assertThat(overSub.get("memberAvailable").decimalValue()).isEqualByComparingTo("100000");
        assertThat(problemCode(() -> api.reportCreditLineDrawdown(lineId, key(), drawdown("D3-" + key()
                .substring(0, 8), e2.enterpriseId(), "100").loanRef("no-such-loan")))).isEqualTo("LOAN_NOT_FOUND");
        assertThat(problemCode(() -> api.reportCreditLineDrawdown(lineId, key(), drawdown("D4-" + key()
                .substring(0, 8), e2.enterpriseId(), "100").drawnOn(today().plusDays(1)))))
                .isEqualTo("VALIDATION_FAILED");
        api.reportCreditLineDrawdown(lineId, key(), drawdown("D5-" + key().substring(0, 8), e2.enterpriseId(),
                "500000"));
        CreditLine used = api.getBankCreditLine(lineId);
        assertThat(used.getDrawn()).isEqualByComparingTo("700000");
        assertThat(used.getAvailable()).isEqualByComparingTo("300000");
        assertThat(used.getMembers()).extracting(m -> m.getAvailable().stripTrailingZeros().toPlainString())
                .containsExactly("100000", "300000");

        String regulator = person(Role.REGULATOR, null, null, null).token();
        JsonNode seen = http.with(regulator).get("/api/v1/regulator/credit-lines?bankId=" + lender.bankId()).json();
        assertThat(seen.get("items")).singleElement().satisfies(l -> {
            assertThat(l.get("drawn").decimalValue()).isEqualByComparingTo("700000");
            assertThat(l.get("memberCount").asInt()).isEqualTo(2);
        });
        assertThat(http.with(regulator).get("/api/v1/regulator/credit-lines/" + lineId).json().get("members"))
                .hasSize(2);
        assertThat(http.with(e1.sme().token()).get("/api/v1/regulator/credit-lines").status()).isEqualTo(403);

        // expiry is computed from the clock on every read: a line whose validity ended yesterday is EXPIRED now
        // (the signed API refuses requests timed more than 300 s off, so the clock is not moved by days here)
        NewCreditLine ended = line("400000", "400000", "400000").validUntil(today().minusDays(1));
        long endedId = api.grantCreditLine(key(), ended).getLineId();
        CreditLine expired = api.getBankCreditLine(endedId);
        assertThat(expired.getStatus()).isEqualTo(CreditLineStatus.EXPIRED);
        assertThat(expired.getAvailable()).isEqualByComparingTo("0");
        assertThat(expired.getReleased()).isEqualByComparingTo("400000");
        JsonNode late = problem(() -> api.reportCreditLineDrawdown(endedId, key(), drawdown("D6-" + key()
                .substring(0, 8), e2.enterpriseId(), "1").drawnOn(today().minusDays(2))));
        assertThat(late.get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(late.get("currentState").asString()).isEqualTo("EXPIRED");
        assertThat(late.get("allowedActions")).isEmpty();
        assertThat(late.get("nextActor").asString()).isEqualTo("NOBODY");

        long other = api.grantCreditLine(key(), line("500000", "500000", "500000")).getLineId();
        CreditLine closed = api.closeCreditLine(other, key());
        assertThat(closed.getStatus()).isEqualTo(CreditLineStatus.CLOSED);
        assertThat(closed.getReleased()).isEqualByComparingTo("500000");
        assertThat(problemCode(() -> api.closeCreditLine(other, key()))).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'CREDIT_LINE' "
                + "AND entity_id = ?", Long.class, String.valueOf(lineId))).as("granted, drawn twice").isEqualTo(3);
    }

    private NewCreditLine line(String total, String subLimit1, String subLimit2) {
        return new NewCreditLine().externalId("CL-" + key().substring(0, 12)).productId(lender.productId())
                .totalLimit(new BigDecimal(total)).validFrom(today().minusDays(10)).validUntil(today().plusDays(30))
                .members(new ArrayList<>(List.of(
                        new NewCreditLineMember().enterpriseId(e1.enterpriseId()).subLimit(new BigDecimal(subLimit1)),
                        new NewCreditLineMember().enterpriseId(e2.enterpriseId())
                                .subLimit(new BigDecimal(subLimit2)))));
    }

    private static NewDrawdown drawdown(String externalId, long enterpriseId, String amount) {
        return new NewDrawdown().externalId(externalId).enterpriseId(enterpriseId).amount(new BigDecimal(amount))
                .drawnOn(today());
    }
}
