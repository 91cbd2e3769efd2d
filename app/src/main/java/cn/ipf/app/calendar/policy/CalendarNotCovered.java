package cn.ipf.app.calendar.policy;

/** A working-day question about a year that has no holiday table: answering it would guess the holidays. */
public class CalendarNotCovered extends RuntimeException {

    private final int year;

    public CalendarNotCovered(int year) {
        super("no holiday table for " + year);
        this.year = year;
    }

    public int year() {
        return year;
    }
}
