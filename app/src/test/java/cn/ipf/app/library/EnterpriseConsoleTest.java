package cn.ipf.app.library;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.library.policy.CnPatentNumber;
import cn.ipf.app.testinfra.Browser;
import cn.ipf.app.testinfra.ConsoleBrowser;
import cn.ipf.app.user.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The enterprise's own pages in a real browser: an SME edits its profile (a field error first) and sees why it is a
 * small enterprise; records a patent whose check digit is wrong (the field says which digit is right) and then the
 * right one, with an appraisal; states its financing demand; reads the matched products with the reasons; consents to
 * a bank and widens the consent; submits for admission and reads the reviewer's comment when it is returned. Another
 * enterprise's asset by URL is the 404 page. Every page is screenshotted (desktop and 375 px) and scanned by axe-core.
 */
class EnterpriseConsoleTest extends LibraryTestSupport {

    /** The demo district whose bank (青岛银行, id 1) offers products 1–3 there. */
    private static final String DISTRICT = "370202";
    private static final String DEMO_BANK = "青岛银行股份有限公司";

    @RegisterExtension
    static final ConsoleBrowser CONSOLE = new ConsoleBrowser();

    private Browser browser;

    @BeforeEach
    void browser() {
        browser = CONSOLE.signedOut("http://localhost:" + port);
    }

    @Test
    void anSmeKeepsItsProfileAssetsDemandAndConsentsInTheBrowser() {
        Person sme = person(Role.SME, null, null, null);
        long id = register(sme.token(), smallProfile(uscc(DISTRICT), DISTRICT)).get("enterpriseId").asLong();

        browser.signIn(sme.username(), PASSWORD);
        assertThat(browser.text()).contains("企业概况", "企业信息", "知识产权", "融资需求", "匹配产品", "数据授权");
        browser.follow("企业信息");
        assertThat(browser.path()).isEqualTo("/console/enterprise");
        assertThat(browser.text()).contains("小型企业", "所属行业：工业", "从业人员 50 人，营业收入 1,200.00万元",
                "达到小型企业标准：从业人员 ≥ 20 人，且营业收入 ≥ 300 万元",
                "未达到中型企业标准：从业人员 ≥ 300 人，且营业收入 ≥ 2,000 万元", "草稿", "提交入库申报");
        browser.check("smelib-01-profile");

        // the contract's pattern, by the field; nothing saved
        browser.type("#industryCode", "C37X").type("#employees", "60")
                .click("form[action*='/console/enterprise?'] button[type=submit]");
        assertThat(browser.find("#error-summary").getText()).contains("提交未成功");
        assertThat(browser.find("#industryCode").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#industryCode").getAttribute("aria-describedby")).contains("industryCode-error");
        assertThat(jdbc.queryForObject("SELECT employees FROM enterprise WHERE id = ?", Integer.class, id))
                .isEqualTo(50);
        browser.check("smelib-02-profile-error");
        browser.type("#industryCode", "C3736").click("form[action*='/console/enterprise?'] button[type=submit]");
        assertThat(browser.text()).contains("企业信息已保存。", "从业人员 60 人");
        assertThat(jdbc.queryForObject("SELECT employees FROM enterprise WHERE id = ?", Integer.class, id))
                .isEqualTo(60);

        // a patent whose check digit is wrong: the field says how the digit is made and which one is right
        browser.follow("知识产权");
        assertThat(browser.text()).contains("尚未登记专利。");
        browser.check("smelib-03-assets-empty");
        browser.follow("登记专利");
        String digits = patentDigits('1');
        char right = CnPatentNumber.checkCharacter(digits);
        char wrong = right == '0' ? '1' : '0';
        browser.type("#applicationNo", "ZL" + digits + "." + wrong)
                .type("#title", "一种船舶推进装置");
        browser.driver().executeScript("document.querySelector('#type').value = 'INVENTION';"
                + "document.querySelector('#legalStatus').value = 'VALID';");
        browser.type("#filingDate", "2022-03-01");
        browser.type("#grantDate", "2024-01-10");
        browser.click("main form.card button[type=submit]");
        assertThat(browser.find("#applicationNo-error").getText()).contains("校验位不正确",
                "2、3、4、5、6、7、8、9、2、3、4、5", "除以 11 取余数", "校验位应为 " + right);
        assertThat(browser.find("#applicationNo").getAttribute("aria-describedby")).contains("applicationNo-error");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM patent WHERE application_no LIKE ?", Long.class,
                digits + "%")).isZero();
        browser.check("smelib-04-patent-check-digit");

