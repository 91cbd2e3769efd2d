package cn.ipf.app.subsidy.policy;

import cn.ipf.app.loan.policy.Transition;
import cn.ipf.app.shared.policy.MachineState;
import cn.ipf.app.shared.policy.NextActor;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 兑付批次状态 a payment batch: OPEN while the agent bank has its file (its claims locked in it), then SETTLED by the
 * bank's result file, or CANCELLED before that (its claims released to later batches).
 */
public enum PaymentBatchStatus implements MachineState {
    OPEN, SETTLED, CANCELLED;

    /** What can be done to a batch. */
    public enum Step {
        IMPORT_RESULT(EnumSet.of(OPEN), SETTLED),
        CANCEL(EnumSet.of(OPEN), CANCELLED);

        private final Transition<PaymentBatchStatus> transition;

        Step(Set<PaymentBatchStatus> from, PaymentBatchStatus to) {
            this.transition = new Transition<>(from, to);
        }
    }

    public Optional<PaymentBatchStatus> after(Step step) {
        return step.transition.after(this);
    }

    @Override
    public String machine() {
        return "PAYMENT_BATCH";
    }

    @Override
    public List<String> allowedActions() {
        return MachineState.stepsAllowed(Step.values(), s -> after(s).isPresent());
    }

    @Override
    public NextActor nextActor() {
        return this == OPEN ? NextActor.TREASURY : NextActor.NOBODY;
    }
}
