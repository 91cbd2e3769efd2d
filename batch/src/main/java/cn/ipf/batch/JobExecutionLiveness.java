package cn.ipf.batch;

/**
 * Whether a live instance of the service runs a job execution: Spring Batch's tables say only what the last write
 * said, and an instance that died leaves its executions marked running. Implemented by the app's job recovery.
 */
public interface JobExecutionLiveness {

    boolean isRunningSomewhere(long executionId);
}
