package cn.ipf.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;

/**
 * Executions left marked running by an instance that is gone are found by the heartbeat sweep and marked FAILED
 * ("instance stopped"); those of a live instance are left alone. An operator abandons what will not be restarted,
 * audited; the job API lists executions with filters. (The crash of a real process is
 * {@code InterestSubsidyCrashRecoveryTest}.)
 */
class JobRecoveryTest extends IntegrationTest {

    private static final String PURGE = "/api/v1/admin/jobs/idempotency-purge/executions";
    private static final String TEN_MINUTES_AGO = "DATE_SUB(UTC_TIMESTAMP(6), INTERVAL 10 MINUTE)";

    @Autowired
    JobRecovery recovery;

    @Autowired
    JobOwnerMapper owners;

    @Test
    void executionsOfASilentInstanceAreMarkedFailedAndThoseOfALiveOneAreLeftRunning() {
        String admin = adminToken();
        String gone = unique("gone");
        String alive = unique("alive");
        long orphan = crashedExecution(admin, "2004-01-01T00:00:00Z", gone, TEN_MINUTES_AGO);
        long running = crashedExecution(admin, "2004-01-02T00:00:00Z", alive, "UTC_TIMESTAMP(6)");

        assertThat(recovery.recoverOrphans()).contains(orphan).doesNotContain(running);

        JsonNode failed = http.with(admin).get("/api/v1/admin/job-executions/" + orphan).json();
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("exitDescription").asString()).isEqualTo("instance stopped");
        assertThat(failed.get("endedAt").isNull()).isFalse();
        assertThat(http.with(admin).get("/api/v1/admin/job-executions/" + running).json().get("status").asString())
                .isEqualTo("STARTED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'JOB_RECOVERED'"
                + " AND entity_id = ?", Long.class, String.valueOf(orphan))).isEqualTo(1);

        // a live instance runs it: neither abandoned nor ended by a stop here (the stop is only requested)
        assertThat(http.with(admin).post("/api/v1/admin/job-executions/" + running + "/abandon", null).code())
                .isEqualTo("JOB_ALREADY_RUNNING");

        Http.Response restarted = http.with(admin).post("/api/v1/admin/job-executions/" + orphan + "/restart", null);
        assertThat(restarted.status()).as(restarted.toString()).isEqualTo(202);
        assertThat(runToEnd(admin, restarted.json().get("executionId").asLong()).get("status").asString())
                .isEqualTo("COMPLETED");
    }

    @Test
    void anOperatorAbandonsAFailedExecutionForGoodAudited() {
        String admin = adminToken();
        long id = crashedExecution(admin, "2004-02-01T00:00:00Z", unique("gone"),
                TEN_MINUTES_AGO);
        Http.Response abandoned = http.with(admin).post("/api/v1/admin/job-executions/" + id + "/abandon", null);
        assertThat(abandoned.status()).as(abandoned.toString()).isEqualTo(200);
        assertThat(abandoned.json().get("status").asString()).isEqualTo("ABANDONED");
        assertThat(abandoned.json().get("endedAt").isNull()).isFalse();
        assertThat(http.with(admin).post("/api/v1/admin/job-executions/" + id + "/restart", null).code())
                .isEqualTo("JOB_NOT_RESTARTABLE");
        assertThat(http.with(admin).post("/api/v1/admin/job-executions/" + id + "/abandon", null).status())
                .as("abandoning twice changes nothing").isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'JOB_ABANDONED'"
                + " AND entity_id = ?", Long.class, String.valueOf(id))).isEqualTo(2);
        assertThat(http.with(admin).post("/api/v1/admin/job-executions/999999999/abandon", null).status())
                .isEqualTo(404);
    }

    @Test
    void executionsAreListedWithFiltersNewestFirst() {
        String admin = adminToken();
        long completed = launch(admin, "2004-03-01T00:00:00Z");
        runToEnd(admin, completed);
        long failed = crashedExecution(admin, "2004-03-02T00:00:00Z", unique("gone"),
                TEN_MINUTES_AGO);
        recovery.recoverOrphans();

        JsonNode page = http.with(admin).get("/api/v1/admin/job-executions?jobName=idempotency-purge&size=200")
                .json();
        assertThat(page.get("items").findValues("executionId").stream().map(JsonNode::asLong).toList())
                .contains(failed, completed).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(page.get("items").findValuesAsString("jobName")).containsOnly("idempotency-purge");
        assertThat(page.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(2);

        JsonNode failures = http.with(admin).get("/api/v1/admin/job-executions?status=FAILED&size=200").json();
        assertThat(failures.get("items").findValuesAsString("status")).containsOnly("FAILED");
        JsonNode item = null;
        for (JsonNode i : failures.get("items")) {
            if (i.get("executionId").asLong() == failed) {
                item = i;
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.get("parameters").get("cutoff").asString()).isEqualTo("2004-03-02T00:00:00Z");
        assertThat(item.get("exitCode").asString()).isEqualTo("FAILED");
        assertThat(item.get("steps").get(0).has("readCount")).isTrue();

        JsonNode future = http.with(admin).get("/api/v1/admin/job-executions?from=2999-01-01T00:00:00Z").json();
        assertThat(future.get("items")).isEmpty();
        JsonNode past = http.with(admin).get("/api/v1/admin/job-executions?to=2000-01-01T00:00:00Z").json();
        assertThat(past.get("page").get("totalElements").asLong()).isZero();
        JsonNode onePerPage = http.with(admin).get("/api/v1/admin/job-executions?jobName=idempotency-purge&size=1")
                .json();
        assertThat(onePerPage.get("items")).hasSize(1);
        assertThat(http.with(admin).get("/api/v1/admin/job-executions?status=LOST").status()).isEqualTo(400);
    }

    @Test
    void aCommandLineRunHasANameOfItsOwnEvenWithTheServersName() {
        MockEnvironment commandLine = new MockEnvironment().withProperty("ipf.batch.run", "idempotency-purge");
        assertThat(new ServiceInstance(owners, commandLine, "server-1", Duration.ofSeconds(60)).name())
                .isEqualTo("server-1-cli-" + ProcessHandle.current().pid());
        assertThat(new ServiceInstance(owners, new MockEnvironment(), "server-1", Duration.ofSeconds(60)).name())
                .isEqualTo("server-1");
    }

    @Test
    void aProcessWhoseNameAnotherStartTookNeitherTakesItBackNorOrphansTheOthersExecutions() {
        String admin = adminToken();
        String name = unique("shared");
        ServiceInstance first = new ServiceInstance(owners, new MockEnvironment(), name, Duration.ofSeconds(60));
        ServiceInstance second = new ServiceInstance(owners, new MockEnvironment(), name, Duration.ofSeconds(60));
        assertThat(first.beat()).isTrue();
        assertThat(second.beat()).as("a second process starts under the same name").isTrue();
        long id = launch(admin, "2004-04-01T00:00:00Z");
        runToEnd(admin, id);
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL"
                + " WHERE JOB_EXECUTION_ID = ?", id);
        second.claim(id);

        assertThat(first.beat()).as("the first process finds its name taken").isFalse();
        assertThat(second.beat()).isTrue();
        assertThat(recovery.recoverOrphans()).doesNotContain(id);
        assertThat(http.with(admin).get("/api/v1/admin/job-executions/" + id).json().get("status").asString())
                .isEqualTo("STARTED");
        assertThat(first.beat()).as("displaced for good").isFalse();
    }

    private long launch(String admin, String cutoff) {
        Http.Response launched = http.with(admin).post(PURGE, Map.of("parameters", Map.of("cutoff", cutoff)));
        assertThat(launched.status()).as(launched.toString()).isEqualTo(202);
        return launched.json().get("executionId").asLong();
    }

    /**
     * An execution as an instance that stopped mid-run leaves it: marked running, owned by {@code instance}, whose
     * last heartbeat was at {@code heartbeat} (an SQL expression).
     */
    private long crashedExecution(String admin, String cutoff, String instance, String heartbeat) {
        long id = launch(admin, cutoff);
        runToEnd(admin, id);
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL"
                + " WHERE JOB_EXECUTION_ID = ?", id);
        jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'EXECUTING', END_TIME = NULL"
                + " WHERE JOB_EXECUTION_ID = ?", id);
        jdbc.update("INSERT INTO service_instance (instance_name, incarnation, started_at, heartbeat_at)"
                + " VALUES (?, UUID(), UTC_TIMESTAMP(6), " + heartbeat + ")", instance);
        jdbc.update("UPDATE batch_execution_owner o JOIN service_instance i ON i.instance_name = ?"
                + " SET o.instance_name = i.instance_name, o.incarnation = i.incarnation"
                + " WHERE o.job_execution_id = ?", instance, id);
        return id;
    }
}
