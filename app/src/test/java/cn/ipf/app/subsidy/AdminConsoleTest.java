package cn.ipf.app.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Browser;
import cn.ipf.app.testinfra.ConsoleBrowser;
import cn.ipf.app.user.Role;
import java.time.Duration;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 系统管理 in a real browser: an administrator adds an LPR month (a bad one refused by the field, nothing saved), adds
 * a programme's parameter version after seeing it against the one in force field by field, launches a small job and
 * watches its progress until it completes, reads the history; creates a bank's API app whose secret is shown once,
 * rotates it and disables the app. Every page is screenshotted (desktop and 375 px) and scanned with axe-core.
 */
class AdminConsoleTest extends SubsidyTestSupport {

    @RegisterExtension
    static final ConsoleBrowser CONSOLE = new ConsoleBrowser();

    private Browser browser;

    @BeforeEach
    void browser() {
        browser = CONSOLE.signedOut("http://localhost:" + port);
    }

    /** A month before the current one that has no LPR yet (the seeds hold the published ones). */
    private String freeLprMonth() {
        YearMonth month = YearMonth.of(2001, 1);
        while (count("lpr_rate WHERE rate_month = '" + month + "'") > 0) {
            month = month.plusMonths(1);
        }
        return month.toString();
    }

    @Test
    void anAdministratorAddsAnLprMonthAndARuleVersionAndWatchesAJob() throws Exception {
        String admin = user(Role.ADMIN, null, null, null);
        browser.signIn(admin, PASSWORD);
        assertThat(browser.text()).contains("批处理任务", "一年期 LPR", "贴息项目与参数", "银行与接入应用");

        // LPR: refused by the field, then added
        browser.follow("一年期 LPR");
        browser.check("admin-01-lpr");
        long rates = count("lpr_rate");
        browser.type("#month", "2025-13").type("#oneYearRate", "abc").click("form.card button[type=submit]");
        assertThat(browser.find("#error-summary").getText()).contains("提交未成功");
        assertThat(browser.find("#month-error").getText()).contains("YYYY-MM");
        assertThat(browser.find("#month").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#oneYearRate-error").getText()).contains("请输入数字");
        browser.check("admin-02-lpr-refused");
        browser.type("#month", YearMonth.now(clock).plusMonths(2).toString()).type("#oneYearRate", "3.45")
                .click("form.card button[type=submit]");
        assertThat(browser.find("#month-error").getText()).contains("不能晚于本月");
        assertThat(count("lpr_rate")).isEqualTo(rates);

        String month = freeLprMonth();
        browser.type("#month", month).type("#oneYearRate", "3.45").click("form.card button[type=submit]");
        assertThat(browser.text()).contains(month + " 的 LPR 已录入。", "3.45%");
        assertThat(count("lpr_rate WHERE rate_month = '" + month + "' AND one_year = 3.45")).isEqualTo(1);
        browser.check("admin-03-lpr-added");

        // a new parameter version, seen against the one in force before it is confirmed
        long programmeId = programme(adminToken(), region().city(), "1000000.00", null);
        String name = jdbc.queryForObject("SELECT name FROM subsidy_programme WHERE id = ?", String.class,
                programmeId);
        browser.follow("贴息项目与参数");
        browser.check("admin-04-programmes");
        browser.follow(name);
        assertThat(browser.text()).contains("v1", "现行", "60%");
        browser.type("#effectiveFrom", "2025-07-01").type("#interest-lprRatio", "0.70")
                .type("#interest-windowMonths", "x").click("form.card button[type=submit]");
        assertThat(browser.find("#interest-windowMonths-error").getText()).contains("整数");
        browser.type("#interest-windowMonths", "12").click("form.card button[type=submit]");
        String diff = browser.text();
        assertThat(diff).contains("与现行版本 v1 逐项对比", "贴息比例（占 LPR）", "60%", "70%", "已修改", "2025-01-01",
                "2025-07-01", "不变");
        assertThat(count("subsidy_rule_version WHERE programme_id = " + programmeId)).isEqualTo(1);
        browser.check("admin-05-version-diff");
        browser.click("form.actions button[type=submit]");
        assertThat(browser.text()).contains("参数版本 v2 已新增。", "v2", "70%");
        assertThat(count("subsidy_rule_version WHERE programme_id = " + programmeId)).isEqualTo(2);
        browser.check("admin-06-version-added");

        // a job's form from its parameters: required ones refused by the field, then a small job watched to the end
        browser.follow("批处理任务");
        browser.open("/console/admin/jobs?job=interest-subsidy");
        browser.click("form.card button[type=submit]");
        assertThat(browser.find("#interest-subsidy-programme-error").getText()).isEqualTo("请填写项目编号");
        assertThat(browser.find("#interest-subsidy-period-error").getText()).isEqualTo("请填写期间");
        browser.check("admin-07-job-refused");

        browser.open("/console/admin/jobs?job=idempotency-purge");
        assertThat(browser.text()).contains("清理过期幂等记录", "截止时间", "选填");
        browser.check("admin-08-job-form");
        browser.click("form.card button[type=submit]");
        assertThat(browser.path()).startsWith("/console/admin/jobs/executions/");
        String executionId = browser.path().substring(browser.path().lastIndexOf('/') + 1);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d ->
                d.findElement(By.id("job-progress")).getText().contains("已于"));
        assertThat(browser.find("#job-progress").getText()).contains("已于", "结束");
        // the actions are part of what is polled: a completed run offers neither stop nor abandon
        assertThat(browser.all("form[action*='/abandon']")).isEmpty();
        assertThat(browser.all("form[action*='/stop']")).isEmpty();
        browser.check("admin-09-job-completed");
        browser.follow("返回批处理任务");
        assertThat(browser.find("table").getText()).contains("#" + executionId, "清理过期幂等记录", "已完成");
        browser.check("admin-10-job-history");
        browser.follow("English");
        assertThat(browser.text()).contains("Batch jobs", "Executions", "Purge expired idempotency records",
                "Completed");
        browser.check("admin-11-job-history-en");
        browser.follow("中文");
    }

