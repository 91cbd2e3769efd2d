package cn.ipf.app.compensation.policy;

import cn.ipf.app.loan.policy.Transition;
import cn.ipf.app.shared.policy.MachineState;
import cn.ipf.app.shared.policy.NextActor;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 索赔状态 a compensation claim: filed by the bank, approved by the district and then by a different city reviewer,
 * released for payment by the payout job or left waiting for funds (released first-in-first-out by city approval when
 * money is added), paid when a payment batch's result file says the bank received it; rejected with a reason before
 * the city approval. Who may take a step is the service's concern.
 */
public enum ClaimStatus implements MachineState {
    FILED, DISTRICT_APPROVED, CITY_APPROVED, WAITING_FOR_FUNDS, PAYABLE, PAID, REJECTED;

    /** A step of the review or of the payout job. */
    public enum Step {
        DISTRICT_APPROVE(EnumSet.of(FILED), DISTRICT_APPROVED),
        CITY_APPROVE(EnumSet.of(DISTRICT_APPROVED), CITY_APPROVED),
        WAIT(EnumSet.of(CITY_APPROVED), WAITING_FOR_FUNDS),
        RELEASE(EnumSet.of(CITY_APPROVED, WAITING_FOR_FUNDS), PAYABLE),
        PAY(EnumSet.of(PAYABLE), PAID),
        REJECT(EnumSet.of(FILED, DISTRICT_APPROVED), REJECTED);

        private final Transition<ClaimStatus> transition;

        Step(Set<ClaimStatus> from, ClaimStatus to) {
            this.transition = new Transition<>(from, to);
        }
    }

    public Optional<ClaimStatus> after(Step step) {
        return step.transition.after(this);
    }

    @Override
    public String machine() {
        return "COMPENSATION_CLAIM";
    }

    @Override
    public List<String> allowedActions() {
        return MachineState.stepsAllowed(Step.values(), s -> after(s).isPresent());
    }

    @Override
    public NextActor nextActor() {
        return switch (this) {
            case FILED -> NextActor.DISTRICT_REVIEWER;
            case DISTRICT_APPROVED -> NextActor.CITY_REVIEWER;
            case CITY_APPROVED -> NextActor.PAYOUT_JOB;
            case WAITING_FOR_FUNDS -> NextActor.ADMIN;
            case PAYABLE -> NextActor.TREASURY;
            case PAID, REJECTED -> NextActor.NOBODY;
        };
    }
}
