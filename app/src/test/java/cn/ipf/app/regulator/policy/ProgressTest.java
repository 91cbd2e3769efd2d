package cn.ipf.app.regulator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void linearPaceCountsTheDaysElapsedIncludingTheDate() {
        assertThat(Progress.expectedRatio(2025, LocalDate.of(2025, 1, 1))).isEqualByComparingTo("0.0027");
        assertThat(Progress.expectedRatio(2025, LocalDate.of(2025, 7, 1))).isEqualByComparingTo("0.4986");
        assertThat(Progress.expectedRatio(2024, LocalDate.of(2024, 12, 31))).isEqualByComparingTo("1");
        assertThat(Progress.expectedRatio(2025, LocalDate.of(2024, 12, 31))).isEqualByComparingTo("0");
        assertThat(Progress.expectedRatio(2025, LocalDate.of(2026, 3, 1))).isEqualByComparingTo("1");
    }

    @Test
    void ratioAgainstThePace() {
        Progress behind = Progress.of(new BigDecimal("2400000"), new BigDecimal("10000000"), 2025,
                LocalDate.of(2025, 7, 1));
        assertThat(behind.ratio()).isEqualByComparingTo("0.24");
        assertThat(behind.onPace()).isFalse();
        assertThat(Progress.of(new BigDecimal("6"), new BigDecimal("8"), 2025, LocalDate.of(2025, 7, 1)).onPace())
                .isTrue();
        Progress zero = Progress.of(BigDecimal.ONE, BigDecimal.ZERO, 2025, LocalDate.of(2025, 7, 1));
        assertThat(zero.ratio()).isNull();
        assertThat(zero.onPace()).isTrue();
    }

    @Test
    void yearOnYear() {
        assertThat(Progress.yearOnYear(new BigDecimal("1600000"), new BigDecimal("2000000")))
                .isEqualByComparingTo("-0.2");
        assertThat(Progress.yearOnYear(BigDecimal.ONE, new BigDecimal("3"))).isEqualByComparingTo("-0.6667");
        assertThat(Progress.yearOnYear(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
    }
}
