package cn.ipf.app.subsidy;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.region.Region;
import cn.ipf.app.region.RegionMapper;
import cn.ipf.app.shared.export.Caption;
import cn.ipf.app.shared.export.Column;
import cn.ipf.app.shared.export.TableFile;
import cn.ipf.app.shared.export.Totals;
import cn.ipf.app.shared.export.UploadedTable;
import cn.ipf.app.shared.payment.PayoutCandidate;
import cn.ipf.app.shared.payment.PayoutSource;
import cn.ipf.app.shared.payment.PayoutType;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.subsidy.policy.PaymentBatchStatus;
import cn.ipf.app.subsidy.policy.PaymentResultFile;
import cn.ipf.app.subsidy.policy.PaymentResultFile.Outcome;
import cn.ipf.app.subsidy.policy.PaymentResultFile.Result;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 兑付批次 payment batches, one mechanism for every payout: interest and fee subsidy claims of a subsidy programme and
 * compensation payouts of a compensation programme (each kind a {@link PayoutSource} of its feature) handed to the
 * agent bank or the treasury as one file, locked in the batch (a claim is in one open batch at most: the line's
 * unique open claim id, taken under the claims' row locks), then settled from the bank's result file or cancelled.
 * A PAID line pays its claim through its source (a compensation payout's ledger entries are posted then, not
 * before); a FAILED line leaves the claim unpaid with the reason, re-issued in a later batch once its account is
 * corrected and re-reviewed, or as sent when the reason allows it ({@link PaymentResultFile#retryAllowed}). A result
 * file that does not match the batch is refused whole.
 */
@Service
public class PaymentBatches {

    /** A batch with its lines. */
    record BatchDetail(PaymentBatchRow batch, List<PaymentLineRow> lines) {
    }

    /** What a new batch takes: per kind of payout, a programme and optionally exactly the claims named. */
    record Selection(Long programmeId, List<Long> claimIds, Long compensationProgrammeId,
            List<Long> compensationClaimIds) {
    }

    static final List<Column> SUMMARY_COLUMNS = List.of(Column.text("批次号", 10), Column.text("补贴项目", 40),
            Column.count("笔数"), Column.amount("总金额(元)"), Column.text("生成日期", 12));
    static final List<Column> LINE_COLUMNS = List.of(Column.text("行号", 6), Column.text("申报编号", 12),
            Column.text("收款户名", 28), Column.text("收款账号", 24), Column.text("开户银行", 24),
            Column.amount("金额(元)"), Column.text("用途", 40));

    private final PaymentBatchMapper batches;
    private final Map<PayoutType, PayoutSource> sources = new EnumMap<>(PayoutType.class);
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final RegionMapper regions;

    PaymentBatches(PaymentBatchMapper batches, List<PayoutSource> sources, AccessPolicy access, AuditTrail audit,
            BusinessCalendar calendar, Clock clock, RegionMapper regions) {
        this.batches = batches;
        this.regions = regions;
        sources.forEach(s -> this.sources.put(s.type(), s));
        this.access = access;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The batch's reference on its file and in every message: PB and its id. */
    static String reference(long batchId) {
        return "PB" + batchId;
    }

    /**
     * Makes an open batch of the programmes' payable claims, or of exactly the claims named (each must be payable).
     * Claims are locked kind by kind in id order, so two batch makers never deadlock and the second sees the first's
     * lines.
     */
    @Transactional
    BatchDetail create(Selection selection) {
        Caller caller = access.caller();
        access.require(caller, Permission.RECORD_SUBSIDY_PAYMENT);
        if (selection.programmeId() == null && selection.compensationProgrammeId() == null
                || selection.programmeId() == null && selection.claimIds() != null
                || selection.compensationProgrammeId() == null && selection.compensationClaimIds() != null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, List.of(new FieldViolation("programmeId",
                    "give programmeId, compensationProgrammeId or both; claim ids only with their programme")));
        }
        List<String> names = new ArrayList<>();
        List<Taken> taken = new ArrayList<>();
        take(PayoutType.SUBSIDY, selection.programmeId(), selection.claimIds(), names, taken);
        take(PayoutType.COMPENSATION, selection.compensationProgrammeId(), selection.compensationClaimIds(), names,
                taken);
        if (taken.isEmpty()) {
            throw new ApiException(ErrorCode.NOTHING_TO_PAY, String.join(" / ", names));
        }
        BigDecimal total = taken.stream().map(t -> t.candidate().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        GeneratedId key = new GeneratedId();
        batches.insertBatch(selection.programmeId(), selection.compensationProgrammeId(), taken.size(), total,
                caller.userId(), clock.instant(), key);
        long batchId = key.getId();
        for (int i = 0; i < taken.size(); i++) {
            PayoutCandidate c = taken.get(i).candidate();
            boolean subsidy = taken.get(i).type() == PayoutType.SUBSIDY;
            batches.insertLine(new PaymentLineRow(batchId, i + 1, subsidy ? c.claimId() : null,
                    subsidy ? null : c.claimId(), c.kind(), c.payeeName(), c.accountNo(), c.accountBank(),
                    c.amount(), c.purpose(), null, null, null, null));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("programmeId", Objects.requireNonNullElse(selection.programmeId(), ""));
        details.put("compensationProgrammeId", Objects.requireNonNullElse(selection.compensationProgrammeId(), ""));
        details.put("claimCount", taken.size());
        details.put("totalAmount", total.toPlainString());
        details.put("claims", taken.stream().map(t -> t.type().reference(t.candidate().claimId())).toList());
        audit.record("PAYMENT_BATCH_CREATED", "PAYMENT_BATCH", batchId, details);
        return detail(batchId);
    }

    private record Taken(PayoutType type, PayoutCandidate candidate) {
    }

    /** Locks and takes the claims of one kind; a named claim that cannot go is refused with the whole request. */
    private void take(PayoutType type, Long programmeId, List<Long> claimIds, List<String> names, List<Taken> into) {
        if (programmeId == null) {
            return;
        }
        PayoutSource source = sources.get(type);
        String name = source.programmeName(programmeId);
        if (name == null) {
            throw new ApiException(type == PayoutType.SUBSIDY ? ErrorCode.PROGRAMME_NOT_FOUND
                    : ErrorCode.COMPENSATION_PROGRAMME_NOT_FOUND, programmeId);
        }
        names.add(name);
        boolean named = claimIds != null;
        List<Long> ids = named ? claimIds.stream().sorted().distinct().toList() : source.payable(programmeId);
        for (long id : ids) {
            PayoutCandidate c = source.lock(id, programmeId);
            if (c.refusal() == null) {
                into.add(new Taken(type, c));
            } else if (named) {
                throw switch (c.refusal()) {
                    case NOT_FOUND -> new ApiException(type == PayoutType.SUBSIDY ? ErrorCode.CLAIM_NOT_FOUND
                            : ErrorCode.COMPENSATION_CLAIM_NOT_FOUND, id);
                    case IN_OPEN_BATCH -> new ApiException(ErrorCode.CLAIM_IN_OPEN_BATCH, type.reference(id),
                            reference(c.openBatchId()));
                    case NOT_PAYABLE -> new ApiException(ErrorCode.CLAIM_NOT_PAYABLE, type.reference(id));
                };
            }
        }
    }

    @Transactional(readOnly = true)
    BatchDetail get(long batchId) {
        access.require(access.caller(), Permission.EXPORT_PAYMENT_ORDERS);
        return detail(batchId);
    }

    /**
     * The file for the bank: a summary table (count and total) and the transfers with their 合计, under a caption
     * (the batch, the programmes' region, the day it was made); the caller deletes it once sent. Account numbers and
     * references are text cells; the CSV starts with one comment line (#). Not read-only: the export is audited.
     */
    @Transactional
    Path file(long batchId, boolean xlsx) {
        access.require(access.caller(), Permission.EXPORT_PAYMENT_ORDERS);
        BatchDetail d = detail(batchId);
        PaymentBatchRow b = d.batch();
        String programmes = Stream.of(programmeName(PayoutType.SUBSIDY, b.programmeId()),
                programmeName(PayoutType.COMPENSATION, b.compensationProgrammeId())).filter(Objects::nonNull)
                .reduce((x, y) -> x + " / " + y).orElse("");
        String region = Stream.of(programmeRegion(PayoutType.SUBSIDY, b.programmeId()),
                programmeRegion(PayoutType.COMPENSATION, b.compensationProgrammeId())).filter(Objects::nonNull)
                .distinct().reduce((x, y) -> x + "、" + y).orElse("全辖");
        LocalDate day = calendar.dateOf(b.createdAt());
        List<List<Object>> summary = List.of(Arrays.asList(reference(b.id()), programmes, b.claimCount(),
                b.totalAmount(), day.toString()));
        List<List<Object>> lines = d.lines().stream().map(l -> Arrays.<Object>asList(String.valueOf(l.lineNo()),
                l.claimReference(), l.payeeName(), l.accountNo(), l.accountBank(), l.amount(), l.purpose())).toList();
        Caption caption = new Caption("兑付批次付款文件 " + reference(b.id()), region, "批次生成日 " + day, "元",
                calendar.now(), day);
        Path file = TableFile.write(xlsx, caption, List.of(new TableFile.Sheet("批次汇总", SUMMARY_COLUMNS, summary,
                null), new TableFile.Sheet("付款明细", LINE_COLUMNS, lines, Totals.grand("笔"))));
        audit.record("PAYMENT_BATCH_FILE_EXPORTED", "PAYMENT_BATCH", batchId, Map.of("format", xlsx ? "xlsx"
                : "csv"));
        return file;
    }

    /** The name of the programme's region, for the file's caption; null without a programme of that kind. */
    private String programmeRegion(PayoutType type, Long programmeId) {
        String code = programmeId == null ? null : sources.get(type).programmeRegion(programmeId);
        Region region = code == null ? null : regions.find(code);
        return region == null ? code : region.name();
    }

    private String programmeName(PayoutType type, Long programmeId) {
        return programmeId == null ? null : sources.get(type).programmeName(programmeId);
    }

    /**
     * Settles an open batch from the bank's result file, all or nothing: a file that does not match is refused with
     * every problem and nothing written.
     */
    @Transactional
    BatchDetail importResult(long batchId, byte[] file, boolean xlsx) {
        Caller caller = access.caller();
        access.require(caller, Permission.RECORD_SUBSIDY_PAYMENT);
        BatchDetail d = open(batchId, PaymentBatchStatus.Step.IMPORT_RESULT);
        List<PaymentResultFile.Sent> sent = d.lines().stream().map(l -> new PaymentResultFile.Sent(l.lineNo(),
                l.claimReference(), l.amount())).toList();
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
            PayoutSource source = sources.get(line.type());
            long programmeId = line.type() == PayoutType.SUBSIDY ? d.batch().programmeId()
                    : d.batch().compensationProgrammeId();
            source.lock(line.sourceId(), programmeId);
            batches.recordResult(batchId, o.lineNo(), o.result().name(), o.valueDate(), o.bankReference(),
                    o.failureReason());
            if (o.result() == Result.PAID) {
                source.paid(line.sourceId(), o.bankReference(), o.valueDate(), caller.userId());
                paid++;
            } else {
                source.failed(line.sourceId(), o.failureReason(), PaymentResultFile.retryAllowed(o.failureReason()),
                        calendar.today());
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

    /**
     * Cancels an open batch (the bank never took its file, or it was made by mistake): its claims are released to
     * later batches as they were, nothing is paid.
     */
    @Transactional
    BatchDetail cancel(long batchId, String reason) {
        Caller caller = access.caller();
        access.require(caller, Permission.RECORD_SUBSIDY_PAYMENT);
        BatchDetail d = open(batchId, PaymentBatchStatus.Step.CANCEL);
        batches.cancel(batchId, reason, caller.userId(), clock.instant());
        batches.closeLines(batchId);
        audit.record("PAYMENT_BATCH_CANCELLED", "PAYMENT_BATCH", batchId, Map.of("reason", reason, "claimCount",
                d.batch().claimCount(), "totalAmount", d.batch().totalAmount().toPlainString(), "claims",
                d.lines().stream().map(PaymentLineRow::claimReference).toList()));
        return detail(batchId);
    }

    /** Locks the batch and answers it when the step may be taken in its state, else the 409 naming what may. */
    private BatchDetail open(long batchId, PaymentBatchStatus.Step step) {
        if (batches.lockBatch(batchId) == null) {
            throw new ApiException(ErrorCode.PAYMENT_BATCH_NOT_FOUND, reference(batchId));
        }
        BatchDetail d = detail(batchId);
        PaymentBatchStatus status = PaymentBatchStatus.valueOf(d.batch().status());
        status.after(step).orElseThrow(() -> ApiException.illegalTransition(status, step));
        return d;
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
