package cn.ipf.app.loan.policy;

import java.util.Optional;
import java.util.Set;

/**
 * 贷款状态 the states of a reported loan: contracted, disbursed, then closed, or defaulted and later closed (written
 * off after the collateral is disposed of).
 */
public enum LoanStatus {
    CONTRACTED, DISBURSED, DEFAULTED, CLOSED;

    /** A state change the bank reports. */
    public enum Step {
        DISBURSE(Set.of(CONTRACTED), DISBURSED),
        DEFAULT(Set.of(DISBURSED), DEFAULTED),
        CLOSE(Set.of(DISBURSED, DEFAULTED), CLOSED);

        private final Transition<LoanStatus> transition;

        Step(Set<LoanStatus> from, LoanStatus to) {
            this.transition = new Transition<>(from, to);
        }
    }

    public Optional<LoanStatus> after(Step step) {
        return step.transition.after(this);
    }

    /** Whether money has gone out, so payments and repayments can be reported. */
    public boolean disbursed() {
        return this != CONTRACTED;
    }
}
