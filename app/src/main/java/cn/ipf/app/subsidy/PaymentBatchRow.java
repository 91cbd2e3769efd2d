package cn.ipf.app.subsidy;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * 兑付批次 a payment batch as stored: of a subsidy programme's claims, a compensation programme's payouts or both; the
 * paid and failed figures are set when its result file is imported, the cancellation when it is cancelled instead.
 */
record PaymentBatchRow(long id, Long programmeId, Long compensationProgrammeId, String status, int claimCount,
        BigDecimal totalAmount, Integer paidCount, BigDecimal paidAmount, Integer failedCount, BigDecimal failedAmount,
        String resultSha256, long createdBy, Instant createdAt, Long settledBy, Instant settledAt, Long cancelledBy,
        Instant cancelledAt, String cancelReason) {
}
