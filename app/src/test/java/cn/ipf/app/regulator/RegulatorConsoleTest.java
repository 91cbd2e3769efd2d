package cn.ipf.app.regulator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.regulator.policy.Indicator;
import cn.ipf.app.testinfra.Browser;
import cn.ipf.app.testinfra.ConsoleBrowser;
import cn.ipf.app.user.Role;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 监管驾驶舱 in a real browser on the known {@link Portfolio}: a regulator reads the targets, the trend chart and the
 * indicators, follows a figure down to its payout lines and one line to its chain and audit proof. Every page is
 * screenshotted on a desktop and at 375 px and scanned with axe-core.
 */
class RegulatorConsoleTest extends PortfolioTest {

    @RegisterExtension
    static final ConsoleBrowser CONSOLE = new ConsoleBrowser();

    private Browser browser;

    @BeforeEach
    void browser() {
        browser = CONSOLE.signedOut("http://localhost:" + port);
    }

    @Test
    void aRegulatorGoesFromTheDashboardToAPayoutLineAndItsAuditProof() {
        // the portfolio's subsidy and compensation were paid today
        YearMonth month = YearMonth.from(LibraryTestSupport.today());
        browser.signIn(user(Role.REGULATOR, null, null, null), PASSWORD);
        browser.follow("监管驾驶舱");
        browser.open("/console/regulator?month=" + month + "&by=DISTRICT");
        assertThat(browser.text()).contains("监管驾驶舱", "年度目标进度", "月度趋势与同比", "贴息兑付(元)", "甲区",
                "全辖合计");
        assertThat(browser.all("#trend-chart canvas")).as("ECharts drew the trend").isNotEmpty();
        browser.check("regulator-01-dashboard");

        browser.click("tr.total td:nth-of-type(" + (Indicator.SUBSIDY_PAID.ordinal() + 1) + ") a");
        assertThat(browser.text()).contains("贴息兑付 · " + month + " 明细", "付款明细");
        browser.check("regulator-02-records");

        browser.click("a[href*='/lines/SUBSIDY/']");
        assertThat(browser.path()).startsWith("/console/regulator/lines/SUBSIDY/");
        assertThat(browser.find("#audit-proof").getText()).startsWith("审计链完整：已逐条验证");
        assertThat(browser.text()).contains("规则版本", "付息记录", "质押登记", "审计事件", "SUBSIDY_CLAIM", "已验证");
        browser.check("regulator-03-line");

        // a compensation payout the same way, from the bank breakdown
        browser.open("/console/regulator/records?month=" + month + "&by=TOTAL&indicator=COMPENSATION_PAID");
        browser.click("a[href*='/lines/COMPENSATION/']");
        assertThat(browser.text()).contains("审计链完整", "COMPENSATION_CLAIM");
    }

    @Test
    void aRegulatorRunsASimulationThroughTheFormAndReadsTheComparison() {
        browser.signIn(user(Role.REGULATOR, null, null, null), PASSWORD);
        browser.open("/console/regulator/supervision?month=" + YearMonth.from(LibraryTestSupport.today()));
        assertThat(browser.text()).contains("合作银行监测", "放大倍数", "风险补偿资金余额与耗尽预测");
        browser.check("regulator-04-supervision");

        browser.open("/console/regulator/simulations");
        browser.check("regulator-05-simulation-form");
        // a month range backwards is refused by the field's rule, nothing is submitted
        browser.type("#name", "贴息比例提高到 80%").type("#periodFrom", "2025-06").type("#periodTo", "2025-01")
                .type("#subsidy-programmeId", String.valueOf(p.subsidyProgrammeId))
                .type("#subsidy-lprRatio", "0.8").click("form.card button[type=submit]");
        assertThat(browser.find("#error-summary").getText()).contains("提交未成功");
        browser.check("regulator-06-simulation-error");

        browser.type("#periodFrom", "2025-01").type("#periodTo", "2025-12")
                .click("form.card button[type=submit]");
        assertThat(browser.path()).startsWith("/console/regulator/simulations/");
        for (int i = 0; i < 60 && !browser.text().contains("已完成"); i++) {
            sleep();
            browser.open(browser.path());
        }
        assertThat(browser.text()).contains("已完成", "贴息", "现行参数", "模拟参数", "差额", "贴息按区县对比", "甲区");
        assertThat(browser.all("[id^=chart-] canvas")).as("ECharts drew the comparison").isNotEmpty();
        assertThat(browser.all("a[href$='report.xlsx']")).hasSize(1);
        browser.check("regulator-07-simulation-result");
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
