package cn.ipf.app.regulator;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.regulator.StatisticsMapper.ReportFile;
import cn.ipf.app.security.Actor;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.export.TableFile;
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

    static final List<String> BREAKDOWN_HEADER = List.of("分组", "名称", "指标", "本期", "上年同期", "同比");
    static final List<String> TARGET_HEADER = List.of("指标", "区域", "年度", "目标", "实际", "完成率", "序时进度",
            "达到序时进度");
    private static final Map<Statistics.Breakdown, String> SHEETS = Map.of(Statistics.Breakdown.TOTAL, "合计",
            Statistics.Breakdown.DISTRICT, "区县", Statistics.Breakdown.BANK, "银行", Statistics.Breakdown.INDUSTRY,
            "行业");

    private final Statistics statistics;
    private final StatisticsMapper mapper;
    private final AuditTrail audit;
    private final Clock clock;
    private final ReportFileStore store;

    MonthlyReportFiles(Statistics statistics, StatisticsMapper mapper, AuditTrail audit, Clock clock,
            ReportFileStore store) {
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
        Map<String, Object> audited = new LinkedHashMap<>();
        for (boolean xlsx : new boolean[] {true, false}) {
            String format = xlsx ? "xlsx" : "csv";
            Path written = TableFile.write(xlsx, sheets);
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

    /** The sheets of a month's report, rows in a fixed order (groups by key, indicators in their order). */
    List<TableFile.Sheet> sheets(YearMonth month) {
        List<TableFile.Sheet> sheets = new ArrayList<>();
        for (Statistics.Breakdown breakdown : Statistics.Breakdown.values()) {
            Statistics.Report report = statistics.report(month.toString(), breakdown, null);
            List<List<Object>> rows = new ArrayList<>();
            for (Statistics.Row row : report.rows()) {
                for (Statistics.Value v : row.values()) {
                    rows.add(Arrays.asList(row.key(), row.name(), v.indicator().name(), v.value(), v.previous(),
                            v.yoyChange()));
                }
            }
            sheets.add(new TableFile.Sheet(SHEETS.get(breakdown), BREAKDOWN_HEADER, rows));
        }
        List<List<Object>> targets = new ArrayList<>();
        for (Statistics.TargetProgress p : statistics.progress(month.getYear(), month.atEndOfMonth())) {
            targets.add(Arrays.asList(p.target().indicator().name(), p.target().regionCode(),
                    String.valueOf(p.target().year()), p.target().value(), p.actual(), p.progress().ratio(),
                    p.progress().expectedRatio(), p.progress().onPace() ? "是" : "否"));
        }
        sheets.add(new TableFile.Sheet("目标", TARGET_HEADER, targets));
        return sheets;
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
