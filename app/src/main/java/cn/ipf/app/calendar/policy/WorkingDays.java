package cn.ipf.app.calendar.policy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * 工作日 the Chinese working-day calendar: Monday to Friday, except the statutory holidays, plus the weekend days worked
 * instead (调休), as the State Council's notice of each year sets them. Only years with a table are answered; any
 * other day asked about is {@link CalendarNotCovered}, never a guess.
 */
public final class WorkingDays {

    private final Map<LocalDate, DayKind> exceptions;
    private final Set<Integer> coveredYears;

    public WorkingDays(Map<LocalDate, DayKind> exceptions, Set<Integer> coveredYears) {
        this.exceptions = Map.copyOf(exceptions);
        this.coveredYears = Set.copyOf(coveredYears);
    }

    /** {@link CalendarNotCovered} unless the year has a table. */
    public void requireYear(int year) {
        if (!coveredYears.contains(year)) {
            throw new CalendarNotCovered(year);
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        requireYear(day.getYear());
        DayKind kind = exceptions.get(day);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The {@code n}-th working day after {@code start} ({@code start} itself not counted); n ≥ 1. */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        LocalDate day = start;
        int left = n;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** The working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
