package cn.ipf.app.calendar;

import java.time.Instant;

/** A year that has a holiday table, and the notice it follows. */
record CalendarYearRow(int year, String source, Instant updatedAt) {
}
