package cn.ipf.batch.subsidy;

import cn.ipf.batch.subsidy.InterestSubsidyRuns.EnterpriseWork;
import cn.ipf.batch.subsidy.InterestSubsidyRuns.WorkCursor;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one partition's work an enterprise at a time from a streaming cursor and remembers, at every commit, the last
 * enterprise handed out: a restart reopens the cursor after it, so the enterprises of committed chunks are never
 * read again and those of the failed chunk (rolled back) are read again in full.
 */
class EnterpriseWorkReader implements ItemStreamReader<EnterpriseWork> {

    static final String AFTER = "after";

    private final InterestSubsidyRuns runs;
    private final long runId;
    private final long from;
    private final long to;
    private WorkCursor cursor;
    private long last;

    EnterpriseWorkReader(InterestSubsidyRuns runs, long runId, long from, long to) {
        this.runs = runs;
        this.runId = runId;
        this.from = from;
        this.to = to;
    }

    @Override
    public void open(ExecutionContext context) {
        last = context.containsKey(AFTER) ? context.getLong(AFTER) : from - 1;
        cursor = runs.work(runId, last, to);
    }

    @Override
    public EnterpriseWork read() {
        if (!cursor.hasNext()) {
            return null;
        }
        EnterpriseWork work = cursor.next();
        last = work.enterpriseId();
        return work;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(AFTER, last);
    }

    @Override
    public void close() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
    }
}
