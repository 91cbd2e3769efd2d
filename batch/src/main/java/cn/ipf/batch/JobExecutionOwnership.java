package cn.ipf.batch;

/**
 * Which instance of the service runs a job execution: Spring Batch's tables say only what the last write said, and
 * an instance that died leaves its executions marked running. Implemented by the app, which keeps the instances'
 * heartbeats.
 */
public interface JobExecutionOwnership {

    /** Records that this instance runs the execution; called as every execution starts. */
    void claim(long executionId);

    /** Whether a live instance runs the execution. */
    boolean isRunningSomewhere(long executionId);
}
