package cn.ipf.app.calendar.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The working-day calculator on the 2026 holiday table (国务院办公厅 notice of 2025-11-04). */
class WorkingDaysTest {

    /** The 2026 table as seeded: holidays and the make-up working days. */
    static final WorkingDays Y2026 = new WorkingDays(table2026(), Set.of(2026));

    private static Map<LocalDate, DayKind> table2026() {
        Map<LocalDate, DayKind> days = new HashMap<>();
        holidays(days, "2026-01-01", "2026-01-03");
        holidays(days, "2026-02-15", "2026-02-23");
        holidays(days, "2026-04-04", "2026-04-06");
        holidays(days, "2026-05-01", "2026-05-05");
        holidays(days, "2026-06-19", "2026-06-21");
        holidays(days, "2026-09-25", "2026-09-27");
        holidays(days, "2026-10-01", "2026-10-07");
        for (String w : List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20",
                "2026-10-10")) {
            days.put(LocalDate.parse(w), DayKind.WORKDAY);
        }
        return days;
    }

    private static void holidays(Map<LocalDate, DayKind> days, String from, String to) {
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            days.put(d, DayKind.HOLIDAY);
        }
    }

    @Test
    void springFestivalIsSkippedAndTheMakeUpSaturdaysCount() {
        // Tuesday 10 Feb: 11, 12, 13 (Wed-Fri), 14 (Sat, make-up), holiday 15-23, then 24, 25, 26, 27, 28 (Sat, make-up)
        LocalDate submitted = LocalDate.parse("2026-02-10");
        assertThat(Y2026.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();
        assertThat(Y2026.isWorkingDay(LocalDate.parse("2026-02-16"))).isFalse();
        assertThat(Y2026.plusWorkingDays(submitted, 4)).isEqualTo("2026-02-14");
        assertThat(Y2026.plusWorkingDays(submitted, 5)).isEqualTo("2026-02-24");
        assertThat(Y2026.plusWorkingDays(submitted, 9)).isEqualTo("2026-02-28");
        assertThat(Y2026.plusWorkingDays(submitted, 10)).isEqualTo("2026-03-02");
        assertThat(Y2026.workingDaysBetween(submitted, LocalDate.parse("2026-03-02"))).isEqualTo(10);
    }

    @Test
    void nationalDayWeekAndItsMakeUpDays() {
        // Friday 18 Sep 2026: 21-24 (Mon-Thu), 25-27 Mid-Autumn, 20 Sep (Sun) is a make-up day but before the start
        assertThat(Y2026.plusWorkingDays(LocalDate.parse("2026-09-18"), 1)).isEqualTo("2026-09-20");
        assertThat(Y2026.plusWorkingDays(LocalDate.parse("2026-09-30"), 1)).isEqualTo("2026-10-08");
        assertThat(Y2026.plusWorkingDays(LocalDate.parse("2026-10-08"), 2)).isEqualTo("2026-10-10");
    }

    @Test
    void aYearWithoutATableIsRefusedNotGuessed() {
        assertThatThrownBy(() -> Y2026.plusWorkingDays(LocalDate.parse("2026-12-24"), 10))
                .isInstanceOfSatisfying(CalendarNotCovered.class, e -> assertThat(e.year()).isEqualTo(2027));
        assertThatThrownBy(() -> Y2026.isWorkingDay(LocalDate.parse("2025-12-31")))
                .isInstanceOf(CalendarNotCovered.class);
    }

    @Test
    void tableRulesRefuseOtherYearsDuplicatesAndWeekdayMakeUpDays() {
        assertThat(CalendarTableRules.check(2026, List.of(
                new CalendarTableRules.Entry(LocalDate.parse("2026-02-14"), DayKind.WORKDAY),
                new CalendarTableRules.Entry(LocalDate.parse("2026-02-15"), DayKind.HOLIDAY)))).isEmpty();
        assertThat(CalendarTableRules.check(2026, List.of(
                new CalendarTableRules.Entry(LocalDate.parse("2027-01-01"), DayKind.HOLIDAY),
                new CalendarTableRules.Entry(LocalDate.parse("2026-02-16"), DayKind.HOLIDAY),
                new CalendarTableRules.Entry(LocalDate.parse("2026-02-16"), DayKind.HOLIDAY),
                new CalendarTableRules.Entry(LocalDate.parse("2026-02-17"), DayKind.WORKDAY))))
                .extracting(CalendarTableRules.Violation::field)
                .containsExactly("days[0].date", "days[2].date", "days[3].date");
    }

    @Property
    void theNthWorkingDayIsAWorkingDayWithNWorkingDaysUpToIt(@ForAll @IntRange(min = 0, max = 300) int offset,
            @ForAll @IntRange(min = 1, max = 30) int n) {
        LocalDate start = LocalDate.parse("2026-01-01").plusDays(offset);
        LocalDate due = Y2026.plusWorkingDays(start, n);
        assertThat(due).isAfter(start);
        assertThat(Y2026.isWorkingDay(due)).isTrue();
        assertThat(Y2026.workingDaysBetween(start, due)).isEqualTo(n);
        assertThat(Y2026.workingDaysBetween(start, due.minusDays(1))).isEqualTo(n - 1);
    }

    @Property
    void countsAddUpOverConsecutiveSpans(@ForAll @IntRange(min = 0, max = 364) int a,
            @ForAll @IntRange(min = 0, max = 364) int b, @ForAll @IntRange(min = 0, max = 364) int c) {
        int[] s = {a, b, c};
        java.util.Arrays.sort(s);
        LocalDate first = LocalDate.parse("2026-01-01");
        LocalDate x = first.plusDays(s[0]);
        LocalDate y = first.plusDays(s[1]);
        LocalDate z = first.plusDays(s[2]);
        assertThat(Y2026.workingDaysBetween(x, y) + Y2026.workingDaysBetween(y, z))
                .isEqualTo(Y2026.workingDaysBetween(x, z));
        assertThat(Y2026.workingDaysBetween(z, x)).isZero();
    }

    @Property
    void withoutHolidaysEveryWeekHasFiveWorkingDays(@ForAll @IntRange(min = 0, max = 357) int offset) {
        WorkingDays plain = new WorkingDays(Map.of(), Set.of(2026));
        LocalDate start = LocalDate.parse("2026-01-01").plusDays(offset);
        assertThat(plain.workingDaysBetween(start, start.plusDays(7))).isEqualTo(5);
        assertThat(plain.isWorkingDay(start)).isEqualTo(start.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY
                .getValue());
    }

    @Property
    void theSeededTableNeverHasMoreWorkingDaysInAWeekThanSix(@ForAll @IntRange(min = 0, max = 357) int offset) {
        // the notices keep a run of work to at most six days around a holiday's make-up days
        LocalDate start = LocalDate.parse("2026-01-01").plusDays(offset);
        assertThat(Y2026.workingDaysBetween(start, start.plusDays(7))).isBetween(0, 6);
    }
}
