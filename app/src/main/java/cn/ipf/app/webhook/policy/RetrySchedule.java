package cn.ipf.app.webhook.policy;

import java.time.Duration;

/**
 * 重试计划 when a webhook delivery is tried again after a failed attempt: exponential backoff,
 * {@code firstDelay · 2^(n-1)} after the n-th failure of a round, stretched by up to 25 % of jitter so that deliveries
 * failed together do not retry together, capped at {@code maxDelay}; after {@code maxAttempts} failures the delivery
 * has failed. A redelivery starts a new round.
 *
 * <p>The jitter only lengthens a delay, so each delay is still longer than the one before (until the cap).
 */
public record RetrySchedule(Duration firstDelay, Duration maxDelay, int maxAttempts) {

    private static final double MAX_JITTER = 0.25;

    public RetrySchedule {
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("retry schedule needs 0 < firstDelay <= maxDelay and maxAttempts >= 1");
        }
    }

    /** What follows the {@code failures}-th failed attempt of a round (1 = the first). */
    public sealed interface Next permits Retry, GiveUp {
    }

    /** Try again after {@code delay}. */
    public record Retry(Duration delay) implements Next {
    }

    /** The round is spent: the delivery has failed. */
    public record GiveUp() implements Next {
    }

    /** @param jitter a uniform random number in [0, 1) */
    public Next afterFailure(int failures, double jitter) {
        if (failures < 1 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("failures >= 1 and jitter in [0, 1) expected");
        }
        if (failures >= maxAttempts) {
            return new GiveUp();
        }
        // 2^62 ms is beyond any cap; the doubling stops there instead of overflowing
        double base = firstDelay.toMillis() * Math.pow(2, Math.min(failures - 1, 62));
        double stretched = base * (1 + MAX_JITTER * jitter);
        return new Retry(stretched >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) stretched));
    }
}
