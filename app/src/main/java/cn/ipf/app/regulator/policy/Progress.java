package cn.ipf.app.regulator.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;

/**
 * 目标进度 progress of an annual target on a date: actual ÷ target against the linear pace, the share of the year's
 * days elapsed up to and including the date (0 before the year, 1 after it). Ratios to 4 decimals, HALF_UP.
 */
public record Progress(BigDecimal ratio, BigDecimal expectedRatio, boolean onPace) {

    private static final int SCALE = 4;

    public static Progress of(BigDecimal actual, BigDecimal target, int year, LocalDate asOf) {
        BigDecimal expected = expectedRatio(year, asOf);
        if (target.signum() == 0) {
            return new Progress(null, expected, true);
        }
        BigDecimal ratio = actual.divide(target, SCALE, RoundingMode.HALF_UP);
        return new Progress(ratio, expected, ratio.compareTo(expected) >= 0);
    }

    public static BigDecimal expectedRatio(int year, LocalDate asOf) {
        LocalDate first = Year.of(year).atDay(1);
        int days = Year.of(year).length();
        long elapsed = Math.max(0, Math.min(days, ChronoUnit.DAYS.between(first, asOf) + 1));
        return BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(days), SCALE, RoundingMode.HALF_UP);
    }

    /** 同比 (value − previous) ÷ previous to 4 decimals, or null when there was nothing the year before. */
    public static BigDecimal yearOnYear(BigDecimal value, BigDecimal previous) {
        return previous.signum() == 0 ? null
                : value.subtract(previous).divide(previous, SCALE, RoundingMode.HALF_UP);
    }
}
