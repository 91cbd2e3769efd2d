package cn.ipf.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.IntegrationTest;
import cn.ipf.app.user.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The idempotency-purge job launched through the admin API: it deletes exactly the records that expired before the
 * cut-off, reports its progress, and after a failure mid-way a restart finishes the work without repeating any.
 * Each test uses its own cut-off years in the past, and live rows expire far in the future, so that each test only
 * ever purges its own rows.
 */
class IdempotencyPurgeJobTest extends IntegrationTest {

    private static final String JOB = "/api/v1/admin/jobs/idempotency-purge/executions";

    @Autowired
    DataSource dataSource;

    @Test
    void purgesOnlyRecordsExpiredBeforeTheCutoff() {
        String admin = adminToken();
        String scope = unique("purge");
        insertRecords(scope, "old-", 25, Instant.parse("2005-03-01T00:00:00Z"));
        insertRecords(scope, "live-", 3, Instant.parse("2099-03-01T00:00:00Z"));

        JsonNode done = runToEnd(admin, launch(admin, "2005-12-31T00:00:00Z"));

        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        JsonNode step = done.get("steps").get(0);
        assertThat(step.get("readCount").asLong()).isEqualTo(25);
        assertThat(step.get("writeCount").asLong()).isEqualTo(25);
        assertThat(step.get("commitCount").asLong()).isEqualTo(3);
        assertThat(remaining(scope)).isEqualTo(3);

        Http.Response again = http.with(admin).post(JOB, Map.of("parameters",
                Map.of("cutoff", "2005-12-31T00:00:00Z")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("JOB_ALREADY_COMPLETE");
        jdbc.update("DELETE FROM idempotency_record WHERE caller_scope = ?", scope);
    }

    @Test
    void failedRunRestartsAfterTheLastCommittedChunk() throws Exception {
        String admin = adminToken();
        String scope = unique("restart");
        List<Long> ids = insertRecords(scope, "key-", 35, Instant.parse("2010-03-01T00:00:00Z"));

        JsonNode failed;
        // another transaction holds a row of the third chunk: that chunk's delete times out and the step fails
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement(
                    "SELECT id FROM idempotency_record WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, ids.get(24));
                lock.executeQuery().close();
            }
            failed = runToEnd(admin, launch(admin, "2010-12-31T00:00:00Z"));
            blocker.rollback();
        }
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("steps").get(0).get("writeCount").asLong()).isEqualTo(20);
        assertThat(remaining(scope)).isEqualTo(15);

        Http.Response restart = http.with(admin).post("/api/v1/admin/job-executions/"
                + failed.get("executionId").asLong() + "/restart", null);
        assertThat(restart.status()).isEqualTo(202);
        JsonNode resumed = runToEnd(admin, restart.json().get("executionId").asLong());
        assertThat(resumed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(resumed.get("steps").get(0).get("writeCount").asLong()).isEqualTo(15);
        assertThat(remaining(scope)).isZero();

        Http.Response twice = http.with(admin).post("/api/v1/admin/job-executions/"
                + resumed.get("executionId").asLong() + "/restart", null);
        assertThat(twice.status()).isEqualTo(409);
    }

    @Test
    void launchesAreValidatedAndRestrictedToAdmins() {
        String admin = adminToken();
        assertThat(http.with(admin).get("/api/v1/admin/jobs").json().toString()).contains("idempotency-purge");
        Http.Response badCutoff = http.with(admin).post(JOB, Map.of("parameters", Map.of("cutoff", "yesterday")));
        assertThat(badCutoff.code()).isEqualTo("JOB_PARAMETERS_INVALID");
        // a future cut-off would delete live keys; an extra parameter would let a completed run be repeated
        assertThat(http.with(admin).post(JOB, Map.of("parameters", Map.of("cutoff", "2999-01-01T00:00:00Z")))
                .code()).isEqualTo("JOB_PARAMETERS_INVALID");
        assertThat(http.with(admin).post(JOB, Map.of("parameters", Map.of("cutoff", "2001-01-01T00:00:00Z",
                "again", "1"))).code()).isEqualTo("JOB_PARAMETERS_INVALID");
        assertThat(http.with(admin).send("POST", JOB, "{\"parameters\":{\"cutoff\":null}}").code())
                .isEqualTo("JOB_PARAMETERS_INVALID");
        assertThat(http.with(admin).post("/api/v1/admin/jobs/no-such-job/executions", Map.of()).code())
                .isEqualTo("JOB_UNKNOWN");
        assertThat(http.with(admin).get("/api/v1/admin/job-executions/987654321").code())
                .isEqualTo("JOB_EXECUTION_NOT_FOUND");
        String regulator = token(user(Role.REGULATOR, null, null, null));
        assertThat(http.with(regulator).post(JOB, Map.of()).code()).isEqualTo("FORBIDDEN");
    }

    private long launch(String admin, String cutoff) {
        Http.Response launched = http.with(admin).post(JOB, Map.of("parameters", Map.of("cutoff", cutoff)));
        assertThat(launched.status()).isEqualTo(202);
        assertThat(launched.json().get("parameters").get("cutoff").asString()).isEqualTo(cutoff);
        return launched.json().get("executionId").asLong();
    }

    private List<Long> insertRecords(String scope, String keyPrefix, int n, Instant expiresAt) {
        for (int i = 0; i < n; i++) {
            jdbc.update("INSERT INTO idempotency_record (caller_scope, idem_key, request_hash, status,"
                    + " response_status, created_at, locked_until, expires_at)"
                    + " VALUES (?, ?, ?, 'COMPLETED', 201, ?, ?, ?)", scope, keyPrefix + i, "0".repeat(64),
                    expiresAt.minus(Duration.ofDays(1)).toString().replace("T", " ").replace("Z", ""),
                    expiresAt.minus(Duration.ofDays(1)).toString().replace("T", " ").replace("Z", ""),
                    expiresAt.toString().replace("T", " ").replace("Z", ""));
        }
        return jdbc.queryForList("SELECT id FROM idempotency_record WHERE caller_scope = ? ORDER BY id", Long.class,
                scope);
    }

    private long remaining(String scope) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_record WHERE caller_scope = ?", Long.class,
                scope);
    }
}
