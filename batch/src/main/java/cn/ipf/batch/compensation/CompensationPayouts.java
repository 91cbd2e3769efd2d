package cn.ipf.batch.compensation;

/**
 * What the risk-compensation job asks of the compensation feature, implemented by the app so that the rules, the
 * ledger and the claims stay with it. Both calls run inside the job's chunk transaction and are idempotent: a claim
 * already released or a recovery already returned is skipped.
 */
public interface CompensationPayouts {

    enum Outcome { PAYABLE, WAITING, RETURNED, SKIPPED }

    /** Refuses (IllegalArgumentException saying why) a programme the job cannot run for. */
    void check(long programmeId);

    /**
     * Releases a city-approved or waiting claim for payment (a payment batch pays it) when every fund it draws on
     * covers its layer beyond what earlier released payouts hold; otherwise it waits.
     */
    Outcome settleClaim(long programmeId, long claimId);

    /** Returns a recovery of a paid claim's loan to the layers that bore the loss. */
    Outcome returnRecovery(long programmeId, long recoveryId);
}
