package cn.ipf.app.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.Infrastructure;
import cn.ipf.app.testinfra.OtherInstance;
import cn.ipf.batch.JobControl;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A run killed in the middle and resumed through the job API, with the lines of an uninterrupted run.
 *
 * <p>The run is the README's command line ({@code --spring.main.web-application-type=none --ipf.batch.run=…}) in a
 * JVM of its own, instance "crashing-…-cli-&lt;pid&gt;" (a command-line run adds its process id to the configured
 * name): a real process started from the packaged classes rather than the fat jar
 * (packaging inside {@code verify} would rebuild the jar in the test phase; the process runs the same
 * application class, web-less, on the test's database and Redis). The test holds the row lock of its third
 * enterprise, so with 2 partitions and 2 enterprises per chunk the process commits one chunk of the first partition
 * and the whole second partition, then waits; it is then killed with SIGKILL (nothing of the process runs after
 * that: no listener, no shutdown hook). The execution stays STARTED. An instance is started under the killed
 * process's name (in this JVM), as an operator restarting it would; on start-up it marks the execution FAILED "instance stopped", and the restart through the job API
 * finishes the run: every line equals the dry run's, every payment in exactly one line.
 */
class InterestSubsidyCrashRecoveryTest extends SubsidyTestSupport {

    @Autowired
    JobControl jobControl;

    @Autowired
    DataSource dataSource;

    @Test
    void aRunKilledMidwayIsRecoveredOnRestartAndResumedWithIdenticalLines() throws Exception {
        String admin = adminToken();
        Region region = region();
        long programmeId = programme(admin, region.city(), "1000000", null);
        Bank bank = lender(admin);
        List<Long> ids = eightBorrowersPayingInQ3(bank, region.district(), 300_000, 70_000);
        Map<Long, BigDecimal> expected = dryRunTotalsOfQ3(jobControl, programmeId);
        assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(ids);

        // ---- the run in a process of its own, killed once it has committed part of the work ---------------------
        String configured = unique("crashing");
        String instance;
        long executionId;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement(
                    "SELECT enterprise_id FROM library_entry WHERE enterprise_id = ? FOR UPDATE")) {
                lock.setLong(1, ids.get(2));
                lock.executeQuery().close();
            }
            Process process = commandLine(configured, programmeId);
            instance = configured + "-cli-" + process.pid();
            try {
                executionId = awaitPartialCommit(instance, configured + ".log", process);
            } finally {
                process.destroyForcibly();
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            blocker.rollback();
        }
        assertThat(jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
                String.class, executionId)).as("the kill leaves the execution running on paper").isEqualTo("STARTED");
        assertThat(claimed(programmeId)).as("committed before the kill: one chunk and the other partition")
                .containsExactlyInAnyOrder(ids.get(0), ids.get(1), ids.get(4), ids.get(5), ids.get(6), ids.get(7));
        Http.Response refused = http.with(admin).post("/api/v1/admin/job-executions/" + executionId + "/restart",
                null);
        assertThat(refused.status()).as("not restartable while marked running").isEqualTo(409);

        // ---- an instance starts under the killed one's name: its start-up marks the execution FAILED ---------------------------------
        try (ConfigurableApplicationContext restarted = OtherInstance.start(instance, false, Map.of())) {
            JsonNode failed = http.with(admin).get("/api/v1/admin/job-executions/" + executionId).json();
            assertThat(failed.get("status").asString()).isEqualTo("FAILED");
            assertThat(failed.get("exitDescription").asString()).isEqualTo("instance stopped");
            assertThat(jdbc.queryForObject("SELECT summary FROM audit_event WHERE action = 'JOB_RECOVERED'"
                    + " AND entity_id = ?", String.class, String.valueOf(executionId)))
                    .as("recovered by the restarted instance itself").contains("\"by\":\"" + instance + "\"");
        }

        // ---- resumed through the job API: the lines of the uninterrupted run ------------------------------------
        Http.Response restart = http.with(admin).post("/api/v1/admin/job-executions/" + executionId + "/restart",
                null);
        assertThat(restart.status()).as(restart.toString()).isEqualTo(202);
        JsonNode resumed = runToEnd(admin, restart.json().get("executionId").asLong());
        assertThat(resumed.get("status").asString()).as("%s", resumed).isEqualTo("COMPLETED");
        assertThat(claimed(programmeId)).containsExactlyInAnyOrderElementsOf(ids);
        for (long id : ids) {
            JsonNode claim = claimOf(admin, programmeId, id, "2025-Q3");
            assertThat(claim.get("totalAmount").decimalValue()).as("claim of %d", id)
                    .isEqualByComparingTo(expected.get(id));
        }
        long runId = jdbc.queryForObject("SELECT id FROM subsidy_run WHERE programme_id = ? AND NOT dry_run",
                Long.class, programmeId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM subsidy_line WHERE run_id = ?", Long.class, runId))
                .isEqualTo(16);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT payment_id) FROM subsidy_line WHERE run_id = ?",
                Long.class, runId)).isEqualTo(16);
    }

    /** The README's command-line run, web-less, in a JVM of its own; its output goes to target/. */
    private Process commandLine(String instance, long programmeId) throws Exception {
        Infrastructure infrastructure = Infrastructure.get();
        Map<String, String> redis = infrastructure.properties(false);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                OtherInstance.class.getName(),
                "--spring.main.web-application-type=none",
                "--ipf.batch.run=interest-subsidy",
                "--ipf.batch.parameters.programme=" + programmeId,
                "--ipf.batch.parameters.period=2025-Q3",
                "--ipf.instance.name=" + instance,
                // the process waits on the test's row lock until it is killed
                "--spring.datasource.hikari.connection-init-sql=SET SESSION innodb_lock_wait_timeout = 600"));
        redis.forEach((k, v) -> command.add("--" + k + "=" + v));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("target", instance + ".log"));
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        return builder.start();
    }

    /**
     * Waits until the process's run has committed the first chunk of the first partition and all of the second
     * (6 of 8 enterprises written) and answers its execution id.
     */
    private long awaitPartialCommit(String instance, String log, Process process) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("the command line ended early: see target/%s", log).isTrue();
            List<Long> executions = jdbc.queryForList("SELECT job_execution_id FROM batch_execution_owner"
                    + " WHERE instance_name = ?", Long.class, instance);
            if (!executions.isEmpty()) {
                long id = executions.get(0);
                Long written = jdbc.queryForObject("SELECT COALESCE(SUM(WRITE_COUNT), 0) FROM BATCH_STEP_EXECUTION"
                        + " WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE 'compute-partition:%'", Long.class, id);
                if (written == 6) {
                    return id;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the command line did not reach the lock in time: see target/" + log);
    }

    private List<Long> claimed(long programmeId) {
        return jdbc.queryForList("SELECT enterprise_id FROM subsidy_claim WHERE programme_id = ?", Long.class,
                programmeId);
    }
}
