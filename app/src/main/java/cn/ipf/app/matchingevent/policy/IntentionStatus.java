package cn.ipf.app.matchingevent.policy;

import cn.ipf.app.loan.policy.Transition;
import cn.ipf.app.shared.policy.MachineState;
import cn.ipf.app.shared.policy.NextActor;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 意向状态 a bank's interest in an enterprise met at an event, followed up: INTERESTED, then CREDIT_GRANTED (授信),
 * then LOAN_MADE once a loan is linked (more loans may follow); DROPPED by the bank before any loan.
 */
public enum IntentionStatus implements MachineState {
    INTERESTED, CREDIT_GRANTED, LOAN_MADE, DROPPED;

    /** What the bank reports on an intention. */
    public enum Step {
        GRANT_CREDIT(Set.of(INTERESTED), CREDIT_GRANTED),
        LINK_LOAN(Set.of(CREDIT_GRANTED, LOAN_MADE), LOAN_MADE),
        DROP(Set.of(INTERESTED, CREDIT_GRANTED), DROPPED);

        private final Transition<IntentionStatus> transition;

        Step(Set<IntentionStatus> from, IntentionStatus to) {
            this.transition = new Transition<>(from, to);
        }
    }

    public Optional<IntentionStatus> after(Step step) {
        return step.transition.after(this);
    }

    @Override
    public String machine() {
        return "INTENTION";
    }

    @Override
    public List<String> allowedActions() {
        return MachineState.stepsAllowed(Step.values(), s -> after(s).isPresent());
    }

    @Override
    public NextActor nextActor() {
        return this == DROPPED ? NextActor.NOBODY : NextActor.BANK;
    }
}
