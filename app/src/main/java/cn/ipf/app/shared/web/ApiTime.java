package cn.ipf.app.shared.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants as the API writes them: with the UTC offset; absent stays absent. */
public final class ApiTime {

    private ApiTime() {
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
