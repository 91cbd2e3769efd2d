package cn.ipf.batch.compensation;

import java.util.List;

/** What the risk-compensation job reads, implemented by the app's compensation feature, which owns the tables. */
public interface CompensationQueue {

    /**
     * The programme's city-approved and waiting claims after {@code after} (null: from the start), first approved
     * first: by approval instant, then id.
     */
    List<QueuedClaim> approvedClaims(long programmeId, QueuedClaim after, int limit);

    /** Ids after {@code afterId} (null: from the start) of the recoveries of paid claims' loans not yet returned. */
    List<Long> unreturnedRecoveries(long programmeId, Long afterId, int limit);
}
