package cn.ipf.app.library;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Browser;
import cn.ipf.app.testinfra.ConsoleBrowser;
import cn.ipf.app.user.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 入库审核 in a real browser: the district reviewer finds a submitted enterprise in the work queue, reads its gates
 * and score beside its facts (all in Chinese), approves; a city reviewer admits it; a city reviewer who gave the
 * district approval is refused the city's with the reason; a return's comment reaches the SME's home page; the
 * serious-dishonesty list takes an entry (errors by the field first) and lets it go. Every page is screenshotted and
 * scanned with axe-core.
 */
class AdmissionConsoleTest extends LibraryTestSupport {

    private static final String DISTRICT = "370202";
    private static final String PAGES = "/console/library/admissions/";

    @RegisterExtension
    static final ConsoleBrowser CONSOLE = new ConsoleBrowser();

    private Browser browser;

    @BeforeEach
    void browser() {
        browser = CONSOLE.signedOut("http://localhost:" + port);
    }

    /** An enterprise registered by its own SME, with one invention, qualified and submitted. */
    private record Submitted(long id, String name, Person sme) {
    }

    private Submitted submittedBySme() {
        Person sme = person(Role.SME, null, null, null);
        var profile = strongProfile(uscc(DISTRICT), DISTRICT);
        long id = register(sme.token(), profile).get("enterpriseId").asLong();
        addInvention(sme.token(), id, false);
        qualify(id);
        submitted(sme.token(), id);
        return new Submitted(id, (String) profile.get("name"), sme);
    }

    @Test
    void theDistrictAndThenTheCityAdmitFromTheWorkbench() {
        Submitted e = submittedBySme();

        browser.signIn(districtReviewer(DISTRICT).username(), PASSWORD);
        assertThat(browser.text()).contains("入库审核工作台", "待审核", "已退回", "即将超期");
        browser.check("30-admission-reviewer-home");

        browser.follow("入库审核");
        browser.type("#q", e.name()).click("form[role=search] button");
        assertThat(browser.text()).contains("共 1 家企业", e.name(), "待区县审核");
        browser.check("31-admission-queue");

        browser.follow(e.name());
        String page = browser.text();
        assertThat(page).contains("入库审核：" + e.name(), "准入门槛", "✓ 中小微企业", "小型企业，属于中小微企业",
                "✓ 拥有有效发明或实用新型专利", "有效发明专利 1 件、实用新型专利 0 件", "年无违约贷款",
                "评分明细", "有效发明专利 1 件", "信用评级 AAA", "评分 60 分，达到入库线 60 分。", "60 / 100",
                "企业情况", "专利（1 件）", "发明", "有效", "AAA（测试评级", "未列入严重违法失信名单", "审核记录",
                "提交入库申请", "区级审核通过", "退回", "不予通过", "严重失信名单");
        assertThat(page).as("no English reasons on the Chinese page")
                .doesNotContain("valid invention", "SME size class", "SUBMITTED", "VALID_PATENT", "credit rating");
        browser.check("32-admission-detail");

        browser.click("form[action*='district-approval'] button");
        assertThat(browser.text()).contains("区级审核已通过，等待市级审核。", "待市级审核");
        assertThat(status(e.id())).isEqualTo("DISTRICT_APPROVED");

        browser.signOut();
        browser.signIn(cityReviewer().username(), PASSWORD).open(PAGES + e.id());
        assertThat(browser.text()).contains("待市级审核", "市级审核通过");
        browser.click("form[action*='city-approval'] button");
        assertThat(browser.text()).contains("市级审核已通过，企业已入库。", "已入库", "市级审核通过 → 已入库");
        assertThat(status(e.id())).isEqualTo("ADMITTED");
        browser.check("33-admission-admitted");

        browser.follow("English");
        assertThat(browser.text()).contains("Admission review: " + e.name(), "Small enterprise: an SME",
                "1 valid invention and 0 valid utility-model patents", "City approval");
        browser.check("34-admission-admitted-en");
        browser.follow("中文");
    }

    @Test
    void oneReviewerCannotGiveBothApprovalsAndIsToldWhy() {
        Submitted e = submittedBySme();
        browser.signIn(cityReviewer().username(), PASSWORD).open(PAGES + e.id());
        browser.click("form[action*='district-approval'] button");
        assertThat(status(e.id())).isEqualTo("DISTRICT_APPROVED");

        browser.click("form[action*='city-approval'] button");
        assertThat(browser.find("#error-summary").getText()).contains("区级审核通过者不能再作市级审批",
                "企业入库的区级审核和市级审核须由两位不同的审核员完成", "请由另一位市级审核员作市级审核");
        assertThat(status(e.id())).isEqualTo("DISTRICT_APPROVED");
        browser.check("35-admission-maker-checker");
    }

    @Test
    void aReturnNeedsACommentAndTheSmeSeesIt() {
        Submitted e = submittedBySme();
        long before = decisionCount(e.id());
        browser.signIn(districtReviewer(DISTRICT).username(), PASSWORD).open(PAGES + e.id());

        browser.click("form[action*='/return'] button.danger");
        assertThat(browser.find("#reason-error").getText()).contains("退回或不予入库时须填写意见");
        assertThat(browser.find("#reason").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(status(e.id())).isEqualTo("SUBMITTED");
        assertThat(decisionCount(e.id())).isEqualTo(before);
        browser.check("36-admission-return-error");

        String comment = "请补充发明专利证书的扫描件。";
        browser.type("#reason", comment).click("form[action*='/return'] button.danger");
        assertThat(browser.text()).contains("已退回企业修改，企业将看到审核意见。", comment);
        assertThat(status(e.id())).isEqualTo("RETURNED");

        browser.signOut();
        browser.signIn(e.sme().username(), PASSWORD);
        assertThat(browser.text()).contains("企业概况", e.name(), "已退回", "退回意见", comment);
        browser.check("37-admission-returned-sme-home");
    }

    @Test
    void theSeriousDishonestyListTakesAnEntryAndLetsItGo() {
        long id = admittedSmall(DISTRICT);
        String name = enterprise(districtReviewer(DISTRICT).token(), id).get("name").asString();
        browser.signIn(districtReviewer(DISTRICT).username(), PASSWORD).open(PAGES + id);
        assertThat(browser.text()).contains("该企业从未被列入严重失信名单。");

        // no grounds given: refused by the field, nothing listed
        browser.click("form[action*='/dishonesty?'] button");
        assertThat(browser.find("#source-error").isDisplayed()).isTrue();
        assertThat(status(id)).isEqualTo("ADMITTED");
        browser.check("38-dishonesty-error");

        browser.driver().executeScript("document.getElementById('listedOn').value = arguments[0];",
                today().minusDays(3).toString());
        String source = "信用中国 2026 年第 12 号公告";
        browser.type("#source", source).click("form[action*='/dishonesty?'] button");
        assertThat(browser.text()).contains("已列入严重失信名单", "已列入严重违法失信名单", source, "已暂停");
        assertThat(status(id)).isEqualTo("SUSPENDED");

        browser.follow("严重失信名单");
        assertThat(browser.text()).contains(name, source, today().minusDays(3).toString());
        browser.check("39-dishonesty-list");

        browser.follow(name);
        browser.click("form[action*='/delisting'] button");
        assertThat(browser.text()).contains("已移出严重失信名单。", today().toString());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dishonesty_record WHERE enterprise_id = ?"
                + " AND delisted_on IS NULL", Long.class, id)).isZero();
        browser.check("40-dishonesty-delisted");
    }
}
