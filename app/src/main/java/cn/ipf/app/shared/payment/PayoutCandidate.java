package cn.ipf.app.shared.payment;

import java.math.BigDecimal;

/**
 * A claim as a payment batch line sends it (payee, account, amount, purpose), or the refusal that keeps it out of a
 * batch; {@code openBatchId} names the open batch that already holds it.
 */
public record PayoutCandidate(long claimId, String kind, String payeeName, String accountNo, String accountBank,
        BigDecimal amount, String purpose, Refusal refusal, Long openBatchId) {

    /** A batch line's purpose holds at most this many characters (the column's size and the bank file's field). */
    public static final int MAX_PURPOSE = 200;

    public PayoutCandidate {
        if (purpose != null && purpose.length() > MAX_PURPOSE) {
            purpose = purpose.substring(0, MAX_PURPOSE);
        }
    }

    /** Why a claim cannot go into a batch now. */
    public enum Refusal {
        NOT_FOUND, IN_OPEN_BATCH, NOT_PAYABLE
    }

    public static PayoutCandidate refused(long claimId, Refusal refusal, Long openBatchId) {
        return new PayoutCandidate(claimId, null, null, null, null, null, null, refusal, openBatchId);
    }
}
