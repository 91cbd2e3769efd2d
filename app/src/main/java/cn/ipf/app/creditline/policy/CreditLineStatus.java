package cn.ipf.app.creditline.policy;

import cn.ipf.app.shared.policy.MachineState;
import cn.ipf.app.shared.policy.NextActor;
import java.time.LocalDate;
import java.util.List;

/**
 * 授信状态 the state of a collective credit line on a given day. Expiry is computed, not stored: a line is EXPIRED
 * from the day after {@code validUntil}, so no job has to run (or run once across instances) for the limit to be
 * released, and every reader agrees on any day the clock shows. CLOSED is the bank's early closure.
 */
public enum CreditLineStatus implements MachineState {
    ACTIVE, EXPIRED, CLOSED;

    /** What the bank does to a line. */
    public enum Step { DRAW, CLOSE }

    public static CreditLineStatus on(LocalDate today, LocalDate validUntil, boolean closed) {
        if (closed) {
            return CLOSED;
        }
        return today.isAfter(validUntil) ? EXPIRED : ACTIVE;
    }

    public boolean allows(Step step) {
        return this == ACTIVE;
    }

    @Override
    public String machine() {
        return "CREDIT_LINE";
    }

    @Override
    public List<String> allowedActions() {
        return MachineState.stepsAllowed(Step.values(), this::allows);
    }

    @Override
    public NextActor nextActor() {
        return this == ACTIVE ? NextActor.BANK : NextActor.NOBODY;
    }
}
