package cn.ipf.app.pledgehealth.policy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * 专利期限与年费 statutory patent terms and annual-fee dates, counted from the filing date (sources in
 * docs/policies.md, "Pledged-IP health"):
 * <ul>
 *   <li>term (Patent Law 2020 Art. 42): invention 20 years, utility model 10, design 15 for applications filed on or
 *   after 2021-06-01 (10 before); the right ends the day before the filing date's anniversary;</li>
 *   <li>annual fees (Implementing Rules 2023 Art. 114): each later year's fee is due by the filing date's anniversary;
 *   unpaid, it may still be paid within 6 months of that day with a late fee, after which the right terminates as of
 *   the due date (Patent Law Art. 44);</li>
 *   <li>late fee (CNIPA fee schedule): none in the first month after the due date, then 5 % of the annual fee for each
 *   month begun, 25 % in the sixth.</li>
 * </ul>
 */
public final class PatentTerms {

    /** Designs filed from this day on have a 15-year term (the 2020 amendment's effective date). */
    public static final LocalDate DESIGN_15_YEARS_FROM = LocalDate.of(2021, 6, 1);
    /** Months after the due date during which an unpaid annual fee may still be paid, with a late fee. */
    public static final int GRACE_MONTHS = 6;

    private PatentTerms() {
    }

    /** The patent types of the library (patent.patent_type). */
    public enum PatentType {
        INVENTION, UTILITY_MODEL, DESIGN
    }

    public static int termYears(PatentType type, LocalDate filingDate) {
        return switch (type) {
            case INVENTION -> 20;
            case UTILITY_MODEL -> 10;
            case DESIGN -> filingDate.isBefore(DESIGN_15_YEARS_FROM) ? 10 : 15;
        };
    }

    /** The last day of the statutory term (term extensions granted by CNIPA are not included). */
    public static LocalDate statutoryExpiry(PatentType type, LocalDate filingDate) {
        return filingDate.plusYears(termYears(type, filingDate)).minusDays(1);
    }

    /**
     * The first annual-fee due date on or after {@code day}: the next anniversary of the filing date within the term,
     * or empty when no fee falls due any more. (A 29 February filing falls due on 28 February in other years.)
     */
    public static Optional<LocalDate> nextFeeDue(PatentType type, LocalDate filingDate, LocalDate day) {
        LocalDate expiry = statutoryExpiry(type, filingDate);
        long years = Math.max(1, ChronoUnit.YEARS.between(filingDate, day));
        LocalDate due = filingDate.plusYears(years);
        if (due.isBefore(day)) {
            due = filingDate.plusYears(years + 1);
        }
        return due.isAfter(expiry) ? Optional.empty() : Optional.of(due);
    }

    /** The last day an annual fee due on {@code dueDate} may still be paid (with a late fee). */
    public static LocalDate graceEnd(LocalDate dueDate) {
        return dueDate.plusMonths(GRACE_MONTHS);
    }

    /**
     * The late fee as a percentage of the annual fee when paid on {@code paidOn}: 0 up to one month after the due
     * date, then 5 per month begun, 25 at most; empty after the grace period (the fee can no longer be paid).
     */
    public static Optional<Integer> lateFeePercent(LocalDate dueDate, LocalDate paidOn) {
        if (!paidOn.isAfter(dueDate)) {
            return Optional.of(0);
        }
        if (paidOn.isAfter(graceEnd(dueDate))) {
            return Optional.empty();
        }
        int month = 1;
        while (paidOn.isAfter(dueDate.plusMonths(month))) {
            month++;
        }
        return Optional.of(Math.min(25, 5 * (month - 1)));
    }
}
