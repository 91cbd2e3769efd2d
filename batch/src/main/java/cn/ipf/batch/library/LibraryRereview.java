package cn.ipf.batch.library;

import java.time.LocalDate;
import java.util.List;

/**
 * What the annual re-review job asks of the project library, implemented by the app's library feature so that the
 * screening rules stay with it. Called inside the job's chunk transaction.
 */
public interface LibraryRereview {

    /** What re-screening one admitted enterprise led to. */
    enum Outcome { STILL_QUALIFIES, FLAGGED, SUSPENDED, NOT_ADMITTED }

    /** Ids of admitted enterprises after {@code afterId} (null: from the start), in order. */
    List<Long> admitted(Long afterId, int limit);

    Outcome rereview(long enterpriseId, LocalDate reviewDate);
}
