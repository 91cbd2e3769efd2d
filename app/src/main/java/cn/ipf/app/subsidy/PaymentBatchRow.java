package cn.ipf.app.subsidy;

import java.math.BigDecimal;
import java.time.Instant;

/** 兑付批次 a payment batch as stored; the paid and failed figures are set when its result file is imported. */
record PaymentBatchRow(long id, long programmeId, String status, int claimCount, BigDecimal totalAmount,
        Integer paidCount, BigDecimal paidAmount, Integer failedCount, BigDecimal failedAmount, String resultSha256,
        long createdBy, Instant createdAt, Long settledBy, Instant settledAt) {
}
