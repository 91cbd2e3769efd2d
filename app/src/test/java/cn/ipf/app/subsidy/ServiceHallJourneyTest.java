package cn.ipf.app.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.library.policy.CnPatentNumber;
import cn.ipf.app.testinfra.Browser;
import cn.ipf.app.testinfra.ConsoleBrowser;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.PaymentBatchRound;
import cn.ipf.app.user.Role;
import cn.ipf.sdk.model.AssetRef;
import cn.ipf.sdk.model.DisbursementReport;
import cn.ipf.sdk.model.LoanContractReport;
import cn.ipf.sdk.model.LoanOffer;
import cn.ipf.sdk.model.PledgeRegistrationReport;
import cn.ipf.sdk.model.PledgeableAssetKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * 网上服务大厅 the whole journey in a real browser, as issue 14 tells it: an SME manager signs up, the district
 * reviewer confirms the account, the SME registers its enterprise, a patent and its demand and applies for admission;
 * the district and the city reviewer admit it; the SME applies for a loan, the bank approves it through its SDK, the
 * SME accepts the offer; the bank reports the loan and its interest through the SDK; the subsidy job runs; the SME
 * declares its claim with a PDF; the district and the city reviewer approve it; the payment result comes back from the
 * paying bank and the SME sees the claim paid. Only what has no page is done otherwise: the credit rating (from the
 * public credit platform), the bank's side (its SDK), the job and the payment batch (the API), and dating the
 * admission and the application back to 2025, where the loan's interest lies (SQL, as the other subsidy tests do).
 * Every page is screenshotted at desktop and 375 px width and scanned with axe-core.
 */
class ServiceHallJourneyTest extends SubsidyTestSupport {

    private static final String SME_PASSWORD = "journey-pass-2026";
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n"
            + "%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    static final ConsoleBrowser CONSOLE = new ConsoleBrowser();

    private Browser browser;

    @BeforeEach
    void browser() {
        browser = CONSOLE.signedOut("http://localhost:" + port);
    }

    /** A date picker is filled as the browser would after a choice (typing into it depends on the OS locale). */
    private void date(String css, String isoDate) {
        browser.driver().executeScript("document.querySelector(arguments[0]).value = arguments[1];", css, isoDate);
    }

    private void choose(String css, String value) {
        new Select(browser.find(css)).selectByValue(value);
    }

