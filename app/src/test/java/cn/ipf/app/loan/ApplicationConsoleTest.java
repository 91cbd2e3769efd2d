package cn.ipf.app.loan;

import static cn.ipf.app.testinfra.BankForms.inventionProduct;
import static cn.ipf.app.testinfra.BankForms.key;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.testinfra.Browser;
import cn.ipf.app.testinfra.ConsoleBrowser;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;
import cn.ipf.sdk.api.BankProductsApi;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 贷款申请 in a real browser, both sides: an SME applies on a product, the bank officer (signed in to the console)
 * sees the candidate with the consented data only, asks for information, the SME answers, the officer approves with
 * an offer and the SME accepts; a rejection without its reason code is refused by the field; another bank's officer
 * gets the 404 page; an overdue application shows its escalation to the SME. Every page is screenshotted and scanned.
 */
class ApplicationConsoleTest extends LibraryTestSupport {

    private static final String DISTRICT = "370211";

    @RegisterExtension
    static final ConsoleBrowser CONSOLE = new ConsoleBrowser();

    private Browser browser;

    private long bankId;
    private long productId;
    private Person sme;
    private long enterpriseId;
    private long patentId;
    private String enterpriseName;
    private String productName;

    @BeforeEach
    void bankProductAndAdmittedApplicant() throws Exception {
        browser = CONSOLE.signedOut("http://localhost:" + port);
        String admin = adminToken();
        bankId = bank(admin);
        productName = unique("知易贷");
        productId = new BankProductsApi(sdk(app(admin, bankId, null)))
                .publishProduct(key(), inventionProduct(productName)).getProductId();
        sme = person(Role.SME, null, null, null);
        Map<String, Object> profile = strongProfile(uscc(DISTRICT), DISTRICT);
        enterpriseName = (String) profile.get("name");
        enterpriseId = register(sme.token(), profile).get("enterpriseId").asLong();
        patentId = addInvention(sme.token(), enterpriseId, true).get("patentId").asLong();
        admit(enterpriseId, DISTRICT);
        String reviewer = districtReviewer(DISTRICT).token();
        Http.Response appraisal = http.with(reviewer).post(LIB + "/" + enterpriseId + "/appraisals", Map.of(
                "assetKind", "PATENT", "assetId", patentId, "appraisedValue", 4_000_000,
                "appraiser", "青岛天和资产评估有限公司", "reportNo", unique("PG"),
                "appraisedOn", today().minusDays(10).toString()));
        assertThat(appraisal.status()).as("appraisal: %s", appraisal).isEqualTo(201);
        Http.Response demand = http.with(reviewer).put(LIB + "/" + enterpriseId + "/demand", Map.of(
                "amount", 2_000_000, "termMonths", 12, "purpose", "研发投入", "preferredBankIds", List.of(bankId)));
        assertThat(demand.status()).as("demand: %s", demand).isEqualTo(200);
        Http.Response consent = http.with(sme.token()).post(LIB + "/" + enterpriseId + "/consents",
                Map.of("bankId", bankId, "scopes", List.of("PROFILE", "IP_ASSETS", "FINANCING_DEMAND")));
        assertThat(consent.status()).as("consent: %s", consent).isEqualTo(201);
    }

    private String status(long applicationId) {
        return jdbc.queryForObject("SELECT status FROM loan_application WHERE id = ?", String.class, applicationId);
    }

