package cn.ipf.app.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** RFC 9457 problem+json for every kind of refusal: shape, trace id, language, field errors, no internals. */
class ProblemDetailsTest extends IntegrationTest {

    private static final String BANKS = "/api/v1/admin/banks";
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    /** Every response body this class saw, checked for leaked internals after each test. */
    private final List<Http.Response> seen = new ArrayList<>();

    private Http.Response seen(Http.Response response) {
        seen.add(response);
        return response;
    }

    @AfterEach
    void noInternalsLeak() {
        assertThat(seen).isNotEmpty().allSatisfy(r -> assertThat(r.body())
                .doesNotContain("Exception")
                .doesNotContain("at cn.ipf")
                .doesNotContainPattern("at [a-z]+(\\.[A-Za-z0-9_$]+)+\\("));
    }

    private static void assertProblem(Http.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode body = r.json();
        assertThat(body.get("type").asString()).isNotBlank();
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("traceId").asString()).isNotBlank().isEqualTo(r.header("X-Request-Id"));
    }

    private static List<String> fields(Http.Response r) {
        JsonNode errors = r.json().get("errors");
        assertThat(errors).as("errors[] of " + r).isNotNull();
        return StreamSupport.stream(errors.spliterator(), false).map(e -> e.get("field").asString()).toList();
    }

    @Test
    void malformedJsonIsAProblemWithTheRequestIdAsTraceId() {
        Http.Response r = seen(http.with(adminToken()).send("POST", BANKS, "{\"name\": \"x\", bankCode"));

        assertProblem(r, 400, "MALFORMED_BODY");
        assertThat(r.json().get("type").asString()).isEqualTo("urn:ipf:problem:malformed-body");
        assertThat(r.json().get("instance").asString()).isEqualTo(BANKS);
        assertThat(r.json().has("errors")).isFalse();
    }

    @Test
    void aWrongTypeIsAMalformedBody() {
        Http.Response r = seen(http.with(adminToken()).send("POST", BANKS, "{\"name\": [1, 2], \"bankCode\": {}}"));

        assertProblem(r, 400, "MALFORMED_BODY");
    }

    @Test
    void theCallersRequestIdIsEchoedAndQuoted() {
        String requestId = unique("trace.id_X");
        Http.Response r = seen(http.with(adminToken()).header("X-Request-Id", requestId)
                .send("POST", BANKS, "not json"));

        assertThat(r.header("X-Request-Id")).isEqualTo(requestId);
        assertThat(r.json().get("traceId").asString()).isEqualTo(requestId);
    }

    @Test
    void anUnacceptableRequestIdIsReplacedNotEchoed() {
        String hostile = "x".repeat(65);
        Http.Response r = seen(http.with(adminToken()).header("X-Request-Id", hostile)
                .send("POST", BANKS, "not json"));

        assertThat(r.header("X-Request-Id")).isNotBlank().isNotEqualTo(hostile);
        assertThat(r.json().get("traceId").asString()).isEqualTo(r.header("X-Request-Id"));
    }

    @Test
    void successfulResponsesCarryARequestIdToo() {
        Http.Response r = seen(http.with(adminToken()).get("/api/v1/me"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void detailFollowsAcceptLanguage() {
        String token = adminToken();

        Http.Response english = seen(http.with(token).header("Accept-Language", "en")
                .send("POST", BANKS, "{oops"));
        Http.Response englishPreferred = seen(http.with(token).header("Accept-Language", "en-US,en;q=0.9,zh;q=0.5")
                .send("POST", BANKS, "{oops"));
        Http.Response byDefault = seen(http.with(token).send("POST", BANKS, "{oops"));
        Http.Response chinese = seen(http.with(token).header("Accept-Language", "zh-CN")
                .send("POST", BANKS, "{oops"));

        assertThat(english.json().get("detail").asString())
                .isEqualTo("The request body is not valid JSON or a field has the wrong type.");
        assertThat(english.json().get("title").asString()).isEqualTo("Malformed request body");
        assertThat(englishPreferred.json().get("detail").asString()).isEqualTo(english.json().get("detail")
                .asString());
        assertThat(byDefault.json().get("detail").asString()).containsPattern(CJK);
        assertThat(byDefault.json().get("title").asString()).containsPattern(CJK);
        assertThat(chinese.json().get("detail").asString()).containsPattern(CJK)
                .isEqualTo(byDefault.json().get("detail").asString());
        // the code is the contract and does not change with the language
        assertThat(List.of(english, englishPreferred, byDefault, chinese))
                .allSatisfy(r -> assertThat(r.code()).isEqualTo("MALFORMED_BODY"));
    }

    @Test
    void fieldViolationsAreListedByField() {
        String token = adminToken();
        String name = unique("x");
        Http.Response r = seen(http.with(token).header("Accept-Language", "en")
                .send("POST", BANKS, "{\"name\":\"\",\"bankCode\":\"12\"}"));

        assertProblem(r, 400, "VALIDATION_FAILED");
        assertThat(fields(r)).containsExactlyInAnyOrder("name", "bankCode");
        assertThat(r.json().get("errors")).allSatisfy(e -> assertThat(e.get("message").asString()).isNotBlank());

        Http.Response user = seen(http.with(token).send("POST", "/api/v1/admin/users",
                "{\"username\":\"A\",\"password\":\"short\",\"displayName\":\"" + name + "\",\"role\":\"REGULATOR\"}"));
        assertProblem(user, 400, "VALIDATION_FAILED");
        assertThat(fields(user)).contains("username", "password");
        assertThat(user.json().get("errors")).allSatisfy(e -> assertThat(e.get("message").asString())
                .containsPattern(CJK));
        // bad input writes nothing
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE display_name = ?", Long.class, name))
                .isZero();
    }

    @Test
    void aMissingRequiredFieldIsAFieldViolation() {
        Http.Response r = seen(http.with(adminToken()).send("POST", BANKS, "{\"name\":\"x\"}"));

        assertProblem(r, 400, "VALIDATION_FAILED");
        assertThat(fields(r)).containsExactly("bankCode");
    }

    @Test
    void aBadQueryParameterIsAProblem() {
        Http.Response r = seen(http.with(adminToken()).get("/api/v1/admin/users?page=abc"));

        assertProblem(r, 400, "PARAMETER_INVALID");
        assertThat(fields(r)).containsExactly("page");
    }

    @Test
    void aQueryParameterOutOfRangeIsAFieldViolation() {
        Http.Response r = seen(http.with(adminToken()).get("/api/v1/admin/users?size=0"));

        assertProblem(r, 400, "VALIDATION_FAILED");
        assertThat(fields(r)).containsExactly("size");
    }

    @Test
    void anUnknownPathIsNotFound() {
        Http.Response r = seen(http.with(adminToken()).get("/api/v1/no-such-thing"));

        assertProblem(r, 404, "NOT_FOUND");
    }

    @Test
    void anUnknownPathWithoutATokenIsUnauthenticated() {
        Http.Response r = seen(http.get("/api/v1/no-such-thing"));

        assertProblem(r, 401, "UNAUTHENTICATED");
    }

    @Test
    void theWrongMethodIsNotAllowed() {
        Http.Response r = seen(http.with(adminToken()).send("DELETE", BANKS, null));

        assertProblem(r, 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void aNonJsonBodyIsAnUnsupportedMediaType() {
        String name = unique("plain");
        Http.Response r = seen(http.with(adminToken()).header("Content-Type", "text/plain")
                .send("POST", BANKS, "name=" + name));

        assertProblem(r, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank WHERE name = ?", Long.class, name)).isZero();
    }

    @Test
    void refusalsBySecurityAreProblemsToo() {
        Http.Response anonymous = seen(http.get("/api/v1/me"));
        Http.Response badToken = seen(http.with("not-a-jwt").get("/api/v1/me"));
        Http.Response forbidden = seen(http.with(token(user(cn.ipf.app.user.Role.REGULATOR, null, null, null)))
                .send("POST", BANKS, "{\"name\":\"x\",\"bankCode\":\"123456789012\"}"));

        assertProblem(anonymous, 401, "UNAUTHENTICATED");
        assertProblem(badToken, 401, "UNAUTHENTICATED");
        assertProblem(forbidden, 403, "FORBIDDEN");
    }
}
