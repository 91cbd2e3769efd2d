package cn.ipf.app.subsidy.policy;

import cn.ipf.app.subsidy.policy.InterestSubsidyRules.Reason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 贴息计算 the interest subsidy of one enterprise's reported interest payments, in cap order. Per payment p of loan L:
 * the loan gates in order (the first that fails gives 0 with its reason), then the payment gates, then
 * <pre>
 *   D = days of [start, end), d = days of it inside [disbursement, disbursement + window)
 *   ref = ratio × LPR(month before the contract month) / 100
 *   by_interest = interest × d / D × ip_share
 *   by_rate     = balance × ip_share × ref × d / 360
 *   amount      = min(by_interest, by_rate), rounded HALF_UP to 0.01 once, from exact fractions
 * </pre>
 * and the annual cap per calendar year of the paid date, taken in the order (paid date, loan external id, sequence
 * no.): the line that would pass the cap gets what remains (CAPPED), later ones 0 (CAP_EXHAUSTED).
 */
public final class InterestSubsidyCalculator {

    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(360);
    private static final BigDecimal PERCENT = BigDecimal.valueOf(100);
    private static final int TRACE_SCALE = 6;

    private InterestSubsidyCalculator() {
    }

    /** What the gates need to know of a loan, established by the caller from the records. */
    public record LoanFacts(String externalId, boolean admittedOnDisbursement, boolean sme, boolean blacklisted,
            boolean pledgedByDisbursement, boolean firstPledgeInvention, boolean otherFiscalSubsidy,
            BigDecimal annualRate, LocalDate contractSignedOn, LocalDate disbursedOn, BigDecimal ipShare) {
    }

    public record Payment(long id, LoanFacts loan, int sequenceNo, LocalDate accrualStart, LocalDate accrualEnd,
            BigDecimal principalBalance, BigDecimal interestAmount, LocalDate dueDate, LocalDate paidDate) {
    }

    /** The 1-year LPR in percent by month; a missing month is an error naming it. */
    @FunctionalInterface
    public interface LprTable {
        BigDecimal oneYear(YearMonth month) throws MissingLprException;
    }

    public static final class MissingLprException extends RuntimeException {
        private final YearMonth month;

        public MissingLprException(YearMonth month) {
            super("no 1-year LPR recorded for " + month);
            this.month = month;
        }

        public YearMonth month() {
            return month;
        }
    }

    /**
     * One computed line with its whole trace. A line a gate refuses carries d, byInterest and byRate as a paying line
     * would (byRate and the LPR are null when a loan gate refused it and its LPR month is not recorded yet), with
     * amount 0; byInterest and byRate are the exact values at 6 decimals, for reading; amount is what is paid.
     */
    public record Line(Payment payment, Reason reason, int days, int daysInWindow, YearMonth lprMonth, BigDecimal lpr,
            BigDecimal reference, BigDecimal byInterest, BigDecimal byRate, BigDecimal amountBeforeCap,
            BigDecimal capRemainingBefore, BigDecimal amount, int rulesVersion) {
    }

    public static final Comparator<Payment> CAP_ORDER = Comparator.comparing(Payment::paidDate)
            .thenComparing(p -> p.loan().externalId()).thenComparingInt(Payment::sequenceNo);

    /**
     * Lines for one enterprise's payments. {@code usedByYear} is the cap already taken in each calendar year by lines
     * of earlier runs that were not rejected or expired; it is not modified.
     */
    public static List<Line> compute(InterestSubsidyRules rules, List<Payment> payments,
            Map<Integer, BigDecimal> usedByYear, LprTable lprTable) {
        Map<Integer, BigDecimal> used = new HashMap<>(usedByYear);
        List<Line> lines = new ArrayList<>(payments.size());
        for (Payment p : payments.stream().sorted(CAP_ORDER).toList()) {
            lines.add(line(rules, p, used, lprTable));
        }
        return lines;
    }

