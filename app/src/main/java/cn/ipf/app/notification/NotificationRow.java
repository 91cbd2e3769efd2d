package cn.ipf.app.notification;

import java.time.Instant;

/** A row of {@code notification} as its reader sees it; {@code args} is a JSON array of strings. */
public record NotificationRow(long id, String event, String subjectType, long subjectId, String args,
        Instant createdAt, Instant readAt) {
}
