package cn.ipf.batch.subsidy;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What the interest-subsidy job asks of the subsidy feature, implemented by the app so that the rules, the schema and
 * the claims stay with it. {@link #write} is called inside the job's chunk transaction.
 */
public interface InterestSubsidyRuns {

    /** One enterprise's work: everything the run computes for it, in one place (the annual cap is per enterprise). */
    interface EnterpriseWork {
        long enterpriseId();
    }

    /** A stream of work, one enterprise after the other in ascending id; holds a database cursor until closed. */
    interface WorkCursor extends Iterator<EnterpriseWork>, AutoCloseable {
        @Override
        void close();
    }

    /** Enterprise ids from {@code from} to {@code to}, both inclusive: one partition of a run. */
    record EnterpriseRange(long from, long to) {
    }

    /** Refuses parameters that cannot make a run (IllegalArgumentException saying why), before anything runs. */
    void check(Map<String, String> parameters);

    /** Opens the run of a job instance, or finds it again when the instance is restarted; answers the run id. */
    long open(long jobInstanceId, Map<String, String> parameters);

    /** Splits the run's enterprises into at most {@code partitions} ranges, in ascending order (at least one). */
    List<EnterpriseRange> partition(long runId, int partitions);

    /** The run's remaining work for enterprises with ids in (after, to], streamed. */
    WorkCursor work(long runId, long after, long to);

    /** Computes and stores the lines of these enterprises (in the caller's transaction). */
    void write(long runId, List<? extends EnterpriseWork> work);

    /** Records the run's totals once every partition has completed. */
    void complete(long runId);
}
