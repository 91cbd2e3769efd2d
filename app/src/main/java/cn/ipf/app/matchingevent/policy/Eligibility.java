package cn.ipf.app.matchingevent.policy;

/**
 * 可选企业 whether a library enterprise may be added to an event, and if not the first reason why: it must be
 * admitted to the library, located in one of the event's districts and share its data (a standing consent) with at
 * least one invited bank, so that the banks see whom they meet. One already on the event is kept as it is.
 */
public enum Eligibility {
    SELECTABLE, ON_EVENT, NOT_ADMITTED, OUTSIDE_DISTRICTS, NOT_SHARING;

    public static Eligibility of(boolean admitted, boolean inDistrict, boolean sharing, boolean onEvent) {
        if (!admitted) {
            return NOT_ADMITTED;
        }
        if (!inDistrict) {
            return OUTSIDE_DISTRICTS;
        }
        if (!sharing) {
            return NOT_SHARING;
        }
        return onEvent ? ON_EVENT : SELECTABLE;
    }

    /** Whether a selection naming the enterprise is accepted (one already on the event changes nothing). */
    public boolean accepted() {
        return this == SELECTABLE || this == ON_EVENT;
    }
}
