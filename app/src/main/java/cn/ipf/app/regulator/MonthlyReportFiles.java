package cn.ipf.app.regulator;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.regulator.StatisticsMapper.ReportFile;
import cn.ipf.app.security.Actor;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.regulator.policy.Indicator;
import cn.ipf.app.shared.export.Caption;
import cn.ipf.app.shared.export.Coded;
import cn.ipf.app.shared.export.Column;
import cn.ipf.app.shared.export.Figure;
import cn.ipf.app.shared.export.TableFile;
import cn.ipf.app.shared.export.Totals;
import cn.ipf.batch.regulator.MonthlyReports;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 月度进展报告 the monthly progress report: the month's indicators in total and by district, bank and industry (one
 * sheet each, with the same month a year earlier and the change) and the year's targets measured on the month's last
 * day, written as XLSX and CSV through {@link TableFile} into the {@link ReportFileStore} (which every instance
 * reads) and recorded with the SHA-256 of the bytes. The files hold no timestamps (TableFile fixes the workbook's dates), so generating a month
 * again over the same data gives the same bytes and checksum.
 */
@Service
public class MonthlyReportFiles implements MonthlyReports {

    static final String TITLE = "知识产权质押融资月度进展报告";
    static final List<Column> BREAKDOWN_COLUMNS = List.of(Column.text("代码", 12), Column.text("名称", 24),
            Column.text("指标(单位)", 26), Column.mixed("本期"), Column.mixed("上年同期"), Column.percent("同比"));
    static final List<Column> TARGET_COLUMNS = List.of(Column.text("指标(单位)", 26), Column.text("区域", 16),
            Column.text("年度", 8), Column.mixed("目标"), Column.mixed("实际"), Column.percent("完成率"),
            Column.percent("序时进度"), Column.text("达到序时进度", 14));
    private static final Map<Statistics.Breakdown, String> SHEETS = Map.of(Statistics.Breakdown.TOTAL, "合计",
            Statistics.Breakdown.DISTRICT, "区县", Statistics.Breakdown.BANK, "银行", Statistics.Breakdown.INDUSTRY,
            "行业");

    private final Statistics statistics;
    private final StatisticsMapper mapper;
    private final AuditTrail audit;
    private final Clock clock;
    private final ReportFileStore store;
    private final ZoneId zone;

    MonthlyReportFiles(Statistics statistics, StatisticsMapper mapper, AuditTrail audit, Clock clock,
            ReportFileStore store, ZoneId zone) {
        this.zone = zone;
        this.statistics = statistics;
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
        this.store = store;
    }

    @Override
    @Transactional
    public void generate(YearMonth month) {
        List<TableFile.Sheet> sheets = sheets(month);
        Instant now = clock.instant();
        Caption caption = caption(month, now);
        Map<String, Object> audited = new LinkedHashMap<>();
        for (boolean xlsx : new boolean[] {true, false}) {
            String format = xlsx ? "xlsx" : "csv";
            Path written = TableFile.write(xlsx, caption, sheets);
            try {
                String fileName = "ipf-progress-" + month + "." + format;
                ReportFile before = mapper.report(month.toString(), format);
                ReportFile file = new ReportFile(month.toString(), format, fileName, Files.size(written),
                        sha256(written), 0, now);
                mapper.upsertReport(file);
                store.put(month.toString(), format, Files.readAllBytes(written));
                audited.put(format, Map.of("sha256", file.sha256(), "sizeBytes", file.sizeBytes(), "unchanged",
                        before != null && before.sha256().equals(file.sha256())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    Files.deleteIfExists(written);
                } catch (IOException ignored) {
                    // a leftover temporary file
                }
            }
        }
        audit.recordAs(Actor.SYSTEM, "STATISTICS_REPORT_GENERATED", "STATISTICS_REPORT", month.toString(), audited);
    }

    /** The report's caption: the deployment's regions, the month, generated now, data as of the month's last day. */
    Caption caption(YearMonth month, Instant now) {
        List<String> regions = mapper.topRegions();
        return new Caption(TITLE, regions.isEmpty() ? "全辖" : String.join("、", regions), month.getYear() + "年"
                + month.getMonthValue() + "月", "元（笔、件、家见指标名）", now.atZone(zone), month.atEndOfMonth());
    }

    /**
     * The sheets of a month's report: each breakdown with its lines ordered by indicator, then group (a 小计 per
     * indicator in the workbook, as only figures of one indicator add up), and the targets.
     */
    List<TableFile.Sheet> sheets(YearMonth month) {
        List<TableFile.Sheet> sheets = new ArrayList<>();
        for (Statistics.Breakdown breakdown : Statistics.Breakdown.values()) {
            Statistics.Report report = statistics.report(month.toString(), breakdown, null);
            List<List<Object>> rows = new ArrayList<>();
            for (Indicator indicator : Indicator.values()) {
                for (Statistics.Row row : report.rows()) {
                    Statistics.Value v = row.values().get(indicator.ordinal());
                    rows.add(Arrays.asList(new Coded(row.key(), "ALL".equals(row.key()) ? "全部" : row.key()),
                            row.name() != null ? row.name() : "ALL".equals(row.key()) ? "全辖" : null,
                            indicator(indicator), figure(indicator, v.value()), figure(indicator, v.previous()),
                            v.yoyChange()));
                }
            }
            sheets.add(new TableFile.Sheet(SHEETS.get(breakdown), BREAKDOWN_COLUMNS, rows,
                    breakdown == Statistics.Breakdown.TOTAL ? null : Totals.byGroup(2)));
        }
        Map<String, String> regionNames = new LinkedHashMap<>();
        mapper.names(Statistics.Breakdown.DISTRICT.name()).forEach(n -> regionNames.put(n.key(), n.name()));
        List<List<Object>> targets = new ArrayList<>();
        for (Statistics.TargetProgress p : statistics.progress(month.getYear(), month.atEndOfMonth())) {
            Indicator indicator = p.target().indicator();
            String region = p.target().regionCode();
            targets.add(Arrays.asList(indicator(indicator),
                    new Coded(region, region + " " + regionNames.getOrDefault(region, "")),
                    String.valueOf(p.target().year()), figure(indicator, p.target().value()),
                    figure(indicator, p.actual()), p.progress().ratio(), p.progress().expectedRatio(),
                    p.progress().onPace() ? "是" : "否"));
        }
        sheets.add(new TableFile.Sheet("目标", TARGET_COLUMNS, targets, null));
        return sheets;
    }

    /** The indicator: its code in the CSV, its Chinese name and unit in the workbook. */
    static Coded indicator(Indicator indicator) {
        return new Coded(indicator.name(), indicator.label() + "(" + indicator.unit() + ")");
    }

    private static Figure figure(Indicator indicator, BigDecimal value) {
        return new Figure(value, indicator.isAmount() ? Column.Format.AMOUNT : Column.Format.COUNT);
    }

    @Transactional(readOnly = true)
    public List<ReportFile> list() {
        return mapper.reports();
    }

    /** A stored report and its bytes; 404 when the month was never generated in that format. */
    @Transactional(readOnly = true)
    public Stored stored(String month, String format) {
        ReportFile file = mapper.report(month, format);
        byte[] content = file == null ? null : store.get(month, format).orElse(null);
        if (content == null) {
            throw new ApiException(ErrorCode.NOT_FOUND);
        }
        return new Stored(file, content);
    }

    public record Stored(ReportFile file, byte[] content) {
    }

    /** Hex SHA-256 of a file, read as a stream. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
