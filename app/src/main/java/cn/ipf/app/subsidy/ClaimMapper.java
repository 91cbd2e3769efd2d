package cn.ipf.app.subsidy;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

/** Claims, their lines and evidence, their review steps and the treasury's payment orders. */
@Mapper
interface ClaimMapper {

    /**
     * A claim with its enterprise, the run's period and the parameter version it was computed under; the open payment
     * batch holding it and its last failed transfer, if any.
     */
    record ClaimRow(long id, long programmeId, Long runId, String period, long enterpriseId, String enterpriseName,
            String uscc, String districtCode, String kind, String status, long ruleVersionId, int rulesVersion,
            BigDecimal totalAmount, int lineCount, LocalDate declareBy, String accountName, String accountBank,
            String accountNo, boolean noDoubleSubsidy, Instant declaredAt, Instant districtApprovedAt,
            Long districtApprovedBy, Instant cityApprovedAt, Long cityApprovedBy, Instant rejectedAt,
            String rejectionReason, Instant expiredAt, String voucherNo, LocalDate paidOn, Instant createdAt,
            Long paymentBatchId, String paymentFailureReason, LocalDate paymentFailedOn,
            boolean paymentRetryAllowed, boolean accountReviewPending, Instant accountCorrectedAt,
            Instant accountReviewedAt) {

        /**
         * Whether a batch may take it now: city-approved, not held by an open batch, with an account, and either no
         * failed transfer or one whose reason allows re-issuing as sent; never while a corrected account awaits review.
         */
        boolean payable() {
            return "CITY_APPROVED".equals(status) && paymentBatchId == null && accountNo != null
                    && !accountReviewPending && (paymentFailureReason == null || paymentRetryAllowed);
        }
    }

    /** Filters of a claim listing; enterpriseScope / districtScope confine an SME and a district reviewer. */
    record ClaimQuery(Long programmeId, Long runId, Long enterpriseId, String status, String kind,
            Long enterpriseScope, String districtScope, LocalDate declareByUntil, long offset, int size) {
    }

    /** A line with its payment, loan and the loan gates as the run established them. */
    record LineRow(int lineNo, long paymentId, String paymentExternalId, long loanId, String loanExternalId,
            long bankId, int sequenceNo, LocalDate accrualStart, LocalDate accrualEnd, BigDecimal principalBalance,
            BigDecimal interestAmount, LocalDate dueDate, LocalDate paidDate, BigDecimal ipShare,
            BigDecimal annualRate, LocalDate contractSignedOn, LocalDate disbursedOn, String sizeClass, int days,
            int daysInWindow, String lprMonth, BigDecimal lpr, BigDecimal referenceRate, BigDecimal byInterest,
            BigDecimal byRate, BigDecimal amountBeforeCap, int capYear, BigDecimal capRemainingBefore,
            BigDecimal amount, String reason, int rulesVersion, Long listingId, LocalDate listedOn,
            String listingSource) {
    }

    record EvidenceRow(long loanId, String loanExternalId, long bankId, Long appraisalId, String policyNo,
            String insurer, String invoiceNo, String invoiceIssuer, LocalDate invoiceDate, BigDecimal invoiceAmount,
            BigDecimal ratio, BigDecimal annualCap, int capYear, BigDecimal capRemainingBefore,
            BigDecimal amountBeforeCap, BigDecimal amount, String reason, int rulesVersion) {
    }

    /** What a fee claim needs of its loan. */
    record FeeLoanRow(long id, long enterpriseId, LocalDate disbursedOn, boolean pledged) {
    }

    /** A row of the treasury's payment orders. */
    record PaymentOrderRow(long claimId, String programmeName, String kind, String enterpriseName, String uscc,
            String districtCode, String districtName, String accountName, String accountBank, String accountNo,
            BigDecimal totalAmount, Instant cityApprovedAt, String voucherNo, LocalDate paidOn, String status,
            Long openBatchId) {
    }

    List<ClaimRow> claims(ClaimQuery query);

    long countClaims(ClaimQuery query);

    ClaimRow claim(long id);

    Long lockClaim(long id);

    List<LineRow> lines(@Param("runId") long runId, @Param("enterpriseId") long enterpriseId);

    EvidenceRow evidence(long claimId);

    void declare(@Param("id") long id, @Param("accountName") String accountName,
            @Param("accountBank") String accountBank, @Param("accountNo") String accountNo, @Param("by") long by,
            @Param("at") Instant at);

    void approveForDistrict(@Param("id") long id, @Param("by") long by, @Param("at") Instant at);

    void approveForCity(@Param("id") long id, @Param("by") long by, @Param("at") Instant at);

    void reject(@Param("id") long id, @Param("reason") String reason, @Param("by") long by, @Param("at") Instant at);

    void pay(@Param("id") long id, @Param("voucherNo") String voucherNo, @Param("paidOn") LocalDate paidOn,
            @Param("by") long by, @Param("at") Instant at);

    void expire(@Param("id") long id, @Param("at") Instant at);

    /** Lines leave the cap; with {@code payments} their payments also go back to later runs. */
    void releaseLines(@Param("runId") long runId, @Param("enterpriseId") long enterpriseId,
            @Param("payments") boolean payments);

    void releaseEvidence(@Param("claimId") long claimId);

    List<Long> overdue(@Param("today") LocalDate today, @Param("limit") int limit);

    FeeLoanRow feeLoan(@Param("bankId") long bankId, @Param("externalId") String externalId);

    boolean inRegion(@Param("enterpriseId") long enterpriseId, @Param("regionCode") String regionCode);

    /** The programmes whose region holds the enterprise, newest first. */
    List<FeeChoiceRow> feeProgrammes(long enterpriseId);

    /** The enterprise's disbursed loans with a pledge registration, latest first. */
    List<FeeLoanChoiceRow> feeLoans(long enterpriseId);

    /** The enterprise's appraisals, latest first. */
    List<FeeChoiceRow> appraisals(long enterpriseId);

    /** The appraisal is the enterprise's and of an asset (patent or trademark) pledged for the loan. */
    boolean appraisalOfPledgedAsset(@Param("appraisalId") long appraisalId, @Param("enterpriseId") long enterpriseId,
            @Param("loanId") long loanId);

    boolean evidenceTaken(@Param("invoiceNo") String invoiceNo, @Param("appraisalId") Long appraisalId);

    BigDecimal feeCapUsed(@Param("enterpriseId") long enterpriseId, @Param("kind") String kind,
            @Param("year") int year);

    void insertFeeClaim(@Param("programmeId") long programmeId, @Param("enterpriseId") long enterpriseId,
            @Param("kind") String kind, @Param("ruleVersionId") long ruleVersionId,
            @Param("amount") BigDecimal amount, @Param("accountName") String accountName,
            @Param("accountBank") String accountBank, @Param("accountNo") String accountNo, @Param("by") long by,
            @Param("at") Instant at, @Param("key") GeneratedId key);

    void insertEvidence(@Param("claimId") long claimId, @Param("kind") String kind, @Param("e") EvidenceRow evidence);

    Cursor<PaymentOrderRow> paymentOrders(@Param("programmeId") long programmeId,
            @Param("statuses") List<String> statuses);
}
