package cn.ipf.batch.webhook;

import java.time.Instant;
import java.util.List;

/**
 * What the retention job asks of the webhook feature, implemented by the app, which owns the tables. Called inside
 * the job's chunk transaction; every delete re-checks its conditions, so a delivery redelivered meanwhile (PENDING
 * again) is kept.
 */
public interface WebhookHistory {

    /** Finished (SUCCEEDED or FAILED) deliveries created before the cut-off, ids after {@code afterId}, in order. */
    List<Long> finishedDeliveries(Instant cutoff, Long afterId, int limit);

    /** Deletes those of the deliveries that are still finished and older than the cut-off, with their attempts. */
    void deleteDeliveries(List<Long> ids, Instant cutoff);

    /** Events created before the cut-off that no delivery refers to, ids after {@code afterId}, in order. */
    List<Long> unusedEvents(Instant cutoff, Long afterId, int limit);

    /** Deletes those of the events that are still unused and older than the cut-off. */
    void deleteEvents(List<Long> ids, Instant cutoff);
}
