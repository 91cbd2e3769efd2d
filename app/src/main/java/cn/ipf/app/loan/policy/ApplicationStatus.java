package cn.ipf.app.loan.policy;

import cn.ipf.app.shared.policy.MachineState;
import cn.ipf.app.shared.policy.NextActor;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 贷款申请状态 the states of a loan application and the steps allowed from each: the enterprise submits, the bank may
 * ask for information (answered back to SUBMITTED), approves with an offer or rejects; the enterprise accepts or
 * declines the offer, or withdraws before accepting; the bank reports the contract of an accepted offer.
 */
public enum ApplicationStatus implements MachineState {
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

    @Override
    public String machine() {
        return "APPLICATION";
    }

    @Override
    public List<String> allowedActions() {
        return MachineState.stepsAllowed(Step.values(), s -> after(s).isPresent());
    }

    @Override
    public NextActor nextActor() {
        return switch (this) {
            case SUBMITTED, ACCEPTED -> NextActor.BANK;
            case INFO_REQUESTED, APPROVED -> NextActor.ENTERPRISE;
            case CONTRACTED, REJECTED, DECLINED, WITHDRAWN -> NextActor.NOBODY;
        };
    }

    /** Whether the application still ties up the assets offered (it may yet become a loan). */
    public boolean open() {
        return this == SUBMITTED || this == INFO_REQUESTED || this == APPROVED || this == ACCEPTED;
    }
}
