package cn.ipf.app.library;

import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.access.Caller;
import cn.ipf.app.library.policy.AdmissionStatus;
import cn.ipf.app.library.policy.Sector;
import cn.ipf.app.library.policy.SizeClassifier;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.export.Csv;
import cn.ipf.app.shared.time.BusinessCalendar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.cursor.Cursor;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 择优推荐 the city's recommendation of admitted enterprises to the provincial library, and its export. */
@Service
public class RecommendationService {

    static final List<String> HEADER = List.of("统一社会信用代码", "企业名称", "所属区县", "行业代码", "企业规模",
            "有效发明专利数", "高价值专利数", "融资需求金额(元)", "入库评分", "入库日期");

    private final EnterpriseMapper enterprises;
    private final LibraryAccess access;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RecommendationService(EnterpriseMapper enterprises, LibraryAccess access, AuditTrail audit,
            BusinessCalendar calendar, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
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

    /** The export's rows as text cells, in the order of {@link #HEADER}. */
    @Transactional(readOnly = true)
    List<List<String>> rows() {
        access.require(access.caller(), Permission.READ_RECOMMENDATIONS);
        List<List<String>> rows = new ArrayList<>();
        try (Cursor<EnterpriseMapper.ExportRow> cursor = enterprises.recommended(calendar.today())) {
            for (EnterpriseMapper.ExportRow r : cursor) {
                rows.add(List.of(r.uscc(), r.name(), r.districtCode() + " " + r.districtName(), r.industryCode(),
                        SizeClassifier.classify(Sector.of(r.industryCode()), r.employees(), r.annualRevenue(),
                                r.totalAssets()).name(),
                        Integer.toString(r.validInventions()), Integer.toString(r.highValuePatents()),
                        r.demandAmount() == null ? "" : r.demandAmount().toPlainString(),
                        r.score() == null ? "" : r.score().toString(),
                        r.admittedOn() == null ? "" : r.admittedOn().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** RFC 4180 CSV in UTF-8 with a byte-order mark, which Excel needs to read Chinese correctly. */
    static byte[] csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder().append(Csv.BOM);
        try {
            Csv.line(out, HEADER);
            for (List<String> row : rows) {
                Csv.line(out, row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeXlsx(bytes, rows);
        return bytes.toByteArray();
    }

    private static void writeXlsx(OutputStream out, List<List<String>> rows) {
        try {
            Workbook workbook = new Workbook(out, "IPF", "1.0");
            Worksheet sheet = workbook.newWorksheet("推荐企业");
            for (int c = 0; c < HEADER.size(); c++) {
                sheet.value(0, c, HEADER.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    // counts and the score are numbers in the sheet; codes and amounts stay text (exact digits)
                    if (c == 5 || c == 6 || c == 8) {
                        if (!row.get(c).isEmpty()) {
                            sheet.value(r + 1, c, Integer.parseInt(row.get(c)));
                        }
                    } else {
                        sheet.value(r + 1, c, row.get(c));
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
