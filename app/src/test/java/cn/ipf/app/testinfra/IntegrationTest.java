package cn.ipf.app.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.user.Role;
import cn.ipf.app.user.UserMapper;
import cn.ipf.app.user.UserService;
import cn.ipf.sdk.client.ApiClient;
import cn.ipf.sdk.signing.IpfBankClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of the end-to-end tests: the whole service on a random port against real MariaDB and Redis
 * ({@link Infrastructure}), the schema rebuilt by Flyway and the demo world loaded once per test JVM. Tests share
 * that database, so each creates its own users, banks and apps with unique names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestDatabase.class, TestClock.Config.class, EicarScanner.class})
public abstract class IntegrationTest {

    protected static final String PASSWORD = "test-pass-2026";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected UserService userService;

    @Autowired
    protected UserMapper userMapper;

    /** The application's clock; a test that moves it gets it back at the real time afterwards. */
    @Autowired
    protected TestClock clock;

    protected Http http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.get().properties(true).forEach((k, v) -> registry.add(k, () -> v));
    }

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A unique name for this test's objects. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a user directly through the service (as an admin would) and returns its username. */
    protected String user(Role role, Long enterpriseId, Long bankId, String districtCode) {
        String username = unique(role.name().toLowerCase().replace('_', '-'));
        userService.create(new UserService.NewAccount(username, PASSWORD, "Test " + role, role, enterpriseId,
                bankId, districtCode));
        return username;
    }

    /** Signs in and returns the access token. */
    protected String token(String username) {
        Http.Response r = http.post("/api/v1/auth/token", Map.of("username", username, "password", PASSWORD));
        if (r.status() != 200) {
            throw new AssertionError("sign-in failed: " + r);
        }
        return r.json().get("accessToken").asString();
    }

    protected String adminToken() {
        return token(user(Role.ADMIN, null, null, null));
    }

    /** Registers a bank (through the admin API) and returns its id. */
    protected long bank(String adminToken) {
        String code = String.valueOf(100_000_000_000L + (long) (Math.random() * 899_999_999_999L));
        Http.Response r = http.with(adminToken).post("/api/v1/admin/banks",
                Map.of("name", unique("银行"), "bankCode", code));
        if (r.status() != 201) {
            throw new AssertionError("bank not created: " + r);
        }
        return r.json().get("bankId").asLong();
    }

    /** Issues an API app to the bank (through the admin API). */
    protected BankCredentials app(String adminToken, long bankId, Integer rateLimitPerMinute) {
        Map<String, Object> body = rateLimitPerMinute == null ? Map.of("name", unique("app"))
                : Map.of("name", unique("app"), "rateLimitPerMinute", rateLimitPerMinute);
        Http.Response r = http.with(adminToken).post("/api/v1/admin/banks/" + bankId + "/apps", body);
        if (r.status() != 201) {
            throw new AssertionError("app not created: " + r);
        }
        return new BankCredentials(bankId, r.json().get("appId").asString(), r.json().get("secretId").asLong(),
                r.json().get("secret").asString());
    }

    /** The bank SDK, configured the way a bank would configure it. */
    protected ApiClient sdk(BankCredentials credentials) {
        return IpfBankClients.create("http://localhost:" + port, credentials.appId(), credentials.secret());
    }

    /** Polls a job execution until it ends (bounded: a stuck job fails the test instead of hanging it). */
    protected JsonNode runToEnd(String adminToken, long executionId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            JsonNode execution = http.with(adminToken).get("/api/v1/admin/job-executions/" + executionId).json();
            String status = execution.get("status").asString();
            // a run has ended when its last update (end time, the failure in words) is written, not at its status
            boolean ended = List.of("STOPPED", "ABANDONED").contains(status) || List.of("COMPLETED", "FAILED")
                    .contains(status) && execution.hasNonNull("endedAt");
            if (ended) {
                return execution;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("job execution " + executionId + " did not end in time");
    }

    /**
     * Dates an application as submitted on {@code day}: a contract or pledge may not be dated before the application
     * it belongs to, so tests that report a loan's history in the past apply that far back.
     */
    public static void submittedOn(JdbcTemplate jdbc, long applicationId, java.time.LocalDate day) {
        jdbc.update("UPDATE loan_application SET submitted_at = ? WHERE id = ?", day.atStartOfDay(), applicationId);
    }

    protected long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    /** A call the SDK reports as refused (4xx), and the problem's stable code. */
    protected static String problemCode(SdkCall call) {
        try {
            call.run();
        } catch (cn.ipf.sdk.client.ApiException e) {
            assertThat(e.getCode()).as(e.getResponseBody()).isBetween(400, 499);
            return e.getResponseBody().replaceAll("(?s).*\"code\"\\s*:\\s*\"([A-Z_]+)\".*", "$1");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the call was accepted");
    }

    /** The problem body of a call the SDK reports as refused. */
    protected static JsonNode problem(SdkCall call) {
        try {
            call.run();
        } catch (cn.ipf.sdk.client.ApiException e) {
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(e.getResponseBody());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the call was accepted");
    }

    @FunctionalInterface
    protected interface SdkCall {
        void run() throws Exception;
    }

    /** What an admin hands a bank. */
    public record BankCredentials(long bankId, String appId, long secretId, String secret) {
    }
}
