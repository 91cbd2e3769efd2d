package cn.ipf.app.subsidy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ipf.app.subsidy.policy.InterestSubsidyCalculator.LoanFacts;
import cn.ipf.app.subsidy.policy.InterestSubsidyCalculator.Line;
import cn.ipf.app.subsidy.policy.InterestSubsidyCalculator.MissingLprException;
import cn.ipf.app.subsidy.policy.InterestSubsidyCalculator.Payment;
import cn.ipf.app.subsidy.policy.InterestSubsidyRules.Reason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class InterestSubsidyCalculatorTest {

    private static final InterestSubsidyRules RULES = InterestSubsidyRules.defaults(1);
    private static final InterestSubsidyCalculator.LprTable LPR = month -> new BigDecimal("3.00");

    private static LoanFacts loan(String ref, LocalDate signed, LocalDate disbursed, String ipShare) {
        return new LoanFacts(ref, true, true, false, true, true, false, new BigDecimal("0.035"), signed, disbursed,
                new BigDecimal(ipShare));
    }

    private static Payment payment(LoanFacts loan, int seq, LocalDate start, LocalDate end, String balance,
            String interest, LocalDate paid) {
        return new Payment(seq, loan, seq, start, end, new BigDecimal(balance), new BigDecimal(interest), end, paid);
    }

    private static Line only(InterestSubsidyRules rules, Payment p) {
        return InterestSubsidyCalculator.compute(rules, List.of(p), Map.of(), LPR).get(0);
    }

    @Test
    void theRateBoundOnTheIpShareOfAMixedLoan() {
        // 3 000 000 at 60 % IP share; LPR of 2025-12 = 3.00 → ref 0.018; 43 days all in the window:
        // by_interest = 13 616.67 × 0.6 = 8 170.002; by_rate = 3 000 000 × 0.6 × 0.018 × 43 / 360 = 3 870.00
        LoanFacts l = loan("L3", LocalDate.of(2026, 1, 20), LocalDate.of(2026, 2, 6), "0.6000");
        Line line = only(RULES, payment(l, 1, LocalDate.of(2026, 2, 6), LocalDate.of(2026, 3, 21), "3000000.00",
                "13616.67", LocalDate.of(2026, 3, 21)));
        assertThat(line.reason()).isEqualTo(Reason.ELIGIBLE);
        assertThat(line.lprMonth()).isEqualTo(YearMonth.of(2025, 12));
        assertThat(line.reference()).isEqualByComparingTo("0.018");
        assertThat(line.days()).isEqualTo(43);
        assertThat(line.daysInWindow()).isEqualTo(43);
        assertThat(line.byInterest()).isEqualByComparingTo("8170.002");
        assertThat(line.byRate()).isEqualByComparingTo("3870.00");
        assertThat(line.amount()).isEqualByComparingTo("3870.00");
    }

    @Test
    void aPeriodStraddlingTheWindowEndIsProrated() {
        // window [2025-12-30, 2026-12-30): 9 of the 90 days; by_interest 44 000 × 9/90 = 4 400,
        // by_rate 5 000 000 × 0.018 × 9/360 = 2 250
        LoanFacts l = loan("L1", LocalDate.of(2025, 12, 16), LocalDate.of(2025, 12, 30), "1");
        Line line = only(RULES, payment(l, 5, LocalDate.of(2026, 12, 21), LocalDate.of(2027, 3, 21), "5000000.00",
                "44000.00", LocalDate.of(2027, 3, 21)));
        assertThat(line.days()).isEqualTo(90);
        assertThat(line.daysInWindow()).isEqualTo(9);
        assertThat(line.amount()).isEqualByComparingTo("2250.00");
        Line after = only(RULES, payment(l, 6, LocalDate.of(2027, 3, 21), LocalDate.of(2027, 6, 21), "5000000.00",
                "44000.00", LocalDate.of(2027, 6, 21)));
        assertThat(after.reason()).isEqualTo(Reason.OUTSIDE_WINDOW);
        assertThat(after.amount()).isZero();
    }

    @Test
    void theInterestBoundWinsWhenTheLoanIsCheap() {
        // 1 000 000 at an interest of 1 000 for 30 days: by_interest 1 000 < by_rate 1 000 000 × 0.018 × 30/360 = 1 500
        LoanFacts l = loan("L2", LocalDate.of(2026, 5, 26), LocalDate.of(2026, 6, 5), "1");
        Line line = only(RULES, payment(l, 1, LocalDate.of(2026, 6, 5), LocalDate.of(2026, 7, 5), "1000000.00",
                "1000.00", LocalDate.of(2026, 7, 5)));
        assertThat(line.amount()).isEqualByComparingTo("1000.00");
    }

    @Test
    void theFirstFailingGateNamesTheReasonForEveryPayment() {
        LocalDate signed = LocalDate.of(2026, 1, 20);
        LocalDate disbursed = LocalDate.of(2026, 2, 6);
        Map<Reason, LoanFacts> cases = Map.of(
                Reason.NOT_ADMITTED, new LoanFacts("a", false, false, true, false, false, true, BigDecimal.ONE, signed,
                        disbursed, BigDecimal.ONE),
                Reason.NOT_SME, new LoanFacts("b", true, false, true, false, false, true, BigDecimal.ONE, signed,
                        disbursed, BigDecimal.ONE),
                Reason.BLACKLISTED, new LoanFacts("c", true, true, true, false, false, true, BigDecimal.ONE, signed,
                        disbursed, BigDecimal.ONE),
                Reason.PLEDGE_AFTER_DISBURSEMENT, new LoanFacts("d", true, true, false, false, false, true,
                        BigDecimal.ONE, signed, disbursed, BigDecimal.ONE),
                Reason.NO_FIRST_PLEDGE_INVENTION, new LoanFacts("e", true, true, false, true, false, true,
                        BigDecimal.ONE, signed, disbursed, BigDecimal.ONE),
                Reason.OTHER_FISCAL_SUBSIDY, new LoanFacts("f", true, true, false, true, true, true, BigDecimal.ONE,
                        signed, disbursed, BigDecimal.ONE));
        InterestSubsidyCalculator.LprTable noLpr = m -> {
            throw new MissingLprException(m);
        };
        cases.forEach((reason, facts) -> {
            List<Line> lines = InterestSubsidyCalculator.compute(RULES, List.of(
                    payment(facts, 1, disbursed, disbursed.plusDays(30), "100.00", "1.00", disbursed.plusDays(30)),
                    payment(facts, 2, disbursed.plusDays(30), disbursed.plusDays(60), "100.00", "1.00",
                            disbursed.plusDays(60))), Map.of(), noLpr);
            assertThat(lines).extracting(Line::reason).as("%s", reason).containsExactly(reason, reason);
            assertThat(lines).extracting(Line::amount).allMatch(a -> a.signum() == 0);
            assertThat(lines).as("d and by_interest are traced although the LPR month is missing")
                    .allSatisfy(l -> {
                        assertThat(l.daysInWindow()).isEqualTo(30);
                        assertThat(l.byInterest()).isEqualByComparingTo("1.00");
                        assertThat(l.byRate()).isNull();
                    });
        });
    }

    @Test
    void aLineALoanGateRefusesIsTracedAsIfItPaidButPaysNothing() {
        // the 61-day period with 45 days in the window: by_interest 4 312.497541, by_rate 2 250.00 (policies.md)
        LocalDate signed = LocalDate.of(2025, 1, 10);
        LocalDate disbursed = LocalDate.of(2025, 1, 15);
        LoanFacts paying = new LoanFacts("P", true, true, false, true, true, false, new BigDecimal("0.035"), signed,
                disbursed, BigDecimal.ONE);
        LocalDate start = LocalDate.of(2025, 12, 1);
        Payment p = payment(paying, 1, start, start.plusDays(61), "1000000.00", "5845.83", start.plusDays(61));
        Line paid = only(RULES, p);
        assertThat(paid.daysInWindow()).isEqualTo(45);
        assertThat(paid.amount()).isEqualByComparingTo("2250.00");
        for (LoanFacts refused : List.of(
                new LoanFacts("N", false, true, true, true, true, false, new BigDecimal("0.035"), signed, disbursed,
                        BigDecimal.ONE),
                new LoanFacts("B", true, true, true, true, true, false, new BigDecimal("0.035"), signed, disbursed,
                        BigDecimal.ONE))) {
            Line line = only(RULES, new Payment(1, refused, 1, p.accrualStart(), p.accrualEnd(),
                    p.principalBalance(), p.interestAmount(), p.dueDate(), p.paidDate()));
            assertThat(line.reason()).isIn(Reason.NOT_ADMITTED, Reason.BLACKLISTED);
            assertThat(line.days()).isEqualTo(61);
            assertThat(line.daysInWindow()).isEqualTo(45);
            assertThat(line.byInterest()).isEqualByComparingTo("4312.497541");
            assertThat(line.byRate()).isEqualByComparingTo("2250.00");
            assertThat(line.lpr()).isEqualByComparingTo(paid.lpr());
            assertThat(line.reference()).isEqualByComparingTo(paid.reference());
            assertThat(line.amountBeforeCap()).isZero();
            assertThat(line.amount()).isZero();
            assertThat(line.capRemainingBefore()).isNull();
        }
    }

    @Test
    void aRateLimitAppliesOnlyWhenSetAndLatePaymentsGetNothing() {
        LoanFacts l = loan("L", LocalDate.of(2026, 1, 20), LocalDate.of(2026, 2, 6), "1"); // 3.5 % = LPR + 50 bp
        Payment p = payment(l, 1, LocalDate.of(2026, 2, 6), LocalDate.of(2026, 3, 6), "1000000.00", "2722.22",
                LocalDate.of(2026, 3, 6));
        InterestSubsidyRules limited = new InterestSubsidyRules(2, new BigDecimal("0.60"), new BigDecimal("500000"),
                12, 49, Set.of());
        assertThat(only(limited, p).reason()).isEqualTo(Reason.RATE_ABOVE_LIMIT);
        assertThat(only(new InterestSubsidyRules(2, new BigDecimal("0.60"), new BigDecimal("500000"), 12, 50,
                Set.of()), p).reason()).isEqualTo(Reason.ELIGIBLE);
        Payment late = payment(l, 1, LocalDate.of(2026, 2, 6), LocalDate.of(2026, 3, 6), "1000000.00", "2722.22",
                LocalDate.of(2026, 3, 7));
        assertThat(only(RULES, late).reason()).isEqualTo(Reason.LATE_PAYMENT);
    }

    @Test
    void aMissingLprMonthFailsLoudlyNamingIt() {
        LoanFacts l = loan("L", LocalDate.of(2026, 1, 20), LocalDate.of(2026, 2, 6), "1");
        assertThatThrownBy(() -> InterestSubsidyCalculator.compute(RULES, List.of(payment(l, 1,
                LocalDate.of(2026, 2, 6), LocalDate.of(2026, 3, 6), "1.00", "1.00", LocalDate.of(2026, 3, 6))),
                Map.of(), m -> {
                    throw new MissingLprException(m);
                })).isInstanceOf(MissingLprException.class).hasMessageContaining("2025-12");
    }

    @Test
    void theCapIsTakenInPaidDateOrderAcrossLoansAndEarlierRuns() {
        InterestSubsidyRules rules = new InterestSubsidyRules(1, new BigDecimal("0.60"), new BigDecimal("5000.00"),
                12, null, Set.of());
        LoanFacts a = loan("A", LocalDate.of(2026, 1, 20), LocalDate.of(2026, 2, 1), "1");
        LoanFacts b = loan("B", LocalDate.of(2026, 1, 20), LocalDate.of(2026, 2, 1), "1");
        // each 30-day period on 10 M: by_rate 10 000 000 × 0.018 × 30 / 360 = 15 000, interest 2 000 → 2 000 each
        List<Payment> payments = List.of(
                payment(b, 1, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 3), "10000000.00", "2000.00",
                        LocalDate.of(2026, 3, 3)),
                payment(a, 1, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 3), "10000000.00", "2000.00",
                        LocalDate.of(2026, 3, 3)),
                payment(a, 2, LocalDate.of(2026, 3, 3), LocalDate.of(2026, 4, 2), "10000000.00", "2000.00",
                        LocalDate.of(2026, 4, 2)));
        List<Line> lines = InterestSubsidyCalculator.compute(rules, payments, Map.of(2026, new BigDecimal("500.00")),
                LPR);
        assertThat(lines).extracting(l -> l.payment().loan().externalId() + l.payment().sequenceNo())
                .containsExactly("A1", "B1", "A2");
        assertThat(lines).extracting(Line::reason).containsExactly(Reason.ELIGIBLE, Reason.ELIGIBLE, Reason.CAPPED);
        assertThat(lines).extracting(Line::amount).map(BigDecimal::toPlainString)
                .containsExactly("2000.00", "2000.00", "500.00");
        assertThat(lines.get(2).capRemainingBefore()).isEqualByComparingTo("500.00");
        List<Line> next = InterestSubsidyCalculator.compute(rules, List.of(payment(a, 3, LocalDate.of(2026, 4, 2),
                LocalDate.of(2026, 5, 2), "10000000.00", "2000.00", LocalDate.of(2026, 5, 2))),
                Map.of(2026, new BigDecimal("5000.00")), LPR);
        assertThat(next.get(0).reason()).isEqualTo(Reason.CAP_EXHAUSTED);
        assertThat(next.get(0).amount()).isZero();
        List<Line> newYear = InterestSubsidyCalculator.compute(rules, List.of(payment(a, 4, LocalDate.of(2026, 12, 2),
                LocalDate.of(2027, 1, 1), "10000000.00", "2000.00", LocalDate.of(2027, 1, 1))),
                Map.of(2026, new BigDecimal("5000.00")), LPR);
        assertThat(newYear.get(0).reason()).as("the cap is per calendar year of the paid date")
                .isEqualTo(Reason.ELIGIBLE);
    }

    // ---- properties ---------------------------------------------------------------------------------------------

    @Property(tries = 300)
    void neverMoreThanTheInterestOnTheIpShareNeverNegativeCapNeverExceeded(
            @ForAll("payments") @Size(min = 1, max = 25) List<Payment> payments,
            @ForAll("used") BigDecimal usedBefore) {
        InterestSubsidyRules rules = new InterestSubsidyRules(1, new BigDecimal("0.60"), new BigDecimal("50000.00"),
                12, null, Set.of());
        List<Line> lines = InterestSubsidyCalculator.compute(rules, payments, Map.of(2026, usedBefore), LPR);
        Map<Integer, BigDecimal> taken = new HashMap<>(Map.of(2026, usedBefore));
        for (Line line : lines) {
            Payment p = line.payment();
            assertThat(line.amount()).isNotNegative();
            assertThat(line.amount()).isLessThanOrEqualTo(p.interestAmount().multiply(p.loan().ipShare())
                    .setScale(2, java.math.RoundingMode.HALF_UP));
            assertThat(line.amount()).isLessThanOrEqualTo(line.amountBeforeCap());
            taken.merge(p.paidDate().getYear(), line.amount(), BigDecimal::add);
        }
        taken.forEach((year, sum) -> assertThat(sum).isLessThanOrEqualTo(
                year == 2026 ? rules.annualCap().max(usedBefore) : rules.annualCap()));
        assertThat(lines).hasSameSizeAs(payments);
    }

    @Property(tries = 200)
    void aClaimsTotalIsTheSumOfItsLinesAndNeverMoreThanTheCapAllows(
            @ForAll("payments") @Size(min = 1, max = 25) List<Payment> payments) {
        InterestSubsidyRules rules = new InterestSubsidyRules(1, new BigDecimal("0.60"), new BigDecimal("20000.00"),
                12, null, Set.of());
        List<Line> lines = InterestSubsidyCalculator.compute(rules, payments, Map.of(), LPR);
        BigDecimal total = InterestSubsidyCalculator.total(lines);
        assertThat(total).isEqualByComparingTo(lines.stream().map(Line::amount).reduce(BigDecimal.ZERO,
                BigDecimal::add));
        assertThat(total.scale()).isEqualTo(2);
        long years = payments.stream().map(p -> p.paidDate().getYear()).distinct().count();
        assertThat(total).isLessThanOrEqualTo(rules.annualCap().multiply(BigDecimal.valueOf(years)));
        assertThat(total).isLessThanOrEqualTo(lines.stream().map(Line::amountBeforeCap)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** A loan gate changes only the reason and the amount: d, by_interest and by_rate are those of a paying line. */
    @Property(tries = 100)
    void aLoanGateLeavesTheTraceFiguresOfThePaymentAsTheyWouldBe(@ForAll("payments") List<Payment> payments) {
        for (Payment p : payments) {
            LoanFacts f = p.loan();
            LoanFacts notAdmitted = new LoanFacts(f.externalId(), false, f.sme(), f.blacklisted(),
                    f.pledgedByDisbursement(), f.firstPledgeInvention(), f.otherFiscalSubsidy(), f.annualRate(),
                    f.contractSignedOn(), f.disbursedOn(), f.ipShare());
            Line paying = only(RULES, p);
            Line refused = only(RULES, new Payment(p.id(), notAdmitted, p.sequenceNo(), p.accrualStart(),
                    p.accrualEnd(), p.principalBalance(), p.interestAmount(), p.dueDate(), p.paidDate()));
            assertThat(refused.reason()).isEqualTo(Reason.NOT_ADMITTED);
            assertThat(refused.amount()).isZero();
            assertThat(refused.daysInWindow()).isEqualTo(paying.daysInWindow());
            assertThat(refused.byInterest()).isEqualByComparingTo(paying.byInterest());
            assertThat(refused.byRate()).isEqualByComparingTo(paying.byRate());
        }
    }

    @Provide
    Arbitrary<BigDecimal> used() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("60000")).ofScale(2);
    }

    @Provide
    Arbitrary<List<Payment>> payments() {
        Arbitrary<LoanFacts> loans = Combinators.combine(
                Arbitraries.of("L1", "L2", "L3"),
                Arbitraries.integers().between(0, 300),
                Arbitraries.bigDecimals().between(new BigDecimal("0.1"), BigDecimal.ONE).ofScale(4))
                .as((ref, offset, share) -> loan(ref, LocalDate.of(2026, 1, 10).plusDays(offset),
                        LocalDate.of(2026, 1, 20).plusDays(offset), share.toPlainString()));
        Arbitrary<Payment> payment = Combinators.combine(loans, Arbitraries.integers().between(0, 400),
                Arbitraries.integers().between(1, 120),
                Arbitraries.bigDecimals().between(new BigDecimal("1000"), new BigDecimal("20000000")).ofScale(2),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("400000")).ofScale(2),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(1, 999))
                .as((loan, startOffset, length, balance, interest, late, seq) -> {
                    LocalDate start = loan.disbursedOn().plusDays(startOffset);
                    LocalDate end = start.plusDays(length);
                    return new Payment(seq, loan, seq, start, end, balance, interest, end, end.plusDays(late / 3));
                });
        return payment.list().uniqueElements(p -> p.loan().externalId() + "/" + p.sequenceNo())
                .map(ArrayList::new);
    }
}
