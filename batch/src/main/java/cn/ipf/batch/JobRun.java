package cn.ipf.batch;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A job execution as the API shows it: status and per-step progress counters. */
public record JobRun(long executionId, String jobName, String status, String exitCode, String exitDescription,
        Map<String, String> parameters, Instant createdAt, Instant startedAt, Instant endedAt, List<StepRun> steps) {

    public record StepRun(String stepName, String status, long readCount, long writeCount, long filterCount,
            long skipCount, long commitCount, long rollbackCount, Instant startedAt, Instant endedAt) {
    }
}