    @Test
    void anApiAppSecretIsShownOnceThenRotatedAndTheAppDisabled() throws Exception {
        long bankId = bank(adminToken());
        browser.signIn(user(Role.ADMIN, null, null, null), PASSWORD);
        browser.open("/console/admin/banks");
        browser.check("admin-20-banks");
        browser.open("/console/admin/banks/" + bankId);
        browser.click("form.card button[type=submit]");
        assertThat(browser.find("#name-error").getText()).isNotBlank();
        browser.type("#name", "信贷系统生产环境").click("form.card button[type=submit]");
        String secret = browser.find("#secret").getText();
        assertThat(secret).hasSizeGreaterThan(20);
        assertThat(browser.text()).contains("只显示这一次", "信贷系统生产环境", "已启用", "有效密钥 1 个");
        browser.check("admin-21-secret-once");

        browser.open("/console/admin/banks/" + bankId);
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);
        assertThat(browser.all("#secret")).isEmpty();

        browser.click("form[action*='/secrets?'] button");
        String rotated = browser.find("#secret").getText();
        assertThat(rotated).isNotEqualTo(secret).hasSizeGreaterThan(20);
        assertThat(browser.text()).contains("有效密钥 2 个");

        browser.click("form[action*='/revoke'] button");
        assertThat(browser.text()).contains("密钥已作废。", "有效密钥 1 个", "已作废");
        browser.click("form[action*='/enabled'] button");
        assertThat(browser.text()).contains("应用已停用。", "已停用");
        assertThat(count("bank_app WHERE bank_id = " + bankId + " AND enabled = false")).isEqualTo(1);
        browser.check("admin-22-app-disabled");
    }
}
