package cn.ipf.app.simulation;

import cn.ipf.app.shared.export.Caption;
import cn.ipf.app.shared.export.Coded;
import cn.ipf.app.shared.export.Column;
import cn.ipf.app.shared.export.TableFile;
import cn.ipf.app.shared.export.Totals;
import cn.ipf.app.simulation.SimulationMapper.SimulationRow;
import cn.ipf.app.subsidy.SubsidyWhatIf;
import cn.ipf.app.subsidy.policy.InterestSubsidyRules;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 模拟报告 a completed simulation's report as CSV or XLSX: the totals, every measure by district, bank and
 * enterprise (each view streamed from its own database cursor, opened only when its sheet is written), and the
 * parameters compared.
 */
@Service
class SimulationReports {

    static final String TITLE = "贴息与风险补偿模拟测算报告";
    private static final List<Column> FIGURES = List.of(Column.count("现行参数笔数"), Column.amount("现行参数金额(元)"),
            Column.count("模拟参数笔数"), Column.amount("模拟参数金额(元)"), Column.amount("差额(元)"));
    static final List<Column> TOTAL_COLUMNS = concat(List.of(Column.text("测算项目", 16)), FIGURES);
    static final List<Column> GROUP_COLUMNS = concat(List.of(Column.text("测算项目", 16), Column.text("代码", 20),
            Column.text("名称", 28)), FIGURES);
    static final List<Column> PARAMETER_COLUMNS = List.of(Column.text("参数", 18), Column.text("现行", 36),
            Column.text("模拟", 36));
    private static final List<String> BREAKDOWNS = List.of("DISTRICT", "BANK", "ENTERPRISE");
    private static final Map<String, String> SHEETS = Map.of("DISTRICT", "区县", "BANK", "银行", "ENTERPRISE", "企业");
    private static final Map<String, String> MEASURES = Map.of(SimulationJob.SUBSIDY, "贴息",
            SimulationJob.COMPENSATION, "风险补偿代偿", SimulationJob.RECOVERY_RETURN, "追偿返还");

    private final Simulations simulations;
    private final SimulationMapper mapper;
    private final SubsidyWhatIf subsidy;
    private final SimulationCodec codec;
    private final Clock clock;
    private final ZoneId zone;

    SimulationReports(Simulations simulations, SimulationMapper mapper, SubsidyWhatIf subsidy,
            SimulationCodec codec, Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        this.simulations = simulations;
        this.mapper = mapper;
        this.subsidy = subsidy;
        this.codec = codec;
    }

    /** Writes the file and answers its path; the caller deletes it once sent. 404 / 409 as for the views. */
    @Transactional(readOnly = true)
    Path write(long id, boolean xlsx) {
        SimulationRow row = simulations.completed(id);
        List<TableFile.Sheet> sheets = new ArrayList<>();
        sheets.add(new TableFile.Sheet("合计", TOTAL_COLUMNS, simulations.totals(id).stream()
                .map(t -> cells(t, false)).toList(), null));
        for (String breakdown : BREAKDOWNS) {
            sheets.add(new TableFile.Sheet(SHEETS.get(breakdown), GROUP_COLUMNS, () -> rows(id, breakdown),
                    Totals.byGroup(0)));
        }
        sheets.add(new TableFile.Sheet("参数", PARAMETER_COLUMNS, parameters(row), null));
        Caption caption = new Caption(TITLE + "：" + row.name(), "全辖", row.fromDate() + " 至 " + row.toDate(), "元",
                clock.instant().atZone(zone), row.completedAt() == null ? row.toDate()
                        : LocalDate.ofInstant(row.completedAt(), zone));
        return TableFile.write(xlsx, caption, sheets);
    }

    /** A view's rows, streamed from its cursor (closed with the transaction's session at the latest). */
    private Iterator<List<Object>> rows(long id, String breakdown) {
        return StreamSupport.stream(mapper.report(id, breakdown).spliterator(), false)
                .map(s -> cells(Simulations.Figure.of(s), true)).iterator();
    }

    /** A figure's cells: the measure, the group's key and name when grouped, then counts and amounts. */
    private static List<Object> cells(Simulations.Figure f, boolean grouped) {
        List<Object> cells = new ArrayList<>();
        cells.add(measure(f.measure()));
        if (grouped) {
            cells.add(f.key());
            cells.add(f.name());
        }
        cells.addAll(Arrays.asList(BigDecimal.valueOf(f.baselineCount()), f.baselineAmount(),
                BigDecimal.valueOf(f.alternativeCount()), f.alternativeAmount(), f.difference()));
        return cells;
    }

    private List<List<Object>> parameters(SimulationRow row) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("期间", row.fromDate() + " 至 " + row.toDate(), row.fromDate() + " 至 " + row.toDate()));
        if (row.subsidyProgrammeId() != null) {
            InterestSubsidyRules in = subsidy.read(row.subsidyInForce(), row.subsidyRulesVersion());
            InterestSubsidyRules alt = subsidy.read(row.subsidyAlternative(), row.subsidyRulesVersion());
            rows.add(List.of("贴息项目", row.subsidyProgrammeId() + " 第 " + row.subsidyRulesVersion() + " 版",
                    row.subsidyProgrammeId() + " 第 " + row.subsidyRulesVersion() + " 版"));
            rows.add(Arrays.asList("LPR 贴息比例", in.lprRatio(), alt.lprRatio()));
            rows.add(Arrays.asList("年度上限(元)", in.annualCap(), alt.annualCap()));
            rows.add(List.of("贴息期(月)", String.valueOf(in.windowMonths()), String.valueOf(alt.windowMonths())));
            rows.add(List.of("利率上限(基点)", spread(in), spread(alt)));
            rows.add(List.of("关闭的条件", gates(in), gates(alt)));
        }
        if (row.compensationProgrammeId() != null) {
            Simulations.CompensationOverrides o = codec.compensation(row.compensationAlternative());
            String own = "各索赔适用的规则版本";
            rows.add(List.of("风险补偿项目", String.valueOf(row.compensationProgrammeId()),
                    String.valueOf(row.compensationProgrammeId())));
            rows.add(List.of("分担比例", own, o.layers() == null ? own : o.layers().stream()
                    .map(l -> l.code() + " " + l.share().toPlainString()).collect(Collectors.joining("; "))));
            rows.add(Arrays.asList("每笔资金上限(元)", own, o.fundCapPerLoan() == null ? own : o.fundCapPerLoan()));
        }
        return rows;
    }

    private static String spread(InterestSubsidyRules r) {
        return r.maxSpreadBp() == null ? "不限" : r.maxSpreadBp().toString();
    }

    private static String gates(InterestSubsidyRules r) {
        return r.disabledGates().stream().map(Enum::name).sorted().collect(Collectors.joining("; "));
    }

    /** The measure: its code in the CSV, its Chinese name in the workbook. */
    private static Coded measure(String code) {
        return new Coded(code, MEASURES.getOrDefault(code, code));
    }

    private static List<Column> concat(List<Column> first, List<Column> then) {
        List<Column> all = new ArrayList<>(first);
        all.addAll(then);
        return List.copyOf(all);
    }
}
