package cn.ipf.app.matchingevent.policy;

import cn.ipf.app.shared.policy.MachineState;
import cn.ipf.app.shared.policy.NextActor;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 活动状态 the states of a matching event: PLANNED while the office selects enterprises and invites banks, OPEN once
 * the invitations are out (enterprises answer, banks record intentions), HELD after it took place (banks go on
 * following their intentions up), or CANCELLED before it took place.
 */
public enum EventStatus implements MachineState {
    PLANNED, OPEN, HELD, CANCELLED;

    /** What someone does to or at an event; steps without a target leave the state as it is. */
    public enum Step {
        SELECT_ENTERPRISES(EnumSet.of(PLANNED, OPEN), null),
        INVITE_BANKS(EnumSet.of(PLANNED, OPEN), null),
        PUBLISH(EnumSet.of(PLANNED), OPEN),
        ANSWER_INVITATION(EnumSet.of(OPEN), null),
        RECORD_INTENTION(EnumSet.of(OPEN, HELD), null),
        COMPLETE(EnumSet.of(OPEN), HELD),
        CANCEL(EnumSet.of(PLANNED, OPEN), CANCELLED);

        private final Set<EventStatus> from;
        private final EventStatus to;

        Step(Set<EventStatus> from, EventStatus to) {
            this.from = from;
            this.to = to;
        }
    }

    /** The state after {@code step}, or empty when the step is not allowed in this state. */
    public Optional<EventStatus> after(Step step) {
        if (!step.from.contains(this)) {
            return Optional.empty();
        }
        return Optional.of(step.to == null ? this : step.to);
    }

    /** Whether banks and invited enterprises see the event (the invitations are out). */
    public boolean published() {
        return this == OPEN || this == HELD;
    }

    @Override
    public String machine() {
        return "MATCHING_EVENT";
    }

    @Override
    public List<String> allowedActions() {
        return MachineState.stepsAllowed(Step.values(), s -> after(s).isPresent());
    }

    @Override
    public NextActor nextActor() {
        return switch (this) {
            case PLANNED, OPEN -> NextActor.CITY_REVIEWER;
            case HELD -> NextActor.BANK;
            case CANCELLED -> NextActor.NOBODY;
        };
    }
}
