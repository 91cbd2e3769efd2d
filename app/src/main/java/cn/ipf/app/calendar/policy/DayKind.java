package cn.ipf.app.calendar.policy;

/** How a listed day departs from the Monday-to-Friday week: a day off of a holiday, or a make-up working day (调休). */
public enum DayKind {
    HOLIDAY, WORKDAY
}
