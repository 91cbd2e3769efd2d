package cn.ipf.app.subsidy;

import cn.ipf.app.shared.payment.PayoutType;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One transfer of a payment batch (a subsidy claim's or a compensation claim's, exactly one of the two ids), the
 * payee as sent, and the bank's result once imported.
 */
record PaymentLineRow(long batchId, int lineNo, Long claimId, Long compensationClaimId, String kind,
        String payeeName, String accountNo, String accountBank, BigDecimal amount, String purpose, String result,
        LocalDate valueDate, String bankReference, String failureReason) {

    PayoutType type() {
        return claimId != null ? PayoutType.SUBSIDY : PayoutType.COMPENSATION;
    }

    /** The claim's id in its own feature. */
    long sourceId() {
        return claimId != null ? claimId : compensationClaimId;
    }

    String claimReference() {
        return type().reference(sourceId());
    }
}
