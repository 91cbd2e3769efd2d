package cn.ipf.app.library;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * The annual re-review job is restartable: when a chunk fails (here on a real InnoDB lock-wait timeout, because another
 * connection holds the row lock of one of this test's library entries), the chunks committed before it keep their
 * work, the failed chunk's work is rolled back, and a restart through the admin API continues after the last
 * committed chunk, so that every enterprise ends up reviewed exactly once.
 *
 * <p>The job reviews every admitted entry of the shared database in enterprise-id order. This test's enterprises
 * are the newest, so they come last; it admits just enough of them that the chunk boundaries (chunk size from
 * {@code ipf.batch.library-rereview.chunk-size}, 5 in the test profile) fall where it needs them:
 * <pre>
 *   … others … | mine (head)  ‖  mine: rolled back, LOCKED, …rest of the chunk  ‖  mine: never reached
 *   committed chunks          ‖  the chunk that fails                          ‖  the chunk after it
 * </pre>
 * Every one of them will be flagged (its only patent lapses), so each review leaves a review flag and a
 * {@code LIBRARY_REREVIEW_FLAGGED} audit event that can be counted. Assertions are about this test's enterprises;
 * the counts of the job are about all admitted entries, which no other test changes while this one runs.
 */
class LibraryRereviewRestartTest extends LibraryTestSupport {

    private static final String JOB = "/api/v1/admin/jobs/library-rereview/executions";
    private static final String EXECUTIONS = "/api/v1/admin/job-executions/";
    private static final String DISTRICT = "370203";

    @Value("${ipf.batch.library-rereview.chunk-size:100}")
    int chunkSize;

    @Test
    void aRunFailedOnALockWaitRestartsAfterTheLastCommittedChunkAndReviewsEveryEnterpriseOnce() throws Exception {
        assertThat(chunkSize).as("the test profile sets a small re-review chunk (ipf.batch.library-rereview"
                + ".chunk-size), so that a handful of enterprises spans several chunks").isBetween(3, 10);

        // ---- arrange: this test's enterprises placed around the chunk boundaries --------------------------------
        long othersBefore = admittedCount();
        long boundary = (othersBefore / chunkSize + 1) * chunkSize; // the first boundary after one of mine
        int head = (int) (boundary - othersBefore);                 // mine in the last committed chunk (1..chunk)
        int n = head + chunkSize + 1;                               // + the failing chunk + one in the next chunk
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            mine.add(admittedSmall(DISTRICT));
        }
        for (long id : mine) {
            // the only patent lapses: the VALID_PATENT gate fails, so each review flags the entry
            assertThat(jdbc.update("UPDATE patent SET legal_status = 'LAPSED' WHERE id IN"
                    + " (SELECT patent_id FROM patent_owner WHERE enterprise_id = ?)", id)).isEqualTo(1);
            assertThat(reviewFlag(id)).as("fresh admission %d carries no flag", id).isNull();
        }
        assertThat(mine).isSorted();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM library_entry WHERE status = 'ADMITTED'"
                + " AND enterprise_id < ?", Long.class, mine.get(0))).as("admitted entries before mine")
                .isEqualTo(othersBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM library_entry WHERE status = 'ADMITTED'"
                + " AND enterprise_id > ?", Long.class, mine.get(n - 1))).as("mine are the last").isZero();
        long admitted = othersBefore + n;
        assertThat(admittedCount()).isEqualTo(admitted);

        List<Long> committed = mine.subList(0, head);
        long rolledBack = mine.get(head);          // reviewed in the failing chunk before the locked one
        long locked = mine.get(head + 1);
        List<Long> notReached = mine.subList(head + 1, n);

        // years ahead and apart from the other re-review test's dates: the date identifies the run
        String reviewDate = LocalDate.of(2037, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(1400)).toString();
        String admin = adminToken();

        // ---- the first run: the chunk with the locked entry waits 3 s for the lock, times out and fails ---------
        JsonNode failed;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement(
                    "SELECT enterprise_id FROM library_entry WHERE enterprise_id = ? FOR UPDATE")) {
                lock.setLong(1, locked);
                lock.executeQuery().close();
            }
            Http.Response launched = http.with(admin).post(JOB,
                    Map.of("parameters", Map.of("reviewDate", reviewDate)));
            assertThat(launched.status()).as(launched.toString()).isEqualTo(202);
            assertThat(launched.json().get("parameters").get("reviewDate").asString()).isEqualTo(reviewDate);
            failed = runToEnd(admin, launched.json().get("executionId").asLong());
            blocker.rollback();
        }
        long failedId = failed.get("executionId").asLong();
        assertThat(failed.get("status").asString()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.get("exitDescription").asString()).as("failed on the lock wait")
                .containsIgnoringCase("lock wait timeout");
        JsonNode failedStep = failed.get("steps").get(0);
        assertThat(failedStep.get("status").asString()).isEqualTo("FAILED");
        assertThat(failedStep.get("writeCount").asLong()).as("written by the committed chunks").isEqualTo(boundary);
        assertThat(failedStep.get("commitCount").asLong()).isEqualTo(boundary / chunkSize);
        assertThat(failedStep.get("rollbackCount").asLong()).isEqualTo(1);
        assertThat(failedStep.get("readCount").asLong()).as("read: the committed chunks (and the failed one)")
                .isBetween(boundary, boundary + chunkSize);
        // the same progress when the execution is fetched again
        JsonNode failedAgain = http.with(admin).get(EXECUTIONS + failedId).json();
        assertThat(failedAgain.get("steps").get(0).get("writeCount").asLong()).isEqualTo(boundary);
        assertThat(failedAgain.get("steps").get(0).get("readCount").asLong())
                .isEqualTo(failedStep.get("readCount").asLong());

        for (long id : committed) {
            assertThat(reviewFlag(id)).as("reviewed in a committed chunk: %d", id).contains(reviewDate);
            assertThat(flaggedEvents(id, reviewDate)).as("flag events of %d", id).isEqualTo(1);
        }
        assertThat(reviewFlag(rolledBack)).as("reviewed, then rolled back with its chunk").isNull();
        assertThat(flaggedEvents(rolledBack, reviewDate)).as("its audit event rolled back too").isZero();
        for (long id : notReached) {
            assertThat(reviewFlag(id)).as("locked or after it: %d", id).isNull();
            assertThat(flaggedEvents(id, reviewDate)).as("flag events of %d", id).isZero();
            assertThat(status(id)).isEqualTo("ADMITTED");
        }

        // ---- the restart: continues after the last committed chunk and completes ---------------------------------
        Http.Response restart = http.with(admin).post(EXECUTIONS + failedId + "/restart", null);
        assertThat(restart.status()).as(restart.toString()).isEqualTo(202);
        long resumedId = restart.json().get("executionId").asLong();
        assertThat(resumedId).isNotEqualTo(failedId);
        assertThat(restart.json().get("parameters").get("reviewDate").asString()).isEqualTo(reviewDate);
        JsonNode resumed = runToEnd(admin, resumedId);
        assertThat(resumed.get("status").asString()).as(resumed.toString()).isEqualTo("COMPLETED");
        JsonNode resumedStep = resumed.get("steps").get(0);
        assertThat(resumedStep.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(resumedStep.get("readCount").asLong()).as("only what remained after the committed chunks")
                .isEqualTo(admitted - boundary);
        assertThat(resumedStep.get("writeCount").asLong()).isEqualTo(admitted - boundary);
        assertThat(resumedStep.get("rollbackCount").asLong()).isZero();
        JsonNode resumedAgain = http.with(admin).get(EXECUTIONS + resumedId).json();
        assertThat(resumedAgain.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(resumedAgain.get("steps").get(0).get("readCount").asLong()).isEqualTo(admitted - boundary);

        Map<Long, Long> events = new LinkedHashMap<>();
        for (long id : mine) {
            events.put(id, flaggedEvents(id, reviewDate));
            assertThat(reviewFlag(id)).as("flagged: %d", id).contains(reviewDate).contains("VALID_PATENT");
            assertThat(status(id)).as("flagged, not suspended").isEqualTo("ADMITTED");
        }
        assertThat(events).as("every enterprise reviewed exactly once, none missed").allSatisfy(
                (id, count) -> assertThat(count).as("flag events of %d", id).isEqualTo(1));

        // ---- nothing more to do for this date -------------------------------------------------------------------
        Http.Response twice = http.with(admin).post(EXECUTIONS + resumedId + "/restart", null);
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("JOB_NOT_RESTARTABLE");
        Http.Response oldFailed = http.with(admin).post(EXECUTIONS + failedId + "/restart", null);
        assertThat(oldFailed.status()).as("the failed execution's instance is complete: %s", oldFailed)
                .isEqualTo(409);
        Http.Response relaunch = http.with(admin).post(JOB, Map.of("parameters", Map.of("reviewDate", reviewDate)));
        assertThat(relaunch.status()).isEqualTo(409);
        assertThat(relaunch.code()).isEqualTo("JOB_ALREADY_COMPLETE");
        for (long id : mine) {
            assertThat(flaggedEvents(id, reviewDate)).as("still once: %d", id).isEqualTo(1);
        }
    }

    private long admittedCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM library_entry WHERE status = 'ADMITTED'", Long.class);
    }

    private String reviewFlag(long enterpriseId) {
        return jdbc.queryForObject("SELECT review_flag FROM library_entry WHERE enterprise_id = ?", String.class,
                enterpriseId);
    }

    /** The enterprise's re-review flag events of this review date, as a regulator sees them in the audit trail. */
    private long flaggedEvents(long enterpriseId, String reviewDate) {
        return auditEvents(enterpriseId).stream()
                .filter(ev -> ev.get("action").asString().equals("LIBRARY_REREVIEW_FLAGGED"))
                .filter(ev -> ev.get("summary").asString().contains(reviewDate))
                .count();
    }
}
