package cn.ipf.app.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Malformed writes are refused with 400 and errors[] naming the field and what it expects, and write nothing:
 * coerced JSON types, control characters, absurd dates, zero where only a positive value makes sense, fractions
 * where an integer is meant (issues 12 and 17).
 */
class StrictInputTest extends IntegrationTest {

    private Http admin;
    private String region;

    @BeforeEach
    void signIn() {
        admin = http.with(adminToken()).header("Accept-Language", "en");
        region = jdbc.queryForObject("SELECT code FROM region ORDER BY code LIMIT 1", String.class);
    }

    private static String message(Http.Response r, String field) {
        JsonNode errors = r.json().get("errors");
        assertThat(errors).as("errors[] of %s", r).isNotNull();
        return StreamSupport.stream(errors.spliterator(), false).filter(e -> e.get("field").asString().equals(field))
                .map(e -> e.get("message").asString()).findFirst()
                .orElseThrow(() -> new AssertionError("no error for " + field + " in " + r));
    }

    private Map<String, Object> programme() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", unique("贴息"));
        form.put("regionCode", region);
        form.put("budget", 1000000);
        form.put("periodStart", "2026-01-01");
        form.put("periodEnd", "2026-12-31");
        form.put("declarationDays", 30);
        return form;
    }

    private Http.Response refusedProgramme(String field, Object value) {
        Map<String, Object> form = programme();
        form.put(field, value);
        long before = count("subsidy_programme");
        Http.Response r = admin.post("/api/v1/admin/subsidy-programmes", form);
        assertThat(r.status()).as("%s=%s: %s", field, value, r).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(count("subsidy_programme")).isEqualTo(before);
        return r;
    }

    @Test
    void theValidProgrammeIsAccepted() {
        assertThat(admin.post("/api/v1/admin/subsidy-programmes", programme()).status()).isEqualTo(201);
    }

    @Test
    void aNumberWhereTheContractSaysStringIsRefused() {
        Http.Response r = refusedProgramme("name", 12345);

        assertThat(r.code()).isEqualTo("MALFORMED_BODY");
        assertThat(message(r, "name")).isEqualTo("must be a JSON string (quoted)");
    }

    @Test
    void aDateGivenAsANumberOrOutOfRangeIsRefused() {
        assertThat(message(refusedProgramme("periodStart", 20260101), "periodStart"))
                .isEqualTo("must be a date string yyyy-MM-dd between 1900-01-01 and 2199-12-31");
        assertThat(message(refusedProgramme("periodStart", "0000-01-01"), "periodStart")).contains("1900-01-01");
        assertThat(message(refusedProgramme("periodEnd", "9999-12-31"), "periodEnd")).contains("2199-12-31");
    }

    @Test
    void controlCharactersAreRefused() {
        for (String name : new String[] {"a\u0000b", "bell\u0007", "esc\u001b[31m", "two\nlines", "c1\u0085"}) {
            Http.Response r = refusedProgramme("name", name);
            assertThat(message(r, "name")).startsWith("must not contain control characters");
        }
    }

    @Test
    void zeroBudgetAndFractionalDaysAreRefused() {
        Http.Response zero = refusedProgramme("budget", 0);
        assertThat(zero.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(message(zero, "budget")).isEqualTo("must be greater than 0");

        assertThat(message(refusedProgramme("declarationDays", 0.5), "declarationDays"))
                .isEqualTo("must be a JSON integer (unquoted, no fraction)");
        assertThat(message(refusedProgramme("budget", "1000"), "budget")).isEqualTo("must be a JSON number (unquoted)");
    }

    @Test
    void aStatisticsTargetOfZeroIsRefused() {
        Http.Response r = admin.put("/api/v1/admin/statistics-targets/2025/" + region + "/PLEDGED_LOANS",
                Map.of("target", 0));

        assertThat(r.status()).isEqualTo(400);
        assertThat(message(r, "target")).isEqualTo("must be greater than 0");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM statistics_target"
                + " WHERE region_code = ? AND target_value = 0", Long.class, region)).isZero();
    }

    @Test
    void messagesSayWhatIsExpectedWithTheUnitInBothLanguages() {
        Http.Response lpr = admin.post("/api/v1/admin/lpr-rates", Map.of("month", "2020-01", "oneYearRate", 385));
        assertThat(message(lpr, "oneYearRate")).contains("percent").contains("100");

        Http.Response user = admin.post("/api/v1/admin/users", Map.of("username", "Bad Name!", "password",
                "long-enough-1", "displayName", "x", "role", "REGULATOR"));
        assertThat(message(user, "username")).contains("3 to 64").contains("lower-case letters");

        Http.Response bank = admin.post("/api/v1/admin/banks", Map.of("name", "x", "bankCode", "12AB"));
        assertThat(message(bank, "bankCode")).contains("12-digit");
        Http.Response chinese = http.with(adminToken()).post("/api/v1/admin/banks", Map.of("name", "x",
                "bankCode", "12AB"));
        assertThat(message(chinese, "bankCode")).contains("12 位数字");
        Http.Response tooLong = admin.post("/api/v1/admin/banks", Map.of("name", "x".repeat(101), "bankCode",
                "123456789012"));
        assertThat(message(tooLong, "name")).isEqualTo("must have 1 to 100 characters (or items)");
    }
}
