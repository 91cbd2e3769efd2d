package cn.ipf.app.compensation.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * 监管指标 a bank's supervision signals at the end of a month, from what it reported on its pledged loans:
 * <ul>
 * <li>leverage = outstanding principal of its pledged loans ÷ the fund money attributed to it (2 decimals), flagged
 * below the programme's target (Haikou / Wuhan: the bank lends at least 10× the fund deposit);</li>
 * <li>IP-pledge NPL rate = principal of non-performing pledged loans ÷ outstanding principal (6 decimals), flagged when
 * it exceeds the bank's reported overall NPL rate by more than the tolerance (CBIRC 2019: 3 percentage points).</li>
 * </ul>
 * A loan is on the book from its disbursement to its closure; outstanding is disbursed − repaid up to the day, or, once
 * defaulted, the principal outstanding at default. It is non-performing when defaulted, or when the delinquency state
 * on the day (the latest report dated on or before it) is OVERDUE since at least the overdue days (不良: ≥ 90 days).
 */
public final class SupervisionSignals {

    private SupervisionSignals() {
    }

    public record Repayment(LocalDate on, BigDecimal amount) {
    }

    /** A delinquency report: OVERDUE or CURRENT since a day; {@code seq} orders reports of the same day. */
    public record Delinquency(long seq, boolean overdue, LocalDate since) {
    }

    public record LoanFacts(LocalDate disbursedOn, BigDecimal disbursedAmount, List<Repayment> repayments,
            List<Delinquency> delinquencies, LocalDate defaultedOn, BigDecimal defaultOutstanding,
            LocalDate closedOn) {
    }

    public record Signals(BigDecimal outstanding, BigDecimal nonPerforming, BigDecimal ipNplRate,
            BigDecimal attributedFunds, BigDecimal leverage, boolean leverageBelowTarget, BigDecimal overallNplRate,
            BigDecimal nplGapPp, boolean nplAboveTolerance) {
    }

    public static BigDecimal outstanding(LoanFacts loan, LocalDate day) {
        if (loan.disbursedOn() == null || loan.disbursedOn().isAfter(day)
                || (loan.closedOn() != null && !loan.closedOn().isAfter(day))) {
            return BigDecimal.ZERO;
        }
        if (loan.defaultedOn() != null && !loan.defaultedOn().isAfter(day)) {
            return loan.defaultOutstanding();
        }
        BigDecimal repaid = loan.repayments().stream().filter(r -> !r.on().isAfter(day)).map(Repayment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return loan.disbursedAmount().subtract(repaid).max(BigDecimal.ZERO);
    }

    public static boolean nonPerforming(LoanFacts loan, LocalDate day, int overdueDays) {
        if (outstanding(loan, day).signum() == 0) {
            return false;
        }
        if (loan.defaultedOn() != null && !loan.defaultedOn().isAfter(day)) {
            return true;
        }
        return loan.delinquencies().stream().filter(d -> !d.since().isAfter(day))
                .max(Comparator.comparing(Delinquency::since).thenComparing(Delinquency::seq))
                .filter(d -> d.overdue() && ChronoUnit.DAYS.between(d.since(), day) >= overdueDays).isPresent();
    }

    /**
     * The signals of one bank at {@code monthEnd}. {@code overallNplRate} is the bank's reported rate for the month
     * (null when not reported: no NPL flag then); a bank with no attributed fund money has no leverage.
     */
    public static Signals of(List<LoanFacts> loans, LocalDate monthEnd, BigDecimal attributedFunds,
            BigDecimal overallNplRate, CompensationRules rules) {
        BigDecimal outstanding = BigDecimal.ZERO;
        BigDecimal npl = BigDecimal.ZERO;
        for (LoanFacts loan : loans) {
            BigDecimal o = outstanding(loan, monthEnd);
            outstanding = outstanding.add(o);
            if (nonPerforming(loan, monthEnd, rules.overdueDays())) {
                npl = npl.add(o);
            }
        }
        BigDecimal rate = outstanding.signum() == 0 ? BigDecimal.ZERO.setScale(6)
                : npl.divide(outstanding, 6, RoundingMode.HALF_UP);
        BigDecimal leverage = attributedFunds.signum() == 0 ? null
                : outstanding.divide(attributedFunds, 2, RoundingMode.HALF_UP);
        BigDecimal gap = overallNplRate == null ? null
                : rate.subtract(overallNplRate).multiply(BigDecimal.valueOf(100)).setScale(4, RoundingMode.HALF_UP);
        return new Signals(outstanding, npl, rate, attributedFunds, leverage,
                leverage != null && leverage.compareTo(rules.leverageTarget()) < 0, overallNplRate, gap,
                gap != null && gap.compareTo(rules.nplTolerancePp()) > 0);
    }
}