    @Test
    void anSmeAppliesTheBankAsksApprovesAndTheSmeAccepts() {
        String officer = user(Role.BANK_OFFICER, null, bankId, null);

        // the officer sees the enterprise among the product's candidates, with only what it consented to share
        browser.signIn(officer, PASSWORD);
        assertThat(browser.path()).isEqualTo("/console");
        browser.follow("推荐企业");
        assertThat(browser.text()).contains(enterpriseName, "符合产品条件", "知识产权", "融资需求", "企业意向本行",
                "所在区县 " + DISTRICT + " 在产品服务范围内", "企业未授权共享 [CREDIT]，依据不予显示")
                .doesNotContain("职工", "法定代表人", "withheld", "served");
        browser.check("apps-01-bank-candidates");
        browser.signOut();

        browser.signIn(sme.username(), PASSWORD).open("/console/applications/new?product=" + productId);
        assertThat(browser.text()).contains("申请贷款", "产品要求", "符合产品条件", "¥500,000.00 — ¥5,000,000.00",
                "需求金额 2000000 元在产品额度 500000–5000000 元之内");
        browser.check("apps-02-sme-apply");

        // letters in the amount and no asset: refused by the fields, nothing applied for
        browser.type("#amount", "两百万").type("#termMonths", "12")
                .click("form[action*='applications'] button[type=submit]");
        assertThat(browser.find("#error-summary").getText()).contains("提交未成功", "请填写数字金额");
        assertThat(browser.find("#amount").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#assets-error").getText()).isNotBlank();
        assertThat(count("loan_application WHERE enterprise_id = " + enterpriseId)).isZero();
        browser.check("apps-03-sme-apply-errors");

        browser.type("#amount", "2000000").type("#purpose", "研发投入与设备采购")
                .click("#asset-PATENT-" + patentId).click("form[action*='applications'] button[type=submit]");
        assertThat(browser.text()).contains("申请已提交", "待银行审批", "银行须于", "¥2,000,000.00", "12 个月");
        long id = Long.parseLong(browser.path().replaceAll("^/console/applications/(\\d+).*$", "$1"));
        assertThat(status(id)).isEqualTo("SUBMITTED");
        browser.check("apps-04-sme-submitted");
        browser.signOut();

        browser.signIn(officer, PASSWORD).follow("贷款申请受理");
        assertThat(browser.text()).contains("待审批", "LA" + id, enterpriseName, productName);
        browser.check("apps-05-bank-queue");
        browser.follow("LA" + id);
        assertThat(browser.text()).contains("要求补充资料", "批准并给出授信方案", "拒绝申请");
        browser.check("apps-06-bank-application");

        browser.type("#message", "请补充近两年财务报表").click("form[action*='information-request'] button");
        assertThat(browser.text()).contains("已要求企业补充资料", "待企业补充资料", "请补充近两年财务报表");
        assertThat(status(id)).isEqualTo("INFO_REQUESTED");

        // a rejection needs its coded reason: refused by the field, the application unchanged
        browser.click("#reject");
        assertThat(browser.find("#reasonCode-error").getText()).contains("请选择拒绝原因");
        assertThat(browser.find("#error-summary").getText()).contains("请选择拒绝原因");
        assertThat(status(id)).isEqualTo("INFO_REQUESTED");
        browser.check("apps-07-bank-reject-refused");
        browser.signOut();

        browser.signIn(sme.username(), PASSWORD).follow("我的贷款申请");
        assertThat(browser.text()).contains("LA" + id, "待企业补充资料");
        browser.follow("LA" + id);
        assertThat(browser.text()).contains("银行要求补充资料", "请补充近两年财务报表");
        browser.type("#message", "财务报表已通过邮件发送客户经理").click("form[action*='information'] button");
        assertThat(browser.text()).contains("回复已发送给银行", "待银行审批", "财务报表已通过邮件发送客户经理");
        assertThat(status(id)).isEqualTo("SUBMITTED");
        browser.check("apps-08-sme-answered");
        browser.signOut();

        browser.signIn(officer, PASSWORD).open("/console/bank/applications/" + id);
        browser.type("#amount", "1800000").type("#annualRate", "0.0325").type("#termMonths", "12").click("#approve");
        assertThat(browser.text()).contains("已批准，授信方案已发给企业", "¥1,800,000.00 · 年利率 3.25% · 12 个月");
        assertThat(status(id)).isEqualTo("APPROVED");
        browser.follow("贷款台账");
        browser.check("apps-09-bank-loan-book");
        browser.follow("限时响应记分卡");
        assertThat(browser.text()).contains("本月收到申请", "按时响应比例");
        browser.check("apps-10-bank-scorecard");
        browser.signOut();

        browser.signIn(sme.username(), PASSWORD).open("/console/applications/" + id);
        assertThat(browser.text()).contains("银行已批准", "¥1,800,000.00 · 年利率 3.25% · 12 个月");
        browser.check("apps-11-sme-offer");
        browser.click("#accept");
        assertThat(browser.text()).contains("您已接受授信方案", "企业已接受");
        assertThat(status(id)).isEqualTo("ACCEPTED");
        browser.check("apps-12-sme-accepted");
        browser.signOut();

        // another bank's officer: the application by its URL is not found, as if it did not exist
        String other = user(Role.BANK_OFFICER, null, bank(adminToken()), null);
        browser.signIn(other, PASSWORD).open("/console/bank/applications/" + id);
        assertThat(browser.text()).contains("页面不存在").doesNotContain(enterpriseName);
        browser.check("apps-13-other-bank-not-found");
        // nor may an SME use the bank's pages
        browser.signOut();
        browser.signIn(sme.username(), PASSWORD).open("/console/bank/applications");
        assertThat(browser.text()).contains("无法完成操作");
    }

    @Test
    void anOverdueApplicationShowsItsEscalationToTheSme() {
        Http.Response applied = http.with(sme.token()).post(LIB + "/" + enterpriseId + "/loan-applications",
                Map.of("productId", productId, "amount", 1_000_000, "termMonths", 12,
                        "assets", List.of(Map.of("kind", "PATENT", "id", patentId))));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        long id = applied.json().get("applicationId").asLong();
        jdbc.update("UPDATE loan_application SET respond_by = ?, escalated_at = ? WHERE id = ?",
                today().minusDays(3), java.sql.Timestamp.from(Instant.now()), id);

        browser.signIn(sme.username(), PASSWORD).open("/console/applications");
        assertThat(browser.text()).contains("LA" + id, "已提请督办");
        browser.follow("LA" + id);
        assertThat(browser.text()).contains("限时响应", "已提请督办", "平台已通知市级审核员督办");
        browser.check("apps-20-sme-escalated");
    }
}
