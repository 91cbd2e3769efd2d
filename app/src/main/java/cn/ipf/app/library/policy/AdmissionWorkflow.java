package cn.ipf.app.library.policy;

import static cn.ipf.app.library.policy.AdmissionAction.CITY_APPROVE;
import static cn.ipf.app.library.policy.AdmissionAction.DISTRICT_APPROVE;
import static cn.ipf.app.library.policy.AdmissionAction.REJECT;
import static cn.ipf.app.library.policy.AdmissionAction.REMOVE;
import static cn.ipf.app.library.policy.AdmissionAction.RETURN;
import static cn.ipf.app.library.policy.AdmissionAction.SUBMIT;
import static cn.ipf.app.library.policy.AdmissionAction.SUSPEND;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * 两级审核流程 the two-level admission workflow: which action is legal in which state, and where it leads. Who may take
 * an action (district or city reviewer, maker-checker) is the service's concern, not this table's.
 */
public final class AdmissionWorkflow {

    private AdmissionWorkflow() {
    }

    /** The state after the action, or empty when the action is illegal in that state. */
    public static Optional<AdmissionStatus> next(AdmissionStatus current, AdmissionAction action) {
        Objects.requireNonNull(action, "action");
        return Optional.ofNullable(transitionsFrom(current).get(action));
    }

    /** The legal actions in declaration order, unmodifiable. */
    public static Set<AdmissionAction> allowedIn(AdmissionStatus current) {
        Set<AdmissionAction> allowed = EnumSet.noneOf(AdmissionAction.class);
        allowed.addAll(transitionsFrom(current).keySet());
        return Collections.unmodifiableSet(allowed);
    }

    /**
     * Readmission from REJECTED, SUSPENDED or REMOVED is a new SUBMIT, so it always passes both levels again.
     * An exhaustive switch, so a new state does not compile until its transitions are decided.
     */
    private static Map<AdmissionAction, AdmissionStatus> transitionsFrom(AdmissionStatus state) {
        return switch (state) {
            case DRAFT, RETURNED, REJECTED, REMOVED -> Map.of(SUBMIT, AdmissionStatus.SUBMITTED);
            case SUBMITTED -> Map.of(DISTRICT_APPROVE, AdmissionStatus.DISTRICT_APPROVED,
                    RETURN, AdmissionStatus.RETURNED, REJECT, AdmissionStatus.REJECTED);
            case DISTRICT_APPROVED -> Map.of(CITY_APPROVE, AdmissionStatus.ADMITTED,
                    RETURN, AdmissionStatus.RETURNED, REJECT, AdmissionStatus.REJECTED);
            case ADMITTED -> Map.of(SUSPEND, AdmissionStatus.SUSPENDED, REMOVE, AdmissionStatus.REMOVED);
            case SUSPENDED -> Map.of(SUBMIT, AdmissionStatus.SUBMITTED, REMOVE, AdmissionStatus.REMOVED);
        };
    }
}
