package cn.ipf.app.library.policy;

import static cn.ipf.app.library.policy.AdmissionAction.CITY_APPROVE;
import static cn.ipf.app.library.policy.AdmissionAction.DISTRICT_APPROVE;
import static cn.ipf.app.library.policy.AdmissionAction.REJECT;
import static cn.ipf.app.library.policy.AdmissionAction.REMOVE;
import static cn.ipf.app.library.policy.AdmissionAction.RETURN;
import static cn.ipf.app.library.policy.AdmissionAction.SUBMIT;
import static cn.ipf.app.library.policy.AdmissionAction.SUSPEND;
import static cn.ipf.app.library.policy.AdmissionStatus.ADMITTED;
import static cn.ipf.app.library.policy.AdmissionStatus.DISTRICT_APPROVED;
import static cn.ipf.app.library.policy.AdmissionStatus.DRAFT;
import static cn.ipf.app.library.policy.AdmissionStatus.REJECTED;
import static cn.ipf.app.library.policy.AdmissionStatus.REMOVED;
import static cn.ipf.app.library.policy.AdmissionStatus.RETURNED;
import static cn.ipf.app.library.policy.AdmissionStatus.SUBMITTED;
import static cn.ipf.app.library.policy.AdmissionStatus.SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every (state, action) pair against the table: an added or dropped transition fails here. */
class AdmissionWorkflowTest {

    private static final Map<AdmissionStatus, Map<AdmissionAction, AdmissionStatus>> LEGAL = Map.of(
            DRAFT, Map.of(SUBMIT, SUBMITTED),
            SUBMITTED, Map.of(DISTRICT_APPROVE, DISTRICT_APPROVED, RETURN, RETURNED, REJECT, REJECTED),
            RETURNED, Map.of(SUBMIT, SUBMITTED),
            DISTRICT_APPROVED, Map.of(CITY_APPROVE, ADMITTED, RETURN, RETURNED, REJECT, REJECTED),
            ADMITTED, Map.of(SUSPEND, SUSPENDED, REMOVE, REMOVED),
            REJECTED, Map.of(SUBMIT, SUBMITTED),
            SUSPENDED, Map.of(SUBMIT, SUBMITTED, REMOVE, REMOVED),
            REMOVED, Map.of(SUBMIT, SUBMITTED));

    static Stream<Arguments> everyPair() {
        return Arrays.stream(AdmissionStatus.values()).flatMap(state -> Arrays.stream(AdmissionAction.values())
                .map(action -> Arguments.of(state, action, LEGAL.get(state).get(action))));
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("everyPair")
    void followsTheTable(AdmissionStatus state, AdmissionAction action, AdmissionStatus expected) {
        if (expected == null) {
            assertThat(AdmissionWorkflow.next(state, action)).isEmpty();
        } else {
            assertThat(AdmissionWorkflow.next(state, action)).contains(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(AdmissionStatus.class)
    void allowedActionsAreTheLegalOnes(AdmissionStatus state) {
        assertThat(AdmissionWorkflow.allowedIn(state)).containsExactlyInAnyOrderElementsOf(LEGAL.get(state).keySet());
        assertThatThrownBy(() -> AdmissionWorkflow.allowedIn(state).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theTableCoversEveryStateWithFourteenTransitions() {
        assertThat(LEGAL).containsOnlyKeys(AdmissionStatus.values());
        assertThat(LEGAL.values().stream().mapToInt(Map::size).sum()).isEqualTo(14);
    }

    @Test
    void readmissionGoesThroughBothLevelsAgain() {
        AdmissionStatus state = DRAFT;
        for (AdmissionAction action : new AdmissionAction[] {SUBMIT, DISTRICT_APPROVE, CITY_APPROVE, SUSPEND, SUBMIT}) {
            state = AdmissionWorkflow.next(state, action).orElseThrow();
        }
        assertThat(state).isEqualTo(SUBMITTED);
        assertThat(AdmissionWorkflow.next(state, CITY_APPROVE)).isEmpty();
    }
}
