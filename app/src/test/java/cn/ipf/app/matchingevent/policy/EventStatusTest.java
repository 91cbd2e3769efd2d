package cn.ipf.app.matchingevent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.shared.policy.NextActor;
import org.junit.jupiter.api.Test;

class EventStatusTest {

    @Test
    void anEventIsPlannedPublishedHeldOrCancelled() {
        assertThat(EventStatus.PLANNED.after(EventStatus.Step.PUBLISH)).contains(EventStatus.OPEN);
        assertThat(EventStatus.OPEN.after(EventStatus.Step.SELECT_ENTERPRISES)).contains(EventStatus.OPEN);
        assertThat(EventStatus.OPEN.after(EventStatus.Step.COMPLETE)).contains(EventStatus.HELD);
        assertThat(EventStatus.HELD.after(EventStatus.Step.ANSWER_INVITATION)).isEmpty();
        assertThat(EventStatus.HELD.allowedActions()).containsExactly("RECORD_INTENTION");
        assertThat(EventStatus.CANCELLED.allowedActions()).isEmpty();
        assertThat(EventStatus.CANCELLED.nextActor()).isEqualTo(NextActor.NOBODY);
    }

    @Test
    void anIntentionIsFollowedToCreditAndLoans() {
        assertThat(IntentionStatus.INTERESTED.allowedActions()).containsExactly("GRANT_CREDIT", "DROP");
        assertThat(IntentionStatus.CREDIT_GRANTED.after(IntentionStatus.Step.LINK_LOAN))
                .contains(IntentionStatus.LOAN_MADE);
        assertThat(IntentionStatus.LOAN_MADE.after(IntentionStatus.Step.LINK_LOAN))
                .contains(IntentionStatus.LOAN_MADE);
        assertThat(IntentionStatus.LOAN_MADE.after(IntentionStatus.Step.DROP)).isEmpty();
    }
}