        browser.type("#applicationNo", "ZL" + digits + "." + right).click("main form.card button[type=submit]");
        assertThat(browser.text()).contains("专利 " + digits + right, "已登记", "发明专利", "未质押（可首次质押）");
        browser.type("#appraisedValue", "4000000").type("#appraiser", "青岛天和资产评估有限公司")
                .type("#reportNo", unique("TH-PG"));
        browser.type("#appraisedOn", "2026-03-01");
        browser.click("main form.card button[type=submit]");
        assertThat(browser.text()).contains("评估报告已登记。", "¥4,000,000.00", "青岛天和资产评估有限公司");
        browser.check("smelib-05-patent");

        browser.follow("融资需求");
        assertThat(browser.text()).contains("尚未填写融资需求");
        browser.type("#amount", "2000000").type("#termMonths", "12").type("#purpose", "研发投入与设备采购")
                .click("#bank-1").click("main form.card button[type=submit]");
        assertThat(browser.text()).contains("融资需求已保存。", "¥2,000,000.00", "（200.00万元）", "12 个月");
        browser.check("smelib-06-demand");

        browser.follow("匹配产品");
        String matches = browser.text();
        assertThat(matches).contains("知易贷 · " + DEMO_BANK, "融资金额：满足。融资需求金额在 ¥500,000.00 至 ¥10,000,000.00 之间。",
                "服务区域：不满足。", "政银保·专利贷", "意向银行：20 / 20 分");
        browser.check("smelib-07-matches");

        browser.follow("数据授权");
        assertThat(browser.text()).contains("尚未向任何银行授权");
        browser.driver().executeScript("document.querySelector('#bankId').value = '1';");
        browser.click("#scope-FINANCIALS").click("form[action*='/consents?'] button[type=submit]");
        assertThat(browser.text()).contains("已授权。", DEMO_BANK, "有效", "基本信息、经营财务数据", "共 0 次查看。");
        browser.click("input[id$='-IP_ASSETS']").click("form[action*='/widening'] button[type=submit]");
        assertThat(browser.text()).contains("已扩大授权范围。", "基本信息、经营财务数据、知识产权及评估", "已撤回");
        assertThat(count("data_sharing_consent WHERE enterprise_id = " + id + " AND revoked_at IS NULL"))
                .isEqualTo(1);
        browser.check("smelib-08-consents");

        browser.follow("质物监测");
        assertThat(browser.text()).contains("出质的知识产权目前没有风险事件。");
        browser.check("smelib-09-pledge-health");

        // admission: submitted from the profile page, returned by the district with a comment the SME reads
        browser.follow("企业信息").click("form[action*='/admission'] button[type=submit]");
        assertThat(browser.text()).contains("入库申报已提交", "待区县审核", "审核期间不能修改企业信息");
        assertThat(status(id)).isEqualTo("SUBMITTED");
        decided(districtReviewer(DISTRICT).token(), id, "RETURN", "请补充 GB/T 29490 认证证书");
        browser.open("/console/enterprise");
        assertThat(browser.text()).contains("退回了入库申报", "请补充 GB/T 29490 认证证书", "退回修改", "提交入库申报");
        browser.check("smelib-10-profile-returned");

        browser.follow("English");
        assertThat(browser.text()).contains("Enterprise profile", "Sector: Industry",
                "Reaches the Small enterprise bounds", "Returned for changes");
        browser.check("smelib-11-profile-en");
        browser.follow("中文");
    }

    @Test
    void anotherEnterprisesAssetByUrlIsNotFound() {
        Person other = person(Role.SME, null, null, null);
        long otherId = register(other.token(), smallProfile(uscc(DISTRICT), DISTRICT)).get("enterpriseId").asLong();
        long patentId = addInvention(other.token(), otherId, false).get("patentId").asLong();
        Person sme = person(Role.SME, null, null, null);
        register(sme.token(), smallProfile(uscc(DISTRICT), DISTRICT));

        browser.signIn(other.username(), PASSWORD).open("/console/enterprise/assets/patents/" + patentId);
        assertThat(browser.text()).contains("发明专利", "登记评估报告");
        browser.driver().manage().deleteAllCookies();

        browser.signIn(sme.username(), PASSWORD).open("/console/enterprise/assets/patents/" + patentId);
        assertThat(browser.text()).contains("页面不存在", "您要找的内容不存在，或您无权查看");
        browser.check("smelib-20-other-asset-not-found");
        browser.open("/console/enterprise/assets/spaceships/1");
        assertThat(browser.text()).contains("页面不存在");
    }
}
