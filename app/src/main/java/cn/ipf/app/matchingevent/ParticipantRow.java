package cn.ipf.app.matchingevent;

import java.time.Instant;

/** An enterprise on an event, with the library facts shown next to its answer. */
record ParticipantRow(long enterpriseId, String enterpriseName, String districtCode, String industryCode,
        String attendance, String pitchSummary, String pitchLink, Instant respondedAt) {
}
