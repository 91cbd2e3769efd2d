package cn.ipf.app.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.IntegrationTest;
import cn.ipf.app.user.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals that never reach a controller (Spring Security's firewall, Tomcat's parser and header limits, the error
 * page) and ids that cannot exist are problem+json with a stable code and a trace id, never HTML or Boot's JSON.
 */
class RequestRejectionTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What came back over a raw socket: requests an HTTP client library would refuse to send. */
    private record Raw(int status, String headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT)
                    + ":")).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(null);
        }
    }

    private Raw raw(String requestLine, String... headers) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String head = response.substring(0, split);
            String body = response.substring(split + 4);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Raw(Integer.parseInt(head.split(" ")[1]), head, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            byte[] bytes = chunked.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(bytes, 0, size, StandardCharsets.UTF_8);
            out.append(chunk);
            at = eol + 2 + chunk.length() + 2;
        }
    }

    private static void assertProblem(int status, String contentType, JsonNode body, String traceHeader,
            int expectedStatus, String expectedCode) {
        assertThat(status).as(body.toString()).isEqualTo(expectedStatus);
        assertThat(contentType).startsWith("application/problem+json");
        assertThat(body.get("status").asInt()).isEqualTo(expectedStatus);
        assertThat(body.get("code").asString()).isEqualTo(expectedCode);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(body.get("traceId").asString()).isNotBlank().isEqualTo(traceHeader);
    }

    private static void assertProblem(Http.Response r, int status, String code) {
        assertProblem(r.status(), r.header("Content-Type"), r.json(), r.header("X-Request-Id"), status, code);
    }

    private static void assertProblem(Raw r, int status, String code) {
        assertProblem(r.status(), r.header("Content-Type"), r.json(), r.header("X-Request-Id"), status, code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/bank//webhook-endpoints", "/api/v1/bank/./webhook-endpoints",
        "/api/v1/bank/webhook-endpoints;x=1", "/api/v1/admin//banks"})
    void theFirewallsRefusalsAreProblems(String path) {
        assertProblem(http.get(path), 400, "REQUEST_REJECTED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/bank/webhook-endpoints%2F", "/api/v1/bank/webhook-endpoints%00",
        "/api/v1/regulator/statistics/reports/..%2F..%2Fetc/csv", "/api/v1/me%zz", "/api/v1/m%C3%28"})
    void theContainersRefusalsOfAPathAreProblems(String path) {
        assertProblem(raw("GET " + path + " HTTP/1.1"), 400, "REQUEST_REJECTED");
    }

    /**
     * Tomcat passes a header byte 0x80–0x9F (an ISO control character once decoded as Latin-1); the firewall refuses
     * it only when the header is read: Accept is refused as the firewall's other refusals are, and an unreadable
     * Accept-Language leaves the answer in the default language rather than failing it.
     */
    @ParameterizedTest
    @CsvSource({"/actuator/health, Accept, 400, REQUEST_REJECTED", "/api/v1/me, Accept, 400, REQUEST_REJECTED",
        "/api/v1/admin/banks/999999999, Accept, 400, REQUEST_REJECTED",
        "/api/v1/admin/banks/999999999, Accept-Language, 404, NOT_FOUND"})
    void aHeaderTheFirewallRefusesIsAProblem(String path, String header, int status, String code) {
        Raw r = raw("GET " + path + " HTTP/1.1", "Authorization: Bearer " + adminToken(),
                header + ": application/json\u0085");

        assertProblem(r, status, code);
    }

    @Test
    void theErrorsInEnglishToo() {
        Raw r = raw("GET /api/v1/bank/x%00 HTTP/1.1", "Accept-Language: en");

        assertThat(r.json().get("detail").asString()).startsWith("The request's path");
    }

    @Test
    void anOversizedHeaderIsAProblem() {
        Raw authorization = raw("GET /api/v1/me HTTP/1.1", "Authorization: " + "x".repeat(10_000));
        Raw bearer = raw("GET /api/v1/me HTTP/1.1", "Authorization: Bearer " + "a".repeat(20_000));

        assertProblem(authorization, 431, "HEADER_TOO_LARGE");
        assertProblem(bearer, 431, "HEADER_TOO_LARGE");
    }

    @Test
    void theErrorPageItselfIsAProblem() {
        assertProblem(http.get("/error"), 404, "NOT_FOUND");
    }

    @Test
    void anIdempotencyKeyWithControlOrNonAsciiCharactersIsRefused() {
        String token = adminToken();
        String body = "{\"name\":\"" + unique("银行") + "\",\"bankCode\":\"123456789012\"}";
        long banks = count("bank");
        for (String key : List.of("k\u0001ey", "k\u001bey", "ke\u00e4y", "键")) {
            Raw r = raw("POST /api/v1/admin/banks HTTP/1.1", "Authorization: Bearer " + token,
                    "Content-Type: application/json", "Idempotency-Key: " + key,
                    "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body
                            .replace("\r\n", ""));
            assertThat(r.status()).as(key + ": " + r.body()).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("code").asString()).isIn("IDEMPOTENCY_KEY_INVALID", "REQUEST_REJECTED");
        }
        assertThat(count("bank")).isEqualTo(banks);
    }

    @Test
    void anAppIdThatCannotExistIsNotFound() {
        Http admin = http.with(adminToken());

        assertProblem(admin.get("/api/v1/admin/bank-apps/%E4%B8%80"), 404, "NOT_FOUND");
        assertProblem(admin.post("/api/v1/admin/bank-apps/%E4%B8%80/secrets", null), 404, "NOT_FOUND");
        assertProblem(admin.post("/api/v1/admin/bank-apps/%E4%B8%80/secrets/1/revoke", null), 404, "NOT_FOUND");
    }

    @Test
    void aBlankEnumInThePathNamesNoResource() {
        String regulator = token(user(Role.REGULATOR, null, null, null));

        assertProblem(http.with(regulator).get("/api/v1/regulator/statistics/reports/2025-01/%20"), 404,
                "NOT_FOUND");
        assertProblem(http.with(adminToken()).put("/api/v1/admin/statistics-targets/2025/999999/%20",
                java.util.Map.of("target", 1)), 404, "NOT_FOUND");
    }

    @Test
    void aQueryDateOutsideTheSaneRangeIsAProblem() {
        Http regulator = http.with(token(user(Role.REGULATOR, null, null, null)));
        String progress = "/api/v1/regulator/statistics/progress?year=2025&asOf=";

        assertThat(regulator.get(progress + "2025-06-30").status()).isEqualTo(200);
        assertProblem(regulator.get(progress + "0000-01-01"), 400, "PARAMETER_INVALID");
        assertProblem(regulator.get(progress + "2025-06-30%20"), 400, "PARAMETER_INVALID");
    }

    @Test
    void anIdWithATrailingSpaceNamesNoResource() {
        String admin = adminToken();
        String someone = user(Role.REGULATOR, null, null, null);
        long userId = jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, someone);

        assertProblem(http.with(admin).post("/api/v1/admin/users/" + userId + "%20/unlock", null), 404, "NOT_FOUND");
        assertProblem(http.with(admin).get("/api/v1/admin/users?page=1%20"), 400, "PARAMETER_INVALID");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'USER_UNLOCKED'"
                + " AND entity_id = ?", Long.class, String.valueOf(userId))).isZero();
    }
}
