package cn.ipf.app.loan.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a bank reports about a loan must be possible: nothing dated in the future, nothing before the event it depends
 * on (a payment before its accrual starts, a repayment before disbursement, a recovery before default), no period
 * that ends before it starts, no more principal repaid or in default than is outstanding. Each rule names the field it
 * refuses; the state a record needs (disbursed, defaulted) is the state machine's business, not these rules'.
 */
public final class LoanRecordRules {

    private LoanRecordRules() {
    }

    /** One refused field and why. */
    public record Violation(String field, String message) {
    }

    /** The loan as the rules need it; money not yet disbursed is null. */
    public record Loan(LocalDate signedOn, LocalDate maturity, BigDecimal principal, LocalDate disbursedOn,
            BigDecimal disbursedAmount, BigDecimal repaid, LocalDate defaultedOn, LocalDate closedOn) {

        /** Disbursed amount less principal repaid; zero before disbursement. */
        public BigDecimal outstanding() {
            return disbursedAmount == null ? BigDecimal.ZERO.setScale(2) : disbursedAmount.subtract(repaid);
        }
    }

    public record InterestPayment(LocalDate accrualStart, LocalDate accrualEnd, BigDecimal principalBalance,
            BigDecimal interestAmount, LocalDate dueDate, LocalDate paidDate) {
    }

    /**
     * The contract of an application: signed after the enterprise applied (issue 17), and not in the future. An
     * imported loan has no application ({@code appliedOn} null) and is bound by its own dates only.
     */
    public static List<Violation> contract(LocalDate signedOn, LocalDate maturity, BigDecimal principal,
            BigDecimal offeredAmount, LocalDate appliedOn, LocalDate today) {
        Checks c = new Checks();
        c.notAfter("signedOn", signedOn, today, "today");
        if (appliedOn != null) {
            c.notBefore("signedOn", signedOn, appliedOn, "the application date");
        }
        c.require("maturityDate", maturity.isAfter(signedOn), "must be after signedOn");
        c.require("principal", principal.compareTo(offeredAmount) <= 0,
                "must not exceed the offered amount " + offeredAmount.toPlainString());
        return c.violations;
    }

    public static List<Violation> disbursement(Loan loan, LocalDate on, BigDecimal amount, LocalDate today) {
        Checks c = new Checks();
        c.notAfter("disbursedOn", on, today, "today");
        c.notBefore("disbursedOn", on, loan.signedOn(), "the contract's signing date");
        c.require("disbursedOn", on.isBefore(loan.maturity()), "must be before the maturity date");
        c.require("amount", amount.compareTo(loan.principal()) <= 0,
                "must not exceed the contract principal " + loan.principal().toPlainString());
        return c.violations;
    }

    public static List<Violation> interestPayment(Loan loan, InterestPayment p, LocalDate today) {
        Checks c = new Checks();
        c.require("accrualEnd", p.accrualEnd().isAfter(p.accrualStart()), "must be after accrualStart (end is exclusive)");
        c.notBefore("accrualStart", p.accrualStart(), loan.disbursedOn(), "the disbursement date");
        c.notBefore("paidDate", p.paidDate(), p.accrualStart(), "accrualStart");
        c.notAfter("paidDate", p.paidDate(), today, "today");
        c.notBefore("dueDate", p.dueDate(), p.accrualStart(), "accrualStart");
        c.require("principalBalance", p.principalBalance().compareTo(loan.disbursedAmount()) <= 0,
                "must not exceed the disbursed amount " + loan.disbursedAmount().toPlainString());
        if (loan.closedOn() != null) {
            c.notAfter("paidDate", p.paidDate(), loan.closedOn(), "the closure date");
            // end exclusive: a loan accrues nothing from the day it closes (a renewal's new loan accrues from then)
            c.notAfter("accrualEnd", p.accrualEnd(), loan.closedOn(), "the closure date");
        }
        return c.violations;
    }

    /** An interest record's accrual period [start, end), end exclusive, as reported for one loan. */
    public record Accrual(String externalId, int sequenceNo, LocalDate accrualStart, LocalDate accrualEnd) {

        boolean sharesDayWith(LocalDate start, LocalDate end) {
            return accrualStart.isBefore(end) && start.isBefore(accrualEnd);
        }
    }

    /**
     * 计息期间不重叠 a day accrues interest once: the earliest (by start, then sequence no.) of the loan's reported
     * periods that shares a day with [start, end), if any. Gaps are allowed: days no period covers are simply not
     * subsidised, and periods may arrive in any order (a missing one reported later fills its gap).
     */
    public static Optional<Accrual> overlapping(List<Accrual> reported, LocalDate start, LocalDate end) {
        return reported.stream().filter(a -> a.sharesDayWith(start, end))
                .min(Comparator.comparing(Accrual::accrualStart).thenComparingInt(Accrual::sequenceNo));
    }

