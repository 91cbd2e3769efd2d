package cn.ipf.app.matchingevent;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.compensation.DefaultedLoans;
import cn.ipf.app.compensation.DefaultedLoans.Borrower;
import cn.ipf.app.compensation.DefaultedLoans.Dates;
import cn.ipf.app.compensation.DefaultedLoans.Lender;
import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.testinfra.Browser;
import cn.ipf.app.testinfra.ConsoleBrowser;
import cn.ipf.app.user.Role;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 银企对接活动 in a real browser, from invitation to a loan counted in the statistics: the district office plans a park
 * campaign (its form refusing what is missing), invites a partner bank, selects from the library the enterprise that
 * shares its data with that bank (the one that does not is shown but cannot be ticked, with the reason) and
 * publishes; the SME confirms with its pitch; the bank officer records an intention, reports the credit and links the
 * loan it reported; the office sees the outcome and the regulator's dashboard counts the loan as 对接活动促成融资.
 * Another bank's officer finds the event's pages not found. Every page is screenshotted and scanned.
 */
class EventConsoleTest extends LibraryTestSupport {

    private static final String DISTRICT = "370211";

    @RegisterExtension
    static final ConsoleBrowser CONSOLE = new ConsoleBrowser();

    @Test
    void anEventFromInvitationToALoanCountedInTheStatistics() throws Exception {
        Browser browser = CONSOLE.signedOut("http://localhost:" + port);
        String admin = adminToken();
        DefaultedLoans loans = new DefaultedLoans(this, http, jdbc);
        Lender lender = loans.lender(sdk(app(admin, bank(admin), null)));
        Borrower borrower = loans.borrower(DISTRICT, false);
        Borrower shy = loans.borrower(DISTRICT, false);
        assertThat(http.with(borrower.sme().token()).post(LIB + "/" + borrower.enterpriseId() + "/consents",
                Map.of("bankId", lender.bankId())).status()).isEqualTo(201);
        String name = name("enterprise", borrower.enterpriseId());
        String shyName = name("enterprise", shy.enterpriseId());
        String bankName = name("bank", lender.bankId());
        LocalDate today = today();

        // the office plans the event; the form refuses what is missing, by the fields
        browser.signIn(districtReviewer(DISTRICT).username(), PASSWORD).follow("银企对接活动");
        assertThat(browser.text()).contains("银企对接活动", "新建对接活动");
        browser.check("events-01-office-list");
        browser.follow("新建对接活动");
        browser.check("events-02-new");
        long events = count("matching_event");
        browser.click("#kind-PARK_CAMPAIGN").type("#eventDate", "2025-02-30").type("#industries", "C37, 软件")
                .click("form.card button[type=submit]");
        assertThat(browser.find("#error-summary").getText()).contains("提交未成功", "日期");
        assertThat(browser.find("#title").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#eventDate").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#industries-error").getText()).contains("门类字母");
        assertThat(count("matching_event")).as("nothing saved").isEqualTo(events);
        browser.check("events-03-new-errors");
        browser.type("#title", "入园惠企·知识产权质押融资专场").type("#eventDate", today.toString())
                .type("#place", "黄岛区科技园会议中心").type("#industries", "C37, I")
                .click("form.card button[type=submit]");
        assertThat(browser.find("#parkName-error").getText()).contains("园区");
        browser.type("#parkName", "青岛国际经济合作区").click("form.card button[type=submit]");
        assertThat(browser.text()).contains("活动已创建", "筹备中", "青岛国际经济合作区", "C37、I");
        long eventId = Long.parseLong(browser.path().replaceAll("^/console/events/(\\d+).*$", "$1"));
        browser.check("events-04-planned");

        // a partner bank first: an enterprise is selectable only when it shares its data with an invited bank
        browser.click("#invite");
        assertThat(browser.find("#bankIds-error").getText()).contains("请至少勾选一家银行");
        browser.click("#bank-" + lender.bankId()).click("#invite");
        assertThat(browser.text()).contains("已邀请所选银行", bankName);
        browser.follow("从企业库选择企业");
        browser.find("#districtCode option[value='" + DISTRICT + "']").click();
        browser.click("form[role=search] button[type=submit]");
        assertThat(browser.find("#standing-" + borrower.enterpriseId()).getText()).isEqualTo("可选择");
        assertThat(browser.find("#standing-" + shy.enterpriseId()).getText())
                .isEqualTo("不可选：未向受邀银行授权共享数据");
        assertThat(browser.find("#enterprise-" + shy.enterpriseId()).isEnabled()).isFalse();
        assertThat(browser.text()).contains(name, shyName);
        browser.check("events-05-candidates");
        browser.click("#add");
        assertThat(browser.find("#error-summary").getText()).contains("请至少勾选一家企业");
        browser.click("#enterprise-" + borrower.enterpriseId()).click("#add");
        assertThat(browser.text()).contains("已邀请所选企业", name, "待回复").doesNotContain(shyName);
        browser.click("#publish");
        assertThat(browser.text()).contains("活动已发布", "已发布");
        browser.check("events-06-published");
        browser.signOut();

        // the enterprise confirms with its pitch
        browser.signIn(borrower.sme().username(), PASSWORD).follow("活动邀请");
        assertThat(browser.text()).contains("入园惠企·知识产权质押融资专场", "待回复");
        browser.check("events-07-sme-invitations");
        browser.follow("入园惠企·知识产权质押融资专场");
        browser.type("#pitchLink", "ftp://example.com/pitch.pdf").click("#confirm");
        assertThat(browser.find("#pitchSummary-error").getText()).contains("请填写路演材料简介");
        assertThat(browser.find("#pitchLink-error").getText()).contains("http://");
        browser.check("events-08-sme-pitch-errors");
        browser.type("#pitchSummary", "高端海工装备发明专利 3 件\n拟融资 100 万元用于研发")
                .type("#pitchLink", "https://example.com/pitch.pdf").click("#confirm");
        assertThat(browser.text()).contains("已确认参加，路演材料已提交", bankName);
        assertThat(jdbc.queryForObject("SELECT pitch_summary FROM matching_event_enterprise WHERE event_id = ?",
                String.class, eventId)).isEqualTo("高端海工装备发明专利 3 件\n拟融资 100 万元用于研发");
        browser.check("events-09-sme-confirmed");
        browser.signOut();

        // the bank records its interest, reports the credit, and links the loan it reported
        String officer = user(Role.BANK_OFFICER, null, lender.bankId(), null);
        browser.signIn(officer, PASSWORD).follow("对接活动");
        browser.check("events-10-bank-events");
        browser.follow("入园惠企·知识产权质押融资专场");
        assertThat(browser.text()).contains(name, "已确认参加", "未登记").doesNotContain(shyName);
        browser.check("events-11-bank-event");
        browser.follow(name);
        assertThat(browser.text()).contains("高端海工装备发明专利 3 件", "查看路演材料");
        browser.type("#note", "拟授信 100 万元").click("#record");
        assertThat(browser.text()).contains("已登记融资意向", "有意向");
        browser.type("#amount", "一百万").click("#grant");
        assertThat(browser.find("#amount").getAttribute("aria-invalid")).isEqualTo("true");
        browser.check("events-12-bank-credit-error");
        browser.type("#amount", "1000000").type("#grantedOn", today.toString()).click("#grant");
        assertThat(browser.text()).contains("授信已报告", "已授信", "¥1,000,000.00", "本行尚未通过接口向该企业报送");
        String loanRef = loans.loan(lender, borrower, "1000000", "1", new Dates(today, today, today, null, null));
        browser.open(browser.path().replaceAll("\\?.*$", ""));
        browser.click("#link");
        assertThat(browser.text()).contains("贷款已关联到意向", "已放款", loanRef);
        browser.check("events-13-bank-loan-linked");
        browser.signOut();

        // the office sees the outcome, and marks the event held
        browser.signIn(districtReviewer(DISTRICT).username(), PASSWORD).open("/console/events/" + eventId);
        assertThat(browser.find("#outcome-invited").getText()).isEqualTo("1");
        assertThat(browser.find("#outcome-served").getText()).isEqualTo("1");
        assertThat(browser.find("#outcome-intentions").getText()).isEqualTo("1");
        assertThat(browser.find("#outcome-credit").getText()).isEqualTo("¥1,000,000.00");
        assertThat(browser.find("#outcome-loans").getText()).isEqualTo("1");
        assertThat(browser.find("#outcome-amount").getText()).isEqualTo("¥1,000,000.00");
        assertThat(browser.text()).contains(bankName, loanRef, "已放款");
        browser.click("#complete");
        assertThat(browser.text()).contains("活动已标记为已举办", "已举办");
        browser.check("events-14-office-outcome");
        browser.signOut();

        // the regulator's dashboard counts the loan as financing the events facilitated, by bank and in total
        String month = YearMonth.from(today).toString();
        browser.signIn(user(Role.REGULATOR, null, null, null), PASSWORD)
                .open("/console/regulator?month=" + month + "&by=BANK");
        assertThat(browser.find("a[href*='key=" + lender.bankId() + "&indicator=EVENT_FACILITATED_FINANCING']")
                .getText()).isEqualTo("¥1,000,000.00");
        assertThat(browser.text()).contains("对接活动促成融资");
        browser.check("events-15-regulator-dashboard");
        browser.signOut();

        // another bank's officer: the event is not found, as if it did not exist
        browser.signIn(user(Role.BANK_OFFICER, null, bank(adminToken()), null), PASSWORD)
                .open("/console/bank/events/" + eventId);
        assertThat(browser.text()).contains("页面不存在").doesNotContain(name);
    }

    private String name(String table, long id) {
        return jdbc.queryForObject("SELECT name FROM " + table + " WHERE id = ?", String.class, id);
    }
}
