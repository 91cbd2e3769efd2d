package cn.ipf.app.subsidy;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.shared.export.TableFile;
import cn.ipf.app.subsidy.policy.ClaimStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.ibatis.cursor.Cursor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 支付清单 the treasury's payment orders of a programme: one row per claim that has one — city-approved (awaiting
 * payment) and paid, or one of the two; 在途批次 names the open payment batch that already holds a claim, so nobody pays
 * it a second time by hand — written row by row from a streaming cursor into a temporary file, so memory stays bounded whatever the
 * number of claims. CSV is RFC 4180 UTF-8 with a byte-order mark (for Excel); XLSX is written by fastexcel, flushed
 * every 1 000 rows.
 */
@Service
public class PaymentOrders {

    static final List<String> HEADER = List.of("申报编号", "补贴项目", "补贴类型", "企业名称", "统一社会信用代码",
            "所属区县", "收款户名", "开户银行", "收款账号", "金额(元)", "市级审核日期", "支付凭证号", "支付日期", "状态",
            "在途批次");

    /** The claims a payment order is made for: awaiting payment, then paid. */
    static final List<ClaimStatus> WITH_ORDER = List.of(ClaimStatus.CITY_APPROVED, ClaimStatus.PAID);

    private final ClaimMapper claims;
    private final Programmes programmes;
    private final AccessPolicy access;
    private final ZoneId zone;

    PaymentOrders(ClaimMapper claims, Programmes programmes, AccessPolicy access,
            ZoneId zone) {
        this.claims = claims;
        this.programmes = programmes;
        this.access = access;
        this.zone = zone;
    }

    /** Writes the file of the claims in the statuses and answers its path; the caller deletes it once sent. */
    @Transactional(readOnly = true)
    Path export(long programmeId, List<ClaimStatus> statuses, boolean xlsx) {
        access.require(access.caller(), Permission.EXPORT_PAYMENT_ORDERS);
        programmes.get(programmeId);
        try (Cursor<ClaimMapper.PaymentOrderRow> rows = claims.paymentOrders(programmeId,
                statuses.stream().map(ClaimStatus::name).toList())) {
            Iterable<List<Object>> lines = () -> StreamSupport.stream(rows.spliterator(), false)
                    .map(this::cells).iterator();
            return TableFile.write(xlsx, "支付清单", HEADER, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One order; the amount stays a number, so the treasury can sum it in the XLSX. */
    private List<Object> cells(ClaimMapper.PaymentOrderRow r) {
        return Arrays.asList("SC" + r.claimId(), r.programmeName(), r.kind(), r.enterpriseName(), r.uscc(),
                r.districtCode() + " " + r.districtName(), r.accountName(), r.accountBank(), r.accountNo(),
                r.totalAmount(),
                r.cityApprovedAt() == null ? null : LocalDate.ofInstant(r.cityApprovedAt(), zone).toString(),
                r.voucherNo(), r.paidOn() == null ? null : r.paidOn().toString(), r.status(),
                r.openBatchId() == null ? null : PaymentBatches.reference(r.openBatchId()));
    }
}
