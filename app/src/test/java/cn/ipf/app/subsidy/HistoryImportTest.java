package cn.ipf.app.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.shared.export.TableFile;
import cn.ipf.app.testinfra.Http;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 历史数据迁移 end to end: enterprises admitted in 2025, their loans, interest payments and a subsidy already paid are
 * imported from CSV files; the interest-subsidy run then gives the imported borrower exactly the lines it gives a
 * borrower whose identical facts were entered live through the API, and the paid subsidy uses the annual cap. A file
 * with errors is refused whole with a row-by-row report; the same file uploaded twice writes nothing the second time.
 */
class HistoryImportTest extends SubsidyTestSupport {

    private static final String IMPORTS = "/api/v1/admin/history-imports/";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void anImportedYearIsSubsidisedAsTheSameFactsEnteredLive() throws Exception {
        String admin = adminToken();
        Region region = region();
        long programmeId = programme(admin, region.city(), "100000", 0);
        interestParameters(admin, programmeId, interest("4000", null));
        Bank bank = lender(admin);
        String bankCode = jdbc.queryForObject("SELECT bank_code FROM bank WHERE id = ?", String.class,
                bank.bankId());

        // ---- live: admitted 2025-01-02, loan signed 2025-06-10, two monthly interest payments in Q3 ------------
        Borrower live = borrower(region.district(), true);
        String liveRef = loan(bank, live, live.patentId(), Terms.standard(d("2025-06-10"), "1000000", "0.0345"));
        payment(bank, liveRef, 1, d("2025-06-15"), d("2025-07-15"), "1000000", "2875.00", d("2025-07-15"));
        payment(bank, liveRef, 2, d("2025-07-15"), d("2025-08-14"), "1000000", "2875.00", d("2025-08-14"));

        // ---- imported: the same facts for one enterprise, and for another that was already paid 2 000 in 2025 --
        String same = uscc(region.district());
        String paid = uscc(region.district());
        JsonNode enterprises = imported(admin, "ENTERPRISES", csv(
                "uscc,name,legalRepName,districtCode,industryCode,employees,annualRevenue,totalAssets,highTech,"
                        + "specializedSme,admittedOn",
                same + ",青岛迁移科技有限公司,张建华," + region.district() + ",C3736,50,12000000,8000000,true,true,2025-01-02",
                paid + ",青岛已补科技有限公司,李明," + region.district() + ",C3736,50,12000000,8000000,true,true,2025-01-02"));
        assertThat(enterprises.get("status").asString()).as("%s", enterprises).isEqualTo("IMPORTED");
        long sameId = enterpriseId(same);
        long paidId = enterpriseId(paid);
        JsonNode shown = http.with(admin).get(LIB + "/" + sameId).json();
        assertThat(shown.get("status").asString()).as("%s", shown).isEqualTo("ADMITTED");
        assertThat(shown.get("admittedOn").asString()).isEqualTo("2025-01-02");
        Http.Response decisions = http.with(admin).get(LIB + "/" + sameId + "/decisions");
        assertThat(decisions.status()).as("%s", decisions).isEqualTo(200);
        assertThat(decisions.json().findValuesAsString("toStatus")).containsExactly("ADMITTED");
        assertThat(decisions.json().findValuesAsString("decidedAt")).containsExactly("2025-01-01T16:00:00Z");
        String samePatent = zl(patentDigits('1'));
        String paidPatent = zl(patentDigits('1'));
        assertThat(imported(admin, "IP_ASSETS", csv("uscc,applicationNo,type,title,filingDate,grantDate,expiryDate,"
                + "legalStatus", same + "," + samePatent + ",INVENTION,一种迁移装置,2022-03-01,2024-01-10,2042-02-28,VALID",
                paid + "," + paidPatent + ",INVENTION,一种迁移方法,2022-03-01,2024-01-10,2042-02-28,VALID"))
                .get("status").asString()).isEqualTo("IMPORTED");
        String ref1 = "IMP-" + UUID.randomUUID().toString().substring(0, 8);
        String ref2 = "IMP-" + UUID.randomUUID().toString().substring(0, 8);
        String loanHeader = "bankCode,externalId,uscc,contractNo,signedOn,principal,annualRate,maturityDate,ipShare,"
                + "otherFiscalSubsidy,disbursedOn,disbursedAmount,pledgeRegistrationNo,pledgeRegisteredOn,pledgedPatents";
        byte[] loans = csv(loanHeader, loanRow(bankCode, ref1, same, samePatent),
                loanRow(bankCode, ref2, paid, paidPatent));
        JsonNode loansImport = imported(admin, "LOANS", loans);
        assertThat(loansImport.get("status").asString()).isEqualTo("IMPORTED");
        assertThat(loansImport.get("sha256").asString()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(loans)));
        String interestHeader = "bankCode,loanExternalId,externalId,sequenceNo,accrualStart,accrualEnd,"
                + "principalBalance,interestAmount,dueDate,paidDate";
        assertThat(imported(admin, "INTEREST_PAYMENTS", csv(interestHeader,
                bankCode + "," + ref1 + "," + ref1 + "-I1,1,2025-06-15,2025-07-15,1000000,2875.00,2025-07-15,2025-07-15",
                bankCode + "," + ref1 + "," + ref1 + "-I2,2,2025-07-15,2025-08-14,1000000,2875.00,2025-08-14,2025-08-14",
                bankCode + "," + ref2 + "," + ref2 + "-I1,1,2025-06-15,2025-07-15,1000000,2875.00,2025-07-15,2025-07-15",
                bankCode + "," + ref2 + "," + ref2 + "-I2,2,2025-07-15,2025-08-14,1000000,2875.00,2025-08-14,2025-08-14"))
                .get("status").asString()).isEqualTo("IMPORTED");
        // this one as a workbook, as an office keeps its payment ledger
        Path workbook = TableFile.write(true, "paid", List.of("uscc", "kind", "capYear", "paidOn", "amount",
                "reference"), List.of(List.of(paid, "INTEREST", "2025", "2025-03-20", new BigDecimal("2000.00"),
                        "TX-" + UUID.randomUUID())));
        byte[] payouts = Files.readAllBytes(workbook);
        Files.delete(workbook);
        assertThat(imported(admin, "PAID_SUBSIDIES", payouts).get("status").asString()).isEqualTo("IMPORTED");

