package cn.ipf.app.shared.time;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of time: every "now" and every "today" is read from the {@link Clock} bean, and every conversion
 * between instants and business dates uses the {@link ZoneId} bean ({@code ipf.time-zone}, Asia/Shanghai by default),
 * so tests can move time by replacing the clock and no code asks the operating system.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfig {

    @Bean
    ZoneId businessZone(@Value("${ipf.time-zone:Asia/Shanghai}") String zone) {
        return ZoneId.of(zone);
    }

    /** Ticks in microseconds, the precision of the DATETIME(6) columns, so an instant read back equals the one written. */
    @Bean
    Clock clock(ZoneId businessZone) {
        return Clock.tick(Clock.system(businessZone), Duration.ofNanos(1_000));
    }
}
