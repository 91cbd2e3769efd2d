package cn.ipf.app.calendar;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.calendar.policy.CalendarNotCovered;
import cn.ipf.app.calendar.policy.CalendarTableRules;
import cn.ipf.app.calendar.policy.DayKind;
import cn.ipf.app.calendar.policy.WorkingDays;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 工作日历 the holiday tables administrators keep from the State Council's yearly notices, and the working-day
 * calculator built from them for deadlines and scorecards. The tables are small (a few dozen days a year), so each
 * computation reads them afresh: an administrator's correction counts from the next request on.
 */
@Service
public class WorkingCalendar {

    private final CalendarMapper mapper;
    private final AuditTrail audit;
    private final Clock clock;

    WorkingCalendar(CalendarMapper mapper, AuditTrail audit, Clock clock) {
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
    }

    /** A year's table as stored. */
    public record Year(CalendarYearRow year, List<CalendarDayRow> days) {
    }

    /** The calculator over every year with a table. */
    @Transactional(readOnly = true)
    public WorkingDays workingDays() {
        Map<LocalDate, DayKind> days = mapper.allDays().stream()
                .collect(Collectors.toMap(CalendarDayRow::day, CalendarDayRow::kind));
        Set<Integer> years = mapper.years().stream().map(CalendarYearRow::year).collect(Collectors.toSet());
        return new WorkingDays(days, years);
    }

    /** Runs a working-day computation; a year without a table is the stable 409 WORKING_CALENDAR_MISSING. */
    public <T> T compute(Function<WorkingDays, T> computation) {
        try {
            return computation.apply(workingDays());
        } catch (CalendarNotCovered e) {
            throw new ApiException(ErrorCode.WORKING_CALENDAR_MISSING, e.year());
        }
    }

    @Transactional(readOnly = true)
    List<Year> years() {
        return mapper.years().stream().map(y -> new Year(y, mapper.daysOf(y.year()))).toList();
    }

    @Transactional(readOnly = true)
    Year year(int year) {
        CalendarYearRow row = mapper.year(year);
        if (row == null) {
            throw new ApiException(ErrorCode.WORKING_CALENDAR_YEAR_NOT_FOUND, year);
        }
        return new Year(row, mapper.daysOf(year));
    }

    /** Replaces a year's table (audited with the days before and after). */
    @Transactional
    Year replace(int year, String source, List<CalendarDayRow> days) {
        List<CalendarTableRules.Violation> violations = CalendarTableRules.check(year,
                days.stream().map(d -> new CalendarTableRules.Entry(d.day(), d.kind())).toList());
        if (!violations.isEmpty()) {
            throw new ApiException(ErrorCode.WORKING_CALENDAR_INVALID,
                    violations.stream().map(v -> new FieldViolation(v.field(), v.message())).toList(), year);
        }
        mapper.upsertYear(year, source, clock.instant());
        List<CalendarDayRow> before = mapper.daysOf(year);
        mapper.deleteDays(year);
        mapper.insertDays(year, days);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("source", source);
        changes.put("before", describe(before));
        changes.put("after", describe(mapper.daysOf(year)));
        audit.record("WORKING_CALENDAR_REPLACED", "WORKING_CALENDAR", year, changes);
        return year(year);
    }

    private static List<String> describe(List<CalendarDayRow> days) {
        return days.stream().map(d -> d.day() + " " + d.kind() + " " + d.name()).toList();
    }
}
