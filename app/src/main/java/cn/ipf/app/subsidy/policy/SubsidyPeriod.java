package cn.ipf.app.subsidy.policy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 计算期间 the period a subsidy run covers: a month ({@code 2025-03}), a quarter ({@code 2025-Q1}) or a calendar year
 * ({@code 2025}), with its first and last day; for a dry run also a range of two such periods
 * ({@code 2025-01..2025-06}), from the first day of the one to the last day of the other.
 */
public record SubsidyPeriod(String code, LocalDate start, LocalDate end) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(\\d{2})|-Q([1-4]))?");

    /** Parses the code; anything else is an IllegalArgumentException saying what is expected. */
    public static SubsidyPeriod parse(String code) {
        Matcher m = code == null ? null : FORMAT.matcher(code);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("period must be a month (2025-03), a quarter (2025-Q1) or a year (2025)");
        }
        int year = Integer.parseInt(m.group(1));
        try {
            if (m.group(2) != null) {
                YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
                return new SubsidyPeriod(code, month.atDay(1), month.atEndOfMonth());
            }
            if (m.group(3) != null) {
                YearMonth first = YearMonth.of(year, (Integer.parseInt(m.group(3)) - 1) * 3 + 1);
                return new SubsidyPeriod(code, first.atDay(1), first.plusMonths(2).atEndOfMonth());
            }
            return new SubsidyPeriod(code, Year.of(year).atDay(1), Year.of(year).atMonth(12).atEndOfMonth());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("period " + code + " is not a valid month");
        }
    }

    /** A period or a range of two ({@code FROM..TO}, TO not before FROM); see {@link #parse}. */
    public static SubsidyPeriod parseSpan(String code) {
        int dots = code == null ? -1 : code.indexOf("..");
        if (dots < 0) {
            return parse(code);
        }
        SubsidyPeriod from = parse(code.substring(0, dots));
        SubsidyPeriod to = parse(code.substring(dots + 2));
        if (to.end().isBefore(from.start())) {
            throw new IllegalArgumentException("period range " + code + " ends before it starts");
        }
        return new SubsidyPeriod(code, from.start(), to.end());
    }

    /** Whether this is a range of two periods. */
    public boolean isRange() {
        return code.contains("..");
    }

    /** The month before the given date's month, as a code: what a monthly schedule computes. */
    public static SubsidyPeriod monthBefore(LocalDate day) {
        return parse(YearMonth.from(day).minusMonths(1).toString());
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
        return !start.isAfter(to) && !end.isBefore(from);
    }
}
