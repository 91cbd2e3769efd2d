package cn.ipf.app.shared.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Component;

/**
 * Calendar dates as the programme sees them: "today" in the deployment's time zone (Asia/Shanghai by default), so a
 * decision taken at 07:00 Beijing time is dated that day, not the previous UTC day.
 */
@Component
public class BusinessCalendar {

    private final Clock clock;
    private final ZoneId zone;

    BusinessCalendar(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Now with the deployment's zone, e.g. a report's generation time. */
    public ZonedDateTime now() {
        return ZonedDateTime.now(clock.withZone(zone));
    }

    /** The business date of an instant, e.g. the day an application was submitted. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** The instant a business date begins, e.g. the lower bound of a month's records. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
