package cn.ipf.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.IntegrationTest;
import cn.ipf.app.user.Role;
import cn.ipf.batch.JobControl;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

/**
 * A refused launch writes no job instance, so the same parameters are refused the same way every time (and work once
 * they become valid); an execution no thread runs any more can be stopped, which ends it so that it can be
 * restarted (here from the command line). Regulators launch the jobs their row of access.policy.JobRights grants.
 */
class JobLaunchRefusalTest extends IntegrationTest {

    private static final String JOB = "/api/v1/admin/jobs/interest-subsidy/executions";

    @Autowired
    JobControl jobControl;

    @Test
    void anUnknownProgrammeIsRefusedEveryTimeAndLeavesNoJobInstance() {
        String admin = adminToken();
        long instancesBefore = count("BATCH_JOB_INSTANCE");
        Map<String, Object> body = Map.of("parameters", Map.of("programme", "999999", "period", "2031-Q2"));
        for (int attempt = 0; attempt < 3; attempt++) {
            Http.Response refused = http.with(admin).post(JOB, body);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("JOB_PARAMETERS_INVALID");
        }
        assertThat(count("BATCH_JOB_INSTANCE")).isEqualTo(instancesBefore);
    }

    @Test
    void missingOrWrongParametersAreNamed() {
        String admin = adminToken();
        for (int attempt = 0; attempt < 2; attempt++) {
            Http.Response empty = http.with(admin).post(JOB, Map.of());
            assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
            assertThat(empty.code()).isEqualTo("JOB_PARAMETERS_INVALID");
            assertThat(empty.body()).contains("programme");
        }
        Http.Response noBody = http.with(admin).send("POST", JOB, null);
        assertThat(noBody.status()).as(noBody.toString()).isEqualTo(400);
        assertThat(noBody.body()).contains("programme");
        Http.Response noPeriod = http.with(admin).post(JOB, Map.of("parameters", Map.of("programme", "1")));
        assertThat(noPeriod.status()).as(noPeriod.toString()).isEqualTo(400);
        assertThat(noPeriod.body()).contains("period");
        Http.Response unknown = http.with(admin).post(JOB, Map.of("parameters",
                Map.of("programme", "1", "period", "2025-Q1", "colour", "red")));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.body()).contains("colour");
        String city = jdbc.queryForObject("SELECT MIN(code) FROM region WHERE region_level = 'CITY'", String.class);
        Http.Response created = http.with(admin).post("/api/v1/admin/subsidy-programmes", Map.of("name",
                unique("贴息"), "regionCode", city, "budget", 100000, "periodStart", "2025-01-01", "periodEnd",
                "2026-12-31"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String programme = created.json().get("programmeId").asString();
        Http.Response badPeriod = http.with(admin).post(JOB, Map.of("parameters",
                Map.of("programme", programme, "period", "someday")));
        assertThat(badPeriod.status()).as(badPeriod.toString()).isEqualTo(400);
        assertThat(badPeriod.body()).contains("period");
    }

    @Test
    void aJobInstanceLeftWithoutExecutionsIsTreatedAsNew() {
        String admin = adminToken();
        // what a refused launch used to leave behind: an instance of these parameters without any execution
        String cutoff = "2001-02-03T04:05:06Z";
        long instance = jdbc.queryForObject("SELECT COALESCE(MAX(JOB_INSTANCE_ID), 0) + 1000 FROM BATCH_JOB_INSTANCE",
                Long.class);
        jdbc.update("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) VALUES (?, 0, ?, ?)",
                instance, "idempotency-purge", jobKey(cutoff));
        Http.Response launched = http.with(admin).post("/api/v1/admin/jobs/idempotency-purge/executions",
                Map.of("parameters", Map.of("cutoff", cutoff)));
        assertThat(launched.status()).as(launched.toString()).isEqualTo(202);
        assertThat(runToEnd(admin, launched.json().get("executionId").asLong()).get("status").asString())
                .isEqualTo("COMPLETED");
    }

    @Test
    void stoppingAnExecutionNoThreadRunsEndsItSoThatItCanBeRestarted() {
        String admin = adminToken();
        Http.Response launched = http.with(admin).post("/api/v1/admin/jobs/idempotency-purge/executions",
                Map.of("parameters", Map.of("cutoff", "2002-02-03T04:05:06Z")));
        long id = launched.json().get("executionId").asLong();
        assertThat(runToEnd(admin, id).get("status").asString()).isEqualTo("COMPLETED");
        // what a crash after a stop request leaves: STOPPING for ever, no end time, and no instance running it
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STOPPING', EXIT_CODE = 'STOPPED', END_TIME = NULL"
                + " WHERE JOB_EXECUTION_ID = ?", id);
        jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'EXECUTING', END_TIME = NULL"
                + " WHERE JOB_EXECUTION_ID = ?", id);
        jdbc.update("DELETE FROM batch_execution_owner WHERE job_execution_id = ?", id);

        Http.Response stopped = http.with(admin).post("/api/v1/admin/job-executions/" + id + "/stop", null);
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(202);
        assertThat(stopped.json().get("status").asString()).isEqualTo("STOPPED");
        assertThat(stopped.json().get("endedAt").isNull()).isFalse();
        assertThat(jdbc.queryForObject("SELECT END_TIME FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
                LocalDateTime.class, id)).isNotNull();

        // restarted from the command line this time (the API's restart is the same JobControl call)
        assertThat(new JobCommandLine(jobControl, new MockEnvironment().withProperty("ipf.batch.restart",
                String.valueOf(id)), null).execute()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION s"
                + " ON s.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE e.JOB_EXECUTION_ID = ? AND s.STATUS = 'COMPLETED'",
                Long.class, id)).isEqualTo(1);
    }

    @Test
    void regulatorsLaunchTheJobsOfTheirTableOnly() {
        String regulator = token(user(Role.REGULATOR, null, null, null));
        Http.Response report = http.with(regulator).post("/api/v1/admin/jobs/regulator-monthly-report/executions",
                Map.of("parameters", Map.of("month", "2019-01")));
        assertThat(report.status()).as(report.toString()).isEqualTo(202);
        assertThat(runToEnd(regulator, report.json().get("executionId").asLong()).get("status").asString())
                .isEqualTo("COMPLETED");
        Http.Response purge = http.with(regulator).post("/api/v1/admin/jobs/idempotency-purge/executions",
                Map.of("parameters", Map.of("cutoff", "2003-02-03T04:05:06Z")));
        assertThat(purge.status()).as(purge.toString()).isEqualTo(403);
        assertThat(http.with(regulator).post("/api/v1/admin/job-executions/"
                + report.json().get("executionId").asLong() + "/abandon", null).status()).isEqualTo(403);
    }

    /** Spring Batch's key of a job instance: the MD5 of its identifying parameters as it writes them. */
    private static String jobKey(String cutoff) {
        return new org.springframework.batch.core.job.DefaultJobKeyGenerator().generateKey(
                new org.springframework.batch.core.job.parameters.JobParametersBuilder()
                        .addString("cutoff", cutoff).toJobParameters());
    }
}
