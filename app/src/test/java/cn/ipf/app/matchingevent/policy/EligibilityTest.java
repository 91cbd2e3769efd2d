package cn.ipf.app.matchingevent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EligibilityTest {

    @Test
    void theFirstUnmetConditionIsTheReason() {
        assertThat(Eligibility.of(false, false, false, false)).isEqualTo(Eligibility.NOT_ADMITTED);
        assertThat(Eligibility.of(true, false, true, false)).isEqualTo(Eligibility.OUTSIDE_DISTRICTS);
        assertThat(Eligibility.of(true, true, false, false)).isEqualTo(Eligibility.NOT_SHARING);
        assertThat(Eligibility.of(true, true, false, true)).as("on the event, but no longer sharing")
                .isEqualTo(Eligibility.NOT_SHARING);
        assertThat(Eligibility.of(true, true, true, false)).isEqualTo(Eligibility.SELECTABLE);
        assertThat(Eligibility.of(true, true, true, true)).isEqualTo(Eligibility.ON_EVENT);
    }

    @Test
    void onlyAnEligibleEnterpriseIsAccepted() {
        assertThat(Eligibility.SELECTABLE.accepted()).isTrue();
        assertThat(Eligibility.ON_EVENT.accepted()).isTrue();
        assertThat(Eligibility.NOT_SHARING.accepted()).isFalse();
    }
}
