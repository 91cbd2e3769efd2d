package cn.ipf.app.regulator;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.audit.AuditReader;
import cn.ipf.app.audit.policy.AuditChain;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.compensation.Supervision;
import cn.ipf.app.regulator.policy.FundForecast;
import cn.ipf.app.regulator.policy.Indicator;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.time.BusinessCalendar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 监管驾驶舱 the regulators' dashboard in the console: the plan's targets against actuals and the linear pace, the
 * year's monthly trend against the year before (ECharts), the indicators by district, bank or industry with every
 * figure linked to the records that make it, and a payout line's chain (trace, evidence, rule version, audit events)
 * with the verification of the whole audit chain. The same {@link Statistics}, {@link DrillDowns} and
 * {@link AuditReader} as the API.
 */
@ConsolePage
class RegulatorPages implements ConsoleMenu {

    static final String DASHBOARD = "/console/regulator";
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final List<Indicator> TREND = List.of(Indicator.PLEDGE_FINANCING_AMOUNT, Indicator.PLEDGED_LOANS);

    private final Statistics statistics;
    private final StatisticsMapper mapper;
    private final DrillDowns drillDowns;
    private final AuditReader audit;
    private final AccessPolicy access;
    private final BusinessCalendar calendar;
    private final Supervision supervision;

    RegulatorPages(Statistics statistics, StatisticsMapper mapper, DrillDowns drillDowns, AuditReader audit,
            AccessPolicy access, BusinessCalendar calendar, Supervision supervision) {
        this.supervision = supervision;
        this.statistics = statistics;
        this.mapper = mapper;
        this.drillDowns = drillDowns;
        this.audit = audit;
        this.access = access;
        this.calendar = calendar;
    }

    /** One month's figure of the trend, this year and the year before. */
    record TrendPoint(String month, BigDecimal value, BigDecimal previous) {
    }

    @GetMapping(DASHBOARD)
    String dashboard(@RequestParam(required = false) String month,
            @RequestParam(defaultValue = "DISTRICT") Statistics.Breakdown by, Model model) {
        access.require(access.caller(), Permission.READ_REGULATOR_CONSOLE);
        YearMonth m = month(month);
        model.addAttribute("month", m.toString());
        model.addAttribute("by", by);
        model.addAttribute("breakdowns", List.of(Statistics.Breakdown.DISTRICT, Statistics.Breakdown.BANK,
                Statistics.Breakdown.INDUSTRY));
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("progress", statistics.progress(m.getYear(), m.atEndOfMonth()));
        model.addAttribute("regions", regionNames());
        model.addAttribute("report", statistics.report(m.toString(), by, null));
        model.addAttribute("total", statistics.report(m.toString(), Statistics.Breakdown.TOTAL, null).rows().get(0));
        Map<Indicator, List<TrendPoint>> trend = new LinkedHashMap<>();
        TREND.forEach(i -> trend.put(i, new ArrayList<>()));
        for (YearMonth at = YearMonth.of(m.getYear(), 1); !at.isAfter(m); at = at.plusMonths(1)) {
            Statistics.Row all = statistics.report(at.toString(), Statistics.Breakdown.TOTAL, null).rows().get(0);
            for (Indicator i : TREND) {
                Statistics.Value v = all.values().get(i.ordinal());
                trend.get(i).add(new TrendPoint(at.toString(), v.value(), v.previous()));
            }
        }
        model.addAttribute("trend", trend);
        model.addAttribute("trendChart", chart(trend));
        return "regulator/dashboard";
    }

    /** The records behind one figure: payout lines (to their chain) or the pledged loans. */
    @GetMapping(DASHBOARD + "/records")
    String records(@RequestParam String month, @RequestParam Statistics.Breakdown by,
            @RequestParam(required = false) String key, @RequestParam Indicator indicator, Model model) {
        access.require(access.caller(), Permission.READ_REGULATOR_CONSOLE);
        YearMonth m = month(month);
        String group = by == Statistics.Breakdown.TOTAL ? null : key;
        model.addAttribute("month", m.toString());
        model.addAttribute("by", by);
        model.addAttribute("key", key);
        model.addAttribute("indicator", indicator);
        model.addAttribute("payouts", switch (indicator) {
            case SUBSIDY_PAID -> mapper.payoutRecords("SUBSIDY", m.atDay(1), m.atEndOfMonth(), by.name(), group);
            case COMPENSATION_PAID -> mapper.payoutRecords("COMPENSATION", m.atDay(1), m.atEndOfMonth(), by.name(),
                    group);
            default -> List.of();
        });
        boolean loans = indicator == Indicator.PLEDGE_FINANCING_AMOUNT || indicator == Indicator.PLEDGED_LOANS
                || indicator == Indicator.ENTERPRISES_SERVED;
        model.addAttribute("loans", loans ? mapper.loanRecords(m.atDay(1), m.atEndOfMonth(), by.name(), group)
                : List.of());
        model.addAttribute("listed", loans || indicator == Indicator.SUBSIDY_PAID
                || indicator == Indicator.COMPENSATION_PAID);
        return "regulator/records";
    }