        // ---- every imported record is audited with the file's SHA-256 -------------------------------------------
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'IMPORTED' "
                + "AND entity_type = 'LOAN' AND summary LIKE ?", Long.class,
                "%" + loansImport.get("sha256").asString() + "%")).isEqualTo(2L);

        // ---- the run ------------------------------------------------------------------------------------------
        completedRun(admin, programmeId, "2025-Q3");
        JsonNode liveClaim = claimOf(admin, programmeId, live.enterpriseId(), "2025-Q3");
        JsonNode sameClaim = claimOf(admin, programmeId, sameId, "2025-Q3");
        assertThat(liveClaim.get("lines").findValuesAsString("reason")).containsExactly("ELIGIBLE", "ELIGIBLE");
        assertThat(liveClaim.get("totalAmount").decimalValue()).isEqualByComparingTo("3000.00");
        for (String field : List.of("reason", "amount", "amountBeforeCap", "daysInWindow")) {
            assertThat(sameClaim.get("lines").findValuesAsString(field)).as(field)
                    .isEqualTo(liveClaim.get("lines").findValuesAsString(field));
        }
        assertThat(sameClaim.get("totalAmount").decimalValue()).isEqualByComparingTo("3000.00");
        // 2 000 of the 4 000 cap was paid before the platform: 1 500, then the 500 left
        JsonNode paidClaim = claimOf(admin, programmeId, paidId, "2025-Q3");
        assertThat(paidClaim.get("lines").findValuesAsString("reason")).containsExactly("ELIGIBLE", "CAPPED");
        assertThat(paidClaim.get("totalAmount").decimalValue()).isEqualByComparingTo("2000.00");

        // ---- the same file again writes nothing -------------------------------------------------------------
        long payoutsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM imported_subsidy_payout", Long.class);
        Http.Response again = upload(admin, "PAID_SUBSIDIES", payouts);
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("IMPORTED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM imported_subsidy_payout", Long.class))
                .isEqualTo(payoutsBefore);
    }

    @Test
    void aFileWithAnErrorIsRefusedWholeWithItsReport() throws Exception {
        String admin = adminToken();
        Region region = region();
        String good = uscc(region.district());
        String badUscc = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        String header = "uscc,name,legalRepName,districtCode,industryCode,employees,annualRevenue,totalAssets,"
                + "highTech,specializedSme,admittedOn";
        JsonNode refused = imported(admin, "ENTERPRISES", csv(header,
                good + ",青岛甲科技有限公司,张建华," + region.district() + ",C3736,50,12000000,8000000,true,true,2025-01-02",
                badUscc + ",青岛乙科技有限公司,张建华," + region.district() + ",C3736,50,12000000.001,8000000,true,true,2025-13-02"));
        assertThat(refused.get("status").asString()).as("%s", refused).isEqualTo("REJECTED");
        assertThat(refused.get("errorCount").asInt()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM enterprise WHERE uscc = ?", Long.class, good))
                .isZero();
        Http.Response report = http.with(admin).get("/api/v1/admin/history-import-files/"
                + refused.get("importId").asLong() + "/errors?format=csv");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("row,column,code,message_zh,message_en")
                .contains("2,uscc,USCC_INVALID,").contains("2,annualRevenue,TOO_MANY_DECIMALS,")
                .contains("2,admittedOn,DATE_INVALID,").contains("GB 32100-2015");

        // an overlapping accrual period within one file is refused by the same rule as a live report
        Bank bank = lender(admin);
        String bankCode = jdbc.queryForObject("SELECT bank_code FROM bank WHERE id = ?", String.class,
                bank.bankId());
        assertThat(imported(admin, "ENTERPRISES", csv(header,
                good + ",青岛甲科技有限公司,张建华," + region.district() + ",C3736,50,12000000,8000000,true,true,2025-01-02"))
                .get("status").asString()).isEqualTo("IMPORTED");
        String ref = "IMP-" + UUID.randomUUID().toString().substring(0, 8);
        String loanHeader = "bankCode,externalId,uscc,contractNo,signedOn,principal,annualRate,maturityDate,ipShare,"
                + "otherFiscalSubsidy,disbursedOn,disbursedAmount,pledgeRegistrationNo,pledgeRegisteredOn,pledgedPatents";
        JsonNode badLoan = imported(admin, "LOANS", csv(loanHeader, bankCode + "," + ref + "," + good
                + ",C-1,2025-06-10,1000000,0.0345,2027-06-10,1,false,2025-06-01,1000000.01,,,"));
        assertThat(badLoan.get("status").asString()).isEqualTo("REJECTED");
        assertThat(http.with(admin).get("/api/v1/admin/history-import-files/" + badLoan.get("importId").asLong()
                + "/errors?format=csv").body()).contains("1,disbursedOn,LOAN_RECORD_INVALID,")
                .contains("1,disbursedAmount,LOAN_RECORD_INVALID,");
        assertThat(imported(admin, "LOANS", csv("bankCode,externalId,uscc,contractNo,signedOn,principal,annualRate,"
                + "maturityDate,ipShare,otherFiscalSubsidy,disbursedOn,disbursedAmount,pledgeRegistrationNo,"
                + "pledgeRegisteredOn,pledgedPatents", bankCode + "," + ref + "," + good
                + ",C-1,2025-06-10,1000000,0.0345,2027-06-10,1,false,2025-06-15,1000000,,,"))
                .get("status").asString()).isEqualTo("IMPORTED");
        JsonNode overlap = imported(admin, "INTEREST_PAYMENTS", csv("bankCode,loanExternalId,externalId,sequenceNo,"
                + "accrualStart,accrualEnd,principalBalance,interestAmount,dueDate,paidDate",
                bankCode + "," + ref + "," + ref + "-I1,1,2025-06-15,2025-07-15,1000000,2875.00,2025-07-15,2025-07-15",
                bankCode + "," + ref + "," + ref + "-I2,2,2025-06-15,2025-08-15,1000000,5750.00,2025-08-15,2025-08-15"));
        assertThat(overlap.get("status").asString()).isEqualTo("REJECTED");
        assertThat(http.with(admin).get("/api/v1/admin/history-import-files/" + overlap.get("importId").asLong()
                + "/errors?format=csv").body()).contains("2,accrualStart,ACCRUAL_OVERLAP,");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM interest_payment i JOIN loan l ON l.id = i.loan_id "
                + "WHERE l.external_id = ?", Long.class, ref)).isZero();

        // the template names the columns the import reads
        assertThat(http.with(admin).get(IMPORTS + "LOANS/template?format=csv").body())
                .contains("bankCode,externalId,uscc,contractNo,signedOn");
    }

    @Test
    void repaymentsPassTheLiveRuleAgainstThePlatformAndTheRowsAbove() throws Exception {
        String admin = adminToken();
        Region region = region();
        Bank bank = lender(admin);
        String bankCode = jdbc.queryForObject("SELECT bank_code FROM bank WHERE id = ?", String.class,
                bank.bankId());
        String uscc = uscc(region.district());
        assertThat(imported(admin, "ENTERPRISES", csv("uscc,name,legalRepName,districtCode,industryCode,employees,"
                + "annualRevenue,totalAssets,highTech,specializedSme,admittedOn", uscc + ",青岛还本科技有限公司,张建华,"
                + region.district() + ",C3736,50,12000000,8000000,true,true,2025-01-02")).get("status").asString())
                .isEqualTo("IMPORTED");
        String ref = "IMP-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(imported(admin, "LOANS", csv("bankCode,externalId,uscc,contractNo,signedOn,principal,annualRate,"
                + "maturityDate,ipShare,otherFiscalSubsidy,disbursedOn,disbursedAmount,pledgeRegistrationNo,"
                + "pledgeRegisteredOn,pledgedPatents", bankCode + "," + ref + "," + uscc
                + ",C-1,2025-06-10,1000000,0.0345,2027-06-10,1,false,2025-06-15,1000000,,,"))
                .get("status").asString()).isEqualTo("IMPORTED");
        String header = "bankCode,loanExternalId,externalId,repaidOn,amount";
        assertThat(http.with(admin).get(IMPORTS + "REPAYMENTS/template?format=csv").body()).contains(header);

        // row 2 takes more than row 1 left outstanding, row 3 is dated before the disbursement: refused whole
        JsonNode refused = imported(admin, "REPAYMENTS", csv(header,
                bankCode + "," + ref + "," + ref + "-R1,2025-09-15,600000",
                bankCode + "," + ref + "," + ref + "-R2,2025-12-15,400000.01",
                bankCode + "," + ref + "," + ref + "-R3,2025-06-01,1"));
        assertThat(refused.get("status").asString()).as("%s", refused).isEqualTo("REJECTED");
        assertThat(refused.get("errorCount").asInt()).isEqualTo(2);
        assertThat(http.with(admin).get("/api/v1/admin/history-import-files/" + refused.get("importId").asLong()
                + "/errors?format=csv").body()).contains("2,amount,LOAN_RECORD_INVALID,").contains("400000.00")
                .contains("3,repaidOn,LOAN_RECORD_INVALID,");
        assertThat(repayments(ref)).isZero();

        byte[] good = csv(header, bankCode + "," + ref + "," + ref + "-R1,2025-09-15,600000",
                bankCode + "," + ref + "," + ref + "-R2,2025-12-15,400000");
        JsonNode taken = imported(admin, "REPAYMENTS", good);
        assertThat(taken.get("status").asString()).as("%s", taken).isEqualTo("IMPORTED");
        assertThat(repayments(ref)).isEqualTo(2L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'IMPORTED' "
                + "AND entity_type = 'LOAN' AND summary LIKE ? AND summary LIKE '%repayment%'", Long.class,
                "%" + taken.get("sha256").asString() + "%")).isEqualTo(2L);
        // the same file again writes nothing; a further repayment is measured against what the platform holds
        assertThat(upload(admin, "REPAYMENTS", good).status()).isEqualTo(200);
        assertThat(repayments(ref)).isEqualTo(2L);
        JsonNode more = imported(admin, "REPAYMENTS", csv(header, bankCode + "," + ref + "," + ref
                + "-R3,2026-01-15,0.01"));
        assertThat(more.get("status").asString()).isEqualTo("REJECTED");
        assertThat(http.with(admin).get("/api/v1/admin/history-import-files/" + more.get("importId").asLong()
                + "/errors?format=csv").body()).contains("1,amount,LOAN_RECORD_INVALID,").contains("0.00");
    }

    @Test
    void trademarksAreImportedOncePerClassAndAFileWithAnErrorWritesNothing() throws Exception {
        String admin = adminToken();
        Region region = region();
        String uscc = uscc(region.district());
        assertThat(imported(admin, "ENTERPRISES", csv("uscc,name,legalRepName,districtCode,industryCode,employees,"
                + "annualRevenue,totalAssets,highTech,specializedSme,admittedOn", uscc + ",青岛商标食品有限公司,王芳,"
                + region.district() + ",C1361,80,30000000,20000000,false,false,2024-03-01")).get("status").asString())
                .isEqualTo("IMPORTED");
        String header = "uscc,registrationNo,markName,niceClass,validUntil";
        String number = String.valueOf(10_000_000 + (System.nanoTime() % 89_999_999));
        // row 2: class 46 does not exist; row 3: the same mark and class as row 1
        JsonNode refused = imported(admin, "TRADEMARKS", csv(header, uscc + "," + number + ",海之鲜,29,2032-05-13",
                uscc + "," + number + ",海之鲜,46,2032-05-13", uscc + "," + number + ",海之鲜,29,2032-05-13"));
        assertThat(refused.get("status").asString()).as("%s", refused).isEqualTo("REJECTED");
        assertThat(http.with(admin).get("/api/v1/admin/history-import-files/" + refused.get("importId").asLong()
                + "/errors?format=csv").body()).contains("2,niceClass,").contains("3,registrationNo,TRADEMARK_ALREADY_REGISTERED,");
        assertThat(trademarks(number)).isZero();

        byte[] good = csv(header, uscc + "," + number + ",海之鲜,29,2032-05-13", uscc + "," + number + ",海之鲜,35,2032-05-13");
        JsonNode taken = imported(admin, "TRADEMARKS", good);
        assertThat(taken.get("status").asString()).as("%s", taken).isEqualTo("IMPORTED");
        assertThat(trademarks(number)).isEqualTo(2L);
        long enterpriseId = enterpriseId(uscc);
        assertThat(http.with(admin).get(LIB + "/" + enterpriseId + "/trademarks").body()).contains(number);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'IMPORTED' "
                + "AND entity_type = 'TRADEMARK' AND summary LIKE ?", Long.class,
                "%" + taken.get("sha256").asString() + "%")).isEqualTo(2L);
        assertThat(upload(admin, "TRADEMARKS", good).status()).isEqualTo(200);
        assertThat(trademarks(number)).isEqualTo(2L);
    }

    @Test
    void geographicalIndicationsAreImportedOncePerEnterpriseAndAFileWithAnErrorWritesNothing() throws Exception {
        String admin = adminToken();
        Region region = region();
        String first = importedEnterprise(admin, region.district(), "烟台苹果种植有限公司");
        String second = importedEnterprise(admin, region.district(), "烟台果品合作有限公司");
        String header = "uscc,registrationNo,name,validUntil";
        assertThat(http.with(admin).get(IMPORTS + "GEOGRAPHICAL_INDICATIONS/template?format=csv").body())
                .contains(header);
        String number = "AGI" + (System.nanoTime() % 100_000_000);
        // row 2: no name; row 3: the same indication for the same enterprise as row 1
        JsonNode refused = imported(admin, "GEOGRAPHICAL_INDICATIONS", csv(header, first + "," + number
                + ",烟台苹果,2030-12-31", second + "," + number + ",,", first + "," + number + ",烟台苹果,"));
        assertThat(refused.get("status").asString()).as("%s", refused).isEqualTo("REJECTED");
        assertThat(http.with(admin).get("/api/v1/admin/history-import-files/" + refused.get("importId").asLong()
                + "/errors?format=csv").body()).contains("2,name,REQUIRED,")
                .contains("3,registrationNo,INDICATION_ALREADY_RECORDED,");
        assertThat(count("geographical_indication", number)).isZero();

        // the same indication for two enterprises: each is authorised to use it
        byte[] good = csv(header, first + "," + number + ",烟台苹果,2030-12-31", second + "," + number + ",烟台苹果,");
        JsonNode taken = imported(admin, "GEOGRAPHICAL_INDICATIONS", good);
        assertThat(taken.get("status").asString()).as("%s", taken).isEqualTo("IMPORTED");
        assertThat(count("geographical_indication", number)).isEqualTo(2L);
        JsonNode shown = http.with(admin).get(LIB + "/" + enterpriseId(first) + "/geographical-indications").json();
        assertThat(shown.findValuesAsString("registrationNo")).containsExactly(number);
        assertThat(shown.findValuesAsString("validUntil")).containsExactly("2030-12-31");
        assertThat(importedAudits("GEOGRAPHICAL_INDICATION", taken)).isEqualTo(2L);
        assertThat(upload(admin, "GEOGRAPHICAL_INDICATIONS", good).status()).isEqualTo(200);
        assertThat(count("geographical_indication", number)).isEqualTo(2L);
    }

    @Test
    void appraisalsOfImportedAssetsAreTheLibrarysLatestAndAFileWithAnErrorWritesNothing() throws Exception {
        String admin = adminToken();
        Region region = region();
        String owner = importedEnterprise(admin, region.district(), "青岛评估电子有限公司");
        String other = importedEnterprise(admin, region.district(), "青岛他人电子有限公司");
        String patent = zl(patentDigits('1'));
        String othersPatent = zl(patentDigits('1'));
        assertThat(imported(admin, "IP_ASSETS", csv("uscc,applicationNo,type,title,filingDate,grantDate,expiryDate,"
                + "legalStatus", owner + "," + patent + ",INVENTION,一种评估装置,2021-03-01,2023-01-10,2041-02-28,VALID",
                other + "," + othersPatent + ",INVENTION,一种他人装置,2021-03-01,2023-01-10,2041-02-28,VALID"))
                .get("status").asString()).isEqualTo("IMPORTED");
        String mark = String.valueOf(10_000_000 + (System.nanoTime() % 89_999_999));
        assertThat(imported(admin, "TRADEMARKS", csv("uscc,registrationNo,markName,niceClass,validUntil",
                owner + "," + mark + ",评估牌,9,2033-01-01")).get("status").asString()).isEqualTo("IMPORTED");
        String gi = "AGI" + (System.nanoTime() % 100_000_000);
        assertThat(imported(admin, "GEOGRAPHICAL_INDICATIONS", csv("uscc,registrationNo,name,validUntil",
                owner + "," + gi + ",崂山绿茶,")).get("status").asString()).isEqualTo("IMPORTED");

        String header = "uscc,assetKind,assetNo,niceClass,appraisedValue,appraiser,reportNo,appraisedOn";
        assertThat(http.with(admin).get(IMPORTS + "APPRAISALS/template?format=csv").body()).contains(header);
        String report = "PG" + (System.nanoTime() % 100_000_000);
        String patentRow = owner + ",PATENT," + patent + ",,1200000.50,青岛衡信资产评估有限公司," + report + ",2024-05-20";
        // row 2: another enterprise's patent; row 3: the same report as row 1; row 4: a value of 0
        JsonNode refused = imported(admin, "APPRAISALS", csv(header, patentRow,
                owner + ",PATENT," + othersPatent + ",,800000,青岛衡信资产评估有限公司," + report + ",2024-05-20", patentRow,
                owner + ",TRADEMARK," + mark + ",9,0,青岛衡信资产评估有限公司," + report + ",2024-05-20"));
        assertThat(refused.get("status").asString()).as("%s", refused).isEqualTo("REJECTED");
        assertThat(http.with(admin).get("/api/v1/admin/history-import-files/" + refused.get("importId").asLong()
                + "/errors?format=csv").body()).contains("2,assetNo,ASSET_NOT_OWNED,")
                .contains("3,reportNo,APPRAISAL_DUPLICATE,").contains("4,appraisedValue,OUT_OF_RANGE,");
        assertThat(appraisals(report)).isZero();

        byte[] good = csv(header, patentRow,
                owner + ",TRADEMARK," + mark + ",9,300000,青岛衡信资产评估有限公司," + report + ",2024-05-20",
                owner + ",GEOGRAPHICAL_INDICATION," + gi + ",,500000,青岛衡信资产评估有限公司," + report + ",2024-05-20");
        JsonNode taken = imported(admin, "APPRAISALS", good);
        assertThat(taken.get("status").asString()).as("%s", taken).isEqualTo("IMPORTED");
        assertThat(appraisals(report)).isEqualTo(3L);
        JsonNode latest = http.with(admin).get(LIB + "/" + enterpriseId(owner) + "/patents").json()
                .get(0).get("latestAppraisal");
        assertThat(latest.get("reportNo").asString()).as("%s", latest).isEqualTo(report);
        assertThat(latest.get("appraisedValue").decimalValue()).isEqualByComparingTo("1200000.50");
        assertThat(latest.get("appraisedOn").asString()).isEqualTo("2024-05-20");
        assertThat(importedAudits("APPRAISAL", taken)).isEqualTo(3L);
        assertThat(upload(admin, "APPRAISALS", good).status()).isEqualTo(200);
        assertThat(appraisals(report)).isEqualTo(3L);
    }

    private String importedEnterprise(String admin, String district, String name) throws Exception {
        String uscc = uscc(district);
        JsonNode done = imported(admin, "ENTERPRISES", csv("uscc,name,legalRepName,districtCode,industryCode,"
                + "employees,annualRevenue,totalAssets,highTech,specializedSme,admittedOn", uscc + "," + name + ",王芳,"
                + district + ",C3736,80,30000000,20000000,false,false,2024-03-01"));
        assertThat(done.get("status").asString()).as("%s", done).isEqualTo("IMPORTED");
        return uscc;
    }

    private long count(String table, String registrationNo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE registration_no = ?", Long.class,
                registrationNo);
    }

    private long appraisals(String reportNo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM appraisal WHERE report_no = ?", Long.class, reportNo);
    }

    private long importedAudits(String entityType, JsonNode file) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'IMPORTED' AND entity_type = ? "
                + "AND summary LIKE ?", Long.class, entityType, "%" + file.get("sha256").asString() + "%");
    }

    @Test
    void compensationPaidBeforeThePlatformMovesTheFundsAsALivePayout() throws Exception {
        String admin = adminToken();
        Region region = region();
        Bank bank = lender(admin);
        String bankCode = jdbc.queryForObject("SELECT bank_code FROM bank WHERE id = ?", String.class,
                bank.bankId());
        // the shipped rules: provincial 40 %, municipal 20 %, bank 40 %, the funds together at most 1 000 000 a loan
        Http.Response created = http.with(admin).post("/api/v1/admin/compensation-programmes", Map.of("name",
                unique("风险补偿"), "regionCode", region.city(), "effectiveFrom", "2025-01-01"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long programmeId = created.json().get("programmeId").asLong();
        for (JsonNode f : created.json().get("funds")) {
            Http.Response deposit = http.with(admin).post("/api/v1/admin/compensation-funds/" + f.get("fundId")
                    .asLong() + "/deposits", Map.of("kind", "DEPOSIT", "amount", new BigDecimal(f.get("code")
                    .asString().equals("PROVINCIAL_FUND") ? "1000000" : "400000"), "reference", unique("GK"),
                    "depositedOn", today().toString()));
            assertThat(deposit.status()).as("%s", deposit).isEqualTo(201);
        }
        assertThat(http.with(admin).post("/api/v1/admin/compensation-programmes/" + programmeId + "/agreements",
                Map.of("bankId", bank.bankId(), "agreementNo", unique("HZ"), "activeFrom", "2025-01-01",
                        "attributedFundAmount", new BigDecimal("1400000"))).status()).isEqualTo(201);
        String uscc = uscc(region.district());
        assertThat(imported(admin, "ENTERPRISES", csv("uscc,name,legalRepName,districtCode,industryCode,employees,"
                + "annualRevenue,totalAssets,highTech,specializedSme,admittedOn", uscc + ",青岛代偿科技有限公司,张建华,"
                + region.district() + ",C3736,50,12000000,8000000,true,true,2025-01-02")).get("status").asString())
                .isEqualTo("IMPORTED");
        String a = unique("DA");
        String b = unique("DB");
        String loans = "bankCode,externalId,uscc,contractNo,signedOn,principal,annualRate,maturityDate,ipShare,"
                + "otherFiscalSubsidy,disbursedOn,disbursedAmount,pledgeRegistrationNo,pledgeRegisteredOn,pledgedPatents";
        assertThat(imported(admin, "LOANS", csv(loans, bankCode + "," + a + "," + uscc
                + ",C-1,2025-02-20,3000000,0.0345,2027-02-20,1,false,2025-03-01,3000000,,,", bankCode + "," + b + ","
                + uscc + ",C-2,2025-02-20,3000000,0.0345,2027-02-20,1,false,2025-03-01,3000000,,,"))
                .get("status").asString()).isEqualTo("IMPORTED");
        String header = "bankCode,loanExternalId,defaultedOn,outstandingAtDefault,fundPayments,fundTotal,paidOn,voucher";
        assertThat(http.with(admin).get(IMPORTS + "PAID_COMPENSATION/template?format=csv").body()).contains(header);

        // L = 2 500 000: the funds' 1 500 000 is capped to 1 000 000, provincial 666 666.67, municipal 333 333.33.
        // Row 1 does not add up; row 2 names no loan; row 3 pays the province past its capped part and the city
        // more than is left after row 1.
        JsonNode refused = imported(admin, "PAID_COMPENSATION", csv(header,
                bankCode + "," + a + ",2025-09-30,2500000,PROVINCIAL_FUND:600000;MUNICIPAL_FUND:300000,900001,"
                        + "2025-12-20," + a + "-V",
                bankCode + ",NOPE-" + a + ",2025-09-30,1000,PROVINCIAL_FUND:1,1,2025-12-20," + a + "-W",
                bankCode + "," + b + ",2025-09-30,2500000,PROVINCIAL_FUND:666666.68;MUNICIPAL_FUND:200000,866666.68,"
                        + "2025-12-20," + b + "-V"));
        assertThat(refused.get("status").asString()).as("%s", refused).isEqualTo("REJECTED");
        assertThat(http.with(admin).get("/api/v1/admin/history-import-files/" + refused.get("importId").asLong()
                + "/errors?format=csv").body()).contains("1,fundTotal,AMOUNTS_DO_NOT_ADD_UP,")
                .contains("2,loanExternalId,LOAN_NOT_FOUND,").contains("3,fundPayments,COMPENSATION_CAP_EXCEEDED,")
                .contains("666666.67").contains("3,fundPayments,FUNDS_SHORT,").contains("100000.00");
        assertThat(claims(a) + claims(b)).isZero();
        assertThat(loanStatus(a)).isEqualTo("DISBURSED");

        byte[] good = csv(header, bankCode + "," + a + ",2025-09-30,2500000,"
                + "PROVINCIAL_FUND:600000;MUNICIPAL_FUND:300000,900000,2025-12-20," + a + "-V");
        JsonNode taken = imported(admin, "PAID_COMPENSATION", good);
        assertThat(taken.get("status").asString()).as("%s", taken).isEqualTo("IMPORTED");
        assertThat(loanStatus(a)).isEqualTo("DEFAULTED");
        assertThat(claims(a)).isEqualTo(1L);
        Map<String, BigDecimal> balances = balancedLedger(admin, programmeId);
        assertThat(balances.get("PROVINCIAL_FUND.ASSET")).isEqualByComparingTo("400000");
        assertThat(balances.get("MUNICIPAL_FUND.ASSET")).isEqualByComparingTo("100000");
        assertThat(balances.get("PROVINCIAL_FUND.EXPENSE")).isEqualByComparingTo("600000");
        // the bank's line bears the rest of L
        assertThat(jdbc.queryForObject("SELECT pl.amount FROM compensation_payout_line pl JOIN compensation_claim c "
                + "ON c.id = pl.claim_id JOIN loan l ON l.id = c.loan_id WHERE l.external_id = ? AND pl.layer_code = "
                + "'BANK'", BigDecimal.class, a)).isEqualByComparingTo("1600000");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'IMPORTED' "
                + "AND entity_type IN ('LOAN', 'COMPENSATION_CLAIM') AND summary LIKE ?", Long.class,
                "%" + taken.get("sha256").asString() + "%")).isEqualTo(2L);

        // the same file again writes nothing
        assertThat(upload(admin, "PAID_COMPENSATION", good).status()).isEqualTo(200);
        assertThat(claims(a)).isEqualTo(1L);
        assertThat(balancedLedger(admin, programmeId)).isEqualTo(balances);
    }

    private long claims(String loanRef) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM compensation_claim c JOIN loan l ON l.id = c.loan_id "
                + "WHERE l.external_id = ?", Long.class, loanRef);
    }

    private String loanStatus(String loanRef) {
        return jdbc.queryForObject("SELECT status FROM loan WHERE external_id = ?", String.class, loanRef);
    }

    /** The programme's trial balance, checked balanced; the balances by account code. */
    private Map<String, BigDecimal> balancedLedger(String admin, long programmeId) {
        JsonNode t = http.with(admin).get("/api/v1/compensation/programmes/" + programmeId + "/trial-balance").json();
        assertThat(t.get("balanced").asBoolean()).as("%s", t).isTrue();
        Map<String, BigDecimal> balances = new java.util.HashMap<>();
        for (JsonNode acc : t.get("accounts")) {
            balances.put(acc.get("code").asString(), acc.get("balance").decimalValue().stripTrailingZeros());
        }
        return balances;
    }

    private long trademarks(String registrationNo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM trademark WHERE registration_no = ?", Long.class,
                registrationNo);
    }

    private long repayments(String loanRef) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM principal_repayment r JOIN loan l ON l.id = r.loan_id "
                + "WHERE l.external_id = ?", Long.class, loanRef);
    }

    private String loanRow(String bankCode, String ref, String uscc, String patent) {
        return bankCode + "," + ref + "," + uscc + ",青银知质借字第" + ref + "号,2025-06-10,1000000,0.0345,2027-06-10,1,"
                + "false,2025-06-15,1000000,Y" + ref + ",2025-06-12," + patent;
    }

    private long enterpriseId(String uscc) {
        return jdbc.queryForObject("SELECT id FROM enterprise WHERE uscc = ?", Long.class, uscc);
    }

    @Test
    void aFileUpToTheDocumentedSixteenMebibytesIsTakenAndALargerOneIsAProblem() throws Exception {
        String admin = adminToken();
        String header = "uscc,name,legalRepName,districtCode,industryCode,employees,annualRevenue,totalAssets,"
                + "highTech,specializedSme,admittedOn";
        // 2 MiB: past Spring's default multipart limit of 1 MB, well inside the 16 MiB the contract documents
        JsonNode taken = imported(admin, "ENTERPRISES", csv(header, "x," + "名".repeat(700_000)
                + ",张建华,370202,C3736,50,1,1,true,true,2025-01-02"));
        assertThat(taken.get("status").asString()).as("%s", taken).isEqualTo("REJECTED");

        Http.Response tooLarge = upload(admin, "ENTERPRISES", new byte[17 * 1024 * 1024]);
        assertThat(tooLarge.status()).as("%s", tooLarge).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    private static byte[] csv(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Uploads a file and waits for its job to end. */
    private JsonNode imported(String admin, String kind, byte[] content) throws Exception {
        Http.Response r = upload(admin, kind, content);
        assertThat(r.status()).as("upload: %s", r).isEqualTo(202);
        long id = r.json().get("importId").asLong();
        for (int i = 0; i < 300; i++) {
            JsonNode status = http.with(admin).get("/api/v1/admin/history-import-files/" + id).json();
            if (!"VALIDATING".equals(status.get("status").asString())) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not end");
    }

    private Http.Response upload(String admin, String kind, byte[] content) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + kind
                + ".csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + IMPORTS + kind)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Http.Response(response.statusCode(), response.headers().map(), response.body());
    }
}
