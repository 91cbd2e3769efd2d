package cn.ipf.app.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.sdk.model.LoanRenewalReport;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 贴息 across a 续贷 renewal, as docs/policies.md (Renewal) states it, through the bank SDK, the job API and the claims
 * API: no day accrues on both loans, the new loan's window runs from its own start (its PM01 change registration
 * passes the pledge gates by looking through to the original one), one annual cap per enterprise covers both loans,
 * and the statistics count the financing once.
 *
 * <p>Figures by hand. The programme pays 60 % of the LPR, capped at 2 500.00 per enterprise and year, 12-month window.
 * The old loan L1 (1 000 000 at 3.45 %) is signed 2025-02-10 and disbursed 2025-02-15; the renewal R is signed and
 * disbursed 2025-03-15 (same principal and rate). Both contracts take the LPR of the month before: 2025-01 and
 * 2025-02, both 3.10 %, so ref = 0.6 × 3.10 % = 1.86 % and by_rate = 1 000 000 × 1.86 % × d / 360:
 * <pre>
 * payment                       paid        d   interest  by_rate   cap left  reason          amount
 * L1-I1 [2025-02-15, 03-15)     2025-03-15  28  2 683.33  1 446.67  2 500.00  ELIGIBLE        1 446.67
 * R-I1  [2025-03-15, 04-15)     2025-04-15  31  2 970.83  1 601.67  1 053.33  CAPPED          1 053.33
 * R-I2  [2025-04-15, 05-15)     2025-05-15  30  2 875.00  1 550.00      0.00  CAP_EXHAUSTED       0.00
 * R-I3  [2026-02-15, 03-15)     2026-03-15  28  2 683.33  1 446.67  2 500.00  ELIGIBLE        1 446.67
 * R-I4  [2026-03-15, 03-31)     2026-03-31   0  1 533.33      0.00      —     OUTSIDE_WINDOW      0.00
 * </pre>
 * R-I3 lies after L1's window [2025-02-15, 2026-02-15) but inside R's own [2025-03-15, 2026-03-15); R-I4 after it.
 * The claim's total is 1 446.67 + 1 053.33 + 1 446.67 = 3 946.67.
 */
class SubsidyAcrossRenewalTest extends SubsidyTestSupport {

    @Test
    void aSubsidyRunAcrossARenewalKeepsOneWindowPerLoanAndOneCapPerEnterprise() throws Exception {
        String admin = adminToken();
        Region region = region();
        long programmeId = programme(admin, region.city(), "1000000", null);
        interestParameters(admin, programmeId, interest("2500", null));
        Bank bank = lender(admin);
        Borrower e = borrower(region.district(), true);
        String old = loan(bank, e, e.patentId(), Terms.standard(d("2025-02-10"), "1000000", "0.0345"));
        payment(bank, old, 1, d("2025-02-15"), d("2025-03-15"), "1000000", "2683.33", d("2025-03-15"));

        String renewed = "R-" + key().substring(0, 12);
        bank.loans().reportLoanRenewal(old, key(), new LoanRenewalReport().externalId(renewed)
                .contractNo("青银知质续字第" + renewed + "号").signedOn(d("2025-03-15"))
                .principal(new BigDecimal("1000000")).annualRate(new BigDecimal("0.0345"))
                .maturityDate(d("2027-03-15")).ipShare(BigDecimal.ONE).otherFiscalSubsidy(false)
                .changeRegistrationNo("B" + key().substring(0, 12)));
        // no overlap: the old loan accrues nothing from the renewal day
        assertThat(problemCode(() -> payment(bank, old, 2, d("2025-03-15"), d("2025-04-15"), "1000000", "2970.83",
                d("2025-04-15")))).isEqualTo("LOAN_RECORD_INVALID");
        payment(bank, renewed, 1, d("2025-03-15"), d("2025-04-15"), "1000000", "2970.83", d("2025-04-15"));
        payment(bank, renewed, 2, d("2025-04-15"), d("2025-05-15"), "1000000", "2875.00", d("2025-05-15"));
        payment(bank, renewed, 3, d("2026-02-15"), d("2026-03-15"), "1000000", "2683.33", d("2026-03-15"));
        payment(bank, renewed, 4, d("2026-03-15"), d("2026-03-31"), "1000000", "1533.33", d("2026-03-31"));

        completedRun(admin, programmeId, "2026-Q1");
        JsonNode claim = claimOf(admin, programmeId, e.enterpriseId(), "2026-Q1");
        assertThat(claim.get("lines").findValuesAsString("paymentExternalId")).containsExactly(old + "-I1",
                renewed + "-I1", renewed + "-I2", renewed + "-I3", renewed + "-I4");
        assertThat(claim.get("lines").findValuesAsString("reason")).containsExactly("ELIGIBLE", "CAPPED",
                "CAP_EXHAUSTED", "ELIGIBLE", "OUTSIDE_WINDOW");
        assertThat(amounts(claim, "daysInWindow")).containsExactly("28", "31", "30", "28",
                "0");
        assertThat(amounts(claim, "byRate")).containsExactly("1446.666667",
                "1601.666667", "1550", "1446.666667", "0");
        assertThat(amounts(claim, "capRemainingBefore")).as("a line a gate refuses takes no cap")
                .containsExactly("2500", "1053.33", "0", "2500");
        assertThat(amounts(claim, "amount")).containsExactly("1446.67", "1053.33", "0",
                "1446.67", "0");
        assertThat(claim.get("totalAmount").decimalValue()).isEqualByComparingTo("3946.67");
        assertThat(claim.get("lines").get(1).get("disbursedOn").asString()).as("the new loan's own start")
                .isEqualTo("2025-03-15");

        // counted once: one pledge loan of the original amount, one registration, one enterprise
        Map<String, BigDecimal> figures = bankFigures("2025", bank.bankId());
        assertThat(figures.get("PLEDGED_LOANS")).isEqualByComparingTo("1");
        assertThat(figures.get("PLEDGE_FINANCING_AMOUNT")).isEqualByComparingTo("1000000");
        assertThat(figures.get("PLEDGE_REGISTRATIONS")).isEqualByComparingTo("1");
        assertThat(figures.get("ENTERPRISES_SERVED")).isEqualByComparingTo("1");
    }
}
