package cn.ipf.app.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.batch.JobControl;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * The job fails mid-way and is restarted: with 2 partitions of enterprises and 2 enterprises per chunk (test profile),
 * another connection holds the library-entry lock of this test's third enterprise, so the first partition commits
 * its first chunk and fails on the second (InnoDB lock-wait timeout, 3 s in the test profile) while the second
 * partition completes. The restart through the job API continues after the last committed chunk. The lines are then
 * exactly those a dry run computed beforehand (launched from the command line), every payment in one line.
 * A missing LPR month fails a run loudly, naming the month, until an administrator adds it.
 */
class InterestSubsidyRestartTest extends SubsidyTestSupport {

    @Autowired
    JobControl jobControl;

    @Autowired
    DataSource dataSource;

    @Value("${ipf.batch.interest-subsidy.chunk-size}")
    int chunkSize;

    @Value("${ipf.batch.interest-subsidy.partitions}")
    int partitions;

    @Test
    void aRunFailedOnALockWaitRestartsWithTheLinesItWouldHaveWritten() throws Exception {
        assertThat(chunkSize).isEqualTo(2);
        assertThat(partitions).isEqualTo(2);
        String admin = adminToken();
        Region region = region();
        long programmeId = programme(admin, region.city(), "1000000", null);
        Bank bank = lender(admin);
        List<Long> ids = eightBorrowersPayingInQ3(bank, region.district(), 400_000, 50_000);
        Map<Long, BigDecimal> expected = dryRunTotalsOfQ3(jobControl, programmeId);
        assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(ids);

        // ---- the run: the third enterprise's chunk waits for a lock, times out and fails its partition ---------
        Map<String, String> q3 = Map.of("programme", String.valueOf(programmeId), "period", "2025-Q3");
        JsonNode failed;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement(
                    "SELECT enterprise_id FROM library_entry WHERE enterprise_id = ? FOR UPDATE")) {
                lock.setLong(1, ids.get(2));
                lock.executeQuery().close();
            }
            failed = run(admin, q3);
            blocker.rollback();
        }
        assertThat(failed.get("status").asString()).as("%s", failed).isEqualTo("FAILED");
        assertThat(failed.get("exitDescription").asString()).containsIgnoringCase("lock wait timeout")
                .doesNotContain("\n");
        assertThat(claimed(programmeId)).as("committed before the failure: the first chunk and the other partition")
                .containsExactlyInAnyOrder(ids.get(0), ids.get(1), ids.get(4), ids.get(5), ids.get(6), ids.get(7));
        long failedId = failed.get("executionId").asLong();

        Http.Response restart = http.with(admin).post("/api/v1/admin/job-executions/" + failedId + "/restart", null);
        assertThat(restart.status()).as(restart.toString()).isEqualTo(202);
        JsonNode resumed = runToEnd(admin, restart.json().get("executionId").asLong());
        assertThat(resumed.get("status").asString()).as("%s", resumed).isEqualTo("COMPLETED");
        long readAgain = 0;
        for (JsonNode step : resumed.get("steps")) {
            if (step.get("stepName").asString().startsWith("compute-partition:")) {
                readAgain += step.get("readCount").asLong();
            }
        }
        assertThat(readAgain).as("only the failed chunk's enterprises are read again").isEqualTo(2);

        // ---- identical lines: the dry run's totals, every payment in exactly one line --------------------------
        assertThat(claimed(programmeId)).containsExactlyInAnyOrderElementsOf(ids);
        for (long id : ids) {
            JsonNode claim = claimOf(admin, programmeId, id, "2025-Q3");
            assertThat(claim.get("totalAmount").decimalValue()).as("claim of %d", id)
                    .isEqualByComparingTo(expected.get(id));
            assertThat(claim.get("lines").findValuesAsString("reason")).containsOnly("ELIGIBLE");
        }
        long runId = jdbc.queryForObject("SELECT id FROM subsidy_run WHERE programme_id = ? AND NOT dry_run",
                Long.class, programmeId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM subsidy_line WHERE run_id = ?", Long.class, runId))
                .isEqualTo(16);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT payment_id) FROM subsidy_line WHERE run_id = ?",
                Long.class, runId)).isEqualTo(16);
        assertThat(http.with(admin).post("/api/v1/admin/job-executions/" + failedId + "/restart", null).code())
                .isEqualTo("JOB_NOT_RESTARTABLE");
    }

    @Test
    void aMissingLprMonthFailsTheRunNamingItUntilAnAdministratorAddsIt() throws Exception {
        String admin = adminToken();
        Region region = region();
        long programmeId = programme(admin, region.city(), "1000000", null);
        Bank bank = lender(admin);
        Borrower b = borrower(region.district(), true);
        // signed in October 2026: the LPR of September 2026 is needed, and the seed ends in May 2025
        String ref = loan(bank, b, b.patentId(), Terms.standard(d("2026-10-05"), "600000", "0.0345"));
        payment(bank, ref, 1, d("2026-10-10"), d("2026-11-10"), "600000", "1782.50", d("2026-11-10"));

        JsonNode failed = run(admin, Map.of("programme", String.valueOf(programmeId), "period", "2026-11"));
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("exitDescription").asString()).as("the root cause in words, not a stack trace")
                .isEqualTo("no 1-year LPR recorded for 2026-09");
        assertThat(claimed(programmeId)).isEmpty();

        String later = YearMonth.from(today()).plusMonths(2).toString();
        assertThat(http.with(admin).post("/api/v1/admin/lpr-rates", Map.of("month", later, "oneYearRate", 3.0))
                .code()).as("not published yet").isEqualTo("VALIDATION_FAILED");
        assertThat(http.with(b.sme().token()).post("/api/v1/admin/lpr-rates", Map.of("month", "2026-09",
                "oneYearRate", 3.0)).status()).isEqualTo(403);
        Http.Response added = http.with(admin).post("/api/v1/admin/lpr-rates", Map.of("month", "2026-09",
                "oneYearRate", 3.0));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(http.with(admin).post("/api/v1/admin/lpr-rates", Map.of("month", "2026-09", "oneYearRate", 2.9))
                .code()).isEqualTo("LPR_MONTH_EXISTS");

        Http.Response restart = http.with(admin).post("/api/v1/admin/job-executions/"
                + failed.get("executionId").asLong() + "/restart", null);
        assertThat(runToEnd(admin, restart.json().get("executionId").asLong()).get("status").asString())
                .isEqualTo("COMPLETED");
        JsonNode line = claimOf(admin, programmeId, b.enterpriseId(), "2026-11").get("lines").get(0);
        assertThat(line.get("lprMonth").asString()).isEqualTo("2026-09");
        // 600 000 × 0.018 × 31 / 360 = 930.00 < 1 782.50
        assertThat(line.get("amount").decimalValue()).isEqualByComparingTo("930.00");

        JsonNode seeded = http.with(b.sme().token()).get("/api/v1/subsidy/lpr-rates").json();
        Map<String, String> rates = new HashMap<>();
        seeded.forEach(r -> rates.put(r.get("month").asString(), r.get("oneYearRate").decimalValue()
                .stripTrailingZeros().toPlainString()));
        assertThat(rates).containsEntry("2019-08", "4.25").containsEntry("2019-10", "4.2")
                .containsEntry("2021-11", "3.85").containsEntry("2021-12", "3.8").containsEntry("2024-09", "3.35")
                .containsEntry("2025-04", "3.1").containsEntry("2025-05", "3").containsEntry("2026-09", "3");
        assertThat(rates.keySet().stream().filter(m -> m.compareTo("2025-05") <= 0)).hasSize(70);
    }

    private List<Long> claimed(long programmeId) {
        return jdbc.queryForList("SELECT enterprise_id FROM subsidy_claim WHERE programme_id = ?", Long.class,
                programmeId);
    }
}
