package cn.ipf.app.regulator;

import cn.ipf.api.model.BankScorecard;
import cn.ipf.app.loan.BankScorecards;
import cn.ipf.app.loan.ScorecardViews;
import java.time.YearMonth;
import cn.ipf.api.model.ExportFormat;
import cn.ipf.api.model.IndicatorValue;
import cn.ipf.api.model.StatisticsBreakdown;
import cn.ipf.api.model.StatisticsIndicator;
import cn.ipf.api.model.StatisticsReport;
import cn.ipf.api.model.StatisticsReportFile;
import cn.ipf.api.model.StatisticsRow;
import cn.ipf.api.model.StatisticsTarget;
import cn.ipf.api.model.StatisticsTargetForm;
import cn.ipf.api.model.TargetProgress;
import cn.ipf.api.server.AdminStatisticsTargetsApi;
import cn.ipf.api.server.RegulatorStatisticsApi;
import cn.ipf.app.regulator.policy.Indicator;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.web.Downloads;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Regulators' statistics, target progress and monthly report files; admins maintain the targets. */
@RestController
class RegulatorStatisticsController implements RegulatorStatisticsApi, AdminStatisticsTargetsApi {

    private final Statistics statistics;
    private final MonthlyReportFiles reports;
    private final BankScorecards scorecards;

    RegulatorStatisticsController(Statistics statistics, MonthlyReportFiles reports, BankScorecards scorecards) {
        this.scorecards = scorecards;
        this.statistics = statistics;
        this.reports = reports;
    }

    @Override
    public ResponseEntity<List<StatisticsReportFile>> listStatisticsReports() {
        return ResponseEntity.ok(reports.list().stream().map(f -> new StatisticsReportFile().month(f.month())
                .format(ExportFormat.fromValue(f.format())).fileName(f.fileName()).sizeBytes(f.sizeBytes())
                .sha256(f.sha256()).generatedAt(f.generatedAt().atOffset(ZoneOffset.UTC))
                .generation(f.generation())).toList());
    }

    @Override
    public ResponseEntity<Resource> downloadStatisticsReport(String month, ExportFormat format) {
        MonthlyReportFiles.Stored stored = reports.stored(month, format.getValue());
        return ResponseEntity.ok()
                .contentType(Downloads.mediaType(format == ExportFormat.XLSX))
                .contentLength(stored.content().length)
                .header("X-Content-SHA256", stored.file().sha256())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(stored.file().fileName()).build().toString())
                .body(new ByteArrayResource(stored.content()));
    }

    @Override
    public ResponseEntity<StatisticsReport> getStatistics(String period, StatisticsBreakdown breakdown,
            String regionCode) {
        Statistics.Report r = statistics.report(period, breakdown == null ? Statistics.Breakdown.TOTAL
                : Statistics.Breakdown.valueOf(breakdown.getValue()), regionCode);
        return ResponseEntity.ok(new StatisticsReport()
                .period(r.period().code()).from(r.period().start()).to(r.period().end())
                .previousFrom(r.previous().start()).previousTo(r.previous().end())
                .breakdown(StatisticsBreakdown.fromValue(r.breakdown().name())).regionCode(r.regionCode())
                .rows(r.rows().stream().map(row -> new StatisticsRow().key(row.key()).name(row.name())
                        .indicators(row.values().stream().map(v -> new IndicatorValue()
                                .indicator(indicator(v.indicator())).value(v.value()).previousValue(v.previous())
                                .yoyChange(v.yoyChange())).toList())).toList()));
    }

    @Override
    public ResponseEntity<List<StatisticsTarget>> listStatisticsTargets(Integer year) {
        return ResponseEntity.ok(statistics.targets(year).stream().map(RegulatorStatisticsController::target)
                .toList());
    }

    @Override
    public ResponseEntity<List<TargetProgress>> getTargetProgress(Integer year, LocalDate asOf) {
        return ResponseEntity.ok(statistics.progress(year, asOf).stream().map(p -> new TargetProgress()
                .indicator(indicator(p.target().indicator())).regionCode(p.target().regionCode())
                .year(p.target().year()).target(p.target().value()).actual(p.actual()).asOf(p.asOf())
                .ratio(p.progress().ratio()).expectedRatio(p.progress().expectedRatio())
                .onPace(p.progress().onPace())).toList());
    }

    @Override
    public ResponseEntity<StatisticsTarget> getStatisticsTarget(Integer year, String regionCode,
            StatisticsIndicator indicator) {
        return ResponseEntity.ok(target(statistics.targets(year).stream()
                .filter(t -> t.regionCode().equals(regionCode) && t.indicator().name().equals(indicator.getValue()))
                .findFirst().orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND))));
    }

    @Override
    public ResponseEntity<StatisticsTarget> putStatisticsTarget(Integer year, String regionCode,
            StatisticsIndicator indicator, StatisticsTargetForm form) {
        return ResponseEntity.ok(target(statistics.setTarget(year, regionCode,
                Indicator.valueOf(indicator.getValue()), form.getTarget())));
    }

    private static StatisticsTarget target(Statistics.Target t) {
        return new StatisticsTarget().indicator(indicator(t.indicator())).regionCode(t.regionCode()).year(t.year())
                .target(t.value());
    }

    private static StatisticsIndicator indicator(Indicator i) {
        return StatisticsIndicator.fromValue(i.name());
    }

    @Override
    public ResponseEntity<List<BankScorecard>> listBankScorecards(String month) {
        return ResponseEntity.ok(scorecards.all(YearMonth.parse(month)).stream().map(ScorecardViews::view).toList());
    }
}
