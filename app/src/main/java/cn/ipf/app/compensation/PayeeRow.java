package cn.ipf.app.compensation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A compensation payout as a payment batch line sends it: the bank's settlement account as payee and the FUND layers'
 * total; the open batch holding it and its last failure decide whether it may go now.
 */
record PayeeRow(long claimId, long programmeId, String status, String externalId, String loanRef, String bankName,
        String accountName, String accountBank, String accountNo, Instant accountUpdatedAt, BigDecimal fundTotal,
        Long openBatchId, String paymentFailureReason, Instant paymentFailedAt, boolean paymentRetryAllowed) {

    /**
     * Payable, in no open batch, with a settlement account, and either no failed transfer, one whose reason allows
     * re-issuing as sent, or one that failed before the bank's settlement account last changed.
     */
    boolean sendable() {
        return "PAYABLE".equals(status) && openBatchId == null && accountNo != null
                && (paymentFailureReason == null || paymentRetryAllowed
                        || accountUpdatedAt != null && accountUpdatedAt.isAfter(paymentFailedAt));
    }
}
