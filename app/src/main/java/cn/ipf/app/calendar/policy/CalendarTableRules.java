package cn.ipf.app.calendar.policy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a year's holiday table must satisfy before it replaces the stored one. */
public final class CalendarTableRules {

    private CalendarTableRules() {
    }

    /** A day of the table as entered, with its position for the error's field name. */
    public record Entry(LocalDate day, DayKind kind) {
    }

    public record Violation(String field, String message) {
    }

    public static List<Violation> check(int year, List<Entry> entries) {
        List<Violation> violations = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String field = "days[" + i + "].date";
            if (e.day().getYear() != year) {
                violations.add(new Violation(field, "must lie in " + year));
            }
            if (!seen.add(e.day())) {
                violations.add(new Violation(field, "listed twice: " + e.day()));
            }
            boolean weekend = e.day().getDayOfWeek() == DayOfWeek.SATURDAY
                    || e.day().getDayOfWeek() == DayOfWeek.SUNDAY;
            if (e.kind() == DayKind.WORKDAY && !weekend) {
                violations.add(new Violation(field, "a make-up working day is a Saturday or Sunday"));
            }
        }
        return violations;
    }
}
