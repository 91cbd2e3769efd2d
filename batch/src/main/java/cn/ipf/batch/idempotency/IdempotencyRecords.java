package cn.ipf.batch.idempotency;

import java.time.Instant;
import java.util.List;

/**
 * What the purge job asks of the idempotency store, implemented by the app, which owns the table. Called inside the
 * job's chunk transaction.
 */
public interface IdempotencyRecords {

    /** Ids of records that expired before the cut-off, greater than {@code afterId} (null: from the start), in order. */
    List<Long> expired(Instant cutoff, Long afterId, int limit);

    /**
     * Deletes the records that are still expired before the cut-off, one primary-key point delete each: whatever plan
     * the optimizer picks for a small table, a chunk locks only the rows it deletes, never a neighbour held by a live
     * request, and a restart can never delete a record that was renewed meanwhile.
     */
    void delete(List<Long> ids, Instant cutoff);
}