    /** A payout line's chain and the audit chain's verification. */
    @GetMapping(DASHBOARD + "/lines/{kind}/{claimId}/{lineNo}")
    String line(@PathVariable DrillDowns.Kind kind, @PathVariable long claimId, @PathVariable int lineNo,
            Model model) {
        access.require(access.caller(), Permission.READ_REGULATOR_CONSOLE);
        DrillDowns.Chain chain = drillDowns.chain(kind, claimId, lineNo);
        AuditChain.Verdict verdict = audit.verify();
        model.addAttribute("chain", chain);
        model.addAttribute("verdict", verdict);
        model.addAttribute("reference", (kind == DrillDowns.Kind.SUBSIDY ? "SC" : "RC") + claimId + " / " + lineNo);
        return "regulator/line";
    }

    /** A fund with its forecast. */
    record FundRow(StatisticsMapper.FundBalance fund, FundForecast forecast) {
    }

    /** 风险监测 the banks' leverage and NPL against the commitments, the funds' balances and how long they last. */
    @GetMapping(DASHBOARD + "/supervision")
    String supervision(@RequestParam(required = false) String month, Model model) {
        access.require(access.caller(), Permission.READ_REGULATOR_CONSOLE);
        YearMonth m = month(month);
        List<FundRow> funds = mapper.fundBalances(m.minusMonths(11).atDay(1), m.atEndOfMonth()).stream()
                .map(f -> new FundRow(f, FundForecast.of(f.balance(), f.paidOut()))).toList();
        Map<String, List<Supervision.BankSignals>> banks = new LinkedHashMap<>();
        funds.stream().map(f -> f.fund().programmeId()).distinct().forEach(id -> banks.put(funds.stream()
                .filter(f -> f.fund().programmeId() == id).findFirst().orElseThrow().fund().programmeName(),
                supervision.signals(id, m.toString())));
        model.addAttribute("month", m.toString());
        model.addAttribute("funds", funds);
        model.addAttribute("banks", banks);
        model.addAttribute("warningMonths", FundForecast.WARNING_MONTHS);
        return "regulator/supervision";
    }

    private Map<String, String> regionNames() {
        Map<String, String> names = new LinkedHashMap<>();
        mapper.names(Statistics.Breakdown.DISTRICT.name()).forEach(n -> names.put(n.key(), n.name()));
        return names;
    }

    /** The month asked for (a bad one is the field's refusal), else the last complete month. */
    private YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.from(calendar.today()).minusMonths(1);
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.PARAMETER_INVALID, "month");
        }
    }

    /** The trend as the chart script reads it: bars this year, lines the year before, amounts in 万元. */
    private String chart(Map<Indicator, List<TrendPoint>> trend) {
        List<String> axes = new ArrayList<>();
        List<Map<String, Object>> series = new ArrayList<>();
        trend.forEach((indicator, points) -> {
            boolean amount = indicator.isAmount();
            String unit = amount ? "万元" : indicator.unit();
            int axis = axes.size();
            axes.add(unit);
            series.add(Map.of("name", indicator.label() + " 本年", "type", "bar", "axis", axis,
                    "data", points.stream().map(p -> scaled(p.value(), amount)).toList()));
            series.add(Map.of("name", indicator.label() + " 上年同期", "type", "line", "axis", axis,
                    "data", points.stream().map(p -> scaled(p.previous(), amount)).toList()));
        });
        return Charts.json(trend.get(Indicator.PLEDGE_FINANCING_AMOUNT).stream().map(TrendPoint::month).toList(),
                axes, series);
    }

    private static BigDecimal scaled(BigDecimal value, boolean amount) {
        return amount ? value.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP) : value;
    }

    @Override
    public List<Item> items(Caller caller) {
        if (!access.may(caller, Permission.READ_REGULATOR_CONSOLE)) {
            return List.of();
        }
        return List.of(new Item(60, "regulator.dashboard", DASHBOARD));
    }
}
