package cn.ipf.batch.library;

import java.time.LocalDate;

/**
 * What the annual re-review job asks of the project library, implemented by the app's library feature so that the
 * screening rules stay with it. Called inside the job's chunk transaction.
 */
public interface LibraryRereview {

    /** What re-screening one admitted enterprise led to. */
    enum Outcome { STILL_QUALIFIES, FLAGGED, SUSPENDED, NOT_ADMITTED }

    Outcome rereview(long enterpriseId, LocalDate reviewDate);
}
