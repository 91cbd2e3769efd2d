package cn.ipf.app.regulator;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.regulator.StatisticsMapper.Figure;
import cn.ipf.app.regulator.StatisticsMapper.TargetRow;
import cn.ipf.app.regulator.policy.Indicator;
import cn.ipf.app.regulator.policy.Progress;
import cn.ipf.app.security.CurrentActor;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.subsidy.policy.SubsidyPeriod;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 统计监测 the regulators' statistics: the indicators of a period by district, bank, industry or in total, with the
 * same period a year earlier, computed in SQL from the records; and the plan's targets with their progress.
 */
@Service
public class Statistics {

    /** How figures are grouped. */
    public enum Breakdown { TOTAL, DISTRICT, BANK, INDUSTRY }

    /** One indicator of a group: this period, the same period a year earlier, the change. */
    public record Value(Indicator indicator, BigDecimal value, BigDecimal previous, BigDecimal yoyChange) {
    }

    public record Row(String key, String name, List<Value> values) {
    }

    public record Report(SubsidyPeriod period, SubsidyPeriod previous, Breakdown breakdown, String regionCode,
            List<Row> rows) {
    }

    public record Target(Indicator indicator, String regionCode, int year, BigDecimal value) {
    }

    public record TargetProgress(Target target, BigDecimal actual, LocalDate asOf, Progress progress) {
    }

    private final StatisticsMapper mapper;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;
    private final Clock clock;

    Statistics(StatisticsMapper mapper, AuditTrail audit, BusinessCalendar calendar, Clock clock) {
        this.mapper = mapper;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Report report(String periodCode, Breakdown breakdown, String regionCode) {
        SubsidyPeriod period = period(periodCode);
        if (regionCode != null && mapper.regionLevel(regionCode) == null) {
            throw new ApiException(ErrorCode.PARAMETER_INVALID, "regionCode");
        }
        SubsidyPeriod previous = SubsidyPeriod.parse(
                (period.start().getYear() - 1) + periodCode.substring(4));
        Map<String, Map<Indicator, BigDecimal>> now = figures(period.start(), period.end(), breakdown, regionCode);
        Map<String, Map<Indicator, BigDecimal>> before = figures(previous.start(), previous.end(), breakdown,
                regionCode);
        Map<String, String> names = mapper.names(breakdown.name()).stream()
                .collect(Collectors.toMap(StatisticsMapper.Name::key, StatisticsMapper.Name::name, (a, b) -> a));
        TreeSet<String> keys = new TreeSet<>(now.keySet());
        keys.addAll(before.keySet());
        if (breakdown == Breakdown.TOTAL) {
            keys.add("ALL");
        }
        List<Row> rows = keys.stream().map(key -> {
            Map<Indicator, BigDecimal> a = now.getOrDefault(key, Map.of());
            Map<Indicator, BigDecimal> b = before.getOrDefault(key, Map.of());
            List<Value> values = Arrays.stream(Indicator.values()).map(i -> {
                BigDecimal v = i.normalise(a.getOrDefault(i, BigDecimal.ZERO));
                BigDecimal p = i.normalise(b.getOrDefault(i, BigDecimal.ZERO));
                return new Value(i, v, p, Progress.yearOnYear(v, p));
            }).toList();
            return new Row(key, names.get(key), values);
        }).toList();
        return new Report(period, previous, breakdown, regionCode, rows);
    }

    /** Each indicator of a group for a date range; sums that come in several rows (subsidies) are added. */
    Map<String, Map<Indicator, BigDecimal>> figures(LocalDate from, LocalDate to, Breakdown breakdown,
            String region) {
        Map<String, Map<Indicator, BigDecimal>> out = new LinkedHashMap<>();
        for (Figure f : mapper.figures(from, to, breakdown.name(), region)) {
            if (f.value() != null) {
                out.computeIfAbsent(f.groupKey(), k -> new EnumMap<>(Indicator.class))
                        .merge(Indicator.valueOf(f.indicator()), f.value(), BigDecimal::add);
            }
        }
        return out;
    }

    @Transactional(readOnly = true)
    public List<Target> targets(int year) {
        return mapper.targets(year).stream().map(Statistics::target).toList();
    }

    /** Every target of the year measured on asOf (default today): the region's figures from 1 January. */
    @Transactional(readOnly = true)
    public List<TargetProgress> progress(int year, LocalDate asOf) {
        LocalDate on = asOf == null ? calendar.today() : asOf;
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate to = on.isBefore(yearEnd) ? on : yearEnd;
        Map<String, Map<Indicator, BigDecimal>> byRegion = new LinkedHashMap<>();
        Function<String, Map<Indicator, BigDecimal>> actuals = region -> figures(from, to, Breakdown.TOTAL, region)
                .getOrDefault("ALL", Map.of());
        return targets(year).stream().map(t -> {
            BigDecimal actual = t.indicator().normalise(byRegion.computeIfAbsent(t.regionCode(), actuals)
                    .getOrDefault(t.indicator(), BigDecimal.ZERO));
            return new TargetProgress(t, actual, on, Progress.of(actual, t.value(), year, on));
        }).toList();
    }

    /** Sets one target (amounts to the fen, counts whole), audited with the value it replaces. */
    @Transactional
    public Target setTarget(int year, String regionCode, Indicator indicator, BigDecimal value) {
        if (mapper.regionLevel(regionCode) == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, List.of(new FieldViolation("regionCode",
                    "not one of the deployment's regions")));
        }
        boolean amount = indicator.isAmount();
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > (amount ? 2 : 0)
                || value.compareTo(new BigDecimal("99999999999999999")) > 0) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, List.of(new FieldViolation("target",
                    amount ? "a non-negative amount to the fen" : "a non-negative whole number")));
        }
        TargetRow before = mapper.target(year, regionCode, indicator.name());
        TargetRow row = new TargetRow(indicator.name(), regionCode, year, value);
        mapper.upsertTarget(row, Long.parseLong(CurrentActor.get().id()),
                clock.instant());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("value", value.toPlainString());
        changes.put("previous", before == null ? null : before.value().toPlainString());
        audit.record("STATISTICS_TARGET_SET", "STATISTICS_TARGET", year + "/" + regionCode + "/" + indicator,
                changes);
        return target(row);
    }

    private static SubsidyPeriod period(String code) {
        try {
            return SubsidyPeriod.parse(code);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.PARAMETER_INVALID, "period");
        }
    }

    private static Target target(TargetRow r) {
        Indicator indicator = Indicator.valueOf(r.indicator());
        return new Target(indicator, r.regionCode(), r.year(), indicator.normalise(r.value()));
    }
}
