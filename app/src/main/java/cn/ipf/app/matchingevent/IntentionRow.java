package cn.ipf.app.matchingevent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code event_intention}. */
record IntentionRow(long id, long eventId, long bankId, long enterpriseId, String status, String note,
        BigDecimal creditAmount, LocalDate creditGrantedOn, Instant recordedAt) {
}
