package cn.ipf.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.IntegrationTest;
import cn.ipf.batch.JobControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Launches of the same job and parameters at the same moment (two instances, or two operators) start it once: the
 * others are refused as running or complete, and none deletes the instance another just created.
 */
class ConcurrentLaunchTest extends IntegrationTest {

    @Autowired
    JobControl jobs;

    @Test
    void concurrentLaunchesOfTheSameParametersCreateExactlyOneExecution() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 8; round++) {
                String cutoff = "2003-01-0" + (round + 1) + "T00:00:00Z";
                CyclicBarrier together = new CyclicBarrier(4);
                List<Future<String>> outcomes = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    outcomes.add(pool.submit(() -> {
                        together.await();
                        try {
                            jobs.launch("idempotency-purge", Map.of("cutoff", cutoff));
                            return "launched";
                        } catch (JobExecutionAlreadyRunningException | JobInstanceAlreadyCompleteException e) {
                            return "refused";
                        }
                    }));
                }
                List<String> results = new ArrayList<>();
                for (Future<String> f : outcomes) {
                    results.add(f.get());
                }
                assertThat(results).as("round %d", round).containsOnlyOnce("launched").containsOnly("launched",
                        "refused");
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e"
                        + " JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
                        + " WHERE p.PARAMETER_NAME = 'cutoff' AND p.PARAMETER_VALUE = ?", Long.class, cutoff))
                        .as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
