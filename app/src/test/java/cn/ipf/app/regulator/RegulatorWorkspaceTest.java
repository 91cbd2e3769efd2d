package cn.ipf.app.regulator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.shared.export.ReportWorkbook;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The regulators' workspace on the known {@link Portfolio}: every indicator by month, quarter and year, in total and
 * by district, bank and industry, with the year-on-year change; targets maintained by an admin and their progress
 * against the linear pace; the monthly report job's files, their checksums and their stability; drill-downs from a
 * subsidy line and a compensation payout line to the admission decision and the audit events.
 */
class RegulatorWorkspaceTest extends PortfolioTest {

    static final String STATS = "/api/v1/regulator/statistics";

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
        assertThat(http.with(regulator).put(path + "PLEDGE_FINANCING_AMOUNT", Map.of("target", 1)).status())
                .isEqualTo(403);
        assertThat(http.with(admin).put(path + "PLEDGED_LOANS", Map.of("target", 1.5)).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(http.with(admin).put("/api/v1/admin/statistics-targets/2025/999999/PLEDGED_LOANS",
                Map.of("target", 1)).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(http.with(admin).put(path + "PLEDGE_FINANCING_AMOUNT", Map.of("target", 5_000_000)).status())
                .isEqualTo(200);
        Http.Response corrected = http.with(admin).put(path + "PLEDGE_FINANCING_AMOUNT", Map.of("target",
                10_000_000));
        assertThat(corrected.json().get("target").decimalValue()).isEqualByComparingTo("10000000");
        Http.Response read = http.with(admin).get(path + "PLEDGE_FINANCING_AMOUNT");
        assertThat(read.status()).as("readable where it is set").isEqualTo(200);
        assertThat(read.json()).isEqualTo(corrected.json());
        assertThat(http.with(admin).get(path + "RECOVERIES").code()).isEqualTo("NOT_FOUND");
        assertThat(http.with(admin).put(path + "PLEDGED_LOANS", Map.of("target", 8)).status()).isEqualTo(200);
        assertThat(http.with(admin).put("/api/v1/admin/statistics-targets/2025/" + p.district2
                + "/ENTERPRISES_SERVED", Map.of("target", 1)).status()).isEqualTo(200);
        JsonNode audited = http.with(regulator).get("/api/v1/regulator/audit-events?entityType=STATISTICS_TARGET"
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
    void theMonthlyReportIsStoredWithItsChecksumAndRegeneratedIdentically() throws Exception {
        assertThat(http.with(admin).put("/api/v1/admin/statistics-targets/2025/" + p.district1 + "/PLEDGED_LOANS",
                Map.of("target", 4)).status()).isEqualTo(200);
        JsonNode first = report("2025-03");
        assertThat(first.get("xlsx").get("generation").asInt()).isEqualTo(first.get("csv").get("generation")
                .asInt());
        Download xlsx = download(regulator, "/api/v1/regulator/statistics/reports/2025-03/xlsx");
        Download csv = download(regulator, "/api/v1/regulator/statistics/reports/2025-03/csv");
        assertThat(sha256(xlsx.body())).isEqualTo(first.get("xlsx").get("sha256").asString());
        assertThat(sha256(csv.body())).isEqualTo(first.get("csv").get("sha256").asString());
        assertThat(xlsx.contentDisposition()).contains("ipf-progress-2025-03.xlsx");

        // generated again: the CSV (no time in it) is the same bytes; the workbook differs only in its stamp
        JsonNode again = report("2025-03");
        assertThat(again.get("xlsx").get("generation").asInt()).isEqualTo(first.get("xlsx").get("generation")
                .asInt() + 1);
        assertThat(again.get("csv").get("sha256").asString()).isEqualTo(first.get("csv").get("sha256").asString());
        ReportWorkbook book = ReportWorkbook.read(xlsx.body());
        ReportWorkbook.keep("ipf-progress-2025-03.xlsx", xlsx.body());
        ReportWorkbook regenerated = ReportWorkbook.read(download(regulator,
                "/api/v1/regulator/statistics/reports/2025-03/xlsx").body());
        for (ReportWorkbook.Sheet sheet : book.sheets()) {
            Map<String, ReportWorkbook.Cell> before = new HashMap<>(sheet.cells());
            Map<String, ReportWorkbook.Cell> after = new HashMap<>(regenerated.sheet(sheet.name()).cells());
            before.remove("A3");
            after.remove("A3");
            assertThat(after).as(sheet.name()).isEqualTo(before);
        }

        // the workbook: one sheet per breakdown and the targets
        Map<String, String> parts = zipTexts(xlsx.body());
        assertThat(parts.get("docProps/core.xml")).contains("2000-01-01T00:00:00Z");
        assertThat(book.sheets()).extracting(ReportWorkbook.Sheet::name)
                .containsExactly("合计", "区县", "银行", "行业", "目标");
        ReportWorkbook.Sheet districts = book.sheet("区县");
        assertThat(districts.text("A1")).isEqualTo("知识产权质押融资月度进展报告（区县）");
        assertThat(districts.text("A2")).contains("期间：2025年3月", "单位：元");
        assertThat(districts.text("A3")).startsWith("生成时间：").endsWith("数据截至：2025-03-31");
        assertThat(districts.row(4)).containsExactly("代码", "名称", "指标(单位)", "本期", "上年同期", "同比");
        assertThat(districts.frozenRows()).isEqualTo(4);
        assertThat(districts.widths().get(2)).isGreaterThanOrEqualTo(20.0);
        for (ReportWorkbook.Sheet sheet : book.sheets()) {
            assertThat(sheet.cells().values()).as("no machine code in %s", sheet.name())
                    .noneMatch(c -> c.number() == null && c.text().matches(".*[A-Z]{2,}_[A-Z_]+.*"));
        }
        int amountLine = rowOf(districts, "B", "甲区", "C", "质押融资金额(元)");
        assertThat(districts.number("D" + amountLine)).isEqualByComparingTo("1600000.00");
        assertThat(districts.format("D" + amountLine)).isEqualTo("#,##0.00");
        int loansLine = rowOf(districts, "B", "甲区", "C", "质押贷款笔数(笔)");
        assertThat(districts.format("D" + loansLine)).isEqualTo("#,##0");
        assertThat(districts.format("F" + rowOf(districts, "B", "乙区", "C", "质押融资金额(元)"))).isEqualTo("0.00%");
        // each indicator's subtotal is the sum of exactly its lines, in the same format
        int subtotals = 0;
        int firstLine = 5;
        for (int r = 5; r <= districts.lastRow(); r++) {
            if (districts.text("A" + r).startsWith("小计：")) {
                String indicator = districts.text("A" + r).substring(3);
                for (String column : List.of("D", "E")) {
                    BigDecimal sum = BigDecimal.ZERO;
                    for (int line = firstLine; line < r; line++) {
                        assertThat(districts.text("C" + line)).isEqualTo(indicator);
                        sum = sum.add(districts.number(column + line));
                    }
                    assertThat(districts.number(column + r)).as("%s%d", column, r).isEqualByComparingTo(sum);
                    assertThat(districts.format(column + r)).isEqualTo(districts.format(column + (r - 1)));
                }
                subtotals++;
                firstLine = r + 1;
            }
        }
        assertThat(subtotals).isEqualTo(10);
        ReportWorkbook.Sheet targets = book.sheet("目标");
        int target = rowOf(targets, "B", p.district1 + " 甲区", "A", "质押贷款笔数(笔)");
        assertThat(targets.row(target)).containsExactly("质押贷款笔数(笔)", targets.text("B" + target), "2025", "4",
                "2", "0.5000", "0.2466", "是");
        assertThat(targets.format("D" + target)).isEqualTo("#,##0");
        assertThat(targets.format("F" + target)).isEqualTo("0.00%");

        // the CSV: says it is for machines; a section per sheet with codes and plain numbers, no totals
        List<String> lines = List.of(new String(csv.body(), StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(lines.get(0)).startsWith("# 知识产权质押融资月度进展报告").contains("machine-readable");
        assertThat(lines).contains("区县", "目标", "指标(单位),区域,年度,目标,实际,完成率,序时进度,达到序时进度");
        assertThat(lines).noneMatch(l -> l.startsWith("小计"));
        assertThat(lines).anyMatch(l -> l.startsWith(p.district1 + ",甲区") && l.endsWith(
                ",PLEDGE_FINANCING_AMOUNT,1600000.00,0.00,"));
        assertThat(lines).anyMatch(l -> l.startsWith(p.district2 + ",乙区") && l.endsWith(
                ",PLEDGE_FINANCING_AMOUNT,0.00,2000000.00,-1.0000"));
        assertThat(lines).contains("PLEDGED_LOANS," + p.district1 + ",2025,4,2,0.5000,0.2466,是");

        assertThat(download(regulator, "/api/v1/regulator/statistics/reports/1999-01/csv").status())
                .isEqualTo(404);
        assertThat(http.with(regulator).get("/api/v1/regulator/statistics/reports").status()).isEqualTo(200);
    }

    /** The 1-based row whose first column starts with the text (region names carry a suffix) and other holds value. */
    private static int rowOf(ReportWorkbook.Sheet sheet, String column, String text, String other, String value) {
        for (int r = 1; r <= sheet.lastRow(); r++) {
            String at = sheet.text(column + r);
            if (at != null && at.startsWith(text) && value.equals(sheet.text(other + r))) {
                return r;
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (int r = 1; r <= sheet.lastRow(); r++) {
            rows.add(sheet.row(r));
        }
        throw new AssertionError("no row with " + text + " / " + value + " in " + sheet.name() + ": " + rows);
    }

    /** Runs the report job for the month and answers the stored files by format. */
    private JsonNode report(String month) {
        Http.Response launched = http.with(admin).post("/api/v1/admin/jobs/regulator-monthly-report/executions",
                Map.of("parameters", Map.of("month", month)));
        assertThat(launched.status()).as("%s", launched).isEqualTo(202);
        JsonNode run = runToEnd(admin, launched.json().get("executionId").asLong());
        assertThat(run.get("status").asString()).as("%s", run).isEqualTo("COMPLETED");
        Map<String, JsonNode> files = new LinkedHashMap<>();
        http.with(regulator).get("/api/v1/regulator/statistics/reports").json().forEach(f -> {
            if (f.get("month").asString().equals(month)) {
                files.put(f.get("format").asString(), f);
            }
        });
        assertThat(files.keySet()).containsExactlyInAnyOrder("xlsx", "csv");
        return JsonMapper.builder().build().valueToTree(files);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aSubsidyLineDrillsDownToTheAdmissionDecisionAndItsHistory() {
        JsonNode chain = drill("subsidy-claims/" + p.subsidyClaimId + "/lines/1");
        assertThat(chain.get("kind").asString()).isEqualTo("SUBSIDY");
        assertThat(chain.get("amount").decimalValue()).isEqualByComparingTo(p.subsidyPaid);
        assertThat(chain.get("interestPayment").get("externalId").asString()).isEqualTo(p.l1 + "-I1");
        assertThat(chain.get("interestPayment").get("interestAmount").decimalValue()).isEqualByComparingTo("2798.61");
        assertThat(chain.has("defaultRecord")).isFalse();
        JsonNode loan = chain.get("loan");
        assertThat(loan.get("externalId").asString()).isEqualTo(p.l1);
        assertThat(loan.get("bankId").asLong()).isEqualTo(p.bankA);
        assertThat(loan.get("enterpriseId").asLong()).isEqualTo(p.e1);
        assertThat(loan.get("contractNo").asString()).contains(p.l1);
        assertThat(loan.get("disbursedOn").asString()).isEqualTo("2025-03-10");
        JsonNode pledges = chain.get("pledgeRegistrations");
        assertThat(pledges).hasSize(2);
        assertThat(pledges.get(0).get("registeredOn").asString()).isEqualTo("2025-03-05");
        assertThat(pledges.get(0).get("patentIds")).hasSize(1);
        assertThat(pledges.get(1).get("trademarkIds")).hasSize(1);
        JsonNode admission = chain.get("admissionDecision");
        assertThat(admission.get("toStatus").asString()).isEqualTo("ADMITTED");
        assertThat(admission.get("score").asInt()).isPositive();
        assertThat(admission.get("screening").asString()).startsWith("{");
        assertThat(jdbc.queryForObject("SELECT screening FROM admission_decision WHERE id = ?", String.class,
                admission.get("decisionId").asLong())).isEqualTo(admission.get("screening").asString());
        assertThat(chain.get("parameterVersion").get("version").asInt()).isEqualTo(1);
        assertThat(chain.get("parameterVersion").get("parameters").asString()).contains("lprRatio");
        assertThat(chain.get("auditEvents").findValuesAsString("action")).contains("SUBSIDY_PROGRAMME_CREATED",
                "ENTERPRISE_REGISTERED", "LIBRARY_CITY_APPROVE", "LOAN_CONTRACT_REPORTED", "PLEDGE_REGISTERED",
                "LOAN_DISBURSED", "INTEREST_PAYMENT_REPORTED", "SUBSIDY_RUN_OPENED", "SUBSIDY_CLAIM_DECLARED",
                "SUBSIDY_CLAIM_PAID", "PATENT_RECORDED", "TRADEMARK_RECORDED");
    }

    @Test
    void aCompensationLineDrillsDownToTheDefault() {
        JsonNode chain = drill("compensation-claims/" + p.compensationClaimId + "/lines/1");
        assertThat(chain.get("kind").asString()).isEqualTo("COMPENSATION");
        assertThat(chain.get("detail").asString()).isEqualTo("PROVINCIAL_FUND");
        assertThat(chain.get("amount").decimalValue()).isEqualByComparingTo("400000");
        assertThat(chain.get("defaultRecord").get("defaultedOn").asString()).isEqualTo("2026-06-01");
        assertThat(chain.get("defaultRecord").get("outstandingPrincipal").decimalValue())
                .isEqualByComparingTo("1000000");
        assertThat(chain.get("loan").get("enterpriseId").asLong()).isEqualTo(p.e3);
        assertThat(chain.get("admissionDecision").get("toStatus").asString()).isEqualTo("ADMITTED");
        assertThat(chain.get("parameterVersion").get("parameters").asString()).contains("PROVINCIAL_FUND");
        assertThat(chain.get("auditEvents").findValuesAsString("action")).contains("COMPENSATION_CLAIM_FILED",
                "COMPENSATION_CLAIM_CITY_APPROVED", "LOAN_DEFAULTED", "RECOVERY_REPORTED");
        assertThat(http.with(regulator).get("/api/v1/regulator/drill-down/compensation-claims/"
                + p.compensationClaimId + "/lines/99").status()).isEqualTo(404);
        assertThat(http.with(token(user(Role.CITY_REVIEWER, null, null, null))).get(
                "/api/v1/regulator/drill-down/compensation-claims/" + p.compensationClaimId + "/lines/1").status())
                .isEqualTo(403);
    }

    private JsonNode drill(String path) {
        Http.Response r = http.with(regulator).get("/api/v1/regulator/drill-down/" + path);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
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
        List<JsonNode> out = new ArrayList<>();
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
        m.put("EVENT_FACILITATED_FINANCING", "0");  // the portfolio has no matching events (MatchingEventFlowTest)
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
