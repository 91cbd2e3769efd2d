package cn.ipf.app.webhook.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.webhook.policy.RetrySchedule.GiveUp;
import cn.ipf.app.webhook.policy.RetrySchedule.Retry;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final RetrySchedule SCHEDULE = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(6), 10);

    private static Duration delay(int failures, double jitter) {
        return ((Retry) SCHEDULE.afterFailure(failures, jitter)).delay();
    }

    @Test
    void withoutJitterTheDelayDoublesFromThirtySeconds() {
        assertThat(delay(1, 0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(delay(2, 0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(delay(5, 0)).isEqualTo(Duration.ofMinutes(8));
        assertThat(delay(9, 0)).isEqualTo(Duration.ofMinutes(128));
    }

    @Test
    void jitterStretchesByAtMostAQuarterAndTheCapHolds() {
        assertThat(delay(1, 0.5)).isEqualTo(Duration.ofMillis(33_750));
        RetrySchedule capped = new RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(5), 100);
        assertThat(((Retry) capped.afterFailure(5, 0)).delay()).isEqualTo(Duration.ofMinutes(5));
        assertThat(((Retry) capped.afterFailure(99, 0.9)).delay()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theLastAttemptGivesUp() {
        assertThat(SCHEDULE.afterFailure(10, 0.3)).isInstanceOf(GiveUp.class);
        assertThat(SCHEDULE.afterFailure(11, 0.3)).isInstanceOf(GiveUp.class);
        assertThat(new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(1), 1).afterFailure(1, 0))
                .isInstanceOf(GiveUp.class);
    }

    @Property
    void eachDelayIsLongerThanTheOneBeforeWhateverTheJitter(@ForAll @IntRange(min = 1, max = 8) int failures,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double before,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double after) {
        assertThat(delay(failures + 1, after)).isGreaterThan(delay(failures, before));
    }
}
