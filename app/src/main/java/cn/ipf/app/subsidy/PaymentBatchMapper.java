package cn.ipf.app.subsidy;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Payment batches, their lines and results, and the claims' last failed transfer. */
@Mapper
interface PaymentBatchMapper {

    /**
     * The programme's city-approved claims in no open batch, with no failed transfer left uncorrected (or one whose
     * reason allows re-issuing) and no corrected account awaiting review.
     */
    List<Long> payableClaims(@Param("programmeId") long programmeId);

    void insertBatch(@Param("programmeId") Long programmeId,
            @Param("compensationProgrammeId") Long compensationProgrammeId, @Param("count") int count,
            @Param("total") BigDecimal total, @Param("by") long by, @Param("at") Instant at,
            @Param("key") GeneratedId key);

    /** Inserts a line open (open_claim_id set): the unique key refuses a claim another open batch holds. */
    void insertLine(PaymentLineRow line);

    PaymentBatchRow batch(long id);

    Long lockBatch(long id);

    List<PaymentLineRow> lines(long batchId);

    void recordResult(@Param("batchId") long batchId, @Param("lineNo") int lineNo, @Param("result") String result,
            @Param("valueDate") LocalDate valueDate, @Param("bankReference") String bankReference,
            @Param("failureReason") String failureReason);

    void settle(@Param("id") long id, @Param("paidCount") int paidCount, @Param("paidAmount") BigDecimal paidAmount,
            @Param("failedCount") int failedCount, @Param("failedAmount") BigDecimal failedAmount,
            @Param("sha256") String sha256, @Param("by") long by, @Param("at") Instant at);

    void cancel(@Param("id") long id, @Param("reason") String reason, @Param("by") long by, @Param("at") Instant at);

    /** Frees the batch's claims for later batches. */
    void closeLines(long batchId);

    void markFailed(@Param("claimId") long claimId, @Param("reason") String reason,
            @Param("retryAllowed") boolean retryAllowed, @Param("on") LocalDate on, @Param("at") Instant at);

    void correctAccount(@Param("claimId") long claimId, @Param("accountName") String accountName,
            @Param("accountBank") String accountBank, @Param("accountNo") String accountNo, @Param("at") Instant at);

    /** The district accepted the corrected account: the failure is cleared and the claim is payable again. */
    void approveAccount(@Param("claimId") long claimId, @Param("by") long by, @Param("at") Instant at);
}
