package cn.ipf.app.compensation;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Claims with their evidence, the facts their gates look at, payout lines and recovery returns. */
@Mapper
interface CompensationClaimMapper {

    record ClaimRow(long id, long programmeId, long bankId, long loanId, String loanRef, long enterpriseId,
            String enterpriseName, String districtCode, String externalId, String status, long ruleVersionId,
            int rulesVersion, LocalDate filedOn, BigDecimal outstandingAtDefault, BigDecimal ipShare,
            BigDecimal lossBase, String gates, Instant filedAt, Long districtApprovedBy, Instant districtApprovedAt,
            Long cityApprovedBy, Instant cityApprovedAt, Instant rejectedAt, String rejectionReason,
            Instant waitingSince, Instant paidAt, Instant payableAt, LocalDate paidOn, String bankReference,
            Long paymentBatchId, String paymentFailureReason, LocalDate paymentFailedOn) {
    }

    record EvidenceRow(int seq, String kind, String reference, String description) {
    }

    /** What the gates of a claim on the loan look at (see ClaimGates). */
    record LoanFacts(long loanId, long enterpriseId, LocalDate disbursedOn, LocalDate defaultedOn,
            BigDecimal defaultOutstanding, BigDecimal ipShare, LocalDate overdueSince, boolean inRegion,
            boolean admitted, LocalDate firstPledgeOn, boolean agreementActive, boolean otherClaimStanding) {
    }

    record PayoutLineRow(long claimId, int lineNo, String layerCode, String layerKind, BigDecimal share, Long fundId,
            BigDecimal lossBase, BigDecimal exactAmount, BigDecimal amountBeforeCap, BigDecimal amount,
            BigDecimal roundingAdjustment, boolean capApplied, BigDecimal fundTotalBeforeCap, BigDecimal fundCap,
            int rulesVersion, Long postingId, Long journalId) {
    }

    record RecoveryRow(long id, long loanId, String externalId, LocalDate recoveredOn, BigDecimal grossAmount,
            BigDecimal disposalCosts) {
    }

    /** A defaulted loan of the bank on which a claim may be filed (none standing on it). */
    record ClaimableLoanRow(String loanRef, String enterpriseName, LocalDate defaultedOn,
            BigDecimal defaultOutstanding) {
    }

    record ClaimQuery(Long programmeId, Long bankId, String status, String districtCode, long offset, int limit) {
    }

    List<ClaimableLoanRow> claimableLoans(@Param("bankId") long bankId, @Param("limit") int limit);

    Long lockLoanByRef(@Param("bankId") long bankId, @Param("loanRef") String loanRef);

    LoanFacts loanFacts(@Param("loanId") long loanId, @Param("programmeId") long programmeId,
            @Param("regionCode") String regionCode, @Param("offsetSeconds") int offsetSeconds);

    ClaimRow byExternalId(@Param("bankId") long bankId, @Param("externalId") String externalId);

    void insertClaim(@Param("c") ClaimRow claim, @Param("at") Instant at, @Param("key") GeneratedId key);

    void insertEvidence(@Param("claimId") long claimId, @Param("items") List<EvidenceRow> items);

    ClaimRow claim(long id);

    Long lockClaim(long id);

    List<ClaimRow> claims(@Param("q") ClaimQuery query);

    long countClaims(@Param("q") ClaimQuery query);

    List<EvidenceRow> evidence(long claimId);

    void approveForDistrict(@Param("id") long id, @Param("by") long by, @Param("at") Instant at);

    void approveForCity(@Param("id") long id, @Param("by") long by, @Param("at") Instant at);

    void reject(@Param("id") long id, @Param("reason") String reason, @Param("by") long by, @Param("at") Instant at);

    void markWaiting(@Param("id") long id, @Param("at") Instant at);

    /** Released for a payment batch: its payout lines are written (no postings yet) and its fund layers held. */
    void markPayable(@Param("id") long id, @Param("at") Instant at);

    /** What the payable payouts of the programme hold of each fund's cash, by fund id (funds holding nothing absent). */
    List<HeldRow> held(@Param("fundIds") List<Long> fundIds);

    /** The programme's payable payouts a new payment batch takes, in id order. */
    List<Long> payable(long programmeId);

    /** A payout as a payment batch line sends it, with what decides whether it may go now. */
    PayeeRow payee(long claimId);

    void markPaid(@Param("id") long id, @Param("paidOn") LocalDate paidOn, @Param("bankReference") String reference,
            @Param("at") Instant at);

    void markPaymentFailed(@Param("id") long id, @Param("reason") String reason,
            @Param("retryAllowed") boolean retryAllowed, @Param("on") LocalDate on, @Param("at") Instant at);

    void setPosting(@Param("claimId") long claimId, @Param("lineNo") int lineNo, @Param("postingId") long postingId);

    /** Whether a claim of the programme approved by the city before this one still waits to be paid (FIFO). */
    boolean earlierUnpaid(@Param("programmeId") long programmeId, @Param("approvedAt") Instant approvedAt,
            @Param("id") long id);

    /** Whether the job has anything to do for the programme: claims to pay or recoveries to return. */
    boolean pendingWork(long programmeId);

    void insertPayoutLines(@Param("lines") List<PayoutLineRow> lines);

    List<PayoutLineRow> payoutLines(long claimId);

    RecoveryRow recovery(long recoveryId);

    /** The PAID claim of the programme on the recovery's loan (null when there is none). */
    Long paidClaimOfRecovery(@Param("programmeId") long programmeId, @Param("recoveryId") long recoveryId);

    boolean recoveryReturned(long recoveryId);

    void insertReturn(@Param("recoveryId") long recoveryId, @Param("claimId") long claimId,
            @Param("net") BigDecimal net, @Param("distributable") BigDecimal distributable,
            @Param("surplus") BigDecimal surplus, @Param("at") Instant at, @Param("key") GeneratedId key);

    void insertReturnLines(@Param("lines") List<ReturnLineRow> lines);

    List<RecoveryReturnRow> returns(long claimId);

    List<ReturnLineRow> returnLines(long claimId);
}
