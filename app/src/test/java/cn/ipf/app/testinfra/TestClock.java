package cn.ipf.app.testinfra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock as the end-to-end tests see it: the real one until a test moves it, so deadlines,
 * declaration windows and overdue days can be crossed without waiting. {@link IntegrationTest} puts it back after
 * every test. Everything reads it, signature checks and token expiry included: a moved clock refuses bank requests
 * signed at the real time.
 */
public final class TestClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    private TestClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** From now on the clock reads {@code instant} (and runs on from there). */
    public void set(Instant instant) {
        offset.set(Duration.between(base.instant(), instant));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    /** Moves with this clock. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(base.withZone(zone), offset);
    }

    /** Takes the place of the application's clock (which it reads) wherever a {@link Clock} is injected. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        TestClock testClock(@Qualifier("clock") Clock clock) {
            return new TestClock(clock, new AtomicReference<>(Duration.ZERO));
        }
    }
}
