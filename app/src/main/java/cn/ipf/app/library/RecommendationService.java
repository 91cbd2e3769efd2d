package cn.ipf.app.library;

import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.access.Caller;
import cn.ipf.app.library.policy.AdmissionStatus;
import cn.ipf.app.library.policy.Sector;
import cn.ipf.app.library.policy.SizeClass;
import cn.ipf.app.library.policy.SizeClassifier;
import cn.ipf.app.region.Region;
import cn.ipf.app.region.RegionMapper;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.export.Caption;
import cn.ipf.app.shared.export.CodeNames;
import cn.ipf.app.shared.export.Column;
import cn.ipf.app.shared.export.TableFile;
import cn.ipf.app.shared.export.Totals;
import cn.ipf.app.shared.time.BusinessCalendar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.ibatis.cursor.Cursor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 择优推荐 the city's recommendation of admitted enterprises to the provincial library, and its export. */
@Service
public class RecommendationService {

    static final String TITLE = "知识产权质押融资择优推荐企业名单";
    static final List<Column> COLUMNS = List.of(Column.text("统一社会信用代码", 22), Column.text("企业名称", 30),
            Column.text("所属区县", 16), Column.text("行业代码", 10), Column.text("企业规模", 12),
            Column.count("有效发明专利数"), Column.count("高价值专利数"), Column.amount("融资需求金额(元)"),
            Column.text("入库评分", 10), Column.text("入库日期", 12));

    private final EnterpriseMapper enterprises;
    private final LibraryAccess access;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final RegionMapper regions;
    private final CodeNames names;

    RecommendationService(EnterpriseMapper enterprises, LibraryAccess access, AuditTrail audit,
            BusinessCalendar calendar, Clock clock, ApplicationEventPublisher events, RegionMapper regions,
            CodeNames names) {
        this.events = events;
        this.regions = regions;
        this.names = names;
        this.enterprises = enterprises;
        this.access = access;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional
    void recommend(long enterpriseId) {
        Caller caller = access.caller();
        access.require(caller, Permission.RECOMMEND_ENTERPRISE);
        access.visible(caller, enterpriseId);
        AdmissionStatus status = AdmissionStatus.valueOf(enterprises.lockEntry(enterpriseId).status());
        if (status != AdmissionStatus.ADMITTED) {
            throw new ApiException(ErrorCode.NOT_ADMITTED, status).with("currentState", status.name());
        }
        if (!enterprises.find(enterpriseId).recommended()) {
            enterprises.markRecommended(enterpriseId, clock.instant());
            audit.record("LIBRARY_RECOMMENDED", "ENTERPRISE", enterpriseId, Map.of());
            events.publishEvent(new AdmissionChanged(enterpriseId));
        }
    }

    /**
     * Writes the list and answers its path; the caller deletes it once sent. Streamed from the database cursor. The
     * workbook is a report to hand on (Chinese size names, thousands separators, a 合计 of the patents and the
     * demand); the CSV keeps the size codes and plain numbers after one comment line starting with #.
     */
    @Transactional(readOnly = true)
    Path export(boolean xlsx) {
        access.require(access.caller(), Permission.READ_RECOMMENDATIONS);
        LocalDate today = calendar.today();
        String region = regions.findAll().stream().filter(r -> r.parentCode() == null).map(Region::name)
                .reduce((a, b) -> a + "、" + b).orElse("全辖");
        Caption caption = new Caption(TITLE, region, "截至 " + today, "元（专利数：件）", calendar.now(), today);
        try (Cursor<EnterpriseMapper.ExportRow> cursor = enterprises.recommended(today)) {
            Iterable<List<Object>> rows = () -> StreamSupport.stream(cursor.spliterator(), false)
                    .map(this::cells).iterator();
            return TableFile.write(xlsx, caption, List.of(new TableFile.Sheet("推荐企业", COLUMNS, rows,
                    Totals.grand("家"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Object> cells(EnterpriseMapper.ExportRow r) {
        SizeClass size = SizeClassifier.classify(Sector.of(r.industryCode()), r.employees(), r.annualRevenue(),
                r.totalAssets());
        return Arrays.asList(r.uscc(), r.name(), r.districtCode() + " " + r.districtName(), r.industryCode(),
                names.coded("library.size.", size.name()), r.validInventions(), r.highValuePatents(),
                r.demandAmount(), r.score(), r.admittedOn() == null ? null : r.admittedOn().toString());
    }
}
