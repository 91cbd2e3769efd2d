package cn.ipf.app.creditline.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreditLimitsTest {

    private static final LocalDate UNTIL = LocalDate.of(2026, 6, 30);

    @Test
    void expiryIsReadFromTheDayAndReleasesWhatIsNotDrawn() {
        assertThat(CreditLineStatus.on(UNTIL, UNTIL, false)).isEqualTo(CreditLineStatus.ACTIVE);
        assertThat(CreditLineStatus.on(UNTIL.plusDays(1), UNTIL, false)).isEqualTo(CreditLineStatus.EXPIRED);
        assertThat(CreditLineStatus.on(UNTIL.minusDays(1), UNTIL, true)).isEqualTo(CreditLineStatus.CLOSED);
        BigDecimal total = new BigDecimal("1000000.00");
        BigDecimal drawn = new BigDecimal("700000.00");
        assertThat(CreditLimits.available(total, drawn, CreditLineStatus.ACTIVE)).isEqualByComparingTo("300000");
        assertThat(CreditLimits.released(total, drawn, CreditLineStatus.ACTIVE)).isEqualByComparingTo("0");
        assertThat(CreditLimits.available(total, drawn, CreditLineStatus.EXPIRED)).isEqualByComparingTo("0");
        assertThat(CreditLimits.released(total, drawn, CreditLineStatus.EXPIRED)).isEqualByComparingTo("300000");
        assertThat(CreditLineStatus.EXPIRED.allowedActions()).isEmpty();
        assertThat(CreditLineStatus.ACTIVE.allowedActions()).containsExactly("DRAW", "CLOSE");
    }

    @Test
    void aMemberDrawsItsSubLimitButNeverMoreThanTheLineHas() {
        assertThat(CreditLimits.memberAvailable(new BigDecimal("300000"), new BigDecimal("200000"),
                new BigDecimal("500000"))).isEqualByComparingTo("100000");
        assertThat(CreditLimits.memberAvailable(new BigDecimal("800000"), new BigDecimal("0"),
                new BigDecimal("50000"))).isEqualByComparingTo("50000");
    }

    @Test
    void termsAreCheckedFieldByField() {
        assertThat(CreditLimits.termViolations(new BigDecimal("100"), UNTIL, UNTIL.minusDays(1), List.of(1L, 1L),
                List.of(new BigDecimal("100"), new BigDecimal("100.01")))).containsOnlyKeys("validUntil",
                        "members[1].enterpriseId", "members[1].subLimit");
        assertThat(CreditLimits.termViolations(new BigDecimal("100"), UNTIL, UNTIL, List.of(1L, 2L),
                List.of(new BigDecimal("100"), new BigDecimal("1")))).isEmpty();
    }
}
