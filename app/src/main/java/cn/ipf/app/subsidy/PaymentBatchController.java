package cn.ipf.app.subsidy;

import static cn.ipf.app.shared.web.ApiTime.utc;

import cn.ipf.api.model.ExportFormat;
import cn.ipf.api.model.NewPaymentBatch;
import cn.ipf.api.model.PaymentBatch;
import cn.ipf.api.model.PaymentBatchCancellation;
import cn.ipf.api.model.PaymentBatchLine;
import cn.ipf.api.model.PaymentResult;
import cn.ipf.api.server.PaymentBatchesApi;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.web.Downloads;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PaymentBatchController implements PaymentBatchesApi {

    /** A result file of 100 000 lines is about 10 MB of CSV; more is not a bank's answer to one batch. */
    static final int MAX_RESULT_FILE_BYTES = 16 * 1024 * 1024;

    private final PaymentBatches batches;

    PaymentBatchController(PaymentBatches batches) {
        this.batches = batches;
    }

    @Override
    public ResponseEntity<PaymentBatch> createPaymentBatch(NewPaymentBatch body, String idempotencyKey) {
        PaymentBatches.BatchDetail created = batches.create(new PaymentBatches.Selection(body.getProgrammeId(),
                body.getClaimIds() == null ? null : List.copyOf(body.getClaimIds()),
                body.getCompensationProgrammeId(), body.getCompensationClaimIds() == null ? null
                        : List.copyOf(body.getCompensationClaimIds())));
        return ResponseEntity.created(URI.create("/api/v1/subsidy/payment-batches/" + created.batch().id()))
                .body(view(created));
    }

    @Override
    public ResponseEntity<PaymentBatch> getPaymentBatch(Long batchId) {
        return ResponseEntity.ok(view(batches.get(batchId)));
    }

    @Override
    public ResponseEntity<Resource> exportPaymentBatchFile(Long batchId, ExportFormat format) {
        boolean xlsx = format == ExportFormat.XLSX;
        return Downloads.temporaryFile(batches.file(batchId, xlsx), PaymentBatches.reference(batchId), xlsx);
    }

    @Override
    public ResponseEntity<PaymentBatch> importPaymentBatchResult(Long batchId, ExportFormat format, Resource body,
            String idempotencyKey) {
        byte[] bytes;
        try (InputStream in = body.getInputStream()) {
            bytes = in.readNBytes(MAX_RESULT_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_RESULT_FILE_BYTES) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE);
        }
        return ResponseEntity.ok(view(batches.importResult(batchId, bytes, format == ExportFormat.XLSX)));
    }

    @Override
    public ResponseEntity<PaymentBatch> cancelPaymentBatch(Long batchId, PaymentBatchCancellation body,
            String idempotencyKey) {
        return ResponseEntity.ok(view(batches.cancel(batchId, body.getReason())));
    }

    private static PaymentBatch view(PaymentBatches.BatchDetail d) {
        PaymentBatchRow b = d.batch();
        return new PaymentBatch().batchId(b.id()).reference(PaymentBatches.reference(b.id()))
                .programmeId(b.programmeId()).compensationProgrammeId(b.compensationProgrammeId())
                .status(PaymentBatch.StatusEnum.fromValue(b.status()))
                .claimCount(b.claimCount()).totalAmount(b.totalAmount()).paidCount(b.paidCount())
                .paidAmount(b.paidAmount()).failedCount(b.failedCount()).failedAmount(b.failedAmount())
                .createdAt(utc(b.createdAt())).createdBy(b.createdBy()).settledAt(utc(b.settledAt()))
                .settledBy(b.settledBy()).resultSha256(b.resultSha256()).cancelledAt(utc(b.cancelledAt()))
                .cancelledBy(b.cancelledBy()).cancelReason(b.cancelReason())
                .lines(d.lines().stream().map(l -> new PaymentBatchLine().lineNo(l.lineNo())
                        .payoutType(PaymentBatchLine.PayoutTypeEnum.fromValue(l.type().name()))
                        .claimId(l.sourceId()).claimReference(l.claimReference())
                        .kind(PaymentBatchLine.KindEnum.fromValue(l.kind()))
                        .payeeName(l.payeeName()).accountNo(l.accountNo()).accountBank(l.accountBank())
                        .amount(l.amount()).purpose(l.purpose())
                        .result(l.result() == null ? null : PaymentResult.fromValue(l.result()))
                        .valueDate(l.valueDate()).bankReference(l.bankReference())
                        .failureReason(l.failureReason())).toList());
    }
}