    private long id(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static Path pdf() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "uploads"));
            return Files.write(dir.resolve("贴息申报书.pdf"), PDF);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anSmeIsAdmittedBorrowsDeclaresAndIsPaidAllInTheBrowser() throws Exception {
        Region region = region();
        String district = region.district();
        String districtReviewer = districtReviewer(district).username();
        String cityReviewer = user(Role.CITY_REVIEWER, null, null, null);
        String admin = adminToken();
        long programmeId = programme(admin, region.city(), "1000000.00", null);
        Bank bank = lender(admin);
        String uscc = uscc(district);
        String name = unique("青岛旅程科技有限公司");
        String username = unique("journey");

        // 1. sign up from the login page
        browser.open("/");
        browser.follow("企业注册");
        browser.type("#uscc", uscc).type("#enterpriseName", name).type("#contactName", "王经理")
                .type("#phone", "13912345678").type("#email", "wang@example.cn").type("#username", username)
                .type("#password", SME_PASSWORD);
        choose("#districtCode", district);
        browser.click("main form button[type=submit]");
        assertThat(browser.text()).contains("注册申请已提交", uscc, name);
        browser.check("journey-01-signed-up");

        // 2. the district reviewer confirms the account
        browser.signIn(districtReviewer, PASSWORD);
        browser.follow("企业注册审核");
        assertThat(browser.text()).contains(name, uscc);
        long signUpId = id("SELECT id FROM account_sign_up WHERE uscc = ?", uscc);
        browser.click("form[action*='/console/sign-ups/" + signUpId + "/approval'] button");
        assertThat(browser.text()).contains("已确认注册");
        browser.check("journey-02-sign-up-confirmed");
        browser.signOut();

        // 3. the SME registers its enterprise (the confirmed USCC), a patent, its demand, and applies for admission
        // the account speaks for the enterprise the reviewer confirmed, and the API holds it to that one
        String smeToken = http.post("/api/v1/auth/token", Map.of("username", username, "password", SME_PASSWORD))
                .json().get("accessToken").asString();
        Http.Response another = http.with(smeToken).post(LIB, strongProfile(uscc(district), district));
        assertThat(another.status()).isEqualTo(422);
        assertThat(another.code()).isEqualTo("USCC_NOT_CONFIRMED");

        browser.signIn(username, SME_PASSWORD);
        assertThat(browser.text()).contains("尚未登记企业");
        browser.follow("企业登记");
        assertThat(browser.text()).contains("企业登记", uscc, "经区县审核员确认");
        assertThat(browser.find("#name").getAttribute("value")).isEqualTo(name);
        browser.type("#legalRepresentativeName", "王建国").type("#industryCode", "C3736").type("#employees", "50")
                .type("#annualRevenue", "12000000").type("#totalAssets", "8000000")
                .type("#ipmCertificateNo", "165IP123456R0M").click("#highTech").click("#specializedSme");
        date("#ipmCertificateValidUntil", "2040-12-31");
        browser.click("main form button[type=submit]");
        assertThat(browser.text()).contains("企业已登记", name, "小型企业");
        browser.check("journey-03-registered");
        long enterpriseId = id("SELECT id FROM enterprise WHERE uscc = ?", uscc);

        browser.follow("知识产权").follow("登记专利");
        String digits = patentDigits('1');
        browser.type("#applicationNo", "ZL" + digits + "." + CnPatentNumber.checkCharacter(digits))
                .type("#title", "一种旅程测试装置");
        browser.driver().executeScript("document.querySelector('#type').value = 'INVENTION';"
                + "document.querySelector('#legalStatus').value = 'VALID';");
        date("#filingDate", "2022-03-01");
        date("#grantDate", "2024-01-10");
        browser.click("main form button[type=submit]");
        assertThat(browser.text()).contains("已登记", "发明专利");
        long patentId = id("SELECT patent_id FROM patent_owner WHERE enterprise_id = ?", enterpriseId);

        browser.follow("融资需求");
        browser.type("#amount", "1000000").type("#termMonths", "12").type("#purpose", "研发投入")
                .click("main form button[type=submit]");
        assertThat(browser.text()).contains("融资需求已保存。", "¥1,000,000.00");
        // the credit rating comes from the public credit platform, not from the enterprise
        assertThat(http.with(districtReviewer(district).token()).post(LIB + "/" + enterpriseId + "/credit-ratings",
                Map.of("rating", "AAA", "source", "青岛市公共信用信息平台", "ratedOn", today().minusDays(1).toString()))
                .status()).isEqualTo(201);

        browser.follow("企业信息").click("form[action*='/admission'] button[type=submit]");
        assertThat(browser.text()).contains("入库申报已提交", "待区县审核");
        browser.check("journey-04-admission-submitted");
        browser.signOut();

        // 4. admitted through both levels
        browser.signIn(districtReviewer, PASSWORD);
        browser.follow("入库审核");
        browser.type("#q", name).click("form[role=search] button");
        browser.follow(name);
        browser.click("form[action*='district-approval'] button");
        assertThat(browser.text()).contains("区级审核已通过，等待市级审核。");
        browser.check("journey-05-district-admits");
        browser.signOut();
        browser.signIn(cityReviewer, PASSWORD);
        browser.follow("入库审核");
        browser.type("#q", name).click("form[role=search] button");
        browser.follow(name);
        browser.click("form[action*='city-approval'] button");
        assertThat(browser.text()).contains("市级审核已通过，企业已入库。", "已入库");
        browser.check("journey-06-city-admits");
        browser.signOut();
        assertThat(jdbc.queryForObject("SELECT status FROM library_entry WHERE enterprise_id = ?", String.class,
                enterpriseId)).isEqualTo("ADMITTED");
        // the loan below lies in 2025: the admission is dated back to before it
        jdbc.update("UPDATE admission_decision SET decided_at = ? WHERE enterprise_id = ?",
                ADMITTED_ON + " 02:00:00.000000", enterpriseId);
        jdbc.update("UPDATE library_entry SET admitted_on = ? WHERE enterprise_id = ?", ADMITTED_ON, enterpriseId);

        // 5. the SME applies; the bank approves through its SDK; the SME accepts the offer
        browser.signIn(username, SME_PASSWORD);
        browser.follow("匹配产品");
        browser.click("article[aria-labelledby='product-" + bank.productId() + "'] a.button");
        assertThat(browser.path()).isEqualTo("/console/applications/new?product=" + bank.productId());
        browser.type("#amount", "1000000").type("#termMonths", "12").type("#purpose", "研发投入")
                .click("#asset-PATENT-" + patentId).click("main form button[type=submit]");
        assertThat(browser.path()).contains("done=submitted");
        long applicationId = id("SELECT id FROM loan_application WHERE enterprise_id = ?", enterpriseId);
        browser.check("journey-07-applied");

        BigDecimal principal = new BigDecimal("1000000.00");
        bank.applications().approveLoanApplication(applicationId, key(), new LoanOffer().amount(principal)
                .annualRate(new BigDecimal("0.0345")).termMonths(12));
        browser.open("/console/applications/" + applicationId);
        assertThat(browser.text()).contains("¥1,000,000.00", "3.45%");
        browser.click("form[action*='/acceptance'] button");
        assertThat(browser.text()).contains("已接受");
        browser.check("journey-08-offer-accepted");

        // 6. the bank reports contract, pledge, disbursement and two interest payments through its SDK
        submittedOn(jdbc, applicationId, d("2025-06-10"));
        String ref = unique("L");
        bank.applications().reportLoanContract(applicationId, key(), new LoanContractReport().externalId(ref)
                .contractNo("青银知质借字第" + ref + "号").signedOn(d("2025-06-10")).principal(principal)
                .annualRate(new BigDecimal("0.0345")).maturityDate(d("2027-06-10")).ipShare(BigDecimal.ONE)
                .otherFiscalSubsidy(false));
        bank.loans().reportPledgeRegistration(ref, key(), new PledgeRegistrationReport()
                .registrationNo(unique("Y2025")).registeredOn(d("2025-06-12")).securedAmount(principal)
                .assets(List.of(new AssetRef().kind(PledgeableAssetKind.PATENT).id(patentId))));
        bank.loans().reportDisbursement(ref, key(), new DisbursementReport().disbursedOn(d("2025-06-15"))
                .amount(principal));
        payment(bank, ref, 1, d("2025-06-15"), d("2025-07-15"), "1000000.00", "2875.00", d("2025-07-15"));
        payment(bank, ref, 2, d("2025-07-15"), d("2025-08-15"), "1000000.00", "2970.83", d("2025-08-15"));

        browser.follow("我的贷款");
        assertThat(browser.text()).contains("¥1,000,000.00", "付息记录", "¥2,875.00");
        browser.check("journey-09-loan");

        // 7. the subsidy job computes the quarter's claim; the SME reads its trace and declares it with a PDF
        completedRun(admin, programmeId, "2025-Q3");
        long claimId = claimOf(admin, programmeId, enterpriseId, "2025-Q3").get("claimId").asLong();
        browser.follow("我的补贴申报").follow("SC" + claimId);
        assertThat(browser.text()).contains("贴息 = min(", "¥1,500.00");
        browser.type("#account-name", name).type("#account-bank", "青岛银行市南支行")
                .type("#account-number", "802880200012345").click("#noDoubleSubsidy");
        browser.find("#files").sendKeys(pdf().toAbsolutePath().toString());
        browser.click("form[action*='declaration'] button[type=submit]");
        assertThat(browser.text()).contains("申报已提交", "待区县审核", "贴息申报书.pdf");
        browser.check("journey-10-declared");
        browser.signOut();

        // 8. district and city approve
        browser.signIn(districtReviewer, PASSWORD).open("/console/subsidy/claims/" + claimId);
        assertThat(browser.text()).contains("贴息申报书.pdf");
        browser.click("form[action*='district-approval'] button");
        assertThat(browser.text()).contains("待市级审核");
        browser.signOut();
        browser.signIn(cityReviewer, PASSWORD).open("/console/subsidy/claims/" + claimId);
        browser.click("form[action*='city-approval'] button");
        assertThat(browser.text()).contains("审核已通过，等待财政兑付。");
        browser.check("journey-11-city-approved");
        browser.signOut();

        // 9. the paying bank's result file comes back; the SME sees the claim paid
        Http city = http.with(person(Role.CITY_REVIEWER, null, null, null).token());
        Http.Response made = city.post(PaymentBatchRound.BATCHES, Map.of("programmeId", programmeId,
                "claimIds", List.of(claimId)));
        assertThat(made.status()).as("batch: %s", made).isEqualTo(201);
        JsonNode line = made.json().get("lines").get(0);
        long batchId = made.json().get("batchId").asLong();
        PaymentBatchRound.upload(city, batchId, PaymentBatchRound.RESULT_HEADER + "\r\n" + line.get("lineNo").asInt()
                + "," + line.get("claimReference").asString() + "," + line.get("amount").decimalValue().toPlainString()
                + ",PAID," + today() + ",BK-JOURNEY-1,\r\n");
        browser.signIn(username, SME_PASSWORD).open("/console/subsidy/claims/" + claimId);
        assertThat(browser.text()).contains("已于 " + today() + " 支付", "BK-JOURNEY-1");
        browser.check("journey-12-paid");

        // an address that does not exist is the console's 404 page, not an API problem
        browser.open("/console/no-such-page");
        assertThat(browser.text()).contains("页面不存在", "我的补贴申报");
    }
}
