package cn.ipf.app.library;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.shared.export.ReportWorkbook;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;


import java.nio.charset.StandardCharsets;


import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;



import org.junit.jupiter.api.Test;



import tools.jackson.databind.JsonNode;

/**
 * The library's periodic and city-level work through HTTP: the annual re-review batch job, the recommendation to the
 * provincial library with its CSV and XLSX export, and versioned screening rule sets that never rewrite a decision.
 */
class LibraryRereviewAndExportTest extends LibraryTestSupport {

    private static final String JOB = "/api/v1/admin/jobs/library-rereview/executions";
    private static final String EXPORT = "/api/v1/library/recommendations/export?format=";
    private static final String RULE_SETS = "/api/v1/admin/screening-rule-sets";
    private static final List<String> EXPORT_HEADER = List.of("统一社会信用代码", "企业名称", "所属区县", "行业代码",
            "企业规模", "有效发明专利数", "高价值专利数", "融资需求金额(元)", "入库评分", "入库日期");

    @Test
    void theAnnualRereviewFlagsFailingEntriesAndSuspendsOnlyTheDishonest() {
        long healthy = admittedStrong("370211");
        long failing = admittedSmall("370211");
        long dishonest = admittedStrong("370202");
        // the failing entry's only patent lapses; the dishonest one is listed directly (as a data feed would list
        // it, without the API's immediate suspension), so that only the job can act on either
        assertThat(jdbc.update("UPDATE patent SET legal_status = 'LAPSED' WHERE id IN"
                + " (SELECT patent_id FROM patent_owner WHERE enterprise_id = ?)", failing)).isEqualTo(1);
        jdbc.update("INSERT INTO dishonesty_record (enterprise_id, listed_on, source, recorded_by, created_at)"
                + " VALUES (?, ?, '信用中国（数据交换）', ?, NOW(6))", dishonest, today().toString(),
                districtReviewer("370202").id());
        assertThat(List.of(status(healthy), status(failing), status(dishonest))).containsOnly("ADMITTED");
        long healthyDecisions = decisionCount(healthy);
        long failingDecisions = decisionCount(failing);
        long dishonestDecisions = decisionCount(dishonest);
        long admitted = jdbc.queryForObject("SELECT COUNT(*) FROM library_entry WHERE status = 'ADMITTED'",
                Long.class);

        // the date identifies the run and the database is shared: a random date years ahead (patents, the
        // certificate and the default rule set are all still in force then)
        String reviewDate = LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(1800)).toString();
        String admin = adminToken();
        Http.Response launched = http.with(admin).post(JOB, Map.of("parameters", Map.of("reviewDate", reviewDate)));
        assertThat(launched.status()).as(launched.toString()).isEqualTo(202);
        assertThat(launched.json().get("parameters").get("reviewDate").asString()).isEqualTo(reviewDate);
        JsonNode done = runToEnd(admin, launched.json().get("executionId").asLong());
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        JsonNode step = done.get("steps").get(0);
        assertThat(step.get("readCount").asLong()).isEqualTo(admitted);
        assertThat(step.get("writeCount").asLong()).isEqualTo(admitted);

        String city = cityReviewer().token();
        JsonNode flagged = enterprise(city, failing);
        assertThat(flagged.get("status").asString()).as("flagged, not suspended").isEqualTo("ADMITTED");
        assertThat(flagged.get("reviewFlag").asString()).contains(reviewDate).contains("VALID_PATENT");
        assertThat(decisionCount(failing)).isEqualTo(failingDecisions);
        assertThat(auditEvents(failing)).anySatisfy(ev -> {
            assertThat(ev.get("action").asString()).isEqualTo("LIBRARY_REREVIEW_FLAGGED");
            assertThat(ev.get("actorKind").asString()).isEqualTo("SYSTEM");
            assertThat(ev.get("summary").asString()).contains(reviewDate);
        });

