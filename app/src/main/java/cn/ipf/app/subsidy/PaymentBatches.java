package cn.ipf.app.subsidy;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.notification.Notifications;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.export.TableFile;
import cn.ipf.app.shared.export.UploadedTable;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.subsidy.policy.ClaimStatus;
import cn.ipf.app.subsidy.policy.PaymentResultFile;
import cn.ipf.app.subsidy.policy.PaymentResultFile.Outcome;
import cn.ipf.app.subsidy.policy.PaymentResultFile.Result;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 兑付批次 payment batches: the city-approved claims of a programme handed to the agent bank or the treasury as one
 * file, locked in the batch (a claim is in one open batch at most: the line's unique open_claim_id, taken under the
 * claims' row locks), then settled from the bank's result file. A PAID line pays its claim through
 * {@link SubsidyClaims#pay}, as a typed voucher does; a FAILED line keeps the claim CITY_APPROVED with the reason until
 * the SME corrects its account, and a later batch takes it again. A result file that does not match the batch is
 * refused whole ({@link PaymentResultFile}).
 */
@Service
public class PaymentBatches {

    /** A batch with its lines. */
    record BatchDetail(PaymentBatchRow batch, List<PaymentLineRow> lines) {
    }

    static final List<String> SUMMARY_HEADER = List.of("批次号", "补贴项目", "笔数", "总金额(元)", "生成日期");
    static final List<String> LINE_HEADER = List.of("行号", "申报编号", "收款户名", "收款账号", "开户银行", "金额(元)",
            "用途");

    private static final Map<String, String> PURPOSE = Map.of("INTEREST", "知识产权质押贷款贴息", "EVALUATION_FEE",
            "知识产权评估费补贴", "INSURANCE_PREMIUM", "知识产权质押保险费补贴");

    private final PaymentBatchMapper batches;
    private final ClaimMapper claims;
    private final SubsidyClaims payments;
    private final Programmes programmes;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final BusinessCalendar calendar;
    private final Clock clock;

    PaymentBatches(PaymentBatchMapper batches, ClaimMapper claims, SubsidyClaims payments, Programmes programmes,
            AccessPolicy access, AuditTrail audit, Notifications notifications,
            BusinessCalendar calendar, Clock clock) {
        this.batches = batches;
        this.claims = claims;
        this.payments = payments;
        this.programmes = programmes;
        this.access = access;
        this.audit = audit;
        this.notifications = notifications;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The batch's reference on its file and in every message: PB and its id. */
    static String reference(long batchId) {
        return "PB" + batchId;
    }

    /**
     * Makes an open batch of the programme's payable claims, or of exactly the claims named (each must be payable).
     * Claims are locked in id order, so two batch makers never deadlock and the second sees the first's lines.
     */
    @Transactional
    BatchDetail create(long programmeId, List<Long> claimIds) {
        Caller caller = access.caller();
        access.require(caller, Permission.RECORD_SUBSIDY_PAYMENT);
        ProgrammeMapper.ProgrammeRow programme = programmes.find(programmeId);
        if (programme == null) {
            throw new ApiException(ErrorCode.PROGRAMME_NOT_FOUND, programmeId);
        }
        boolean named = claimIds != null;
        List<Long> ids = named ? claimIds.stream().sorted().distinct().toList() : batches.payableClaims(programmeId);
        List<ClaimMapper.ClaimRow> taken = new ArrayList<>();
        for (long id : ids) {
            claims.lockClaim(id);
            ClaimMapper.ClaimRow claim = claims.claim(id);
            ErrorCode refusal = refusal(claim, programmeId);
            if (refusal == null) {
                taken.add(claim);
            } else if (named) {
                throw refusal == ErrorCode.CLAIM_IN_OPEN_BATCH
                        ? new ApiException(refusal, "SC" + id, reference(claim.paymentBatchId()))
                        : new ApiException(refusal, refusal == ErrorCode.CLAIM_NOT_FOUND ? id : "SC" + id);
            }
        }
        if (taken.isEmpty()) {
            throw new ApiException(ErrorCode.NOTHING_TO_PAY, programme.name());
        }
        BigDecimal total = taken.stream().map(ClaimMapper.ClaimRow::totalAmount).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        GeneratedId key = new GeneratedId();
        batches.insertBatch(programmeId, taken.size(), total, caller.userId(), clock.instant(), key);
        long batchId = key.getId();
        for (int i = 0; i < taken.size(); i++) {
            ClaimMapper.ClaimRow c = taken.get(i);
            batches.insertLine(new PaymentLineRow(batchId, i + 1, c.id(), c.kind(), c.accountName(), c.accountNo(),
                    c.accountBank(), c.totalAmount(), purpose(c), null, null, null, null));
        }
        audit.record("PAYMENT_BATCH_CREATED", "PAYMENT_BATCH", batchId, Map.of("programmeId", programmeId,
                "claimCount", taken.size(), "totalAmount", total.toPlainString(), "claims",
                taken.stream().map(c -> "SC" + c.id()).toList()));
        return detail(batchId);
    }

    @Transactional(readOnly = true)
    BatchDetail get(long batchId) {
        access.require(access.caller(), Permission.EXPORT_PAYMENT_ORDERS);
        return detail(batchId);
    }

    /**
     * The file for the bank: a summary table (count and total) and the transfers; the caller deletes it once sent.
     * Not read-only: the export is audited.
     */
    @Transactional
    Path file(long batchId, boolean xlsx) {
        access.require(access.caller(), Permission.EXPORT_PAYMENT_ORDERS);
        BatchDetail d = detail(batchId);
        PaymentBatchRow b = d.batch();
        List<List<Object>> summary = List.of(Arrays.asList(reference(b.id()), programmes.find(b.programmeId())
                .name(), String.valueOf(b.claimCount()), b.totalAmount(),
                calendar.dateOf(b.createdAt()).toString()));
        List<List<Object>> lines = d.lines().stream().map(l -> Arrays.<Object>asList(String.valueOf(l.lineNo()),
                "SC" + l.claimId(), l.payeeName(), l.accountNo(), l.accountBank(), l.amount(), l.purpose())).toList();
        Path file = TableFile.write(xlsx, List.of(new TableFile.Sheet("批次汇总", SUMMARY_HEADER, summary),
                new TableFile.Sheet("付款明细", LINE_HEADER, lines)));
        audit.record("PAYMENT_BATCH_FILE_EXPORTED", "PAYMENT_BATCH", batchId, Map.of("format", xlsx ? "xlsx"
                : "csv"));
        return file;
    }

    /**
     * Settles an open batch from the bank's result file, all or nothing: a file that does not match is refused with
     * every problem and nothing written.
     */
    @Transactional
    BatchDetail importResult(long batchId, byte[] file, boolean xlsx) {
        Caller caller = access.caller();
        access.require(caller, Permission.RECORD_SUBSIDY_PAYMENT);
        if (batches.lockBatch(batchId) == null) {
            throw new ApiException(ErrorCode.PAYMENT_BATCH_NOT_FOUND, reference(batchId));
        }
        BatchDetail d = detail(batchId);
        if (!"OPEN".equals(d.batch().status())) {
            throw new ApiException(ErrorCode.PAYMENT_BATCH_SETTLED, reference(batchId));
        }
        List<PaymentResultFile.Sent> sent = d.lines().stream().map(l -> new PaymentResultFile.Sent(l.lineNo(),
                "SC" + l.claimId(), l.amount())).toList();
        PaymentResultFile.Check check = UploadedTable.read(file, xlsx)
                .map(table -> PaymentResultFile.check(sent, d.batch().totalAmount(), table.lines(),
                        calendar.dateOf(d.batch().createdAt()), calendar.today()))
                .orElseGet(() -> new PaymentResultFile.Check(List.of(new PaymentResultFile.Problem(1, null,
                        "FILE_UNREADABLE", "文件无法读取（应为 UTF-8 CSV 或 XLSX）",
                        "the file cannot be read (UTF-8 CSV or XLSX expected)")), List.of(), BigDecimal.ZERO,
                        BigDecimal.ZERO));
        if (!check.accepted()) {
            throw new ApiException(ErrorCode.PAYMENT_RESULT_MISMATCH, reference(batchId))
                    .with("problems", check.problems());
        }
        Map<Integer, PaymentLineRow> byLine = new LinkedHashMap<>();
        d.lines().forEach(l -> byLine.put(l.lineNo(), l));
        int paid = 0;
        for (Outcome o : check.outcomes()) {
            PaymentLineRow line = byLine.get(o.lineNo());
            claims.lockClaim(line.claimId());
            ClaimMapper.ClaimRow claim = claims.claim(line.claimId());
            batches.recordResult(batchId, o.lineNo(), o.result().name(), o.valueDate(), o.bankReference(),
                    o.failureReason());
            if (o.result() == Result.PAID) {
                payments.pay(claim, o.bankReference(), o.valueDate(), caller.userId());
                paid++;
            } else {
                batches.markFailed(claim.id(), o.failureReason(), calendar.today(), clock.instant());
                audit.record("SUBSIDY_CLAIM_PAYMENT_FAILED", "SUBSIDY_CLAIM", claim.id(), Map.of("batch",
                        reference(batchId), "reason", o.failureReason(), "amount",
                        line.amount().toPlainString()));
                notifications.subsidyPaymentFailed(claim.enterpriseId(), claim.id(), o.failureReason());
            }
        }
        String sha256 = sha256(file);
        int failed = check.outcomes().size() - paid;
        batches.settle(batchId, paid, check.paid(), failed, check.failed(), sha256, caller.userId(),
                clock.instant());
        batches.closeLines(batchId);
        audit.record("PAYMENT_BATCH_SETTLED", "PAYMENT_BATCH", batchId, Map.of("paidCount", paid, "paidAmount",
                check.paid().toPlainString(), "failedCount", failed, "failedAmount", check.failed().toPlainString(),
                "resultSha256", sha256));
        return detail(batchId);
    }

    /** Why a claim cannot go into a batch now, or null when it can. */
    private static ErrorCode refusal(ClaimMapper.ClaimRow claim, long programmeId) {
        if (claim == null || claim.programmeId() != programmeId) {
            return ErrorCode.CLAIM_NOT_FOUND;
        }
        if (claim.paymentBatchId() != null) {
            return ErrorCode.CLAIM_IN_OPEN_BATCH;
        }
        if (ClaimStatus.valueOf(claim.status()) != ClaimStatus.CITY_APPROVED || claim.paymentFailureReason() != null
                || claim.accountNo() == null) {
            return ErrorCode.CLAIM_NOT_PAYABLE;
        }
        return null;
    }

    private static String purpose(ClaimMapper.ClaimRow c) {
        String purpose = PURPOSE.get(c.kind()) + (c.period() == null ? "" : " " + c.period()) + " SC" + c.id();
        return purpose.length() > 200 ? purpose.substring(0, 200) : purpose;
    }

    private BatchDetail detail(long batchId) {
        PaymentBatchRow batch = batches.batch(batchId);
        if (batch == null) {
            throw new ApiException(ErrorCode.PAYMENT_BATCH_NOT_FOUND, reference(batchId));
        }
        return new BatchDetail(batch, batches.lines(batchId));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
