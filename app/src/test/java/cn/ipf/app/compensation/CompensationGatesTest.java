package cn.ipf.app.compensation;

import static cn.ipf.app.testinfra.BankForms.key;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.compensation.DefaultedLoans.Borrower;
import cn.ipf.app.compensation.DefaultedLoans.Dates;
import cn.ipf.sdk.client.ApiException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every gate of a claim, each refused with its reason code (409 COMPENSATION_GATE_FAILED naming every failed gate)
 * and nothing written; a rejected claim lets the bank file again.
 */
class CompensationGatesTest extends CompensationTestSupport {

    @Test
    void everyGateRefusesWithItsReasonAndWritesNothing() throws Exception {
        long p = id(programme(CITY, null));
        Bank bank = bank();
        agreement(p, bank.lender().bankId(), "2025-01-01", "1000000");
        long shinan = id(programme("370202", null));
        agreement(shinan, bank.lender().bankId(), "2026-10-01", "1000000");

        String good = loans.loan(bank.lender(), loans.borrower(DISTRICT, true), "1000000", "1", Dates.standard());
        assertThat(failedGates(bank, shinan, good)).as("a Huangdao loan, an agreement signed after disbursement")
                .containsExactly("OUTSIDE_PROGRAMME_REGION", "NO_AGREEMENT_ON_DISBURSEMENT");

        Borrower admittedToday = loans.borrower(DISTRICT, false);
        String young = loans.loan(bank.lender(), admittedToday, "1000000", "1", new Dates(LocalDate.of(2025, 9, 1),
                LocalDate.of(2025, 9, 10), LocalDate.of(2025, 9, 5), today().minusDays(30), null));
        assertThat(failedGates(bank, p, young)).containsExactly("LOAN_NOT_DEFAULTED",
                "NOT_ADMITTED_ON_DISBURSEMENT", "NOT_PLEDGED_BY_DISBURSEMENT", "OVERDUE_TOO_SHORT");

        // qualified on 2025-05-30 (90 days after 2025-03-01), so the window closed on 2026-05-30
        String late = loans.loan(bank.lender(), loans.borrower(DISTRICT, true), "1000000", "1", new Dates(
                LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 5),
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 1)));
        assertThat(failedGates(bank, p, late)).containsExactly("FILING_WINDOW_PASSED");
        assertThat(count("compensation_claim WHERE bank_id = " + bank.lender().bankId())).isZero();

        long claimId = file(bank, p, good).getClaimId();
        assertThat(failedGates(bank, p, good)).containsExactly("CLAIM_ALREADY_OPEN");
        assertThat(problemCode(() -> bank.compensation().fileCompensationClaim(key(), claimForm(p, "no-such-loan"))))
                .isEqualTo("LOAN_NOT_FOUND");

        // a district reviewer rejects with a reason; the bank may then file again
        assertThat(http.with(districtReviewer(DISTRICT).token()).post(CLAIMS + claimId + "/rejection",
                java.util.Map.of("reason", "证据不全：缺执行终结裁定")).json().get("status").asString())
                .isEqualTo("REJECTED");
        assertThat(claim(claimId).get("payoutLines")).isEmpty();
        assertThat(file(bank, p, good).getStatus().getValue()).isEqualTo("FILED");
        assertThat(http.with(districtReviewer("370202").token()).get(CLAIMS + claimId).status())
                .as("another district's reviewer").isEqualTo(404);
    }

    /** The gates a filing fails, in gate order, from the problem's {@code gates}. */
    private List<String> failedGates(Bank bank, long programmeId, String loanRef) throws Exception {
        try {
            file(bank, programmeId, loanRef);
        } catch (ApiException e) {
            assertThat(e.getCode()).isEqualTo(409);
            JsonNode problem = JsonMapper.builder().build().readTree(e.getResponseBody());
            assertThat(problem.get("code").asString()).isEqualTo("COMPENSATION_GATE_FAILED");
            List<String> failed = new ArrayList<>();
            problem.get("gates").forEach(g -> {
                if (!g.get("passed").asBoolean()) {
                    failed.add(g.get("gate").asString());
                }
            });
            assertThat(problem.get("gates")).hasSize(8);
            return failed;
        }
        throw new AssertionError("the claim was accepted");
    }
}
