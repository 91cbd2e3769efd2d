package cn.ipf.app.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.compensation.DefaultedLoans;
import cn.ipf.app.shared.export.ReportWorkbook;
import cn.ipf.app.shared.export.TableFile;
import cn.ipf.app.subsidy.policy.PaymentResultFile;
import cn.ipf.app.testinfra.BankForms;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;
import cn.ipf.sdk.api.BankCompensationApi;
import cn.ipf.sdk.client.ApiClient;
import cn.ipf.sdk.model.ClaimEvidence;
import cn.ipf.sdk.model.CompensationClaim;
import cn.ipf.sdk.model.CompensationClaimStatus;
import cn.ipf.sdk.model.EvidenceKind;
import cn.ipf.sdk.model.NewCompensationClaim;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 兑付 through payment batches, end to end: city-approved interest and fee claims → the bank's file (CSV and XLSX,
 * count and total on it) → a result file with a wrong total refused whole → the result with one failed line (the
 * other claims paid as a typed voucher pays them) → the SME corrects its account → a later batch pays it. A claim is
 * never in two open batches, also when two reviewers make batches at the same moment.
 */
class PaymentBatchTest extends SubsidyTestSupport {

    private static final String FEES = "/api/v1/subsidy/fee-claims";
    private static final String BATCHES = "/api/v1/subsidy/payment-batches";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** A programme with city-approved premium claims of two enterprises, and who acts on them. */
    private record World(long programmeId, String cityCode, String district, Borrower first, Borrower second, Person city, long c1,
            long c2, long c3, long interest) {
    }

