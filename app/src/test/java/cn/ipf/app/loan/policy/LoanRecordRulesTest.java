package cn.ipf.app.loan.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.loan.policy.LoanRecordRules.Accrual;
import cn.ipf.app.loan.policy.LoanRecordRules.InterestPayment;
import cn.ipf.app.loan.policy.LoanRecordRules.Loan;
import cn.ipf.app.loan.policy.LoanRecordRules.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LoanRecordRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final LocalDate DISBURSED = LocalDate.of(2026, 3, 10);

    private static Loan loan(String repaid) {
        return new Loan(LocalDate.of(2026, 3, 1), LocalDate.of(2027, 3, 1), new BigDecimal("2000000.00"), DISBURSED,
                new BigDecimal("2000000.00"), new BigDecimal(repaid), null, null);
    }

    private static InterestPayment quarter(LocalDate start, LocalDate paid) {
        return new InterestPayment(start, start.plusMonths(3), new BigDecimal("2000000.00"),
                new BigDecimal("17000.00"), start.plusMonths(3), paid);
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void aPlausiblePaymentPasses() {
        assertThat(LoanRecordRules.interestPayment(loan("0.00"), quarter(DISBURSED, DISBURSED.plusMonths(3)), TODAY))
                .isEmpty();
    }

    @Test
    void eachImpossibilityNamesItsField() {
        assertThat(fields(LoanRecordRules.interestPayment(loan("0.00"),
                quarter(DISBURSED, DISBURSED.minusDays(1)), TODAY))).containsExactly("paidDate");
        assertThat(fields(LoanRecordRules.interestPayment(loan("0.00"),
                new InterestPayment(DISBURSED, DISBURSED, new BigDecimal("1.00"), BigDecimal.ONE, DISBURSED,
                        DISBURSED), TODAY))).containsExactly("accrualEnd");
        assertThat(fields(LoanRecordRules.interestPayment(loan("0.00"),
                quarter(DISBURSED.minusDays(9), DISBURSED.plusMonths(3)), TODAY))).containsExactly("accrualStart");
        assertThat(fields(LoanRecordRules.interestPayment(loan("0.00"),
                quarter(DISBURSED, TODAY.plusDays(1)), TODAY))).containsExactly("paidDate");
        assertThat(fields(LoanRecordRules.repayment(loan("1500000.00"), TODAY, new BigDecimal("500000.01"),
                TODAY))).containsExactly("amount");
        assertThat(fields(LoanRecordRules.defaulted(loan("1500000.00"), TODAY, new BigDecimal("500000.01"),
                TODAY))).containsExactly("outstandingPrincipal");
        assertThat(fields(LoanRecordRules.closure(loan("1999999.99"), TODAY, TODAY))).containsExactly("closedOn");
        assertThat(LoanRecordRules.closure(loan("2000000.00"), TODAY, TODAY)).isEmpty();
        assertThat(fields(LoanRecordRules.disbursement(loan("0.00"), LocalDate.of(2026, 2, 28),
                new BigDecimal("2000000.01"), TODAY))).containsExactly("disbursedOn", "amount");
        assertThat(fields(LoanRecordRules.contract(TODAY, TODAY, new BigDecimal("2"), BigDecimal.ONE, TODAY, TODAY)))
                .containsExactly("maturityDate", "principal");
        assertThat(fields(LoanRecordRules.pledgeCancellation(TODAY, TODAY.minusDays(1), TODAY)))
                .containsExactly("cancelledOn");
    }

    @Test
    void aContractOrPledgeDatedBeforeTheApplicationIsRefused() {
        LocalDate applied = LocalDate.of(2026, 3, 1);
        LocalDate maturity = LocalDate.of(2027, 3, 1);

        assertThat(LoanRecordRules.contract(applied.minusYears(3), maturity, BigDecimal.ONE, BigDecimal.ONE, applied,
                TODAY)).extracting(Violation::field, Violation::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("signedOn",
                        "must not be before the application date (2026-03-01)"));
        assertThat(LoanRecordRules.contract(applied, maturity, BigDecimal.ONE, BigDecimal.ONE, applied, TODAY))
                .isEmpty();
        assertThat(fields(LoanRecordRules.pledgeRegistration(applied.minusDays(1), applied, maturity, TODAY)))
                .containsExactly("registeredOn");
        assertThat(fields(LoanRecordRules.pledgeRegistration(maturity.plusDays(1), applied, maturity,
                maturity.plusDays(5)))).containsExactly("registeredOn");
        assertThat(fields(LoanRecordRules.pledgeRegistration(TODAY.plusDays(1), applied, maturity, TODAY)))
                .containsExactly("registeredOn");
        assertThat(LoanRecordRules.pledgeRegistration(applied, applied, maturity, TODAY)).isEmpty();
        // an imported loan has no application: only the loan's own dates bound its pledge
        assertThat(LoanRecordRules.pledgeRegistration(applied.minusYears(3), null, maturity, TODAY)).isEmpty();
    }

    @Test
    void aDefaultedLoanClosesWithPrincipalOutstandingButRecoversOnlyAfterItsDefault() {
        Loan defaulted = new Loan(LocalDate.of(2026, 3, 1), LocalDate.of(2027, 3, 1), new BigDecimal("2000000.00"),
                DISBURSED, new BigDecimal("2000000.00"), new BigDecimal("0.00"), LocalDate.of(2026, 9, 1), null);
        assertThat(LoanRecordRules.closure(defaulted, TODAY, TODAY)).isEmpty();
        assertThat(fields(LoanRecordRules.recovery(defaulted, LocalDate.of(2026, 8, 31), TODAY)))
                .containsExactly("recoveredOn");
    }

    @Property
    void aPaymentIsRefusedExactlyWhenItIsPaidBeforeItsAccrualStarts(@ForAll @IntRange(min = -60, max = 60) int paidOffset,
            @ForAll @IntRange(min = 0, max = 200) int startOffset) {
        LocalDate start = DISBURSED.plusDays(startOffset);
        List<String> f = fields(LoanRecordRules.interestPayment(loan("0.00"), quarter(start,
                start.plusDays(paidOffset)), TODAY));
        assertThat(f.contains("paidDate")).isEqualTo(paidOffset < 0 || start.plusDays(paidOffset).isAfter(TODAY));
        assertThat(Set.copyOf(f)).isSubsetOf("paidDate");
    }

    private static Accrual period(int seq, LocalDate start, int days) {
        return new Accrual("I" + seq, seq, start, start.plusDays(days));
    }

    @Test
    void anOverlappingPeriodNamesTheEarliestRecordItOverlaps() {
        List<Accrual> reported = List.of(period(1, DISBURSED, 30), period(2, DISBURSED.plusDays(30), 31));
        assertThat(LoanRecordRules.overlapping(reported, DISBURSED, DISBURSED.plusDays(61)))
                .as("seq 2 [T, T+61) against seq 1 [T, T+30)").map(Accrual::sequenceNo).contains(1);
        assertThat(LoanRecordRules.overlapping(reported, DISBURSED.plusDays(60), DISBURSED.plusDays(90)))
                .map(Accrual::sequenceNo).contains(2);
        assertThat(LoanRecordRules.overlapping(reported, DISBURSED.plusDays(61), DISBURSED.plusDays(92)))
                .as("ends are exclusive: a period may start on the day the last one ends").isEmpty();
        assertThat(LoanRecordRules.overlapping(reported, DISBURSED.plusDays(100), DISBURSED.plusDays(130)))
                .as("a gap is allowed").isEmpty();
        assertThat(LoanRecordRules.overlapping(List.of(period(3, DISBURSED.plusDays(61), 30)), DISBURSED,
                DISBURSED.plusDays(30))).as("an earlier period reported late fills its gap").isEmpty();
    }

    /** Refused exactly when some day lies in both periods, counted day by day. */
    @Property
    void aPeriodIsRefusedExactlyWhenADayAccruesTwice(@ForAll @IntRange(min = 0, max = 90) int aStart,
            @ForAll @IntRange(min = 1, max = 60) int aDays, @ForAll @IntRange(min = 0, max = 90) int bStart,
            @ForAll @IntRange(min = 1, max = 60) int bDays) {
        boolean sharedDay = false;
        for (int day = bStart; day < bStart + bDays; day++) {
            sharedDay |= day >= aStart && day < aStart + aDays;
        }
        assertThat(LoanRecordRules.overlapping(List.of(period(1, DISBURSED.plusDays(aStart), aDays)),
                DISBURSED.plusDays(bStart), DISBURSED.plusDays(bStart + bDays)).isPresent()).isEqualTo(sharedDay);
    }

    @Test
    void aRenewalFallsBetweenDisbursementAndMaturityAfterTheInterestAlreadyReported() {
        LocalDate on = LocalDate.of(2026, 11, 20);
        assertThat(LoanRecordRules.renewal(loan("0.00"), on, on.plusYears(1), on, TODAY)).isEmpty();
        assertThat(LoanRecordRules.renewal(loan("0.00"), on, on.plusYears(1), null, TODAY)).isEmpty();
        assertThat(fields(LoanRecordRules.renewal(loan("0.00"), on, on.plusYears(1), on.plusDays(1), TODAY)))
                .as("a day would accrue on both loans").containsExactly("signedOn");
        assertThat(fields(LoanRecordRules.renewal(loan("0.00"), DISBURSED.minusDays(1), on, null, TODAY)))
                .containsExactly("signedOn");
        assertThat(fields(LoanRecordRules.renewal(loan("0.00"), LocalDate.of(2027, 3, 2), LocalDate.of(2028, 3, 2),
                null, LocalDate.of(2027, 4, 1)))).as("after maturity").containsExactly("signedOn");
        assertThat(fields(LoanRecordRules.renewal(loan("0.00"), on, on, null, TODAY))).containsExactly("maturityDate");
    }

    @Test
    void aClosedLoanAccruesNothingFromItsClosureDay() {
        LocalDate closed = DISBURSED.plusMonths(2);
        Loan l = new Loan(LocalDate.of(2026, 3, 1), LocalDate.of(2027, 3, 1), new BigDecimal("2000000.00"),
                DISBURSED, new BigDecimal("2000000.00"), new BigDecimal("2000000.00"), null, closed);
        assertThat(LoanRecordRules.interestPayment(l, new InterestPayment(DISBURSED, closed,
                new BigDecimal("2000000.00"), new BigDecimal("1000.00"), closed, closed), TODAY)).isEmpty();
        assertThat(fields(LoanRecordRules.interestPayment(l, new InterestPayment(DISBURSED, closed.plusDays(1),
                new BigDecimal("2000000.00"), new BigDecimal("1000.00"), closed, closed), TODAY)))
                .containsExactly("accrualEnd");
    }
}
