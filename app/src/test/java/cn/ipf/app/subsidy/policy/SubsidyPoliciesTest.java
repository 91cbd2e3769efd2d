package cn.ipf.app.subsidy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ipf.app.subsidy.policy.ClaimStatus.Step;
import cn.ipf.app.subsidy.policy.FeeSubsidyCalculator.Kind;
import cn.ipf.app.subsidy.policy.FeeSubsidyCalculator.Reason;
import cn.ipf.app.subsidy.policy.GateTrace.Outcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The subsidy policies around the calculator: periods, the claim workflow, fee subsidies, gate traces, parameters. */
class SubsidyPoliciesTest {

    @Test
    void periodsAreMonthsQuartersAndYears() {
        assertThat(SubsidyPeriod.parse("2025-03")).isEqualTo(new SubsidyPeriod("2025-03", LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 31)));
        assertThat(SubsidyPeriod.parse("2024-02").end()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(SubsidyPeriod.parse("2025-Q4")).isEqualTo(new SubsidyPeriod("2025-Q4", LocalDate.of(2025, 10, 1),
                LocalDate.of(2025, 12, 31)));
        assertThat(SubsidyPeriod.parse("2026")).isEqualTo(new SubsidyPeriod("2026", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31)));
        for (String bad : new String[] {"2025-13", "2025-00", "2025-Q5", "2025-3", "25", "2025-q1", "", null}) {
            assertThatThrownBy(() -> SubsidyPeriod.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(SubsidyPeriod.monthBefore(LocalDate.of(2026, 1, 5)).code()).isEqualTo("2025-12");
        SubsidyPeriod q1 = SubsidyPeriod.parse("2026-Q1");
        assertThat(q1.overlaps(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(q1.overlaps(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 12, 31))).isFalse();
    }

    @Test
    void aDryRunMayCoverARangeOfPeriods() {
        SubsidyPeriod range = SubsidyPeriod.parseSpan("2024-11..2025-Q1");
        assertThat(range).isEqualTo(new SubsidyPeriod("2024-11..2025-Q1", LocalDate.of(2024, 11, 1),
                LocalDate.of(2025, 3, 31)));
        assertThat(range.isRange()).isTrue();
        assertThat(SubsidyPeriod.parseSpan("2025-03..2025-03").end()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(SubsidyPeriod.parseSpan("2025-03")).isEqualTo(SubsidyPeriod.parse("2025-03"));
        assertThat(SubsidyPeriod.parseSpan("2025-03").isRange()).isFalse();
        for (String bad : new String[] {"2025-06..2025-05", "2025-01..", "..2025-01", "2025-01...2025-02",
            "2025-01..2025-13"}) {
            assertThatThrownBy(() -> SubsidyPeriod.parseSpan(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theClaimWorkflow() {
        Map<ClaimStatus, Map<Step, ClaimStatus>> legal = new EnumMap<>(ClaimStatus.class);
        for (ClaimStatus s : ClaimStatus.values()) {
            for (Step step : Step.values()) {
                s.after(step).ifPresent(to -> legal.computeIfAbsent(s, k -> new EnumMap<>(Step.class)).put(step, to));
            }
        }
        assertThat(legal).isEqualTo(Map.of(
                ClaimStatus.COMPUTED, Map.of(Step.DECLARE, ClaimStatus.DECLARED, Step.REJECT, ClaimStatus.REJECTED,
                        Step.EXPIRE, ClaimStatus.EXPIRED),
                ClaimStatus.DECLARED, Map.of(Step.DISTRICT_APPROVE, ClaimStatus.DISTRICT_APPROVED,
                        Step.REJECT, ClaimStatus.REJECTED),
                ClaimStatus.DISTRICT_APPROVED, Map.of(Step.CITY_APPROVE, ClaimStatus.CITY_APPROVED,
                        Step.REJECT, ClaimStatus.REJECTED),
                ClaimStatus.CITY_APPROVED, Map.of(Step.PAY, ClaimStatus.PAID)));
        assertThat(List.of(ClaimStatus.values())).filteredOn(ClaimStatus::usesCap)
                .doesNotContain(ClaimStatus.REJECTED, ClaimStatus.EXPIRED).hasSize(5);
        assertThat(List.of(ClaimStatus.values())).filteredOn(ClaimStatus::approved)
                .containsExactly(ClaimStatus.DISTRICT_APPROVED, ClaimStatus.CITY_APPROVED, ClaimStatus.PAID);
    }

    @Test
    void feeSubsidiesAreHalfTheInvoiceWithinTheAnnualCap() {
        FeeSubsidyRules rules = FeeSubsidyRules.defaults();
        FeeSubsidyCalculator.Result full = FeeSubsidyCalculator.compute(rules, Kind.EVALUATION_FEE,
                new BigDecimal("80000.00"), BigDecimal.ZERO);
        assertThat(full.amount()).isEqualByComparingTo("40000.00");
        assertThat(full.reason()).isEqualTo(Reason.ELIGIBLE);
        FeeSubsidyCalculator.Result capped = FeeSubsidyCalculator.compute(rules, Kind.EVALUATION_FEE,
                new BigDecimal("30000.00"), new BigDecimal("40000.00"));
        assertThat(capped.amountBeforeCap()).isEqualByComparingTo("15000.00");
        assertThat(capped.capRemainingBefore()).isEqualByComparingTo("10000.00");
        assertThat(capped.amount()).isEqualByComparingTo("10000.00");
        assertThat(capped.reason()).isEqualTo(Reason.CAPPED);
        assertThat(FeeSubsidyCalculator.compute(rules, Kind.EVALUATION_FEE, new BigDecimal("1.00"),
                new BigDecimal("50000.00")).reason()).isEqualTo(Reason.CAP_EXHAUSTED);
        FeeSubsidyCalculator.Result premium = FeeSubsidyCalculator.compute(rules, Kind.INSURANCE_PREMIUM,
                new BigDecimal("50000.00"), BigDecimal.ZERO);
        assertThat(premium.annualCap()).isEqualByComparingTo("20000.00");
        assertThat(premium.amount()).isEqualByComparingTo("20000.00");
        assertThat(FeeSubsidyCalculator.compute(rules, Kind.INSURANCE_PREMIUM, new BigDecimal("0.01"),
                BigDecimal.ZERO).amount()).as("0.005 rounds half up").isEqualByComparingTo("0.01");
    }

    @Test
    void aLinesGatesPassUpToItsReasonAndAreNotCheckedAfterIt() {
        InterestSubsidyRules rules = InterestSubsidyRules.defaults(1);
        Map<InterestSubsidyRules.Reason, Outcome> eligible = outcomes(InterestSubsidyRules.Reason.ELIGIBLE, rules);
        assertThat(eligible).containsEntry(InterestSubsidyRules.Reason.RATE_ABOVE_LIMIT, Outcome.NOT_CHECKED)
                .containsEntry(InterestSubsidyRules.Reason.OUTSIDE_WINDOW, Outcome.PASSED).hasSize(9);
        Map<InterestSubsidyRules.Reason, Outcome> notSme = outcomes(InterestSubsidyRules.Reason.NOT_SME, rules);
        assertThat(notSme).containsEntry(InterestSubsidyRules.Reason.NOT_ADMITTED, Outcome.PASSED)
                .containsEntry(InterestSubsidyRules.Reason.NOT_SME, Outcome.FAILED)
                .containsEntry(InterestSubsidyRules.Reason.BLACKLISTED, Outcome.NOT_CHECKED);
        InterestSubsidyRules whatIf = new InterestSubsidyRules(1, new BigDecimal("0.6"), new BigDecimal("500000"), 12,
                150, Set.of(InterestSubsidyRules.Reason.LATE_PAYMENT));
        Map<InterestSubsidyRules.Reason, Outcome> capped = outcomes(InterestSubsidyRules.Reason.CAPPED, whatIf);
        assertThat(capped).containsEntry(InterestSubsidyRules.Reason.RATE_ABOVE_LIMIT, Outcome.PASSED)
                .containsEntry(InterestSubsidyRules.Reason.LATE_PAYMENT, Outcome.NOT_CHECKED);
    }

    @Test
    void parametersOutsideTheirBoundsAreNamed() {
        assertThat(InterestSubsidyRules.defaults(1).problems()).isEmpty();
        assertThat(FeeSubsidyRules.defaults().problems()).isEmpty();
        InterestSubsidyRules bad = new InterestSubsidyRules(1, new BigDecimal("1.5"), new BigDecimal("-1"), 0, 3000,
                Set.of(InterestSubsidyRules.Reason.ELIGIBLE));
        assertThat(bad.problems()).hasSize(5).anyMatch(p -> p.startsWith("lprRatio"))
                .anyMatch(p -> p.startsWith("annualCap")).anyMatch(p -> p.startsWith("windowMonths"))
                .anyMatch(p -> p.startsWith("maxSpreadBp")).anyMatch(p -> p.startsWith("disabledGates"));
        assertThat(new InterestSubsidyRules(1, new BigDecimal("0.60005"), new BigDecimal("1.001"), 12, null,
                Set.of()).problems()).hasSize(2);
        assertThat(new FeeSubsidyRules(BigDecimal.ZERO, new BigDecimal("50000"), new BigDecimal("0.5"), null)
                .problems()).hasSize(2);
    }

    private static Map<InterestSubsidyRules.Reason, Outcome> outcomes(InterestSubsidyRules.Reason reason,
            InterestSubsidyRules rules) {
        Map<InterestSubsidyRules.Reason, Outcome> map = new EnumMap<>(InterestSubsidyRules.Reason.class);
        GateTrace.of(reason, rules).forEach(g -> map.put(g.gate(), g.outcome()));
        return map;
    }
}
