package cn.ipf.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.Infrastructure;
import cn.ipf.app.testinfra.OtherInstance;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * The demo launcher ({@link DemoApplication#main}) as the README runs it, in a JVM of its own with
 * {@code SERVER_PORT} set to a port that is not 8080: everything it loads over HTTP reaches that server; and a demo
 * that cannot load exits with 1 instead of hanging with its servers running.
 */
class DemoOnAnotherPortTest {

    // the demo runs jobs and imports at start-up: about 4 minutes on a busy 2-core build machine, 1–2 when idle
    private static final Duration START_LIMIT = Duration.ofMinutes(8);

    @Test
    void theDemoLoadsOnANonDefaultPort() throws Exception {
        int port = freePort();
        Map<String, String> database = OtherInstance.freshDatabase("ipf_demo_port");
        Path log = Path.of("target", "demo-on-port-" + port + ".log");
        Process demo = launch(port, database, Infrastructure.get().properties(false)
                .get("spring.data.redis.port"), log);
        try {
            awaitBanner(demo, log);
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
                    database.get("spring.datasource.url"), database.get("spring.datasource.username"),
                    database.get("spring.datasource.password")));
            assertThat(jdbc.queryForList("SELECT username FROM app_user ORDER BY id", String.class))
                    .startsWith("admin", "regulator", "city-reviewer");
            // done over HTTP by the demo users: they reached this port
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM library_entry WHERE status = 'ADMITTED'",
                    Long.class)).isPositive();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM loan_application WHERE enterprise_id = 1",
                    Long.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM subsidy_programme", Long.class)).isEqualTo(1);
            assertThat(Files.readString(log)).contains("Swagger UI: http://localhost:" + port + "/swagger-ui.html",
                    "Web console (网上服务大厅): http://localhost:" + port + "/");
            Http.Response signIn = new Http("http://localhost:" + port).post("/api/v1/auth/token",
                    Map.of("username", "sme-1", "password", DemoData.PASSWORD));
            assertThat(signIn.status()).isEqualTo(200);
            theReadmeFiguresHold(new Http("http://localhost:" + port), jdbc);
        } finally {
            demo.destroy();
            demo.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aDemoThatCannotLoadExitsWithOneAndFreesItsPort() throws Exception {
        int port = freePort();
        Map<String, String> database = OtherInstance.freshDatabase("ipf_demo_broken");
        Path log = Path.of("target", "demo-broken-" + port + ".log");
        // no Redis behind this port: sign-in fails closed, so the demo's API steps are refused
        Process demo = launch(port, database, String.valueOf(freePort()), log);
        boolean ended = demo.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            demo.destroyForcibly();
        }
        assertThat(ended).as("the failed demo exits instead of hanging; log %s", log).isTrue();
        assertThat(demo.exitValue()).isEqualTo(1);
        assertThat(Files.readString(log)).contains("the demo did not start").contains("demo sign-in failed");
        try (ServerSocket again = new ServerSocket(port)) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    /**
     * The figures README.md documents for the demo world (section "Run it"): what the history and the API walk paid,
     * and the README's examples run against it. Dates that the demo takes from today (the compensation claim, the
     * payouts, the monthly report) are read back from the demo, so the figures hold whatever day it starts.
     */
    private static void theReadmeFiguresHold(Http http, JdbcTemplate jdbc) throws InterruptedException {
        String admin = token(http, "admin");
        String regulator = token(http, "regulator");
        // the history went in whole through the import
        assertThat(jdbc.queryForList("SELECT kind, row_count FROM import_file WHERE status = 'IMPORTED' ORDER BY id"))
                .extracting(r -> r.get("kind") + " " + r.get("row_count")).containsExactly("ENTERPRISES 4",
                        "IP_ASSETS 6", "TRADEMARKS 2", "LOANS 4", "INTEREST_PAYMENTS 19", "REPAYMENTS 2", "PAID_SUBSIDIES 1");

        // 2024, 2025-Q1 and 2025-Q2: ten claims declared, approved twice and paid, 159 822.50 in all
        JsonNode claims = http.with(admin).get("/api/v1/subsidy/claims?programmeId=1&size=200").json().get("items");
        assertThat(claims.findValuesAsString("status")).hasSize(10).containsOnly("PAID");
        assertThat(sum(claims, "totalAmount")).isEqualByComparingTo("159822.50");
        assertThat(claims.findValuesAsString("period")).containsOnly("2024", "2025-Q1", "2025-Q2");

        // the defaulted loan: the funds paid 600 000 + 300 000 and got 112 000 + 56 000 of the recovery back
        JsonNode trial = http.with(regulator).get("/api/v1/compensation/programmes/1/trial-balance").json();
        assertThat(trial.get("balanced").asBoolean()).isTrue();
        Map<String, String> balances = new java.util.HashMap<>();
        trial.get("accounts").forEach(a -> balances.put(a.get("code").asString(), a.get("balance").decimalValue()
                .setScale(2).toPlainString()));
        assertThat(balances).containsEntry("PROVINCIAL_FUND.ASSET", "1512000.00")
                .containsEntry("MUNICIPAL_FUND.ASSET", "756000.00")
                .containsEntry("PROVINCIAL_FUND.EXPENSE", "600000.00").containsEntry("MUNICIPAL_FUND.EXPENSE", "300000.00");

        // statistics: the year the demo runs in, and 2025-Q1 by bank (README "Regulator workspace")
        String month = http.with(regulator).get("/api/v1/regulator/statistics/reports").json().get(0).get("month")
                .asString();
        Map<String, JsonNode> year = indicators(http.with(regulator).get("/api/v1/regulator/statistics?period="
                + month.substring(0, 4)).json().get("rows").get(0));
        assertThat(year.get("SUBSIDY_PAID").get("value").decimalValue()).isEqualByComparingTo("159822.50");
        assertThat(year.get("COMPENSATION_PAID").get("value").decimalValue()).isEqualByComparingTo("900000");
        assertThat(year.get("RECOVERIES").get("value").decimalValue()).isEqualByComparingTo("300000");
        JsonNode byBank = http.with(regulator).get("/api/v1/regulator/statistics?period=2025-Q1&breakdown=BANK")
                .json().get("rows");
        assertThat(byBank).hasSize(1);
        Map<String, JsonNode> bank1 = indicators(byBank.get(0));
        assertThat(byBank.get(0).get("key").asString()).isEqualTo("1");
        assertThat(bank1.get("PLEDGE_FINANCING_AMOUNT").get("value").decimalValue()).isEqualByComparingTo("1500000");
        assertThat(bank1.get("PLEDGE_FINANCING_AMOUNT").get("previousValue").decimalValue())
                .isEqualByComparingTo("3000000");

        // the what-if example (README "Regulator workspace"), to the current month
        Http.Response submitted = http.with(regulator).post("/api/v1/regulator/simulations", Map.of("name",
                "贴息 80%", "periodFrom", "2024-01", "periodTo", month, "subsidy", Map.of("programmeId", 1, "lprRatio",
                        new java.math.BigDecimal("0.80")), "compensation", Map.of("programmeId", 1, "fundCapPerLoan",
                        700000)));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
        JsonNode simulation = awaitJson(http.with(regulator), "/api/v1/regulator/simulations/"
                + submitted.json().get("simulationId").asLong(), s -> !"RUNNING".equals(s.get("status").asString()));
        assertThat(simulation.get("status").asString()).isEqualTo("COMPLETED");
        Map<String, String> totals = new java.util.TreeMap<>();
        simulation.get("totals").forEach(t -> totals.put(t.get("measure").asString(), t.get("baselineCount").asInt()
                + " " + t.get("baselineAmount").decimalValue().setScale(2).toPlainString() + " -> "
                + t.get("alternativeAmount").decimalValue().setScale(2).toPlainString()));
        assertThat(totals).containsExactly(Map.entry("COMPENSATION", "1 900000.00 -> 700000.00"),
                Map.entry("RECOVERY_RETURN", "1 168000.00 -> 130666.66"),
                Map.entry("SUBSIDY", "35 189247.50 -> 252330.01"));

        // the interest-subsidy example (README "Interest and fee subsidies"): 2025-Q3 is left for it to compute
        Http.Response launched = http.with(admin).post("/api/v1/admin/jobs/interest-subsidy/executions",
                Map.of("parameters", Map.of("programme", "1", "period", "2025-Q3")));
        assertThat(launched.status()).as("%s", launched).isEqualTo(202);
        assertThat(awaitJson(http.with(admin), "/api/v1/admin/job-executions/" + launched.json().get("executionId")
                .asLong(), e -> List.of("COMPLETED", "FAILED", "STOPPED").contains(e.get("status").asString()))
                .get("status").asString()).isEqualTo("COMPLETED");
        JsonNode q3 = http.with(admin).get("/api/v1/subsidy/claims?programmeId=1&size=200").json().get("items");
        List<JsonNode> computed = new java.util.ArrayList<>();
        q3.forEach(c -> {
            if ("2025-Q3".equals(c.path("period").asString(null))) {
                computed.add(c);
            }
        });
        assertThat(computed).hasSize(3);
        assertThat(computed.stream().map(c -> c.get("totalAmount").decimalValue()).reduce(
                java.math.BigDecimal.ZERO, java.math.BigDecimal::add)).isEqualByComparingTo("22372.50");
    }

    private static String token(Http http, String user) {
        return http.post("/api/v1/auth/token", Map.of("username", user, "password", DemoData.PASSWORD)).json()
                .get("accessToken").asString();
    }

    private static java.math.BigDecimal sum(JsonNode items, String field) {
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (JsonNode item : items) {
            total = total.add(item.get(field).decimalValue());
        }
        return total;
    }

    private static Map<String, JsonNode> indicators(JsonNode row) {
        Map<String, JsonNode> out = new java.util.HashMap<>();
        row.get("indicators").forEach(i -> out.put(i.get("indicator").asString(), i));
        return out;
    }

    private static JsonNode awaitJson(Http http, String path, java.util.function.Predicate<JsonNode> done)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonNode read = http.get(path).json();
            if (done.test(read)) {
                return read;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("not done in time: " + path);
    }

    private static Process launch(int port, Map<String, String> database, String redisPort, Path log)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                DemoApplication.class.getName());
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("IPF_TEST_DB_URL", database.get("spring.datasource.url"));
        builder.environment().put("IPF_TEST_DB_USERNAME", database.get("spring.datasource.username"));
        builder.environment().put("IPF_TEST_DB_PASSWORD", database.get("spring.datasource.password"));
        builder.environment().put("IPF_TEST_REDIS_HOST", "127.0.0.1");
        builder.environment().put("IPF_TEST_REDIS_PORT", redisPort);
        // as in the test profile: a busy build machine can stall Redis past the production 500 ms
        builder.environment().put("SPRING_DATA_REDIS_TIMEOUT", "5s");
        builder.environment().put("SPRING_DATA_REDIS_CONNECT_TIMEOUT", "5s");
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        builder.directory(new File(".").getAbsoluteFile());
        return builder.start();
    }

    private static void awaitBanner(Process demo, Path log) throws Exception {
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log).contains("IP Pledge Finance demo is up")) {
                return;
            }
            if (!demo.isAlive()) {
                throw new AssertionError("the demo exited with " + demo.exitValue() + "; log " + log);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the demo did not come up in time; log " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
