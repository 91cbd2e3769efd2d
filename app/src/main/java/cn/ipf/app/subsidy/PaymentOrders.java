package cn.ipf.app.subsidy;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.region.Region;
import cn.ipf.app.region.RegionMapper;
import cn.ipf.app.shared.export.Caption;
import cn.ipf.app.shared.export.CodeNames;
import cn.ipf.app.shared.export.Column;
import cn.ipf.app.shared.export.TableFile;
import cn.ipf.app.shared.export.Totals;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.subsidy.policy.ClaimStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.ibatis.cursor.Cursor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 支付清单 the treasury's payment orders of a programme: one row per claim that has one — city-approved (awaiting
 * payment) and paid, or one of the two; 在途批次 names the open payment batch that already holds a claim, so nobody pays
 * it a second time by hand — written row by row from a streaming cursor into a temporary file, so memory stays bounded
 * whatever the number of claims. The workbook is a report to hand on (the programme, its region and period, Chinese
 * names, amounts with thousands separators, a 合计 row); the CSV keeps the codes (kind, status) and plain amounts for
 * the treasury's system, after one comment line starting with #.
 */
@Service
public class PaymentOrders {

    static final String TITLE = "知识产权质押融资补贴支付清单";
    static final List<Column> COLUMNS = List.of(Column.text("申报编号", 12), Column.text("补贴项目", 24),
            Column.text("补贴类型", 12), Column.text("企业名称", 28), Column.text("统一社会信用代码", 22),
            Column.text("所属区县", 16), Column.text("收款户名", 28), Column.text("开户银行", 22),
            Column.text("收款账号", 24), Column.amount("金额(元)"), Column.text("市级审核日期", 14),
            Column.text("支付凭证号", 16), Column.text("支付日期", 12), Column.text("状态", 10),
            Column.text("在途批次", 10));

    /** The claims a payment order is made for: awaiting payment, then paid. */
    static final List<ClaimStatus> WITH_ORDER = List.of(ClaimStatus.CITY_APPROVED, ClaimStatus.PAID);

    private final ClaimMapper claims;
    private final Programmes programmes;
    private final AccessPolicy access;
    private final RegionMapper regions;
    private final CodeNames names;
    private final BusinessCalendar calendar;

    PaymentOrders(ClaimMapper claims, Programmes programmes, AccessPolicy access, RegionMapper regions,
            CodeNames names, BusinessCalendar calendar) {
        this.claims = claims;
        this.programmes = programmes;
        this.access = access;
        this.regions = regions;
        this.names = names;
        this.calendar = calendar;
    }

    /** Writes the file of the claims in the statuses and answers its path; the caller deletes it once sent. */
    @Transactional(readOnly = true)
    Path export(long programmeId, List<ClaimStatus> statuses, boolean xlsx) {
        access.require(access.caller(), Permission.EXPORT_PAYMENT_ORDERS);
        ProgrammeMapper.ProgrammeRow programme = programmes.get(programmeId).row();
        Region region = regions.find(programme.regionCode());
        Caption caption = new Caption(TITLE + "：" + programme.name(), region == null ? programme.regionCode()
                : region.name(), programme.periodStart() + " 至 " + programme.periodEnd(), "元", calendar.now(),
                calendar.today());
        // the sheet says which claims it lists
        String sheet = statuses.size() > 1 ? "支付清单" : statuses.get(0) == ClaimStatus.PAID ? "已兑付" : "待兑付";
        try (Cursor<ClaimMapper.PaymentOrderRow> rows = claims.paymentOrders(programmeId,
                statuses.stream().map(ClaimStatus::name).toList())) {
            Iterable<List<Object>> lines = () -> StreamSupport.stream(rows.spliterator(), false)
                    .map(this::cells).iterator();
            return TableFile.write(xlsx, caption, List.of(new TableFile.Sheet(sheet, COLUMNS, lines,
                    Totals.grand("笔"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One order; the amount stays a number, so the treasury can sum it in the XLSX. */
    private List<Object> cells(ClaimMapper.PaymentOrderRow r) {
        return Arrays.asList("SC" + r.claimId(), r.programmeName(), names.coded("subsidy.kind.", r.kind()),
                r.enterpriseName(), r.uscc(), r.districtCode() + " " + r.districtName(), r.accountName(),
                r.accountBank(), r.accountNo(), r.totalAmount(),
                r.cityApprovedAt() == null ? null : calendar.dateOf(r.cityApprovedAt()).toString(),
                r.voucherNo(), r.paidOn() == null ? null : r.paidOn().toString(),
                names.coded("subsidy.status.", r.status()),
                r.openBatchId() == null ? null : PaymentBatches.reference(r.openBatchId()));
    }
}