        JsonNode suspended = enterprise(city, dishonest);
        assertThat(suspended.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(suspended.get("dishonestyListed").asBoolean()).isTrue();
        assertThat(decisionCount(dishonest)).isEqualTo(dishonestDecisions + 1);
        List<JsonNode> history = decisions(city, dishonest);
        JsonNode suspension = history.get(history.size() - 1);
        assertThat(suspension.get("action").asString()).isEqualTo("SUSPEND");
        assertThat(suspension.get("actorRole").asString()).isEqualTo("SYSTEM");
        assertThat(absent(suspension, "actorUserId")).isTrue();

        JsonNode untouched = enterprise(city, healthy);
        assertThat(untouched.get("status").asString()).isEqualTo("ADMITTED");
        assertThat(absent(untouched, "reviewFlag")).as(untouched.toString()).isTrue();
        assertThat(untouched.get("score").asInt()).isEqualTo(90);
        assertThat(decisionCount(healthy)).isEqualTo(healthyDecisions);

        Http.Response again = http.with(admin).post(JOB, Map.of("parameters", Map.of("reviewDate", reviewDate)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("JOB_ALREADY_COMPLETE");
        assertThat(decisionCount(dishonest)).isEqualTo(dishonestDecisions + 1);
    }

    @Test
    void rereviewLaunchesAreValidatedAndRestrictedToAdmins() {
        String admin = adminToken();
        assertThat(http.with(admin).get("/api/v1/admin/jobs").json().toString()).contains("library-rereview");
        Http.Response bad = http.with(admin).post(JOB, Map.of("parameters", Map.of("reviewDate", "next spring")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("JOB_PARAMETERS_INVALID");
        assertThat(http.with(cityReviewer().token()).post(JOB, Map.of()).code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void theCityRecommendsAdmittedEnterprisesAndExportsThem() throws Exception {
        Person city = cityReviewer();
        long id = admittedStrong("370202");
        JsonNode e = enterprise(city.token(), id);
        String recommendation = LIB + "/" + id + "/recommendation";

        Http.Response recommended = http.with(city.token()).post(recommendation, null);
        assertThat(recommended.status()).as(recommended.toString()).isEqualTo(200);
        assertThat(recommended.json().get("recommended").asBoolean()).isTrue();
        assertThat(http.with(city.token()).post(recommendation, null).json().get("recommended").asBoolean())
                .isTrue();
        assertThat(auditEvents(id)).filteredOn(ev -> ev.get("action").asString().equals("LIBRARY_RECOMMENDED"))
                .as("recommending twice records it once").hasSize(1);

        long draft = registerSmall("370202");
        Http.Response notAdmitted = http.with(city.token()).post(LIB + "/" + draft + "/recommendation", null);
        assertThat(notAdmitted.status()).isEqualTo(409);
        assertThat(notAdmitted.code()).isEqualTo("NOT_ADMITTED");
        assertThat(notAdmitted.json().get("currentState").asString()).isEqualTo("DRAFT");
        Http.Response byDistrict = http.with(districtReviewer("370202").token()).post(recommendation, null);
        assertThat(byDistrict.status()).isEqualTo(403);
        assertThat(byDistrict.code()).isEqualTo("FORBIDDEN");

        // a recommended enterprise that is suspended leaves the list
        long suspended = admittedSmall("370202");
        assertThat(http.with(city.token()).post(LIB + "/" + suspended + "/recommendation", null).status())
                .isEqualTo(200);
        assertThat(http.with(city.token()).post(LIB + "/" + suspended + "/dishonesty-listings",
                Map.of("listedOn", today().toString(), "source", "信用中国")).status()).isEqualTo(201);
        JsonNode after = enterprise(city.token(), suspended);
        assertThat(after.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(after.get("recommended").asBoolean()).isFalse();
        String suspendedUscc = after.get("uscc").asString();
        long listed = jdbc.queryForObject("SELECT COUNT(*) FROM library_entry WHERE status = 'ADMITTED'"
                + " AND recommended", Long.class);

        // CSV: UTF-8 with a byte-order mark, the ten columns, one row per recommended admitted enterprise
        Download csv = download(city.token(), EXPORT + "csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(csv.contentDisposition()).contains("attachment").contains(".csv");
        assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);
        List<String> lines = List.of(text.split("\r\n"));
        assertThat(lines.get(0)).startsWith("# 知识产权质押融资择优推荐企业名单").contains("期间 截至 " + today(),
                "machine-readable", "lines starting with # are comments");
        assertThat(lines.get(1)).isEqualTo(String.join(",", EXPORT_HEADER));
        assertThat(lines).hasSize(2 + (int) listed);
        List<String> row = lines.stream().filter(l -> l.startsWith(e.get("uscc").asString() + ",")).findFirst()
                .map(l -> List.of(l.split(",", -1))).orElseThrow(() -> new AssertionError("no row in " + text));
        assertThat(row).as("codes and plain numbers").containsExactly(e.get("uscc").asString(),
                e.get("name").asString(), "370202 市南区", "C3736", "SMALL", "2", "2", "2000000.00", "90",
                e.get("admittedOn").asString());
        assertThat(lines).noneMatch(l -> l.startsWith(suspendedUscc + ","));
        assertThat(text).doesNotContain(enterprise(city.token(), draft).get("uscc").asString());

        // XLSX: a report to hand on, with the same enterprises under a caption and a 合计 that adds up
        Download xlsx = download(city.token(), EXPORT + "xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType())
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
        ReportWorkbook.keep("recommended-enterprises.xlsx", xlsx.body());
        ReportWorkbook.Sheet sheet = ReportWorkbook.read(xlsx.body()).sheet("推荐企业");
        assertThat(sheet.text("A1")).isEqualTo("知识产权质押融资择优推荐企业名单（推荐企业）");
        assertThat(sheet.text("A2")).startsWith("区域：").contains("期间：截至 " + today()).endsWith("单位：元（专利数：件）");
        assertThat(sheet.text("A3")).startsWith("生成时间：" + today()).endsWith("数据截至：" + today());
        assertThat(sheet.row(4)).containsExactlyElementsOf(EXPORT_HEADER);
        assertThat(sheet.frozenRows()).isEqualTo(4);
        int last = 4 + (int) listed;
        int at = 5;
        while (at <= last && !e.get("uscc").asString().equals(sheet.text("A" + at))) {
            at++;
        }
        assertThat(sheet.row(at)).containsExactly(e.get("uscc").asString(), e.get("name").asString(),
                "370202 市南区", "C3736", "小型企业", "2", "2", "2000000.00", "90", e.get("admittedOn").asString());
        assertThat(sheet.format("F" + at)).isEqualTo("#,##0");
        assertThat(sheet.number("H" + at)).isEqualByComparingTo("2000000.00");
        assertThat(sheet.format("H" + at)).isEqualTo("#,##0.00");
        assertThat(sheet.number("I" + at)).as("the score is a number").isEqualByComparingTo("90");
        for (int r = 5; r <= last; r++) {
            assertThat(sheet.text("A" + r)).isNotEqualTo(suspendedUscc);
        }
        // the 合计: patents and demand added up exactly; the score is not added
        assertThat(sheet.text("A" + (last + 1))).isEqualTo("合计（" + listed + " 家）");
        for (String column : List.of("F", "G", "H")) {
            assertThat(sheet.number(column + (last + 1))).as(column).isEqualByComparingTo(sheet.sum(column, 5, last));
        }
        assertThat(sheet.format("H" + (last + 1))).isEqualTo("#,##0.00");
        assertThat(sheet.number("I" + (last + 1))).isNull();
        assertThat(sheet.lastRow()).isEqualTo(last + 1);

        // who may export
        assertThat(download(regulator().token(), EXPORT + "csv").status()).isEqualTo(200);
        assertThat(download(districtReviewer("370202").token(), EXPORT + "csv").status()).isEqualTo(403);
        assertThat(download(person(Role.SME, 1L, null, null).token(), EXPORT + "csv").status()).isEqualTo(403);
    }

    @Test
    void theExportRefusesFormatsOtherThanCsvAndXlsx() {
        Http.Response pdf = http.with(cityReviewer().token()).get(EXPORT + "pdf");
        assertThat(pdf.status()).as("format is an enum [csv, xlsx] in the contract: %s %s", pdf.status(),
                pdf.header("Content-Type")).isEqualTo(400);
    }

    @Test
    void aNewRuleSetVersionDoesNotChangeDecisionsAlreadyTaken() {
        String city = cityReviewer().token();
        long id = admittedStrong("370203");
        String decisionsBefore = decisions(city, id).toString();
        JsonNode before = enterprise(city, id);
        int inForce = before.get("ruleSetVersion").asInt();
        assertThat(before.get("score").asInt()).isEqualTo(90);

        String admin = adminToken();
        JsonNode versions = http.with(admin).get(RULE_SETS).json();
        int newest = versions.get(0).get("version").asInt();
        long rows = count("screening_rule_set");

        // far beyond any date another test screens on
        String effectiveFrom = LocalDate.of(2100, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000))
                .toString();
        Http.Response created = http.with(admin).post(RULE_SETS, Map.of("effectiveFrom", effectiveFrom,
                "rules", rules(List.of(tier(1, 25), tier(3, 35)), 50)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("version").asInt()).isEqualTo(newest + 1);
        assertThat(created.json().get("effectiveFrom").asString()).isEqualTo(effectiveFrom);
        assertThat(created.json().get("rules").get("inventionTiers").get(0).get("points").asInt()).isEqualTo(25);
        assertThat(created.json().get("rules").get("admissionThreshold").asInt()).isEqualTo(50);
        assertThat(http.with(admin).get(RULE_SETS).json().get(0).get("version").asInt()).isEqualTo(newest + 1);
        Http.Response sameDay = http.with(admin).post(RULE_SETS, Map.of("effectiveFrom", effectiveFrom,
                "rules", rules(List.of(tier(1, 25)), 40)));
        assertThat(sameDay.status()).isEqualTo(409);
        assertThat(sameDay.code()).isEqualTo("RULE_SET_EFFECTIVE_DATE_TAKEN");

        // decisions already taken keep their version and score; screening today still uses the version in force
        assertThat(decisions(city, id).toString()).isEqualTo(decisionsBefore);
        JsonNode after = enterprise(city, id);
        assertThat(after.get("ruleSetVersion").asInt()).isEqualTo(inForce);
        assertThat(after.get("score").asInt()).isEqualTo(90);
        JsonNode preview = http.with(city).get(LIB + "/" + id + "/screening").json();
        assertThat(preview.get("ruleSetVersion").asInt()).isEqualTo(inForce);
        assertThat(preview.get("score").asInt()).isEqualTo(90);

        // refused: a past effective date, inconsistent tiers, an unreachable threshold; nothing is written
        Http.Response past = http.with(admin).post(RULE_SETS, Map.of("effectiveFrom",
                today().minusDays(1).toString(), "rules", rules(List.of(tier(1, 25)), 20)));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.code()).isEqualTo("DATE_INVALID");
        String future = LocalDate.parse(effectiveFrom).plusDays(1).toString();
        Http.Response descendingCounts = http.with(admin).post(RULE_SETS, Map.of("effectiveFrom", future,
                "rules", rules(List.of(tier(2, 10), tier(1, 20)), 20)));
        assertThat(descendingCounts.status()).isEqualTo(400);
        assertThat(descendingCounts.code()).isEqualTo("RULE_SET_INVALID");
        Http.Response decreasingPoints = http.with(admin).post(RULE_SETS, Map.of("effectiveFrom", future,
                "rules", rules(List.of(tier(1, 20), tier(2, 10)), 20)));
        assertThat(decreasingPoints.code()).isEqualTo("RULE_SET_INVALID");
        Http.Response unreachable = http.with(admin).post(RULE_SETS, Map.of("effectiveFrom", future,
                "rules", rules(List.of(tier(1, 25)), 500)));
        assertThat(unreachable.code()).isEqualTo("RULE_SET_INVALID");
        assertThat(http.with(city).post(RULE_SETS, Map.of("effectiveFrom", future,
                "rules", rules(List.of(tier(1, 25)), 20))).code()).isEqualTo("FORBIDDEN");
        assertThat(count("screening_rule_set")).isEqualTo(rows + 1);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static Map<String, Object> tier(int minCount, int points) {
        return Map.of("minCount", minCount, "points", points);
    }

    /** A complete rule set: the given invention tiers and threshold, everything else fixed. */
    private static Map<String, Object> rules(List<Map<String, Object>> inventionTiers, int threshold) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("inventionTiers", inventionTiers);
        r.put("highValueTiers", List.of(tier(1, 10)));
        r.put("ipmCertificationPoints", 5);
        r.put("highTechPoints", 5);
        r.put("specializedPoints", 5);
        r.put("creditRatingPoints", Map.of("AAA", 20, "AA", 10));
        r.put("demandCoveredPoints", 10);
        r.put("demandUncoveredPoints", 0);
        r.put("demandCoverageRatio", 0.6);
        r.put("admissionThreshold", threshold);
        r.put("defaultLookbackYears", 3);
        return r;
    }
}