    /** A claim's total: the sum of its lines' amounts. */
    public static BigDecimal total(List<Line> lines) {
        return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static Line line(InterestSubsidyRules rules, Payment p, Map<Integer, BigDecimal> used, LprTable lprs) {
        LoanFacts loan = p.loan();
        int days = (int) ChronoUnit.DAYS.between(p.accrualStart(), p.accrualEnd());
        Reason gate = loanGate(rules, loan);
        YearMonth lprMonth = YearMonth.from(loan.contractSignedOn()).minusMonths(1);
        // a line a loan gate refuses is traced like a paying one, but a month with no LPR yet does not fail the run
        // for it: its trace then has no rate figures
        BigDecimal lpr = gate == null ? lprs.oneYear(lprMonth) : lprIfRecorded(lprs, lprMonth);
        BigDecimal reference = lpr == null ? null : rules.lprRatio().multiply(lpr).divide(PERCENT);
        if (gate == null && rules.maxSpreadBp() != null && rules.checks(Reason.RATE_ABOVE_LIMIT)
                && loan.annualRate().multiply(PERCENT).subtract(lpr).multiply(PERCENT)
                        .compareTo(BigDecimal.valueOf(rules.maxSpreadBp())) > 0) {
            gate = Reason.RATE_ABOVE_LIMIT;
        }
        LocalDate windowEnd = loan.disbursedOn().plusMonths(rules.windowMonths());
        int inWindow = overlap(p.accrualStart(), p.accrualEnd(), loan.disbursedOn(), windowEnd);
        if (gate == null && rules.checks(Reason.LATE_PAYMENT) && p.paidDate().isAfter(p.dueDate())) {
            gate = Reason.LATE_PAYMENT;
        }
        if (gate == null && inWindow == 0 && rules.checks(Reason.OUTSIDE_WINDOW)) {
            gate = Reason.OUTSIDE_WINDOW;
        }
        int d = rules.checks(Reason.OUTSIDE_WINDOW) ? inWindow : days;
        // exact fractions: by_interest = numI / D, by_rate = numR / 360
        BigDecimal numI = p.interestAmount().multiply(BigDecimal.valueOf(d)).multiply(loan.ipShare());
        BigDecimal denI = BigDecimal.valueOf(days);
        BigDecimal numR = reference == null ? null : p.principalBalance().multiply(loan.ipShare()).multiply(reference)
                .multiply(BigDecimal.valueOf(d));
        BigDecimal byInterest = numI.divide(denI, TRACE_SCALE, RoundingMode.HALF_UP);
        BigDecimal byRate = numR == null ? null : numR.divide(DAYS_PER_YEAR, TRACE_SCALE, RoundingMode.HALF_UP);
        if (gate != null) {
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            return new Line(p, gate, days, d, lprMonth, lpr, reference, byInterest, byRate, zero, null, zero,
                    rules.version());
        }
        boolean interestIsLower = numI.multiply(DAYS_PER_YEAR).compareTo(numR.multiply(denI)) <= 0;
        BigDecimal beforeCap = interestIsLower ? numI.divide(denI, 2, RoundingMode.HALF_UP)
                : numR.divide(DAYS_PER_YEAR, 2, RoundingMode.HALF_UP);

        int year = p.paidDate().getYear();
        BigDecimal remaining = rules.annualCap().subtract(used.getOrDefault(year, BigDecimal.ZERO)).max(BigDecimal.ZERO)
                .setScale(2);
        Reason reason = Reason.ELIGIBLE;
        BigDecimal amount = beforeCap;
        if (beforeCap.signum() > 0 && remaining.signum() == 0) {
            reason = Reason.CAP_EXHAUSTED;
            amount = BigDecimal.ZERO.setScale(2);
        } else if (beforeCap.compareTo(remaining) > 0) {
            reason = Reason.CAPPED;
            amount = remaining;
        }
        used.merge(year, amount, BigDecimal::add);
        return new Line(p, reason, days, d, lprMonth, lpr, reference, byInterest, byRate, beforeCap, remaining, amount,
                rules.version());
    }

    private static Reason loanGate(InterestSubsidyRules rules, LoanFacts loan) {
        if (rules.checks(Reason.NOT_ADMITTED) && !loan.admittedOnDisbursement()) {
            return Reason.NOT_ADMITTED;
        }
        if (rules.checks(Reason.NOT_SME) && !loan.sme()) {
            return Reason.NOT_SME;
        }
        if (rules.checks(Reason.BLACKLISTED) && loan.blacklisted()) {
            return Reason.BLACKLISTED;
        }
        if (rules.checks(Reason.PLEDGE_AFTER_DISBURSEMENT) && !loan.pledgedByDisbursement()) {
            return Reason.PLEDGE_AFTER_DISBURSEMENT;
        }
        if (rules.checks(Reason.NO_FIRST_PLEDGE_INVENTION) && !loan.firstPledgeInvention()) {
            return Reason.NO_FIRST_PLEDGE_INVENTION;
        }
        if (rules.checks(Reason.OTHER_FISCAL_SUBSIDY) && loan.otherFiscalSubsidy()) {
            return Reason.OTHER_FISCAL_SUBSIDY;
        }
        return null;
    }

    private static BigDecimal lprIfRecorded(LprTable lprs, YearMonth month) {
        try {
            return lprs.oneYear(month);
        } catch (MissingLprException e) {
            return null;
        }
    }

    /** Days of [start, end) inside [from, to). */
    static int overlap(LocalDate start, LocalDate end, LocalDate from, LocalDate to) {
        LocalDate s = start.isAfter(from) ? start : from;
        LocalDate e = end.isBefore(to) ? end : to;
        return e.isAfter(s) ? (int) ChronoUnit.DAYS.between(s, e) : 0;
    }
}