    public static List<Violation> repayment(Loan loan, LocalDate on, BigDecimal amount, LocalDate today) {
        Checks c = new Checks();
        c.notAfter("repaidOn", on, today, "today");
        c.notBefore("repaidOn", on, loan.disbursedOn(), "the disbursement date");
        if (loan.closedOn() != null) {
            c.notAfter("repaidOn", on, loan.closedOn(), "the closure date");
        }
        c.require("amount", amount.compareTo(loan.outstanding()) <= 0,
                "must not exceed the outstanding principal " + loan.outstanding().toPlainString());
        return c.violations;
    }

    public static List<Violation> delinquency(Loan loan, LocalDate since, LocalDate overdueSince, LocalDate today) {
        Checks c = new Checks();
        c.notAfter("since", since, today, "today");
        c.notBefore("since", since, overdueSince != null ? overdueSince : loan.disbursedOn(),
                overdueSince != null ? "the date the loan became overdue" : "the disbursement date");
        return c.violations;
    }

    public static List<Violation> defaulted(Loan loan, LocalDate on, BigDecimal outstandingPrincipal,
            LocalDate today) {
        Checks c = new Checks();
        c.notAfter("defaultedOn", on, today, "today");
        c.notBefore("defaultedOn", on, loan.disbursedOn(), "the disbursement date");
        c.require("outstandingPrincipal", outstandingPrincipal.compareTo(loan.outstanding()) <= 0,
                "must not exceed the disbursed amount less repayments " + loan.outstanding().toPlainString());
        return c.violations;
    }

    public static List<Violation> recovery(Loan loan, LocalDate on, LocalDate today) {
        Checks c = new Checks();
        c.notAfter("recoveredOn", on, today, "today");
        c.notBefore("recoveredOn", on, loan.defaultedOn(), "the default date");
        return c.violations;
    }

    /**
     * 续贷 a renewal on {@code signedOn} repays and closes the maturing loan and disburses the new one that day: not in
     * the future, not before the old loan's disbursement nor after its maturity, the new maturity after it, and no
     * interest already reported on the old loan accruing past it ({@code lastAccrualEnd}, end exclusive; null when
     * none), so no day is subsidised on both loans.
     */
    public static List<Violation> renewal(Loan old, LocalDate signedOn, LocalDate maturity,
            LocalDate lastAccrualEnd, LocalDate today) {
        Checks c = new Checks();
        c.notAfter("signedOn", signedOn, today, "today");
        c.notBefore("signedOn", signedOn, old.disbursedOn(), "the renewed loan's disbursement date");
        c.notAfter("signedOn", signedOn, old.maturity(), "the renewed loan's maturity date");
        c.require("maturityDate", maturity.isAfter(signedOn), "must be after signedOn");
        if (lastAccrualEnd != null) {
            c.notBefore("signedOn", signedOn, lastAccrualEnd, "the end of the interest reported on the renewed loan");
        }
        return c.violations;
    }

    /** A loan closes when repaid in full, or after default (written off once the collateral is disposed of). */
    public static List<Violation> closure(Loan loan, LocalDate on, LocalDate today) {
        Checks c = new Checks();
        c.notAfter("closedOn", on, today, "today");
        c.notBefore("closedOn", on, loan.defaultedOn() != null ? loan.defaultedOn() : loan.disbursedOn(),
                loan.defaultedOn() != null ? "the default date" : "the disbursement date");
        c.require("closedOn", loan.defaultedOn() != null || loan.outstanding().signum() == 0,
                "principal outstanding " + loan.outstanding().toPlainString() + " must be repaid first");
        return c.violations;
    }

    /**
     * A pledge registered for a loan: not before the enterprise applied for it (when the loan came through an
     * application; imported loans have none), not after the loan matures, not in the future.
     */
    public static List<Violation> pledgeRegistration(LocalDate registeredOn, LocalDate appliedOn, LocalDate maturity,
            LocalDate today) {
        Checks c = new Checks();
        c.notAfter("registeredOn", registeredOn, today, "today");
        if (appliedOn != null) {
            c.notBefore("registeredOn", registeredOn, appliedOn, "the application date");
        }
        c.notAfter("registeredOn", registeredOn, maturity, "the loan's maturity date");
        return c.violations;
    }

    public static List<Violation> pledgeCancellation(LocalDate registeredOn, LocalDate cancelledOn, LocalDate today) {
        Checks c = new Checks();
        c.notAfter("cancelledOn", cancelledOn, today, "today");
        c.notBefore("cancelledOn", cancelledOn, registeredOn, "the registration date");
        return c.violations;
    }

    private static final class Checks {
        private final List<Violation> violations = new ArrayList<>();

        void require(String field, boolean ok, String message) {
            if (!ok) {
                violations.add(new Violation(field, message));
            }
        }

        void notAfter(String field, LocalDate date, LocalDate limit, String what) {
            require(field, !date.isAfter(limit), "must not be after " + what + " (" + limit + ")");
        }

        void notBefore(String field, LocalDate date, LocalDate limit, String what) {
            require(field, !date.isBefore(limit), "must not be before " + what + " (" + limit + ")");
        }
    }
}
