package cn.ipf.app.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.shared.export.ReportWorkbook;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Claims from computation to payment: the annual cap crossed within one run and across two periods, declaration,
 * district and (another person's) city approval, the budget, payment and the treasury's payment orders, a rejection
 * that gives the cap and the payments back to a later run, a frozen parameter version, and expiry.
 *
 * <p>The programme caps the subsidy at 4 000.00 per enterprise and year; every payment is 30 days of interest on
 * 1 000 000 (2 875.00 at 3.45 %), whose rate bound 1 000 000 × 1.8 % × 30 / 360 = 1 500.00 is what it earns.
 * Computed claims must be declared on the day they are computed (declaration days 0), so the expiry sweep of
 * tomorrow expires exactly this test's undeclared claims.
 */
class InterestSubsidyClaimsTest extends SubsidyTestSupport {

    private static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";
    private static final String CMD = "+cmd|' /C calc'!A0";

    @Autowired
    SubsidyClaims subsidyClaims;

    @Test
    void fromComputationToPaymentWithinTheCapAndTheBudget() throws Exception {
        String admin = adminToken();
        Region region = region();
        long programmeId = programme(admin, region.city(), "3500", 0);
        interestParameters(admin, programmeId, interest("4000", null));
        Bank bank = lender(admin);
        Borrower e = borrower(region.district(), true);
        String ref = loan(bank, e, e.patentId(), Terms.standard(d("2025-06-10"), "1000000", "0.0345"));
        payment(bank, ref, 1, d("2025-06-15"), d("2025-07-15"), "1000000", "2875.00", d("2025-07-15"));
        payment(bank, ref, 2, d("2025-07-15"), d("2025-08-14"), "1000000", "2875.00", d("2025-08-14"));
        payment(bank, ref, 3, d("2025-09-13"), d("2025-10-13"), "1000000", "2875.00", d("2025-10-13"));
        payment(bank, ref, 4, d("2025-10-13"), d("2025-11-12"), "1000000", "2875.00", d("2025-11-12"));
        payment(bank, ref, 5, d("2025-12-13"), d("2026-01-12"), "1000000", "2875.00", d("2026-01-12"));

        // ---- Q3: two payments, 3 000 of the 4 000 cap ----------------------------------------------------------
        completedRun(admin, programmeId, "2025-Q3");
        JsonNode q3 = claimOf(admin, programmeId, e.enterpriseId(), "2025-Q3");
        assertThat(q3.get("lines").findValuesAsString("reason")).containsExactly("ELIGIBLE", "ELIGIBLE");
        assertThat(amounts(q3, "capRemainingBefore")).containsExactly("4000", "2500");
        assertThat(q3.get("totalAmount").decimalValue()).isEqualByComparingTo("3000.00");

        // ---- Q4: the cap is crossed within the run and across the two periods; January is another year ----------
        completedRun(admin, programmeId, "2025-Q4");
        JsonNode q4 = claimOf(admin, programmeId, e.enterpriseId(), "2025-Q4");
        assertThat(q4.get("lines").findValuesAsString("paymentExternalId")).containsExactly(ref + "-I3", ref + "-I4");
        assertThat(q4.get("lines").findValuesAsString("reason")).containsExactly("CAPPED", "CAP_EXHAUSTED");
        assertThat(amounts(q4, "amountBeforeCap")).containsExactly("1500", "1500");
        assertThat(amounts(q4, "amount")).containsExactly("1000", "0");
        assertThat(q4.get("totalAmount").decimalValue()).isEqualByComparingTo("1000.00");

        // ---- declaration, district approval, maker-checker, city approval ---------------------------------------
        long q3Id = q3.get("claimId").asLong();
        String path = CLAIMS + "/" + q3Id;
        Http.Response undeclared = http.with(districtReviewer(region.district()).token())
                .post(path + "/district-approval", null);
        assertThat(undeclared.code()).as("not declared yet").isEqualTo("ILLEGAL_TRANSITION");
        assertThat(undeclared.json().get("allowedActions").toString()).isEqualTo("[\"DECLARE\",\"REJECT\",\"EXPIRE\"]");
        assertThat(undeclared.json().get("nextActor").asString()).isEqualTo("ENTERPRISE");
        assertThat(undeclared.json().get("detail").asString()).contains("等待企业申报");
        assertThat(http.with(e.sme().token()).post(path + "/declaration", Map.of("account", Map.of("name", "x",
                "bank", "y", "number", "802880200012345"), "noDoubleSubsidy", false)).code())
                .isEqualTo("VALIDATION_FAILED");
        // an account name and bank that spreadsheet programs would take for formulas (CSV injection)
        Http.Response declared = http.with(e.sme().token()).post(path + "/declaration", Map.of("account", Map.of(
                "name", HYPERLINK, "bank", CMD, "number", "802880200012345"), "noDoubleSubsidy", true));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(200);
        assertThat(declared.json().get("status").asString()).isEqualTo("DECLARED");
        assertThat(declared.json().get("account").get("number").asString()).isEqualTo("802880200012345");
        assertThat(http.with(e.sme().token()).post(path + "/district-approval", null).code()).isEqualTo("FORBIDDEN");

        Person city1 = person(Role.CITY_REVIEWER, null, null, null);
        Person city2 = person(Role.CITY_REVIEWER, null, null, null);
        Http.Response district = http.with(city1.token()).post(path + "/district-approval", null);
        assertThat(district.status()).as(district.toString()).isEqualTo(200);
        assertThat(district.json().get("status").asString()).isEqualTo("DISTRICT_APPROVED");
        assertThat(http.with(city1.token()).post(path + "/city-approval", null).code()).isEqualTo("MAKER_CHECKER");
        assertThat(http.with(districtReviewer(region.district()).token()).post(path + "/city-approval", null).code())
                .isEqualTo("FORBIDDEN");
        assertThat(http.with(city2.token()).post(path + "/city-approval", null).json().get("status").asString())
                .isEqualTo("CITY_APPROVED");

        // the version an approved claim used is frozen
        Http.Response frozen = http.with(admin).put("/api/v1/admin/subsidy-programmes/" + programmeId
                + "/rule-versions/1", Map.of("effectiveFrom", "2025-01-01", "interest", interest("9000", null),
                        "fees", Map.of("evaluationFeeRatio", 0.5, "evaluationFeeAnnualCap", 50000,
                                "insurancePremiumRatio", 0.5, "insurancePremiumAnnualCap", 20000)));
        assertThat(frozen.code()).isEqualTo("RULE_VERSION_IMMUTABLE");

        // ---- the budget: 3 000 committed of 3 500, the Q4 claim of 1 000 does not fit --------------------------
        long q4Id = q4.get("claimId").asLong();
        assertThat(http.with(e.sme().token()).post(CLAIMS + "/" + q4Id + "/declaration", declaration()).status())
                .isEqualTo(200);
        Http.Response over = http.with(districtReviewer(region.district()).token())
                .post(CLAIMS + "/" + q4Id + "/district-approval", null);
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.code()).isEqualTo("BUDGET_EXCEEDED");
        assertThat(over.json().get("remaining").decimalValue()).isEqualByComparingTo("500.00");
        JsonNode programme = http.with(admin).get("/api/v1/subsidy/programmes/" + programmeId).json();
        assertThat(programme.get("committed").decimalValue()).isEqualByComparingTo("3000.00");
        assertThat(programme.get("remaining").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(programme.get("ruleVersions").get(0).get("immutable").asBoolean()).isTrue();
        String programmePath = "/api/v1/admin/subsidy-programmes/" + programmeId;
        assertThat(http.with(admin).put(programmePath, Map.of("name", "x", "budget", 2999.99, "declarationDays", 0))
                .code()).as("not below what is committed").isEqualTo("BUDGET_EXCEEDED");
        assertThat(http.with(admin).put(programmePath, Map.of("name", "贴息 2025–2026", "budget", 3500,
                "declarationDays", 0)).json().get("name").asString()).isEqualTo("贴息 2025–2026");

        // parameters change by new versions from a date
        Map<String, Object> fees = Map.of("evaluationFeeRatio", 0.5, "evaluationFeeAnnualCap", 50000,
                "insurancePremiumRatio", 0.5, "insurancePremiumAnnualCap", 20000);
        Http.Response v2 = http.with(admin).post(programmePath + "/rule-versions", Map.of("effectiveFrom",
                "2026-07-01", "interest", interest("4000", 150), "fees", fees));
        assertThat(v2.status()).as(v2.toString()).isEqualTo(201);
        assertThat(v2.json().get("version").asInt()).isEqualTo(2);
        assertThat(v2.json().get("immutable").asBoolean()).isFalse();
        assertThat(http.with(admin).post(programmePath + "/rule-versions", Map.of("effectiveFrom", "2026-07-01",
                "interest", interest("4000", null), "fees", fees)).code())
                .isEqualTo("RULE_VERSION_EFFECTIVE_DATE_TAKEN");
        Map<String, Object> bad = new java.util.LinkedHashMap<>(interest("4000", null));
        bad.put("lprRatio", 1.5);
        assertThat(http.with(admin).post(programmePath + "/rule-versions", Map.of("effectiveFrom", "2026-08-01",
                "interest", bad, "fees", fees)).code()).isEqualTo("SUBSIDY_RULES_INVALID");
        assertThat(http.with(admin).post("/api/v1/admin/subsidy-programmes", Map.of("name", "x", "regionCode",
                "999999", "budget", 1, "periodStart", "2025-01-01", "periodEnd", "2025-12-31")).code())
                .isEqualTo("PROGRAMME_INVALID");
        assertThat(http.with(e.sme().token()).post(programmePath + "/rule-versions", Map.of("effectiveFrom",
                "2026-08-01", "interest", interest("4000", null), "fees", fees)).status()).isEqualTo(403);

        // ---- payment orders for the treasury, then the payment ------------------------------------------------
        Download csv = download(admin, "/api/v1/subsidy/payment-orders?programmeId=" + programmeId + "&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        String programmeName = http.with(admin).get("/api/v1/subsidy/programmes/" + programmeId).json().get("name")
                .asString();
        String cityName = jdbc.queryForObject("SELECT name FROM region WHERE code = ?", String.class, region.city());
        // for the treasury's system: one comment line, then the header and the orders with codes and plain amounts
        List<String> csvLines = List.of(text.split("\r\n"));
        assertThat(csvLines).hasSize(3);
        assertThat(csvLines.get(0)).startsWith("\uFEFF# 知识产权质押融资补贴支付清单：" + programmeName)
                .contains("区域 " + cityName, "期间 2025-01-01 至 2026-12-31", "lines starting with # are comments");
        assertThat(csvLines.get(1)).isEqualTo("申报编号,补贴项目,补贴类型,企业名称,统一社会信用代码,所属区县,收款户名,"
                + "开户银行,收款账号,金额(元),市级审核日期,支付凭证号,支付日期,状态,在途批次");
        assertThat(csvLines.get(2)).startsWith("SC" + q3Id + "," + programmeName + ",INTEREST,")
                .contains("802880200012345").endsWith(",3000.00," + today() + ",,,CITY_APPROVED,");
        assertThat(text).doesNotContain("SC" + q4Id + ",");
        assertThat(text).as("formula-like text is neutralised, the amount stays a number")
                .contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+cmd|' /C calc'!A0,802880200012345,3000.00,")
                .doesNotContain(",\"=HYPERLINK").doesNotContain(",+cmd");
        Download xlsx = download(token(user(Role.REGULATOR, null, null, null)),
                "/api/v1/subsidy/payment-orders?programmeId=" + programmeId + "&format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        ReportWorkbook.keep("payment-orders.xlsx", xlsx.body());
        // for the finance bureau: caption, Chinese labels and names, thousands separators, a 合计 that adds up
        ReportWorkbook.Sheet sheet = ReportWorkbook.read(xlsx.body()).sheet("支付清单");
        assertThat(sheet.text("A1")).isEqualTo("知识产权质押融资补贴支付清单：" + programmeName + "（支付清单）");
        assertThat(sheet.text("A2")).isEqualTo("区域：" + cityName + "　　期间：2025-01-01 至 2026-12-31　　单位：元");
        assertThat(sheet.text("A3")).startsWith("生成时间：" + today()).endsWith("数据截至：" + today());
        assertThat(sheet.row(4)).containsExactly("申报编号", "补贴项目", "补贴类型", "企业名称", "统一社会信用代码",
                "所属区县", "收款户名", "开户银行", "收款账号", "金额(元)", "市级审核日期", "支付凭证号", "支付日期", "状态",
                "在途批次");
        assertThat(sheet.frozenRows()).isEqualTo(4);
        assertThat(sheet.text("A5")).isEqualTo("SC" + q3Id);
        assertThat(sheet.text("C5")).isEqualTo("贴息");
        assertThat(sheet.text("E5")).isEqualTo(e.profile().get("uscc").toString());
        assertThat(sheet.text("G5")).as("formula-like text is a string cell").isEqualTo(HYPERLINK);
        assertThat(sheet.text("H5")).isEqualTo(CMD);
        assertThat(sheet.text("I5")).isEqualTo("802880200012345");
        assertThat(sheet.number("I5")).as("an account number stays text").isNull();
        assertThat(sheet.number("J5")).isEqualByComparingTo("3000.00");
        assertThat(sheet.format("J5")).isEqualTo("#,##0.00");
        assertThat(sheet.text("N5")).isEqualTo("待兑付");
        assertThat(sheet.text("A6")).isEqualTo("合计（1 笔）");
        assertThat(sheet.merged()).contains("A6:I6");
        assertThat(sheet.number("J6")).isEqualByComparingTo(sheet.sum("J", 5, 5));
        assertThat(sheet.format("J6")).isEqualTo("#,##0.00");
        assertThat(sheet.lastRow()).isEqualTo(6);
        assertThat(sheet.widths().get(4)).as("the USCC is read whole").isGreaterThanOrEqualTo(20.0);
        assertThat(sheet.widths().get(8)).as("the account number too").isGreaterThanOrEqualTo(20.0);
        assertThat(download(e.sme().token(), "/api/v1/subsidy/payment-orders?programmeId=" + programmeId
                + "&format=csv").status()).isEqualTo(403);

        assertThat(http.with(city2.token()).post(path + "/payment", Map.of("voucherNo", "GK2026-0001", "paidOn",
                today().plusDays(1).toString())).code()).as("not in the future").isEqualTo("VALIDATION_FAILED");
        JsonNode paid = http.with(city2.token()).post(path + "/payment", Map.of("voucherNo", "GK2026-0001",
                "paidOn", today().toString())).json();
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(paid.get("voucherNo").asString()).isEqualTo("GK2026-0001");
        // the SME reads its loan: the subsidy lines on its payments, the paid ones with the treasury's reference
        String loans = "/api/v1/library/enterprises/" + e.enterpriseId() + "/loans";
        JsonNode mine = http.with(e.sme().token()).get(loans).json();
        assertThat(mine.findValuesAsString("externalId")).containsExactly(ref);
        JsonNode myLoan = http.with(e.sme().token()).get(loans + "/" + mine.get(0).get("loanId").asLong()).json();
        assertThat(myLoan.get("loan").get("interestPayments")).hasSize(5);
        JsonNode lines = myLoan.get("subsidyLines");
        assertThat(lines.findValuesAsString("paymentExternalId")).startsWith(ref + "-I1", ref + "-I2");
        JsonNode paidLine = lines.get(0);
        assertThat(paidLine.get("claimId").asLong()).isEqualTo(q3Id);
        assertThat(paidLine.get("claimStatus").asString()).isEqualTo("PAID");
        assertThat(paidLine.get("voucherNo").asString()).isEqualTo("GK2026-0001");
        assertThat(paidLine.get("paidOn").asString()).isEqualTo(today().toString());
        assertThat(paidLine.get("amount").decimalValue()).isPositive();
        assertThat(http.with(token(user(Role.SME, null, null, null))).get(loans).status()).isEqualTo(404);
        // the default export still lists a paid claim, with its voucher; the filter keeps only those awaiting payment
        String afterPayment = new String(download(admin, "/api/v1/subsidy/payment-orders?programmeId=" + programmeId
                + "&format=csv").body(), StandardCharsets.UTF_8);
        assertThat(afterPayment).contains("SC" + q3Id + ",").contains(",GK2026-0001,").contains(",PAID");
        assertThat(new String(download(admin, "/api/v1/subsidy/payment-orders?programmeId=" + programmeId
                + "&status=CITY_APPROVED&format=csv").body(), StandardCharsets.UTF_8)).doesNotContain("SC" + q3Id + ",");
        ReportWorkbook.Sheet paidOnly = ReportWorkbook.read(download(admin, "/api/v1/subsidy/payment-orders?programmeId="
                + programmeId + "&status=PAID&format=xlsx").body()).sheet("已兑付");
        assertThat(paidOnly.row(5)).contains("SC" + q3Id, "GK2026-0001", today().toString(), "已兑付");
        assertThat(paidOnly.number("J6")).isEqualByComparingTo("3000.00");
        assertThat(http.with(admin).get("/api/v1/subsidy/programmes/" + programmeId).json().get("paid")
                .decimalValue()).isEqualByComparingTo("3000.00");
        Http.Response afterPaid = http.with(city2.token()).post(path + "/rejection", Map.of("reason", "late"));
        assertThat(afterPaid.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(afterPaid.json().get("allowedActions")).isEmpty();
        assertThat(afterPaid.json().get("nextActor").asString()).isEqualTo("NOBODY");

        // ---- rejection: the Q4 lines leave the cap and their payments go back to the next run -------------------
        Http.Response rejected = http.with(districtReviewer(region.district()).token())
                .post(CLAIMS + "/" + q4Id + "/rejection", Map.of("reason", "收款账户与企业名称不符"));
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("rejectionReason").asString()).isEqualTo("收款账户与企业名称不符");
        completedRun(admin, programmeId, "2025-12");
        JsonNode december = claimOf(admin, programmeId, e.enterpriseId(), "2025-12");
        assertThat(december.get("lines").findValuesAsString("paymentExternalId"))
                .containsExactly(ref + "-I3", ref + "-I4");
        assertThat(amounts(december, "amount")).containsExactly("1000", "0");

        // ---- a new year, a new cap; an undeclared claim expires and leaves the cap, its payment stays taken -----
        completedRun(admin, programmeId, "2026-Q1");
        JsonNode q1 = claimOf(admin, programmeId, e.enterpriseId(), "2026-Q1");
        assertThat(q1.get("lines").findValuesAsString("reason")).containsExactly("ELIGIBLE");
        assertThat(q1.get("declareBy").asString()).isEqualTo(today().toString());
        assertThat(subsidyClaims.expireOverdue(today().plusDays(1))).isGreaterThanOrEqualTo(2);
        assertThat(claim(admin, q1.get("claimId").asLong()).get("status").asString()).isEqualTo("EXPIRED");
        assertThat(claim(admin, december.get("claimId").asLong()).get("status").asString()).isEqualTo("EXPIRED");
        assertThat(http.with(e.sme().token()).post(CLAIMS + "/" + q1.get("claimId").asLong() + "/declaration",
                declaration()).code()).isEqualTo("ILLEGAL_TRANSITION");
        payment(bank, ref, 6, d("2026-01-12"), d("2026-02-11"), "1000000", "2875.00", d("2026-02-11"));
        completedRun(admin, programmeId, "2026-Q2");
        JsonNode q2 = claimOf(admin, programmeId, e.enterpriseId(), "2026-Q2");
        assertThat(q2.get("lines").findValuesAsString("paymentExternalId"))
                .as("the expired claim's payment is not computed again").containsExactly(ref + "-I6");
        assertThat(q2.get("lines").get(0).get("capRemainingBefore").decimalValue())
                .as("the expired 1 500 no longer uses the 2026 cap").isEqualByComparingTo("4000.00");

        List<JsonNode> all = claims(e.sme().token(), programmeId);
        assertThat(all).extracting(c -> c.get("status").asString())
                .containsExactly("COMPUTED", "EXPIRED", "EXPIRED", "REJECTED", "PAID");
        for (JsonNode c : all) {
            JsonNode detail = claim(e.sme().token(), c.get("claimId").asLong());
            assertThat(InterestSubsidyGatesTest.sum(detail)).as("sum of lines = claim total")
                    .isEqualByComparingTo(detail.get("totalAmount").decimalValue());
        }
        List<String> actions = jdbc.queryForList("SELECT action FROM audit_event WHERE entity_type = 'SUBSIDY_CLAIM'"
                + " AND entity_id = ? ORDER BY id", String.class, String.valueOf(q3Id));
        assertThat(actions).containsExactly("SUBSIDY_CLAIM_DECLARED", "SUBSIDY_CLAIM_DISTRICT_APPROVED",
                "SUBSIDY_CLAIM_CITY_APPROVED", "SUBSIDY_CLAIM_PAID");
    }
}
