package cn.ipf.app.matchingevent;

import java.time.LocalDate;

/** A row of {@code matching_event}. */
record EventRow(long id, String kind, String title, LocalDate eventDate, String place, String parkName,
        String status) {
}
