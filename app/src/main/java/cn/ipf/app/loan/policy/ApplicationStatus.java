package cn.ipf.app.loan.policy;

import java.util.Optional;
import java.util.Set;

/**
 * 贷款申请状态 the states of a loan application and the steps allowed from each: the enterprise submits, the bank may
 * ask for information (answered back to SUBMITTED), approves with an offer or rejects; the enterprise accepts or
 * declines the offer, or withdraws before accepting; the bank reports the contract of an accepted offer.
 */
public enum ApplicationStatus {
    SUBMITTED, INFO_REQUESTED, APPROVED, ACCEPTED, CONTRACTED, REJECTED, DECLINED, WITHDRAWN;

    /** What someone does to an application. */
    public enum Step {
        REQUEST_INFO(Set.of(SUBMITTED), INFO_REQUESTED),
        PROVIDE_INFO(Set.of(INFO_REQUESTED), SUBMITTED),
        APPROVE(Set.of(SUBMITTED), APPROVED),
        REJECT(Set.of(SUBMITTED, INFO_REQUESTED), REJECTED),
        ACCEPT(Set.of(APPROVED), ACCEPTED),
        DECLINE(Set.of(APPROVED), DECLINED),
        WITHDRAW(Set.of(SUBMITTED, INFO_REQUESTED, APPROVED), WITHDRAWN),
        REPORT_CONTRACT(Set.of(ACCEPTED), CONTRACTED);

        private final Transition<ApplicationStatus> transition;

        Step(Set<ApplicationStatus> from, ApplicationStatus to) {
            this.transition = new Transition<>(from, to);
        }
    }

    /** The state after {@code step}, or empty when the step is not allowed in this state. */
    public Optional<ApplicationStatus> after(Step step) {
        return step.transition.after(this);
    }

    /** Whether the application still ties up the assets offered (it may yet become a loan). */
    public boolean open() {
        return this == SUBMITTED || this == INFO_REQUESTED || this == APPROVED || this == ACCEPTED;
    }
}