    @Test
    void batchResultWithAFailedLineCorrectionAndReissue() throws Exception {
        World w = world();
        String city = w.city().token();
        String programme = "/api/v1/subsidy/programmes/" + w.programmeId();

        assertThat(http.with(w.first().sme().token()).post(BATCHES, Map.of("programmeId", w.programmeId())).status())
                .isEqualTo(403);
        Http.Response made = http.with(city).post(BATCHES, Map.of("programmeId", w.programmeId()));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        JsonNode batch = made.json();
        long batchId = batch.get("batchId").asLong();
        assertThat(batch.get("reference").asString()).isEqualTo("PB" + batchId);
        assertThat(batch.get("status").asString()).isEqualTo("OPEN");
        assertThat(batch.get("claimCount").asInt()).isEqualTo(4);
        assertThat(batch.get("totalAmount").decimalValue()).isEqualByComparingTo("12234.62");
        assertThat(batch.get("lines").findValuesAsString("claimReference")).containsExactly("SC" + w.c1(),
                "SC" + w.c2(), "SC" + w.c3(), "SC" + w.interest());
        assertThat(batch.get("lines").findValuesAsString("kind")).containsExactly("INSURANCE_PREMIUM",
                "INSURANCE_PREMIUM", "INSURANCE_PREMIUM", "INTEREST");
        JsonNode line2 = batch.get("lines").get(1);
        assertThat(line2.get("payeeName").asString()).isEqualTo("@SUM(1)");
        assertThat(line2.get("accountNo").asString()).isEqualTo("6222020000000002");
        assertThat(line2.get("amount").decimalValue()).isEqualByComparingTo("1234.51");
        assertThat(line2.get("purpose").asString()).isEqualTo("知识产权质押保险费补贴 SC" + w.c2());

        // ---- locked in the open batch ---------------------------------------------------------------------------
        assertThat(http.with(city).post(BATCHES, Map.of("programmeId", w.programmeId(), "claimIds",
                List.of(w.c1()))).code()).isEqualTo("CLAIM_IN_OPEN_BATCH");
        assertThat(http.with(city).post(BATCHES, Map.of("programmeId", w.programmeId())).code())
                .isEqualTo("NOTHING_TO_PAY");
        assertThat(http.with(city).post(CLAIMS + "/" + w.c1() + "/payment", Map.of("voucherNo", "GK-1", "paidOn",
                today().toString())).code()).as("no typed voucher while the bank holds it")
                .isEqualTo("CLAIM_IN_OPEN_BATCH");
        assertThat(claim(w.first().sme().token(), w.c1()).get("paymentBatchId").asLong()).isEqualTo(batchId);
        String orders = new String(download(city, "/api/v1/subsidy/payment-orders?programmeId=" + w.programmeId()
                + "&format=csv").body(), StandardCharsets.UTF_8);
        assertThat(orders.lines().filter(l -> l.startsWith("SC")).toList()).as("each order names the open batch")
                .hasSize(4).allSatisfy(l -> assertThat(l).endsWith(",CITY_APPROVED,PB" + batchId));

        // ---- the bank's file ------------------------------------------------------------------------------------
        Download csv = download(city, BATCHES + "/" + batchId + "/file?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        String programmeName = http.with(city).get(programme).json().get("name").asString();
        String cityName = jdbc.queryForObject("SELECT name FROM region WHERE code = ?", String.class, w.cityCode());
        String[] csvLines = text.split("\r\n");
        // one comment line for people; the bank's reader skips the lines that start with #
        assertThat(csvLines[0]).startsWith("\uFEFF# 兑付批次付款文件 PB" + batchId + "；区域 " + cityName
                + "；期间 批次生成日 " + today()).contains("lines starting with # are comments");
        assertThat(Arrays.copyOfRange(csvLines, 1, csvLines.length)).containsExactly("批次汇总",
                "批次号,补贴项目,笔数,总金额(元),生成日期",
                "PB" + batchId + "," + programmeName + ",4,12234.62," + today(),
                "",
                "付款明细",
                "行号,申报编号,收款户名,收款账号,开户银行,金额(元),用途",
                "1,SC" + w.c1() + ",青岛一号科技有限公司,6222020000000001,青岛银行,5000.00,知识产权质押保险费补贴 SC" + w.c1(),
                "2,SC" + w.c2() + ",'@SUM(1),6222020000000002,中国银行青岛分行,1234.51,知识产权质押保险费补贴 SC" + w.c2(),
                "3,SC" + w.c3() + ",青岛一号科技有限公司,6222020000000001,青岛银行,3000.11,知识产权质押保险费补贴 SC" + w.c3(),
                "4,SC" + w.interest() + ",青岛测试科技有限公司,802880200012345,青岛银行市南支行,3000.00,"
                        + "知识产权质押贷款贴息 2025-Q3 SC" + w.interest());
        Download xlsx = download(city, BATCHES + "/" + batchId + "/file?format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        ReportWorkbook.keep("payment-batch.xlsx", xlsx.body());
        ReportWorkbook book = ReportWorkbook.read(xlsx.body());
        assertThat(book.sheets()).extracting(ReportWorkbook.Sheet::name).containsExactly("批次汇总", "付款明细");
        ReportWorkbook.Sheet summary = book.sheet("批次汇总");
        assertThat(summary.text("A1")).isEqualTo("兑付批次付款文件 PB" + batchId + "（批次汇总）");
        assertThat(summary.text("A2")).isEqualTo("区域：" + cityName + "　　期间：批次生成日 " + today() + "　　单位：元");
        assertThat(summary.text("A3")).startsWith("生成时间：").endsWith("数据截至：" + today());
        assertThat(summary.row(4)).containsExactly("批次号", "补贴项目", "笔数", "总金额(元)", "生成日期");
        assertThat(summary.frozenRows()).isEqualTo(4);
        assertThat(summary.row(5).subList(0, 2)).containsExactly("PB" + batchId, programmeName);
        assertThat(summary.number("C5")).isEqualByComparingTo("4");
        assertThat(summary.format("C5")).isEqualTo("#,##0");
        assertThat(summary.number("D5")).as("a number cell").isEqualByComparingTo("12234.62");
        assertThat(summary.format("D5")).isEqualTo("#,##0.00");
        ReportWorkbook.Sheet transfers = book.sheet("付款明细");
        assertThat(transfers.text("A1")).isEqualTo("兑付批次付款文件 PB" + batchId + "（付款明细）");
        assertThat(transfers.row(4)).containsExactly("行号", "申报编号", "收款户名", "收款账号", "开户银行", "金额(元)",
                "用途");
        assertThat(transfers.frozenRows()).isEqualTo(4);
        assertThat(transfers.text("B6")).isEqualTo("SC" + w.c2());
        assertThat(transfers.text("C6")).as("formula-like text is a string cell").isEqualTo("@SUM(1)");
        assertThat(transfers.text("D6")).isEqualTo("6222020000000002");
        assertThat(transfers.number("D6")).as("an account number stays text").isNull();
        assertThat(transfers.number("F6")).isEqualByComparingTo("1234.51");
        assertThat(transfers.format("F6")).isEqualTo("#,##0.00");
        // the 合计 is the exact sum of the transfers, and the batch's total on the summary
        assertThat(transfers.text("A9")).isEqualTo("合计（4 笔）");
        assertThat(transfers.number("F9")).isEqualByComparingTo(transfers.sum("F", 5, 8))
                .isEqualByComparingTo(summary.number("D5"));
        assertThat(transfers.format("F9")).isEqualTo("#,##0.00");
        assertThat(transfers.lastRow()).isEqualTo(9);
        assertThat(transfers.widths().get(3)).as("account numbers are read whole").isGreaterThanOrEqualTo(20.0);
        assertThat(download(w.first().sme().token(), BATCHES + "/" + batchId + "/file?format=csv").status())
                .isEqualTo(403);

        // ---- a result file whose total is wrong is refused whole -------------------------------------------------
        String wrong = csv(List.of(
                List.of("1", "SC" + w.c1(), "5000.00", "PAID", today().toString(), "BK-0001", ""),
                List.of("2", "SC" + w.c2(), "1234.50", "FAILED", "", "", "户名不符 account name mismatch"),
                List.of("3", "SC" + w.c3(), "3000.11", "PAID", today().toString(), "BK-0003", ""),
                List.of("4", "SC" + w.interest(), "3000.00", "PAID", today().toString(), "BK-0004", "")));
        Http.Response refused = upload(city, batchId, "csv", wrong.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("PAYMENT_RESULT_MISMATCH");
        JsonNode problems = refused.json().get("problems");
        assertThat(problems.findValuesAsString("code")).containsExactly("AMOUNT_MISMATCH", "TOTAL_MISMATCH");
        assertThat(problems.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(problems.get(0).get("column").asString()).isEqualTo("金额(元)");
        assertThat(problems.get(0).get("messageEn").asString()).contains("1234.51");
        Http.Response duplicate = upload(city, batchId, "csv", csv(List.of(
                List.of("1", "SC" + w.c1(), "5000.00", "PAID", today().toString(), "BK-0001", ""),
                List.of("2", "SC" + w.c2(), "1234.51", "PAID", today().toString(), "BK-0001", ""),
                List.of("3", "SC" + w.c3(), "3000.11", "PAID", today().toString(), "BK-0003", ""),
                List.of("4", "SC" + w.interest(), "3000.00", "PAID", today().toString(), "BK-0004", "")))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(duplicate.json().get("problems").findValuesAsString("code"))
                .containsExactly("BANK_REFERENCE_DUPLICATE");
        assertThat(duplicate.json().get("problems").get(0).get("row").asInt()).isEqualTo(3);
        // a bank reference typed into a number cell: 19 digits cannot be exact in a spreadsheet number
        List<List<Object>> numeric = new ArrayList<>();
        numeric.add(Arrays.asList("1", "SC" + w.c1(), new BigDecimal("5000.00"), "PAID", today().toString(),
                new BigDecimal("2026120712345678901"), ""));
        numeric.add(Arrays.asList("2", "SC" + w.c2(), new BigDecimal("1234.51"), "PAID", today().toString(),
                new BigDecimal("802880200012345"), ""));
        numeric.add(Arrays.asList("3", "SC" + w.c3(), new BigDecimal("3000.11"), "PAID", today().toString(),
                "BK-0003", ""));
        numeric.add(Arrays.asList("4", "SC" + w.interest(), new BigDecimal("3000.00"), "PAID", today().toString(),
                "BK-0004", ""));
        Http.Response inexact = upload(city, batchId, "xlsx", xlsxCells(numeric));
        assertThat(inexact.json().get("problems").findValuesAsString("code")).as("15 digits are read exactly")
                .containsExactly("CELL_NOT_EXACT");
        assertThat(inexact.json().get("problems").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(http.with(city).get(BATCHES + "/" + batchId).json().get("status").asString()).isEqualTo("OPEN");
        assertThat(claim(city, w.c1()).get("status").asString()).as("nothing written").isEqualTo("CITY_APPROVED");
        assertThat(http.with(city).get(programme).json().get("paid").decimalValue()).isEqualByComparingTo("0");

        // ---- the result file (XLSX): two paid, one failed on the account, one on the bank's system ----------------
        byte[] result = xlsx(List.of(
                List.of("1", "SC" + w.c1(), "5000.00", "PAID", today().toString(), "BK-0001", ""),
                List.of("2", "SC" + w.c2(), "1234.51", "FAILED", "", "", "户名不符 account name mismatch"),
                List.of("3", "SC" + w.c3(), "3000.11", "失败", "", "", "银行系统超时 TIMEOUT"),
                List.of("4", "SC" + w.interest(), "3000.00", "成功", today().toString(), "BK-0004", "")));
        assertThat(upload(w.first().sme().token(), batchId, "xlsx", result).status()).isEqualTo(403);
        Http.Response settled = upload(city, batchId, "xlsx", result);
        assertThat(settled.status()).as(settled.toString()).isEqualTo(200);
        JsonNode s = settled.json();
        assertThat(s.get("status").asString()).isEqualTo("SETTLED");
        assertThat(s.get("paidCount").asInt()).isEqualTo(2);
        assertThat(s.get("paidAmount").decimalValue()).isEqualByComparingTo("8000.00");
        assertThat(s.get("failedCount").asInt()).isEqualTo(2);
        assertThat(s.get("failedAmount").decimalValue()).isEqualByComparingTo("4234.62");
        assertThat(s.get("paidAmount").decimalValue().add(s.get("failedAmount").decimalValue()))
                .isEqualByComparingTo(s.get("totalAmount").decimalValue());
        assertThat(s.get("resultSha256").asString()).hasSize(64);
        assertThat(s.get("lines").findValuesAsString("result")).containsExactly("PAID", "FAILED", "FAILED", "PAID");
        Http.Response again = upload(city, batchId, "xlsx", result);
        assertThat(again.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(again.json().get("currentState").asString()).isEqualTo("SETTLED");
        assertThat(again.json().get("allowedActions").toString()).isEqualTo("[]");
        assertThat(again.json().get("nextActor").asString()).isEqualTo("NOBODY");

        // paid exactly as a typed voucher pays: the claim's status, its reference and date, the programme's paid sum
        JsonNode paid = claim(w.first().sme().token(), w.c1());
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(paid.get("voucherNo").asString()).isEqualTo("BK-0001");
        assertThat(paid.get("paidOn").asString()).isEqualTo(today().toString());
        assertThat(paid.has("paymentBatchId")).isFalse();
        assertThat(claim(city, w.interest()).get("status").asString()).isEqualTo("PAID");
        String loans = "/api/v1/library/enterprises/" + w.first().enterpriseId() + "/loans";
        JsonNode myLoan = http.with(w.first().sme().token()).get(loans + "/" + http.with(w.first().sme().token())
                .get(loans).json().get(0).get("loanId").asLong()).json();
        assertThat(myLoan.get("subsidyLines").findValuesAsString("voucherNo")).as("on the SME's loan too")
                .contains("BK-0004");
        assertThat(http.with(city).get(programme).json().get("paid").decimalValue())
                .isEqualByComparingTo("8000.00");
        JsonNode failed = claim(w.second().sme().token(), w.c2());
        assertThat(failed.get("status").asString()).isEqualTo("CITY_APPROVED");
        assertThat(failed.get("paymentFailureReason").asString()).isEqualTo("户名不符 account name mismatch");
        assertThat(failed.get("paymentFailedOn").asString()).isEqualTo(today().toString());
        assertThat(failed.get("paymentRetryAllowed").asBoolean()).isFalse();
        JsonNode retry = claim(w.first().sme().token(), w.c3());
        assertThat(retry.get("paymentFailureReason").asString()).as("the SME sees why").contains("TIMEOUT");
        assertThat(retry.get("paymentRetryAllowed").asBoolean()).isTrue();
        assertThat(audits(batchId, "PAYMENT_BATCH")).containsExactly("PAYMENT_BATCH_CREATED",
                "PAYMENT_BATCH_FILE_EXPORTED", "PAYMENT_BATCH_FILE_EXPORTED", "PAYMENT_BATCH_SETTLED");
        assertThat(audits(w.c1(), "SUBSIDY_CLAIM")).contains("SUBSIDY_CLAIM_PAID");
        assertThat(audits(w.c2(), "SUBSIDY_CLAIM")).contains("SUBSIDY_CLAIM_PAYMENT_FAILED");

        // ---- not re-issued before the SME corrects its account and the district accepts it -----------------------
        assertThat(http.with(city).post(BATCHES, Map.of("programmeId", w.programmeId(), "claimIds",
                List.of(w.c2()))).code()).isEqualTo("CLAIM_NOT_PAYABLE");
        Map<String, Object> corrected = Map.of("name", "青岛二号科技有限公司", "bank", "中国银行青岛分行",
                "number", "6222020000000022");
        assertThat(http.with(w.first().sme().token()).put(CLAIMS + "/" + w.c2() + "/account", corrected).code())
                .as("another enterprise's claim").isEqualTo("CLAIM_NOT_FOUND");
        assertThat(http.with(w.first().sme().token()).put(CLAIMS + "/" + w.c1() + "/account", corrected).code())
                .as("a paid claim").isEqualTo("ACCOUNT_CORRECTION_NOT_ALLOWED");
        assertThat(http.with(city).put(CLAIMS + "/" + w.c2() + "/account", corrected).status()).isEqualTo(403);
        Http.Response fixed = http.with(w.second().sme().token()).put(CLAIMS + "/" + w.c2() + "/account", corrected);
        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
        assertThat(fixed.json().get("account").get("number").asString()).isEqualTo("6222020000000022");
        assertThat(fixed.json().get("paymentFailureReason").asString()).as("still shown until reviewed")
                .isEqualTo("户名不符 account name mismatch");
        assertThat(fixed.json().get("accountReviewPending").asBoolean()).isTrue();
        assertThat(http.with(city).post(BATCHES, Map.of("programmeId", w.programmeId(), "claimIds",
                List.of(w.c2()))).code()).as("not before the review").isEqualTo("CLAIM_NOT_PAYABLE");
        String approval = CLAIMS + "/" + w.c2() + "/account-approval";
        assertThat(http.with(w.second().sme().token()).post(approval, null).status()).isEqualTo(403);
        Http.Response reviewed = http.with(districtReviewer(w.district()).token()).post(approval, null);
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        assertThat(reviewed.json().has("paymentFailureReason")).isFalse();
        assertThat(reviewed.json().get("accountReviewPending").asBoolean()).isFalse();
        assertThat(http.with(districtReviewer(w.district()).token()).post(approval, null).code())
                .isEqualTo("ACCOUNT_REVIEW_NOT_PENDING");
        assertThat(audits(w.c2(), "SUBSIDY_CLAIM")).contains("SUBSIDY_CLAIM_ACCOUNT_CORRECTED",
                "SUBSIDY_CLAIM_ACCOUNT_APPROVED");

        // ---- a batch made, then cancelled: its claims are released as they were --------------------------------
        JsonNode mistaken = http.with(city).post(BATCHES, Map.of("programmeId", w.programmeId())).json();
        long mistakenId = mistaken.get("batchId").asLong();
        assertThat(http.with(city).post(BATCHES + "/" + mistakenId + "/cancellation", Map.of()).status())
                .as("a reason is required").isEqualTo(400);
        Http.Response cancelled = http.with(city).post(BATCHES + "/" + mistakenId + "/cancellation",
                Map.of("reason", "批次金额待财政确认"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("cancelReason").asString()).isEqualTo("批次金额待财政确认");
        assertThat(claim(city, w.c2()).has("paymentBatchId")).isFalse();
        Http.Response twice = http.with(city).post(BATCHES + "/" + mistakenId + "/cancellation",
                Map.of("reason", "again"));
        assertThat(twice.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(twice.json().get("currentState").asString()).isEqualTo("CANCELLED");
        assertThat(audits(mistakenId, "PAYMENT_BATCH")).containsExactly("PAYMENT_BATCH_CREATED",
                "PAYMENT_BATCH_CANCELLED");
        Http.Response openOne = http.with(city).post(BATCHES, Map.of("programmeId", w.programmeId()));
        long openId = openOne.json().get("batchId").asLong();
        Http.Response importOpen = upload(city, openId, "csv", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(importOpen.code()).isEqualTo("PAYMENT_RESULT_MISMATCH");
        http.with(city).post(BATCHES + "/" + openId + "/cancellation", Map.of("reason", "重做"));

        // ---- re-issued in a later batch (the corrected account, and the timed-out line as sent), then paid -------
        JsonNode later = http.with(city).post(BATCHES, Map.of("programmeId", w.programmeId())).json();
        long laterId = later.get("batchId").asLong();
        assertThat(later.get("claimCount").asInt()).isEqualTo(2);
        assertThat(later.get("totalAmount").decimalValue()).isEqualByComparingTo("4234.62");
        assertThat(later.get("lines").get(0).get("payeeName").asString()).isEqualTo("青岛二号科技有限公司");
        assertThat(later.get("lines").get(0).get("accountNo").asString()).isEqualTo("6222020000000022");
        assertThat(later.get("lines").get(1).get("claimReference").asString()).isEqualTo("SC" + w.c3());
        assertThat(later.get("lines").get(1).get("accountNo").asString()).isEqualTo("6222020000000001");
        Http.Response second = upload(city, laterId, "csv", csv(List.of(List.of("1", "SC" + w.c2(), "1234.51",
                "PAID", today().toString(), "BK-0102", ""), List.of("2", "SC" + w.c3(), "3000.11", "PAID",
                today().toString(), "BK-0103", ""))).getBytes(StandardCharsets.UTF_8));
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        JsonNode reissued = claim(w.second().sme().token(), w.c2());
        assertThat(reissued.get("status").asString()).isEqualTo("PAID");
        assertThat(reissued.get("voucherNo").asString()).isEqualTo("BK-0102");
        assertThat(reissued.get("paidOn").asString()).as("the SME sees paid on … reference …")
                .isEqualTo(today().toString());
        assertThat(http.with(city).get(programme).json().get("paid").decimalValue())
                .isEqualByComparingTo("12234.62");
        assertThat(http.with(w.first().sme().token()).get(BATCHES + "/" + laterId).status()).isEqualTo(403);
        JsonNode read = http.with(token(user(Role.REGULATOR, null, null, null))).get(BATCHES + "/" + laterId).json();
        assertThat(read.get("lines").get(0).get("bankReference").asString()).isEqualTo("BK-0102");
    }

    /**
     * One batch pays a bank's compensation payout and two subsidy claims: the payout's ledger journal is posted only
     * when the result file says PAID (the job only released it), the failed subsidy line is corrected, re-reviewed and
     * re-issued in a later batch, and the bank reads "paid on … reference …" through its SDK.
     */
    @Test
    void oneBatchPaysACompensationPayoutAndSubsidyClaims() throws Exception {
        World w = world();
        String admin = adminToken();
        String city = w.city().token();
        DefaultedLoans loans = new DefaultedLoans(this, http, jdbc);
        ApiClient client = sdk(app(admin, bank(admin), null));
        DefaultedLoans.Lender lender = loans.lender(client);
        BankCompensationApi compensation = new BankCompensationApi(client);
        JsonNode cp = http.with(admin).post("/api/v1/admin/compensation-programmes", Map.of("name",
                "风险补偿" + BankForms.key().substring(0, 6), "regionCode", w.cityCode(), "effectiveFrom", "2025-01-01"))
                .json();
        long cpId = cp.get("programmeId").asLong();
        assertThat(http.with(admin).post("/api/v1/admin/compensation-programmes/" + cpId + "/agreements", Map.of(
                "bankId", lender.bankId(), "agreementNo", "HZ" + BankForms.key().substring(0, 8), "activeFrom",
                "2025-01-01", "attributedFundAmount", new BigDecimal("1000000"))).status()).isEqualTo(201);
        for (JsonNode fund : cp.get("funds")) {
            assertThat(http.with(admin).post("/api/v1/admin/compensation-funds/" + fund.get("fundId").asLong()
                    + "/deposits", Map.of("kind", "DEPOSIT", "amount", new BigDecimal("2000000"), "reference",
                            "GK" + BankForms.key().substring(0, 8), "depositedOn", today().toString())).status())
                    .isEqualTo(201);
        }
        String loanRef = loans.loan(lender, loans.borrower(w.district(), true), "1000000", "0.8",
                DefaultedLoans.Dates.standard());
        long claimId = compensation.fileCompensationClaim(BankForms.key(), new NewCompensationClaim()
                .externalId("C-" + BankForms.key().substring(0, 12)).programmeId(cpId).loanRef(loanRef)
                .evidence(List.of(new ClaimEvidence().kind(EvidenceKind.COURT_JUDGMENT).reference("（2026）鲁民初1号"))))
                .getClaimId();
        String cc = "/api/v1/compensation/claims/" + claimId;
        assertThat(http.with(districtReviewer(w.district()).token()).post(cc + "/district-approval", null).status())
                .isEqualTo(200);
        assertThat(http.with(city).post(cc + "/city-approval", null).status()).isEqualTo(200);
        Http.Response launched = http.with(admin).post("/api/v1/admin/jobs/risk-compensation/executions",
                Map.of("parameters", Map.of("programme", String.valueOf(cpId))));
        assertThat(runToEnd(admin, launched.json().get("executionId").asLong()).get("status").asString())
                .isEqualTo("COMPLETED");
        CompensationClaim released = compensation.getBankCompensationClaim(claimId);
        assertThat(released.getStatus()).as("the job releases, it does not pay").isEqualTo(
                CompensationClaimStatus.PAYABLE);
        assertThat(released.getPayoutFinal()).isTrue();
        assertThat(released.getPayoutLines()).allSatisfy(l -> assertThat(l.getJournalId()).isNull());
        assertThat(journals(claimId)).isZero();

        // no settlement account, no line for the bank
        assertThat(http.with(city).post(BATCHES, Map.of("compensationProgrammeId", cpId)).code())
                .isEqualTo("NOTHING_TO_PAY");
        assertThat(http.with(city).post(BATCHES, Map.of("claimIds", List.of(w.c1()))).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(http.with(city).put("/api/v1/admin/banks/" + lender.bankId() + "/settlement-account", Map.of(
                "name", "青岛银行清算户", "bank", "青岛银行营业部", "number", "6217000000000000009")).status())
                .as("admins only").isEqualTo(403);
        Http.Response account = http.with(admin).put("/api/v1/admin/banks/" + lender.bankId()
                + "/settlement-account", Map.of("name", "青岛银行清算户", "bank", "青岛银行营业部", "number",
                        "6217000000000000009"));
        assertThat(account.json().get("settlementAccount").get("number").asString())
                .isEqualTo("6217000000000000009");

        Http.Response made = http.with(city).post(BATCHES, Map.of("programmeId", w.programmeId(), "claimIds",
                List.of(w.c2(), w.c1()), "compensationProgrammeId", cpId));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        JsonNode batch = made.json();
        long batchId = batch.get("batchId").asLong();
        assertThat(batch.get("compensationProgrammeId").asLong()).isEqualTo(cpId);
        assertThat(batch.get("lines").findValuesAsString("claimReference")).containsExactly("SC" + w.c1(),
                "SC" + w.c2(), "CC" + claimId);
        JsonNode payout = batch.get("lines").get(2);
        assertThat(payout.get("payoutType").asString()).isEqualTo("COMPENSATION");
        assertThat(payout.get("kind").asString()).isEqualTo("COMPENSATION");
        assertThat(payout.get("payeeName").asString()).isEqualTo("青岛银行清算户");
        assertThat(payout.get("accountNo").asString()).isEqualTo("6217000000000000009");
        assertThat(payout.get("amount").decimalValue()).as("the FUND layers: 40 % + 20 % of 800 000")
                .isEqualByComparingTo("480000.00");
        assertThat(batch.get("totalAmount").decimalValue()).isEqualByComparingTo("486234.51");
        assertThat(http.with(city).post(BATCHES, Map.of("compensationProgrammeId", cpId, "compensationClaimIds",
                List.of(claimId))).code()).isEqualTo("CLAIM_IN_OPEN_BATCH");
        assertThat(compensation.getBankCompensationClaim(claimId).getPaymentBatchId()).isEqualTo(batchId);
        // the bank's file names both programmes on its summary
        ReportWorkbook.Sheet summary = ReportWorkbook.read(download(city, BATCHES + "/" + batchId
                + "/file?format=xlsx").body()).sheet("批次汇总");
        assertThat(summary.text("B5")).contains(" / ");
        assertThat(summary.number("D5")).isEqualByComparingTo("486234.51");

        Http.Response settled = upload(city, batchId, "csv", csv(List.of(
                List.of("1", "SC" + w.c1(), "5000.00", "PAID", today().toString(), "BK-2001", ""),
                List.of("2", "SC" + w.c2(), "1234.51", "FAILED", "", "", "账户已销户 account closed"),
                List.of("3", "CC" + claimId, "480000.00", "PAID", today().toString(), "BK-2003", "")))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(settled.status()).as(settled.toString()).isEqualTo(200);
        JsonNode s = settled.json();
        assertThat(s.get("paidAmount").decimalValue()).isEqualByComparingTo("485000.00");
        assertThat(s.get("failedAmount").decimalValue()).isEqualByComparingTo("1234.51");
        assertThat(s.get("paidAmount").decimalValue().add(s.get("failedAmount").decimalValue()))
                .isEqualByComparingTo(s.get("totalAmount").decimalValue());

        CompensationClaim paid = compensation.getBankCompensationClaim(claimId);
        assertThat(paid.getStatus()).isEqualTo(CompensationClaimStatus.PAID);
        assertThat(paid.getPaidOn()).isEqualTo(today());
        assertThat(paid.getBankReference()).isEqualTo("BK-2003");
        assertThat(paid.getPayoutLines().get(0).getJournalId()).as("posted now").isNotNull();
        assertThat(journals(claimId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT posted_on FROM ledger_journal WHERE payout_claim_id = ?",
                java.sql.Date.class, claimId).toLocalDate()).isEqualTo(today());
        JsonNode trial = http.with(city).get("/api/v1/compensation/programmes/" + cpId + "/trial-balance").json();
        assertThat(trial.get("balanced").asBoolean()).isTrue();
        assertThat(trial.get("totalDebits").decimalValue()).as("deposits 4 000 000 + payout 480 000")
                .isEqualByComparingTo("4480000");

        // the failed subsidy line: corrected, re-reviewed by the district, re-issued in a later batch
        JsonNode failed = claim(w.second().sme().token(), w.c2());
        assertThat(failed.get("paymentFailureReason").asString()).isEqualTo("账户已销户 account closed");
        assertThat(failed.get("paymentRetryAllowed").asBoolean()).isFalse();
        assertThat(http.with(w.second().sme().token()).put(CLAIMS + "/" + w.c2() + "/account", Map.of("name",
                "青岛二号科技有限公司", "bank", "中国银行青岛分行", "number", "6222020000000022")).status())
                .isEqualTo(200);
        assertThat(http.with(districtReviewer(w.district()).token()).post(CLAIMS + "/" + w.c2()
                + "/account-approval", null).status()).isEqualTo(200);
        JsonNode later = http.with(city).post(BATCHES, Map.of("programmeId", w.programmeId(), "claimIds",
                List.of(w.c2()))).json();
        assertThat(later.get("lines").get(0).get("accountNo").asString()).isEqualTo("6222020000000022");
        upload(city, later.get("batchId").asLong(), "csv", csv(List.of(List.of("1", "SC" + w.c2(), "1234.51",
                "PAID", today().toString(), "BK-2101", ""))).getBytes(StandardCharsets.UTF_8));
        JsonNode reissued = claim(w.second().sme().token(), w.c2());
        assertThat(reissued.get("status").asString()).isEqualTo("PAID");
        assertThat(reissued.get("voucherNo").asString()).isEqualTo("BK-2101");
        assertThat(audits(claimId, "COMPENSATION_CLAIM")).containsSubsequence("COMPENSATION_CLAIM_PAYABLE",
                "COMPENSATION_CLAIM_PAID");
    }

    private long journals(long compensationClaimId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_journal WHERE payout_claim_id = ?", Long.class,
                compensationClaimId);
    }

    @Test
    void twoReviewersBatchingTheSameClaimsAtOnceGetOneBatch() throws Exception {
        World w = world();
        Person other = person(Role.CITY_REVIEWER, null, null, null);
        Map<String, Object> form = Map.of("programmeId", w.programmeId(), "claimIds", List.of(w.c3(), w.c1()));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (String token : List.of(w.city().token(), other.token())) {
                Callable<Http.Response> make = () -> {
                    start.await();
                    return http.with(token).post(BATCHES, form);
                };
                answers.add(pool.submit(make));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (Future<Http.Response> answer : answers) {
                Http.Response r = answer.get();
                statuses.add(r.status());
                if (r.status() != 201) {
                    codes.add(r.code());
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            assertThat(codes).containsExactly("CLAIM_IN_OPEN_BATCH");
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_batch_line WHERE claim_id IN (?, ?)",
                Long.class, w.c1(), w.c3())).isEqualTo(2);
        // the claim left out is still free for a batch of its own
        JsonNode rest = http.with(w.city().token()).post(BATCHES, Map.of("programmeId", w.programmeId())).json();
        assertThat(rest.get("lines").findValuesAsString("claimReference")).containsExactly("SC" + w.c2(),
                "SC" + w.interest());
    }

    /**
     * Four city-approved claims: premiums of 5 000.00 and 3 000.11 of the first enterprise, 1 234.51 of the second,
     * then the first enterprise's 2025-Q3 interest subsidy of 3 000.00 (two payments of 30 days on 1 000 000.00).
     */
    private World world() throws Exception {
        String admin = adminToken();
        Region region = region();
        long programmeId = programme(admin, region.city(), "1000000", null);
        interestParameters(admin, programmeId, interest("4000", null));
        Bank bank = lender(admin);
        Borrower first = borrower(region.district(), true);
        Borrower second = borrower(region.district(), true);
        String ref1 = loan(bank, first, first.patentId(), Terms.standard(d("2025-06-10"), "1000000", "0.0345"));
        String ref2 = loan(bank, second, second.patentId(), Terms.standard(d("2025-06-10"), "500000", "0.0345"));
        Map<String, String> account1 = Map.of("name", "青岛一号科技有限公司", "bank", "青岛银行", "number",
                "6222020000000001");
        // a payee name a spreadsheet would take for a formula
        Map<String, String> account2 = Map.of("name", "@SUM(1)", "bank", "中国银行青岛分行", "number",
                "6222020000000002");
        long c1 = premium(first, programmeId, bank, ref1, "BX1", "10000", account1);
        long c2 = premium(second, programmeId, bank, ref2, "BX2", "2469.02", account2);
        long c3 = premium(first, programmeId, bank, ref1, "BX3", "6000.22", account1);
        payment(bank, ref1, 1, d("2025-06-15"), d("2025-07-15"), "1000000", "2875.00", d("2025-07-15"));
        payment(bank, ref1, 2, d("2025-07-15"), d("2025-08-14"), "1000000", "2875.00", d("2025-08-14"));
        completedRun(admin, programmeId, "2025-Q3");
        long interest = claimOf(admin, programmeId, first.enterpriseId(), "2025-Q3").get("claimId").asLong();
        assertThat(http.with(first.sme().token()).post(CLAIMS + "/" + interest + "/declaration", declaration())
                .status()).isEqualTo(200);
        Person city = person(Role.CITY_REVIEWER, null, null, null);
        for (long id : List.of(c1, c2, c3, interest)) {
            Http.Response district = http.with(districtReviewer(region.district()).token())
                    .post(CLAIMS + "/" + id + "/district-approval", null);
            assertThat(district.status()).as(district.toString()).isEqualTo(200);
            Http.Response approved = http.with(city.token()).post(CLAIMS + "/" + id + "/city-approval", null);
            assertThat(approved.json().get("status").asString()).as(approved.toString()).isEqualTo("CITY_APPROVED");
        }
        return new World(programmeId, region.city(), region.district(), first, second, city, c1, c2, c3, interest);
    }

    private long premium(Borrower b, long programmeId, Bank bank, String ref, String invoice, String amount,
            Map<String, String> account) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("programmeId", programmeId);
        form.put("kind", "INSURANCE_PREMIUM");
        form.put("bankId", bank.bankId());
        form.put("loanExternalId", ref);
        form.put("policyNo", "PICC-" + ref + invoice);
        form.put("insurer", "中国人民财产保险股份有限公司青岛市分公司");
        form.put("invoiceNo", ref + "-" + invoice);
        form.put("invoiceIssuer", "中国人民财产保险股份有限公司青岛市分公司");
        form.put("invoiceDate", "2025-07-01");
        form.put("invoiceAmount", new BigDecimal(amount));
        form.put("account", account);
        form.put("noDoubleSubsidy", true);
        Http.Response r = http.with(b.sme().token()).post(FEES, form);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("claimId").asLong();
    }

    private List<String> audits(long entityId, String entityType) {
        return jdbc.queryForList("SELECT action FROM audit_event WHERE entity_type = ? AND entity_id = ? "
                + "ORDER BY id", String.class, entityType, String.valueOf(entityId));
    }

    private static String csv(List<List<String>> lines) {
        StringBuilder out = new StringBuilder("\uFEFF" + String.join(",", PaymentResultFile.HEADER) + "\r\n");
        lines.forEach(l -> out.append(String.join(",", l)).append("\r\n"));
        return out.toString();
    }

    /** A result file as the bank's spreadsheet would give it, the amounts as number cells. */
    private static byte[] xlsx(List<List<String>> lines) throws IOException {
        return xlsxCells(lines.stream().map(l -> {
            List<Object> row = new ArrayList<>(l);
            row.set(2, new BigDecimal(l.get(2)));
            return row;
        }).toList());
    }

    private static byte[] xlsxCells(List<List<Object>> rows) throws IOException {
        Path file = TableFile.write(true, "回盘", PaymentResultFile.HEADER, rows);
        try {
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Http.Response upload(String token, long batchId, String format, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + BATCHES + "/" + batchId
                + "/result?format=" + format)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Http.Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
