package cn.ipf.app.compensation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.compensation.policy.ClaimGates.Facts;
import cn.ipf.app.compensation.policy.ClaimGates.Gate;
import cn.ipf.app.compensation.policy.ClaimGates.Outcome;
import cn.ipf.app.compensation.policy.SupervisionSignals.Delinquency;
import cn.ipf.app.compensation.policy.SupervisionSignals.LoanFacts;
import cn.ipf.app.compensation.policy.SupervisionSignals.Repayment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Claim gates, the claim state machine, rule-set checks and supervision signals. */
class ClaimRulesTest {

    private static final CompensationRules RULES = CompensationRules.defaults(1);
    private static final LocalDate DISBURSED = LocalDate.of(2025, 3, 1);

    private static Facts facts(LocalDate overdueSince, LocalDate defaultedOn) {
        return new Facts(DISBURSED, defaultedOn, true, true, DISBURSED.minusDays(2), overdueSince, true, false);
    }

    @Test
    void aQualifyingClaimPassesEveryGate() {
        List<Outcome> gates = ClaimGates.evaluate(facts(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 8, 1)), RULES,
                LocalDate.of(2025, 9, 1));
        assertThat(gates).extracting(Outcome::gate).containsExactly(Gate.values());
        assertThat(gates).allMatch(Outcome::passed);
    }

    @Test
    void overdueDaysAndTheFilingWindowCountFromTheReports() {
        Facts f = facts(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 1));
        // 89 days overdue on 2025-08-29, 90 on 2025-08-30; qualified 2025-08-30, window to 2026-08-30
        assertThat(failed(f, LocalDate.of(2025, 8, 29))).containsExactly(Gate.OVERDUE_TOO_SHORT);
        assertThat(failed(f, LocalDate.of(2025, 8, 30))).isEmpty();
        assertThat(ClaimGates.filingDeadline(f, RULES)).isEqualTo(LocalDate.of(2026, 8, 30));
        assertThat(failed(f, LocalDate.of(2026, 8, 30))).isEmpty();
        assertThat(failed(f, LocalDate.of(2026, 8, 31))).containsExactly(Gate.FILING_WINDOW_PASSED);
        // a default after the 90 days is the day it qualified
        Facts late = facts(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 12, 1));
        assertThat(ClaimGates.filingDeadline(late, RULES)).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void everyFailingGateIsReported() {
        Facts bad = new Facts(DISBURSED, null, false, false, DISBURSED.plusDays(1), null, false, true);
        assertThat(failed(bad, LocalDate.of(2025, 9, 1))).containsExactly(Gate.LOAN_NOT_DEFAULTED,
                Gate.OUTSIDE_PROGRAMME_REGION, Gate.NOT_ADMITTED_ON_DISBURSEMENT, Gate.NOT_PLEDGED_BY_DISBURSEMENT,
                Gate.OVERDUE_TOO_SHORT, Gate.NO_AGREEMENT_ON_DISBURSEMENT, Gate.CLAIM_ALREADY_OPEN);
    }

    @Test
    void claimStates() {
        assertThat(ClaimStatus.FILED.after(ClaimStatus.Step.DISTRICT_APPROVE)).contains(ClaimStatus.DISTRICT_APPROVED);
        assertThat(ClaimStatus.FILED.after(ClaimStatus.Step.CITY_APPROVE)).isEmpty();
        assertThat(ClaimStatus.WAITING_FOR_FUNDS.after(ClaimStatus.Step.RELEASE)).contains(ClaimStatus.PAYABLE);
        assertThat(ClaimStatus.CITY_APPROVED.after(ClaimStatus.Step.PAY)).as("paid only through a batch")
                .isEmpty();
        assertThat(ClaimStatus.PAYABLE.after(ClaimStatus.Step.PAY)).contains(ClaimStatus.PAID);
        assertThat(ClaimStatus.CITY_APPROVED.after(ClaimStatus.Step.REJECT)).isEmpty();
        assertThat(ClaimStatus.PAID.after(ClaimStatus.Step.PAY)).isEmpty();
    }

    @Test
    void ruleSetsAreChecked() {
        assertThat(RULES.problems()).isEmpty();
        CompensationRules twoBanks = CompensationCalculatorTest.rules(
                CompensationCalculatorTest.layer("FUND", LayerKind.FUND, "0.5"),
                CompensationCalculatorTest.layer("BANK", LayerKind.BANK, "0.3"),
                CompensationCalculatorTest.layer("BANK2", LayerKind.BANK, "0.3"));
        assertThat(twoBanks.problems()).anyMatch(p -> p.contains("sum to 1")).anyMatch(p -> p.contains("BANK"));
        CompensationRules noFund = CompensationCalculatorTest.rules(
                CompensationCalculatorTest.layer("INS", LayerKind.INSURER, "0.50005"),
                CompensationCalculatorTest.layer("BANK", LayerKind.BANK, "0.49995"));
        assertThat(noFund.problems()).anyMatch(p -> p.contains("FUND")).anyMatch(p -> p.contains("4 decimals"));
    }

    @Test
    void supervisionSignals() {
        LocalDate end = LocalDate.of(2026, 6, 30);
        LoanFacts performing = new LoanFacts(LocalDate.of(2026, 1, 5), new BigDecimal("5000000"),
                List.of(new Repayment(LocalDate.of(2026, 3, 1), new BigDecimal("1000000"))), List.of(), null, null,
                null);
        LoanFacts overdue = new LoanFacts(LocalDate.of(2026, 1, 5), new BigDecimal("1000000"), List.of(),
                List.of(new Delinquency(1, true, LocalDate.of(2026, 3, 1))), null, null, null);
        LoanFacts briefly = new LoanFacts(LocalDate.of(2026, 1, 5), new BigDecimal("1000000"), List.of(),
                List.of(new Delinquency(1, true, LocalDate.of(2026, 2, 1)),
                        new Delinquency(2, false, LocalDate.of(2026, 3, 1))), null, null, null);
        LoanFacts closed = new LoanFacts(LocalDate.of(2025, 1, 5), new BigDecimal("9000000"), List.of(), List.of(),
                LocalDate.of(2025, 6, 1), new BigDecimal("9000000"), LocalDate.of(2026, 5, 1));
        SupervisionSignals.Signals s = SupervisionSignals.of(List.of(performing, overdue, briefly, closed), end,
                new BigDecimal("1000000"), new BigDecimal("0.0150"), RULES);
        assertThat(s.outstanding()).isEqualByComparingTo("6000000");
        assertThat(s.nonPerforming()).as("121 days overdue").isEqualByComparingTo("1000000");
        assertThat(s.ipNplRate()).isEqualByComparingTo("0.166667");
        assertThat(s.leverage()).isEqualByComparingTo("6.00");
        assertThat(s.leverageBelowTarget()).isTrue();
        assertThat(s.nplGapPp()).isEqualByComparingTo("15.1667");
        assertThat(s.nplAboveTolerance()).isTrue();
        SupervisionSignals.Signals unreported = SupervisionSignals.of(List.of(performing), end, BigDecimal.ZERO,
                null, RULES);
        assertThat(unreported.leverage()).isNull();
        assertThat(unreported.nplAboveTolerance()).isFalse();
    }

    private static List<Gate> failed(Facts f, LocalDate on) {
        return ClaimGates.evaluate(f, RULES, on).stream().filter(o -> !o.passed()).map(Outcome::gate).toList();
    }
}
