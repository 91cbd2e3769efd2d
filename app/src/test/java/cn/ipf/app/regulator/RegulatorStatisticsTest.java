package cn.ipf.app.regulator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Every indicator on the known {@link Portfolio}, by month, quarter and year, in total and by district, bank and
 * industry, with the year-on-year change; targets maintained by an admin and their progress against the linear pace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegulatorStatisticsTest extends LibraryTestSupport {

    static final String STATS = "/api/v1/regulator/statistics";

    Portfolio p;
    String admin;
    String regulator;

    /** Built once for the class (the shared HTTP client exists only from the first test on). */
    @BeforeEach
    void portfolio() throws Exception {
        if (p != null) {
            return;
        }
        admin = adminToken();
        regulator = token(user(Role.REGULATOR, null, null, null));
        p = new Portfolio(this, http, jdbc, admin, this::runToEnd).build(Map.of(
                "A", sdk(app(admin, bank(admin), null)), "B", sdk(app(admin, bank(admin), null))));
    }

    @Test
    void aMonthInTotalWithTheSameMonthAYearEarlier() {
        JsonNode report = stats("period=2025-03&regionCode=" + p.city);
        assertThat(report.get("from").asString()).isEqualTo("2025-03-01");
        assertThat(report.get("previousTo").asString()).isEqualTo("2024-03-31");
        assertThat(report.get("rows")).hasSize(1);
        JsonNode all = report.get("rows").get(0);
        assertThat(all.get("key").asString()).isEqualTo("ALL");
        assertThat(values(all)).isEqualTo(expect(1_600_000, 2, 3, 2, 1, 1, 0, 0, 0));
        assertThat(previous(all)).isEqualTo(expect(2_000_000, 1, 1, 1, 0, 1, 0, 0, 0));
        assertThat(change(all, "PLEDGE_FINANCING_AMOUNT")).isEqualByComparingTo("-0.2");
        assertThat(change(all, "PLEDGED_LOANS")).isEqualByComparingTo("1");
        assertThat(indicator(all, "PLEDGED_TRADEMARKS").has("yoyChange")).as("nothing a year earlier").isFalse();
    }

    @Test
    void aQuarterByDistrictAndByBank() {
        Map<String, JsonNode> districts = rows(stats("period=2025-Q1&breakdown=DISTRICT&regionCode=" + p.city));
        assertThat(districts.keySet()).containsExactly(p.district1, p.district2);
        assertThat(districts.get(p.district1).get("name").asString()).startsWith("甲区");
        assertThat(values(districts.get(p.district1))).isEqualTo(expect(1_600_000, 2, 3, 2, 1, 1, 0, 0, 0));
        assertThat(values(districts.get(p.district2))).as("L4 pledged in February, disbursed in April")
                .isEqualTo(expect(0, 0, 1, 1, 0, 0, 0, 0, 0));
        assertThat(previous(districts.get(p.district2))).isEqualTo(expect(2_000_000, 1, 1, 1, 0, 1, 0, 0, 0));
        assertThat(change(districts.get(p.district2), "PLEDGE_FINANCING_AMOUNT")).isEqualByComparingTo("-1");

        Map<String, JsonNode> banks = rows(stats("period=2025-Q1&breakdown=BANK&regionCode=" + p.city));
        assertThat(banks.keySet()).containsExactlyInAnyOrder(String.valueOf(p.bankA), String.valueOf(p.bankB));
        assertThat(values(banks.get(String.valueOf(p.bankA)))).isEqualTo(expect(1_000_000, 1, 3, 2, 1, 1, 0, 0, 0));
        assertThat(values(banks.get(String.valueOf(p.bankB)))).isEqualTo(expect(600_000, 1, 1, 1, 0, 1, 0, 0, 0));
        assertThat(previous(banks.get(String.valueOf(p.bankA)))).isEqualTo(expect(2_000_000, 1, 1, 1, 0, 1, 0, 0,
                0));
    }

    @Test
    void aYearInTotalByIndustryAndADistrictAlone() {
        JsonNode all = rows(stats("period=2025&regionCode=" + p.city)).get("ALL");
        assertThat(values(all)).isEqualTo(expect(3_400_000, 4, 5, 4, 1, 3, 0, 0, 0));
        Map<String, JsonNode> industries = rows(stats("period=2025&breakdown=INDUSTRY&regionCode=" + p.city));
        assertThat(industries.keySet()).containsExactly("C37", "I65");
        assertThat(values(industries.get("C37"))).isEqualTo(expect(2_600_000, 3, 4, 3, 1, 2, 0, 0, 0));
        assertThat(values(industries.get("I65"))).isEqualTo(expect(800_000, 1, 1, 1, 0, 1, 0, 0, 0));
        assertThat(values(rows(stats("period=2025&regionCode=" + p.district2)).get("ALL")))
                .isEqualTo(expect(800_000, 1, 1, 1, 0, 1, 0, 0, 0));
    }

    @Test
    void paymentsOfTheSubsidyAndTheFundAndRecoveries() {
        String thisYear = String.valueOf(today().getYear());
        Map<String, JsonNode> banks = rows(stats("period=" + thisYear + "&breakdown=BANK&regionCode=" + p.city));
        JsonNode a = banks.get(String.valueOf(p.bankA));
        JsonNode b = banks.get(String.valueOf(p.bankB));
        assertThat(indicator(a, "SUBSIDY_PAID").get("value").decimalValue()).as("E1's claim, on L1 of bank A")
                .isEqualByComparingTo(p.subsidyPaid);
        assertThat(indicator(b, "COMPENSATION_PAID").get("value").decimalValue()).as("the funds' 60 % of L5")
                .isEqualByComparingTo("600000");
        BigDecimal recoveries2026 = indicator(rows(stats("period=2026-07&regionCode=" + p.city)).get("ALL"),
                "RECOVERIES").get("value").decimalValue();
        assertThat(recoveries2026).isEqualByComparingTo("150000");
        // the figures agree with the records they come from
        assertThat(jdbc.queryForObject("SELECT total_amount FROM subsidy_claim WHERE id = ?", BigDecimal.class,
                p.subsidyClaimId)).isEqualByComparingTo(p.subsidyPaid);
        assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM compensation_payout_line WHERE claim_id = ? AND "
                + "posting_id IS NOT NULL", BigDecimal.class, p.compensationClaimId)).isEqualByComparingTo("600000");
    }

    @Test
    void targetsAreTheAdminsAndProgressRunsAgainstALinearPace() {
        String path = "/api/v1/admin/statistics-targets/2025/" + p.city + "/";
        assertThat(http.with(regulator).put(path + "PLEDGE_FINANCING_AMOUNT", Map.of("value", 1)).status())
                .isEqualTo(403);
        assertThat(http.with(admin).put(path + "PLEDGED_LOANS", Map.of("value", 1.5)).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(http.with(admin).put("/api/v1/admin/statistics-targets/2025/999999/PLEDGED_LOANS",
                Map.of("value", 1)).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(http.with(admin).put(path + "PLEDGE_FINANCING_AMOUNT", Map.of("value", 5_000_000)).status())
                .isEqualTo(200);
        Http.Response corrected = http.with(admin).put(path + "PLEDGE_FINANCING_AMOUNT", Map.of("value",
                10_000_000));
        assertThat(corrected.json().get("value").decimalValue()).isEqualByComparingTo("10000000");
        assertThat(http.with(admin).put(path + "PLEDGED_LOANS", Map.of("value", 8)).status()).isEqualTo(200);
        assertThat(http.with(admin).put("/api/v1/admin/statistics-targets/2025/" + p.district2
                + "/ENTERPRISES_SERVED", Map.of("value", 1)).status()).isEqualTo(200);
        JsonNode audited = http.with(regulator).get("/api/v1/regulator/audit-events?entityType=statistics_target"
                + "&entityId=2025/" + p.city + "/PLEDGE_FINANCING_AMOUNT").json().get("items");
        assertThat(audited).hasSize(2);
        assertThat(audited.get(0).get("summary").asString()).contains("\"previous\":\"5000000");

        List<JsonNode> targets = list(http.with(regulator).get("/api/v1/regulator/statistics/targets?year=2025")
                .json()).stream().filter(t -> t.get("regionCode").asString().startsWith(p.city.substring(0, 4)))
                .toList();
        assertThat(targets).hasSize(3);

        Map<String, JsonNode> progress = new HashMap<>();
        list(http.with(regulator).get("/api/v1/regulator/statistics/progress?year=2025&asOf=2025-07-01").json())
                .stream().filter(t -> t.get("regionCode").asString().startsWith(p.city.substring(0, 4)))
                .forEach(t -> progress.put(t.get("regionCode").asString() + "/" + t.get("indicator").asString(), t));
        JsonNode amount = progress.get(p.city + "/PLEDGE_FINANCING_AMOUNT");
        assertThat(amount.get("actual").decimalValue()).as("L1 + L2 + L4").isEqualByComparingTo("2400000");
        assertThat(amount.get("ratio").decimalValue()).isEqualByComparingTo("0.24");
        assertThat(amount.get("expectedRatio").decimalValue()).as("182 of 365 days").isEqualByComparingTo("0.4986");
        assertThat(amount.get("onPace").asBoolean()).isFalse();
        JsonNode loans = progress.get(p.city + "/PLEDGED_LOANS");
        assertThat(loans.get("actual").decimalValue()).isEqualByComparingTo("3");
        assertThat(loans.get("ratio").decimalValue()).isEqualByComparingTo("0.375");
        JsonNode served = progress.get(p.district2 + "/ENTERPRISES_SERVED");
        assertThat(served.get("actual").decimalValue()).isEqualByComparingTo("1");
        assertThat(served.get("onPace").asBoolean()).isTrue();
    }

    @Test
    void badInputIsRefused() {
        assertThat(http.with(regulator).get(STATS + "?period=2025-13").code()).isEqualTo("PARAMETER_INVALID");
        assertThat(http.with(regulator).get(STATS + "?period=2025&breakdown=COUNTY").code())
                .isEqualTo("PARAMETER_INVALID");
        assertThat(http.with(regulator).get(STATS + "?period=2025&regionCode=999999").code())
                .isEqualTo("PARAMETER_INVALID");
        assertThat(http.with(token(user(Role.CITY_REVIEWER, null, null, null))).get(STATS + "?period=2025")
                .status()).isEqualTo(403);
    }

    private JsonNode stats(String query) {
        Http.Response r = http.with(regulator).get(STATS + "?" + query);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    private static Map<String, JsonNode> rows(JsonNode report) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        report.get("rows").forEach(r -> rows.put(r.get("key").asString(), r));
        return rows;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** In the order of the indicators: amount, loans, registrations, patents, trademarks, enterprises, paid... */
    private static Map<String, String> expect(long amount, long loans, long registrations, long patents,
            long trademarks, long enterprises, long subsidy, long compensation, long recoveries) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("PLEDGE_FINANCING_AMOUNT", String.valueOf(amount));
        m.put("PLEDGED_LOANS", String.valueOf(loans));
        m.put("PLEDGE_REGISTRATIONS", String.valueOf(registrations));
        m.put("PLEDGED_PATENTS", String.valueOf(patents));
        m.put("PLEDGED_TRADEMARKS", String.valueOf(trademarks));
        m.put("ENTERPRISES_SERVED", String.valueOf(enterprises));
        m.put("SUBSIDY_PAID", String.valueOf(subsidy));
        m.put("COMPENSATION_PAID", String.valueOf(compensation));
        m.put("RECOVERIES", String.valueOf(recoveries));
        return m;
    }

    private static Map<String, String> values(JsonNode row) {
        return figures(row, "value");
    }

    private static Map<String, String> previous(JsonNode row) {
        return figures(row, "previousValue");
    }

    private static Map<String, String> figures(JsonNode row, String field) {
        Map<String, String> m = new LinkedHashMap<>();
        row.get("indicators").forEach(i -> m.put(i.get("indicator").asString(),
                i.get(field).decimalValue().stripTrailingZeros().toPlainString()));
        return m;
    }

    private static JsonNode indicator(JsonNode row, String name) {
        for (JsonNode i : row.get("indicators")) {
            if (i.get("indicator").asString().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no " + name);
    }

    private static BigDecimal change(JsonNode row, String name) {
        return indicator(row, name).get("yoyChange").decimalValue();
    }
}
