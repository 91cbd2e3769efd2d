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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The demo launcher ({@link DemoApplication#main}) as the README runs it, in a JVM of its own with
 * {@code SERVER_PORT} set to a port that is not 8080: everything it loads over HTTP reaches that server; and a demo
 * that cannot load exits with 1 instead of hanging with its servers running.
 */
class DemoOnAnotherPortTest {

    private static final Duration START_LIMIT = Duration.ofMinutes(4);

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
