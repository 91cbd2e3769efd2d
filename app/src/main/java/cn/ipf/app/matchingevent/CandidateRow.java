package cn.ipf.app.matchingevent;

import cn.ipf.app.matchingevent.policy.Eligibility;

/** What decides whether an enterprise may be added to an event. */
record CandidateRow(long enterpriseId, boolean admitted, boolean inDistrict, boolean sharing, boolean onEvent) {

    Eligibility eligibility() {
        return Eligibility.of(admitted, inDistrict, sharing, onEvent);
    }
}
