package cn.ipf.app.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.shared.export.TableFile;
import cn.ipf.app.subsidy.policy.PaymentResultFile;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;
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
    private record World(long programmeId, Borrower first, Borrower second, Person city, long c1, long c2,
            long c3, long interest) {
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

        // ---- the bank's file ------------------------------------------------------------------------------------
        Download csv = download(city, BATCHES + "/" + batchId + "/file?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        String programmeName = http.with(city).get(programme).json().get("name").asString();
        assertThat(text.split("\r\n")).containsExactly("\uFEFF批次汇总",
                String.join(",", PaymentBatches.SUMMARY_HEADER),
                "PB" + batchId + "," + programmeName + ",4,12234.62," + today(),
                "",
                "付款明细",
                String.join(",", PaymentBatches.LINE_HEADER),
                "1,SC" + w.c1() + ",青岛一号科技有限公司,6222020000000001,青岛银行,5000.00,知识产权质押保险费补贴 SC" + w.c1(),
                "2,SC" + w.c2() + ",'@SUM(1),6222020000000002,中国银行青岛分行,1234.51,知识产权质押保险费补贴 SC" + w.c2(),
                "3,SC" + w.c3() + ",青岛一号科技有限公司,6222020000000001,青岛银行,3000.11,知识产权质押保险费补贴 SC" + w.c3(),
                "4,SC" + w.interest() + ",青岛测试科技有限公司,802880200012345,青岛银行市南支行,3000.00,"
                        + "知识产权质押贷款贴息 2025-Q3 SC" + w.interest());
        Download xlsx = download(city, BATCHES + "/" + batchId + "/file?format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        List<List<String>> summary = firstSheet(xlsx.body(), PaymentBatches.SUMMARY_HEADER.size());
        assertThat(summary.get(0)).isEqualTo(PaymentBatches.SUMMARY_HEADER);
        assertThat(summary.get(1).subList(0, 3)).containsExactly("PB" + batchId, programmeName, "4");
        assertThat(new BigDecimal(summary.get(1).get(3))).as("a number cell").isEqualByComparingTo("12234.62");
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
        assertThat(http.with(city).get(BATCHES + "/" + batchId).json().get("status").asString()).isEqualTo("OPEN");
        assertThat(claim(city, w.c1()).get("status").asString()).as("nothing written").isEqualTo("CITY_APPROVED");
        assertThat(http.with(city).get(programme).json().get("paid").decimalValue()).isEqualByComparingTo("0");

        // ---- the result file (XLSX): two paid, one failed --------------------------------------------------------
        byte[] result = xlsx(List.of(
                List.of("1", "SC" + w.c1(), "5000.00", "PAID", today().toString(), "BK-0001", ""),
                List.of("2", "SC" + w.c2(), "1234.51", "FAILED", "", "", "户名不符 account name mismatch"),
                List.of("3", "SC" + w.c3(), "3000.11", "成功", today().toString(), "BK-0003", ""),
                List.of("4", "SC" + w.interest(), "3000.00", "PAID", today().toString(), "BK-0004", "")));
        assertThat(upload(w.first().sme().token(), batchId, "xlsx", result).status()).isEqualTo(403);
        Http.Response settled = upload(city, batchId, "xlsx", result);
        assertThat(settled.status()).as(settled.toString()).isEqualTo(200);
        JsonNode s = settled.json();
        assertThat(s.get("status").asString()).isEqualTo("SETTLED");
        assertThat(s.get("paidCount").asInt()).isEqualTo(3);
        assertThat(s.get("paidAmount").decimalValue()).isEqualByComparingTo("11000.11");
        assertThat(s.get("failedCount").asInt()).isEqualTo(1);
        assertThat(s.get("failedAmount").decimalValue()).isEqualByComparingTo("1234.51");
        assertThat(s.get("paidAmount").decimalValue().add(s.get("failedAmount").decimalValue()))
                .isEqualByComparingTo(s.get("totalAmount").decimalValue());
        assertThat(s.get("resultSha256").asString()).hasSize(64);
        assertThat(s.get("lines").findValuesAsString("result")).containsExactly("PAID", "FAILED", "PAID", "PAID");
        assertThat(upload(city, batchId, "xlsx", result).code()).isEqualTo("PAYMENT_BATCH_SETTLED");

        // paid exactly as a typed voucher pays: the claim's status, its reference and date, the programme's paid sum
        JsonNode paid = claim(w.first().sme().token(), w.c1());
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(paid.get("voucherNo").asString()).isEqualTo("BK-0001");
        assertThat(paid.get("paidOn").asString()).isEqualTo(today().toString());
        assertThat(paid.has("paymentBatchId")).isFalse();
        assertThat(claim(city, w.interest()).get("status").asString()).isEqualTo("PAID");
        assertThat(http.with(city).get(programme).json().get("paid").decimalValue())
                .isEqualByComparingTo("11000.11");
        JsonNode failed = claim(w.second().sme().token(), w.c2());
        assertThat(failed.get("status").asString()).isEqualTo("CITY_APPROVED");
        assertThat(failed.get("paymentFailureReason").asString()).isEqualTo("户名不符 account name mismatch");
        assertThat(failed.get("paymentFailedOn").asString()).isEqualTo(today().toString());
        assertThat(audits(batchId, "PAYMENT_BATCH")).containsExactly("PAYMENT_BATCH_CREATED",
                "PAYMENT_BATCH_FILE_EXPORTED", "PAYMENT_BATCH_FILE_EXPORTED", "PAYMENT_BATCH_SETTLED");
        assertThat(audits(w.c1(), "SUBSIDY_CLAIM")).contains("SUBSIDY_CLAIM_PAID");
        assertThat(audits(w.c2(), "SUBSIDY_CLAIM")).contains("SUBSIDY_CLAIM_PAYMENT_FAILED");

        // ---- not re-issued before the SME corrects its account ----------------------------------------------------
        assertThat(http.with(city).post(BATCHES, Map.of("programmeId", w.programmeId())).code())
                .isEqualTo("NOTHING_TO_PAY");
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
        assertThat(fixed.json().has("paymentFailureReason")).isFalse();

        // ---- re-issued in a later batch, then paid --------------------------------------------------------------
        JsonNode later = http.with(city).post(BATCHES, Map.of("programmeId", w.programmeId())).json();
        long laterId = later.get("batchId").asLong();
        assertThat(later.get("claimCount").asInt()).isEqualTo(1);
        assertThat(later.get("totalAmount").decimalValue()).isEqualByComparingTo("1234.51");
        assertThat(later.get("lines").get(0).get("payeeName").asString()).isEqualTo("青岛二号科技有限公司");
        assertThat(later.get("lines").get(0).get("accountNo").asString()).isEqualTo("6222020000000022");
        Http.Response second = upload(city, laterId, "csv", csv(List.of(List.of("1", "SC" + w.c2(), "1234.51",
                "PAID", today().toString(), "BK-0102", ""))).getBytes(StandardCharsets.UTF_8));
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        JsonNode reissued = claim(w.second().sme().token(), w.c2());
        assertThat(reissued.get("status").asString()).isEqualTo("PAID");
        assertThat(reissued.get("voucherNo").asString()).isEqualTo("BK-0102");
        assertThat(http.with(city).get(programme).json().get("paid").decimalValue())
                .isEqualByComparingTo("12234.62");
        assertThat(http.with(w.first().sme().token()).get(BATCHES + "/" + laterId).status()).isEqualTo(403);
        JsonNode read = http.with(token(user(Role.REGULATOR, null, null, null))).get(BATCHES + "/" + laterId).json();
        assertThat(read.get("lines").get(0).get("bankReference").asString()).isEqualTo("BK-0102");
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
        return new World(programmeId, first, second, city, c1, c2, c3, interest);
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
        List<List<Object>> rows = lines.stream().map(l -> {
            List<Object> row = new ArrayList<>(l);
            row.set(2, new BigDecimal(l.get(2)));
            return row;
        }).toList();
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
