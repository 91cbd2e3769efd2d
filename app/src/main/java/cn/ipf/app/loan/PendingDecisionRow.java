package cn.ipf.app.loan;

import java.time.Instant;

/** An application still waiting for the bank's first decision, with what its deadline is computed from. */
record PendingDecisionRow(long id, Instant submittedAt) {
}
