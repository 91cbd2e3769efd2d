package cn.ipf.app.calendar;

import cn.ipf.app.calendar.policy.DayKind;
import java.time.LocalDate;

/** A day that departs from the Monday-to-Friday week: a holiday, or a make-up working day. */
public record CalendarDayRow(LocalDate day, DayKind kind, String name) {
}
