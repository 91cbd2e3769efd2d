package cn.ipf.app.loan.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.calendar.policy.DayKind;
import cn.ipf.app.calendar.policy.WorkingDays;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScorecardTest {

    // March 2026 has no holidays: Monday 2 March + n working days is plain weekday arithmetic
    private static final WorkingDays DAYS = new WorkingDays(Map.of(LocalDate.parse("2026-02-16"), DayKind.HOLIDAY),
            Set.of(2026));
    private static final LocalDate MON = LocalDate.parse("2026-03-02");

    private static Scorecard.Decision approved(int workingDays, String amount) {
        return new Scorecard.Decision(MON, DAYS.plusWorkingDays(MON, workingDays), null, true, null,
                new BigDecimal(amount));
    }

    private static Scorecard.Decision rejected(int workingDays, String reason) {
        return new Scorecard.Decision(MON, DAYS.plusWorkingDays(MON, workingDays), null, false, reason, null);
    }

    @Test
    void knownFigures() {
        Scorecard s = Scorecard.of(List.of(approved(1, "1000000.00"), approved(3, "500000.50"),
                rejected(4, "CREDIT_RISK"), rejected(10, "CREDIT_RISK"), rejected(12, "OTHER")), DAYS, 10);
        assertThat(s.decisions()).isEqualTo(5);
        assertThat(s.approvals()).isEqualTo(2);
        assertThat(s.rejections()).isEqualTo(3);
        assertThat(s.medianWorkingDays()).isEqualTo(4);
        assertThat(s.p90WorkingDays()).isEqualTo(12);
        assertThat(s.onTimeShare()).isEqualByComparingTo("0.8000");
        assertThat(s.approvalRate()).isEqualByComparingTo("0.4000");
        assertThat(s.rejectReasons()).containsExactly(Map.entry("CREDIT_RISK", 2), Map.entry("OTHER", 1));
        assertThat(s.amountGranted()).isEqualByComparingTo("1500000.50");
    }

    @Test
    void aFixedDeadlineIsTheOneMeasured() {
        Scorecard.Decision late = new Scorecard.Decision(MON, DAYS.plusWorkingDays(MON, 5), MON.plusDays(1), false,
                "CREDIT_RISK", null);
        assertThat(Scorecard.of(List.of(late), DAYS, 10).onTimeShare()).isEqualByComparingTo("0");
    }

    @Test
    void noDecisionsNoShares() {
        Scorecard s = Scorecard.of(List.of(), DAYS, 10);
        assertThat(s.medianWorkingDays()).isNull();
        assertThat(s.onTimeShare()).isNull();
        assertThat(s.amountGranted()).isEqualByComparingTo("0");
    }

    @Test
    void nearestRank() {
        assertThat(Scorecard.nearestRank(new int[] {1, 2, 3, 4}, 50)).isEqualTo(2);
        assertThat(Scorecard.nearestRank(new int[] {1, 2, 3, 4}, 90)).isEqualTo(4);
        assertThat(Scorecard.nearestRank(new int[] {7}, 90)).isEqualTo(7);
        int[] tenths = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(Scorecard.nearestRank(tenths, 90)).isEqualTo(9);
    }
}
