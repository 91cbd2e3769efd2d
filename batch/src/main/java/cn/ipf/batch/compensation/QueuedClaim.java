package cn.ipf.batch.compensation;

import java.time.Instant;

/** A claim waiting for its payout, at its place in the queue (approval instant, then id). */
public record QueuedClaim(Instant approvedAt, long claimId) {

    /** As saved in the step context: {@code <instant>/<id>}. */
    @Override
    public String toString() {
        return approvedAt + "/" + claimId;
    }

    static QueuedClaim parse(String saved) {
        int slash = saved.lastIndexOf('/');
        return new QueuedClaim(Instant.parse(saved.substring(0, slash)), Long.parseLong(saved.substring(slash + 1)));
    }
}
