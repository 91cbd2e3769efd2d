package cn.ipf.app.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Browser;
import cn.ipf.app.testinfra.ConsoleBrowser;
import cn.ipf.app.user.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * 风险补偿项目 and 筛选规则集 in a real browser: an administrator proposes a compensation rule version (refused by a
 * field, then by the rules, nothing saved), sees it against the version in force field by field (a layer added, a
 * share and a day count changed) and confirms it (twice: saved once); then reads the screening rule set in force
 * (gates and weights in words), proposes a new one (a past date refused by its field) and confirms it after seeing
 * the differences. Every page is screenshotted (desktop and 375 px) and scanned with axe-core.
 */
class AdminRulesConsoleTest extends CompensationTestSupport {

    @RegisterExtension
    static final ConsoleBrowser CONSOLE = new ConsoleBrowser();

    private Browser browser;

    @BeforeEach
    void browser() {
        browser = CONSOLE.signedOut("http://localhost:" + port);
    }

    private static String id(String id) {
        return "[id='" + id + "']";
    }

    private long versions(long programmeId) {
        return count("compensation_rule_version WHERE programme_id = " + programmeId);
    }

    @Test
    void anAdministratorAddsACompensationRuleVersionAndAScreeningRuleSetAfterSeeingTheDifferences() {
        JsonNode programme = programme(CITY, null);
        long programmeId = id(programme);
        browser.signIn(user(Role.ADMIN, null, null, null), PASSWORD);
        assertThat(browser.text()).contains("风险补偿项目与规则", "入库筛选规则");

        browser.follow("风险补偿项目与规则");
        assertThat(browser.text()).contains(programme.get("name").asString(), "v1（2025-01-01 起）");
        browser.check("admin-rules-01-compensation-programmes");
        browser.follow(programme.get("name").asString());
        assertThat(browser.text()).contains("v1", "现行", "省级风险补偿资金 40%", "¥1,000,000.00", "余额 ¥0.00");
        browser.check("admin-rules-02-compensation-programme");

        // refused by the field, then by the rules (shares summing to 1.1): nothing is saved
        browser.type(id("rules-overdueDays"), "九十").click("form.card button[type=submit]");
        assertThat(browser.find("#error-summary").getText()).contains("提交未成功");
        assertThat(browser.find(id("rules-overdueDays-error")).getText()).contains("整数");
        assertThat(browser.find(id("rules-overdueDays")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.type(id("rules-overdueDays"), "60").type(id("rules-layers[0]-share"), "0.50")
                .click("form.card button[type=submit]");
        assertThat(browser.find("#error-summary").getText()).contains("规则有误", "sum to 1", "合计须恰为 1");
        browser.check("admin-rules-03-compensation-refused");
        assertThat(versions(programmeId)).isEqualTo(1);

        // a layer added (the spare row), shares moved, a day count changed: seen against v1, then confirmed
        browser.type(id("rules-layers[1]-share"), "0.10").type(id("rules-layers[2]-share"), "0.30")
                .type(id("rules-layers[3]-code"), "INSURER_POOL").type(id("rules-layers[3]-name"), "保证保险")
                .type(id("rules-layers[3]-share"), "0.10");
        new Select(browser.find(id("rules-layers[3]-kind"))).selectByValue("INSURER");
        browser.click("form.card button[type=submit]");
        String diff = browser.text();
        assertThat(diff).contains("与现行版本 v1 逐项对比", "分担方 PROVINCIAL_FUND：比例", "40%", "50%",
                "分担方 INSURER_POOL：名称", "保证保险", "保险机构", "逾期天数（天）", "90", "60", "已修改", "不变",
                "2025-01-01");
        assertThat(browser.all("tr.changed")).hasSize(8);
        assertThat(browser.find("form.actions").getAttribute("action")).contains("idem=");
        assertThat(versions(programmeId)).isEqualTo(1);
        browser.check("admin-rules-04-compensation-diff");
        browser.driver().executeScript("sessionStorage.setItem('confirm', "
                + "document.querySelector('form.actions').outerHTML)");
        browser.click("form.actions button[type=submit]");
        assertThat(browser.text()).contains("规则版本 v2 已新增。", "保证保险 10%", "历史");
        assertThat(versions(programmeId)).isEqualTo(2);
        // the same confirmation sent again (a double submit) adds nothing
        browser.driver().executeScript("document.querySelector('main').insertAdjacentHTML('beforeend', "
                + "'<div id=\"again\">' + sessionStorage.getItem('confirm') + '</div>')");
        browser.click("#again button[type=submit]");
        assertThat(browser.text()).contains("规则版本 v2 已新增。");
        assertThat(versions(programmeId)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT rules FROM compensation_rule_version WHERE programme_id = ? AND"
                + " version = 2", String.class, programmeId)).contains("\"overdueDays\":60", "INSURER_POOL");
        browser.check("admin-rules-05-compensation-added");

        // the screening rule set in force, in words
        int inForce = jdbc.queryForObject("SELECT version FROM screening_rule_set WHERE effective_from <= ?"
                + " ORDER BY effective_from DESC LIMIT 1", Integer.class, today());
        long ruleSets = count("screening_rule_set");
        browser.follow("入库筛选规则");
        assertThat(browser.text()).contains("第 " + inForce + " 版", "现行");
        browser.check("admin-rules-06-screening-rule-sets");
        browser.follow("第 " + inForce + " 版");
        assertThat(browser.text()).contains("准入门槛", "中小微企业", "未列入严重失信名单", "评分权重", "有效发明专利",
                "信用评级", "入库分数线");
        browser.check("admin-rules-07-screening-rule-set");

        // a past effective date is refused by its field; then a far date (beyond any other test's) is confirmed
        browser.follow("新增规则版本");
        browser.check("admin-rules-08-screening-form");
        browser.type("#effectiveFrom", today().minusDays(1).toString()).type(id("rules-admissionThreshold"), "65")
                .click("form.card button[type=submit]");
        assertThat(browser.find("#effectiveFrom-error").getText()).contains("生效日期不能早于今天");
        assertThat(browser.find("#effectiveFrom").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(count("screening_rule_set")).isEqualTo(ruleSets);
        browser.check("admin-rules-09-screening-refused");

        String effectiveFrom = LocalDate.of(2100, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000))
                .toString();
        List<WebElement> counts = browser.all("[id^='rules-highValueTiers['][id$='-minCount']");
        List<WebElement> points = browser.all("[id^='rules-highValueTiers['][id$='-points']");
        counts.get(counts.size() - 1).sendKeys("9");
        points.get(points.size() - 1).sendKeys("40");
        browser.type("#effectiveFrom", effectiveFrom).type(id("rules-creditRatingPoints[BB]"), "2")
                .click("form.card button[type=submit]");
        assertThat(browser.text()).contains("与现行第 " + inForce + " 版逐项对比", effectiveFrom, "入库分数线", "65 分",
                "高价值发明专利 ≥ 9 件", "40 分", "信用评级 BB", "2 分", "满分（各项最高得分之和）", "已修改");
        browser.check("admin-rules-10-screening-diff");
        browser.click("form.actions button[type=submit]");
        assertThat(browser.text()).contains("已新增", effectiveFrom, "待生效", "≥ 9 件得 40 分", "BB 得 2 分");
        assertThat(count("screening_rule_set")).isEqualTo(ruleSets + 1);
        browser.check("admin-rules-11-screening-added");
    }
}
