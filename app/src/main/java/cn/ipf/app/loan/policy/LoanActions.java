package cn.ipf.app.loan.policy;

import cn.ipf.app.shared.policy.NextActor;
import java.util.ArrayList;
import java.util.List;

/**
 * What a bank may report on a loan in its current state — the loan's status, whether it is overdue and whether it has
 * defaulted — as an illegal-transition 409 lists it. Mirrors the checks of the loan book.
 */
public final class LoanActions {

    private LoanActions() {
    }

    public static List<String> allowed(LoanStatus status, boolean overdue, boolean defaulted) {
        List<String> actions = new ArrayList<>();
        if (status == LoanStatus.CONTRACTED || status == LoanStatus.DISBURSED) {
            actions.add("REGISTER_PLEDGE");
        }
        if (status.disbursed()) {
            actions.add("REPORT_INTEREST_PAYMENT");
            actions.add("REPORT_REPAYMENT");
        }
        if (status == LoanStatus.DISBURSED) {
            actions.add(overdue ? "REPORT_CURRENT" : "REPORT_OVERDUE");
            if (!overdue) {
                actions.add("RENEW");
            }
        }
        if (defaulted) {
            actions.add("REPORT_RECOVERY");
        }
        if (status == LoanStatus.DEFAULTED) {
            actions.add("OPEN_DISPOSAL_CASE");
        }
        for (LoanStatus.Step step : LoanStatus.Step.values()) {
            if (status.after(step).isPresent()) {
                actions.add(step.name());
            }
        }
        return actions;
    }

    /** The bank reports everything on a loan until it is closed. */
    public static NextActor nextActor(LoanStatus status) {
        return status == LoanStatus.CLOSED ? NextActor.NOBODY : NextActor.BANK;
    }
}
