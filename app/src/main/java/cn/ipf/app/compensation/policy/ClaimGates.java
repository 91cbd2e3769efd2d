package cn.ipf.app.compensation.policy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The gates a claim must pass on its filing date, each with a stable reason code. Every gate is always evaluated, so
 * a refused bank learns every reason at once.
 */
public final class ClaimGates {

    private ClaimGates() {
    }

    public enum Gate {
        /** The loan was disbursed and the bank reported its default. */
        LOAN_NOT_DEFAULTED,
        /** The borrower is registered in a district of the programme's region. */
        OUTSIDE_PROGRAMME_REGION,
        /** The borrower was admitted to the project library on the disbursement date. */
        NOT_ADMITTED_ON_DISBURSEMENT,
        /** A pledge registration is dated on or before the disbursement date. */
        NOT_PLEDGED_BY_DISBURSEMENT,
        /** Overdue at least the rule's days on the claim date (from the bank's delinquency reports). */
        OVERDUE_TOO_SHORT,
        /** Filed within the rule's window after the loan first qualified (overdue long enough and in default). */
        FILING_WINDOW_PASSED,
        /** The bank's cooperation agreement with the programme was active on the disbursement date. */
        NO_AGREEMENT_ON_DISBURSEMENT,
        /** No other claim on the loan stands (one that is not rejected). */
        CLAIM_ALREADY_OPEN
    }

    /** What the gates look at, as established by the service. Dates may be null when there is none. */
    public record Facts(LocalDate disbursedOn, LocalDate defaultedOn, boolean inProgrammeRegion,
            boolean admittedOnDisbursement, LocalDate firstPledgeRegisteredOn, LocalDate overdueSince,
            boolean agreementActiveOnDisbursement, boolean otherClaimStanding) {
    }

    public record Outcome(Gate gate, boolean passed, String detail) {
    }

    public static List<Outcome> evaluate(Facts f, CompensationRules rules, LocalDate claimDate) {
        List<Outcome> out = new ArrayList<>();
        out.add(new Outcome(Gate.LOAN_NOT_DEFAULTED, f.disbursedOn() != null && f.defaultedOn() != null,
                f.defaultedOn() == null ? "no default reported" : "defaulted on " + f.defaultedOn()));
        out.add(new Outcome(Gate.OUTSIDE_PROGRAMME_REGION, f.inProgrammeRegion(),
                f.inProgrammeRegion() ? "in the programme's region" : "not in the programme's region"));
        out.add(new Outcome(Gate.NOT_ADMITTED_ON_DISBURSEMENT, f.disbursedOn() != null && f.admittedOnDisbursement(),
                f.admittedOnDisbursement() ? "admitted on " + f.disbursedOn()
                        : "not admitted on the disbursement date " + f.disbursedOn()));
        boolean pledged = f.disbursedOn() != null && f.firstPledgeRegisteredOn() != null
                && !f.firstPledgeRegisteredOn().isAfter(f.disbursedOn());
        out.add(new Outcome(Gate.NOT_PLEDGED_BY_DISBURSEMENT, pledged, f.firstPledgeRegisteredOn() == null
                ? "no pledge registration" : "first registration " + f.firstPledgeRegisteredOn()
                        + ", disbursed " + f.disbursedOn()));
        long overdue = f.overdueSince() == null ? -1 : ChronoUnit.DAYS.between(f.overdueSince(), claimDate);
        out.add(new Outcome(Gate.OVERDUE_TOO_SHORT, overdue >= rules.overdueDays(), f.overdueSince() == null
                ? "not reported overdue" : overdue + " days overdue on " + claimDate + " (needs "
                        + rules.overdueDays() + ")"));
        LocalDate deadline = filingDeadline(f, rules);
        out.add(new Outcome(Gate.FILING_WINDOW_PASSED, deadline == null || !claimDate.isAfter(deadline),
                deadline == null ? "not yet qualified" : "file by " + deadline));
        out.add(new Outcome(Gate.NO_AGREEMENT_ON_DISBURSEMENT, f.agreementActiveOnDisbursement(),
                f.agreementActiveOnDisbursement() ? "agreement active on " + f.disbursedOn()
                        : "no agreement active on " + f.disbursedOn()));
        out.add(new Outcome(Gate.CLAIM_ALREADY_OPEN, !f.otherClaimStanding(),
                f.otherClaimStanding() ? "another claim on the loan stands" : "no other claim stands"));
        return out;
    }

    /**
     * The last day to file: the filing window after the day the loan first qualified, the later of the day it had
     * been overdue long enough and its default; null while either is unknown.
     */
    public static LocalDate filingDeadline(Facts f, CompensationRules rules) {
        if (f.overdueSince() == null || f.defaultedOn() == null) {
            return null;
        }
        LocalDate overdueEnough = f.overdueSince().plusDays(rules.overdueDays());
        LocalDate qualified = overdueEnough.isAfter(f.defaultedOn()) ? overdueEnough : f.defaultedOn();
        return qualified.plusDays(rules.filingWindowDays());
    }
}
