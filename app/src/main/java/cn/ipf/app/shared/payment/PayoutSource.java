package cn.ipf.app.shared.payment;

import java.time.LocalDate;
import java.util.List;

/**
 * 兑付对象 a kind of claim that is paid through payment batches (subsidy claims, compensation payouts), implemented by
 * its feature so that the one batch mechanism (subsidy.PaymentBatches) never reads another feature's tables. Every
 * call runs in the batch's transaction; {@link #lock} takes the claim's row lock, which the caller holds for the rest.
 */
public interface PayoutSource {

    PayoutType type();

    /** The programme's name, or null when there is no such programme of this kind. */
    String programmeName(long programmeId);

    /** The region code of the programme (the payer's region on the bank's file), or null when there is none. */
    String programmeRegion(long programmeId);

    /** The programme's claims a new batch would take (payable, in no open batch), in id order; nothing locked. */
    List<Long> payable(long programmeId);

    /** Locks the claim and answers it as a batch line would send it, or why it cannot be sent now. */
    PayoutCandidate lock(long claimId, long programmeId);

    /** The bank's result said PAID: the claim is paid (and, for compensation, the ledger posted) now. */
    void paid(long claimId, String bankReference, LocalDate valueDate, long by);

    /** The bank's result said FAILED: the claim keeps the reason; {@code retryAllowed} lets it go out as sent. */
    void failed(long claimId, String reason, boolean retryAllowed, LocalDate on);
}
