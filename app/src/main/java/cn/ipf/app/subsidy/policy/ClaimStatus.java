package cn.ipf.app.subsidy.policy;

import cn.ipf.app.loan.policy.Transition;
import cn.ipf.app.shared.policy.MachineState;
import cn.ipf.app.shared.policy.NextActor;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 申报 → 审核 → 兑付 the states of a subsidy claim: computed by a run (or made by the SME with its invoice, then
 * declared at once), declared by the SME, approved by the district and then the city, paid by the treasury; rejected
 * with a reason before it is city-approved, or expired when a computed claim is not declared in time. Who may take a
 * step is the service's concern.
 */
public enum ClaimStatus implements MachineState {
    COMPUTED, DECLARED, DISTRICT_APPROVED, CITY_APPROVED, PAID, REJECTED, EXPIRED;

    /** A step of the review. */
    public enum Step {
        DECLARE(EnumSet.of(COMPUTED), DECLARED),
        DISTRICT_APPROVE(EnumSet.of(DECLARED), DISTRICT_APPROVED),
        CITY_APPROVE(EnumSet.of(DISTRICT_APPROVED), CITY_APPROVED),
        PAY(EnumSet.of(CITY_APPROVED), PAID),
        REJECT(EnumSet.of(COMPUTED, DECLARED, DISTRICT_APPROVED), REJECTED),
        EXPIRE(EnumSet.of(COMPUTED), EXPIRED);

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
        return "SUBSIDY_CLAIM";
    }

    @Override
    public List<String> allowedActions() {
        return MachineState.stepsAllowed(Step.values(), s -> after(s).isPresent());
    }

    @Override
    public NextActor nextActor() {
        return switch (this) {
            case COMPUTED -> NextActor.ENTERPRISE;
            case DECLARED -> NextActor.DISTRICT_REVIEWER;
            case DISTRICT_APPROVED -> NextActor.CITY_REVIEWER;
            case CITY_APPROVED -> NextActor.TREASURY;
            case PAID, REJECTED, EXPIRED -> NextActor.NOBODY;
        };
    }

    /** Lines of rejected and expired claims leave the annual cap to later claims. */
    public boolean usesCap() {
        return this != REJECTED && this != EXPIRED;
    }

    /** Whether the claim has been approved at least by the district: it then counts against the budget. */
    public boolean approved() {
        return this == DISTRICT_APPROVED || this == CITY_APPROVED || this == PAID;
    }
}
