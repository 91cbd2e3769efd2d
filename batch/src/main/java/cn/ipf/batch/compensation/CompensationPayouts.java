package cn.ipf.batch.compensation;

/**
 * What the risk-compensation job asks of the compensation feature, implemented by the app so that the rules, the
 * ledger and the claims stay with it. Both calls run inside the job's chunk transaction and are idempotent: a claim
 * already paid or a recovery already returned is skipped.
 */
public interface CompensationPayouts {

    enum Outcome { PAID, WAITING, RETURNED, SKIPPED }

    /** Refuses (IllegalArgumentException saying why) a programme the job cannot run for. */
    void check(long programmeId);

    /** Pays a city-approved or waiting claim when every fund it draws on covers its layer; otherwise it waits. */
    Outcome settleClaim(long programmeId, long claimId);

    /** Returns a recovery of a paid claim's loan to the layers that bore the loss. */
    Outcome returnRecovery(long programmeId, long recoveryId);
}
