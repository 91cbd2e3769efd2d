package cn.ipf.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.IntegrationTest;
import cn.ipf.app.testinfra.OtherInstance;
import cn.ipf.app.user.Role;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the service on one database and Redis (this test's context and a second one in the same JVM):
 * a schedule fired on both runs once, and a monthly report generated on one is served by the other.
 */
class TwoInstancesTest extends IntegrationTest {

    private static ConfigurableApplicationContext other;

    @Autowired
    JobSchedules schedules;

    @BeforeEach
    void secondInstance() {
        if (other == null) {
            other = OtherInstance.start("other-instance", true, Map.of());
        }
    }

    @AfterAll
    static void stopSecondInstance() {
        if (other != null) {
            other.close();
            other = null;
        }
    }

    @Test
    void aScheduleFiredOnBothInstancesRunsOnce() {
        String executions = "BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
                + " WHERE i.JOB_NAME = 'idempotency-purge'";
        long before = count(executions);
        JobSchedules otherSchedules = other.getBean(JobSchedules.class);
        schedules.dailyIdempotencyPurge();
        otherSchedules.dailyIdempotencyPurge();
        assertThat(count(executions)).isEqualTo(before + 1);
    }

    @Test
    void aReportGeneratedOnOneInstanceIsServedByTheOther() {
        String regulator = token(user(Role.REGULATOR, null, null, null));
        Http.Response launched = http.with(regulator).post("/api/v1/admin/jobs/regulator-monthly-report/executions",
                Map.of("parameters", Map.of("month", "2018-07")));
        assertThat(launched.status()).as(launched.toString()).isEqualTo(202);
        assertThat(runToEnd(regulator, launched.json().get("executionId").asLong()).get("status").asString())
                .isEqualTo("COMPLETED");
        String path = "/api/v1/regulator/statistics/reports/2018-07/csv";
        Http.Response here = http.with(regulator).get(path);
        Http.Response there = new Http("http://localhost:" + OtherInstance.port(other)).with(regulator).get(path);
        assertThat(here.status()).isEqualTo(200);
        assertThat(there.status()).as(there.toString()).isEqualTo(200);
        assertThat(there.body()).isEqualTo(here.body()).contains("目标");
        assertThat(jdbc.queryForObject("SELECT SHA2(content, 256) FROM statistics_report_content"
                + " WHERE report_month = '2018-07' AND format = 'csv'", String.class))
                .as("the stored bytes are those recorded").isEqualTo(jdbc.queryForObject("SELECT sha256"
                        + " FROM statistics_report WHERE report_month = '2018-07' AND format = 'csv'", String.class));
        assertThat(there.headers().get("X-Content-SHA256")).isNotNull()
                .isEqualTo(here.headers().get("X-Content-SHA256"));
    }
}
