package cn.ipf.app.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Browser;
import cn.ipf.app.testinfra.ConsoleBrowser;
import cn.ipf.app.user.Role;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 网上服务大厅 in a real browser: an SME signs in, reads its loans and a computed claim with every line's trace,
 * declares it (errors by the field first, a double submit done once); the district reviewer approves it from the
 * work queue; and the refusals a person meets: maker-checker explained, a form without CSRF token, another SME's claim
 * by URL, five wrong passwords. Every page is screenshotted on a desktop and at 375 px and scanned with axe-core.
 */
class SubsidyConsoleTest extends SubsidyTestSupport {

    @RegisterExtension
    static final ConsoleBrowser CONSOLE = new ConsoleBrowser();

    private Browser browser;

    @BeforeEach
    void browser() {
        browser = CONSOLE.signedOut("http://localhost:" + port);
    }

    /** A borrower with a loan, two interest payments in 2025-Q3 and its computed claim; answers the claim id. */
    private long computedClaim(Borrower b) throws Exception {
        String admin = adminToken();
        long programmeId = programme(admin, cityOf(b.district()), "1000000.00", null);
        Bank bank = lender(admin);
        String ref = loan(bank, b, b.patentId(), Terms.standard(d("2025-06-10"), "1000000.00", "0.0345"));
        payment(bank, ref, 1, d("2025-06-15"), d("2025-07-15"), "1000000.00", "2875.00", d("2025-07-15"));
        // paid late: the line shows why it got nothing
        payment(bank, ref, 2, d("2025-07-15"), d("2025-08-15"), "1000000.00", "2970.83", d("2025-08-20"));
        completedRun(admin, programmeId, "2025-Q3");
        return claimOf(admin, programmeId, b.enterpriseId(), "2025-Q3").get("claimId").asLong();
    }

    private static String cityOf(String district) {
        return district.substring(0, 4) + "00";
    }

    private String status(long claimId) {
        return jdbc.queryForObject("SELECT status FROM subsidy_claim WHERE id = ?", String.class, claimId);
    }

    @Test
    void anSmeDeclaresItsClaimAndTheDistrictReviewerApprovesIt() throws Exception {
        Region region = region();
        Borrower b = borrower(region.district(), true);
        long claimId = computedClaim(b);
        String enterprise = (String) b.profile().get("name");

        browser.open("/");
        assertThat(browser.path()).isEqualTo("/login");
        browser.check("01-login");

        browser.signIn(b.sme().username(), PASSWORD);
        assertThat(browser.path()).isEqualTo("/console");
        assertThat(browser.text()).contains("企业概况", enterprise, "我的贷款", "我的补贴申报", "已入库");
        browser.check("02-sme-home");

        browser.follow("我的贷款");
        assertThat(browser.text()).contains("已放款", "¥1,000,000.00", "100.00万元", "3.45%", "质押登记",
                "付息记录", "¥2,875.00", "2025-07-15");
        browser.check("03-sme-loans");

        browser.follow("我的补贴申报");
        assertThat(browser.text()).contains("SC" + claimId, "待企业申报");
        browser.check("04-sme-claims");

        browser.follow("SC" + claimId);
        String trace = browser.text();
        assertThat(trace).contains("贴息 = min(实付利息 × 知识产权占比, 本金余额 × 知识产权占比 × 60% × LPR × 天数/360)",
                "贴息 = min(¥2,875.00 × 100%, ¥1,000,000.00 × 100% × 60% × 3.00% × 30/360)",
                "= min(¥2,875.00, ¥1,500.00) = ¥1,500.00", "本笔未获贴息：利息晚于应付日支付。", "✗ 按时付息（未满足）",
                "✓ 放款时已入库");
        browser.check("05-sme-claim");

        // the contract's rules, by the field and summarised; nothing is declared
        browser.type("#account-name", "青岛测试科技有限公司").type("#account-bank", "青岛银行市南支行")
                .type("#account-number", "8028-8020").click("form[action*='declaration'] button[type=submit]");
        assertThat(browser.find("#error-summary").getText()).contains("提交未成功", "账号应为 8 至 34 位数字",
                "须确认贷款未享受其他财政贴息");
        assertThat(browser.find("#account-number").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#account-number").getAttribute("aria-describedby")).contains("account-number-error");
        assertThat(browser.find("#account-number-error").getText()).contains("8 至 34 位数字");
        assertThat(status(claimId)).isEqualTo("COMPUTED");
        browser.check("06-sme-declare-errors");

        browser.type("#account-number", "802880200012345").click("#noDoubleSubsidy");
        String action = browser.find("form[action*='declaration']").getAttribute("action");
        String body = (String) browser.driver().executeScript("return new URLSearchParams(new FormData("
                + "document.querySelector(\"form[action*='declaration']\"))).toString();");
        browser.click("form[action*='declaration'] button[type=submit]");
        assertThat(browser.text()).contains("申报已提交，等待区县审核。", "待区县审核", "802880200012345");
        assertThat(status(claimId)).isEqualTo("DECLARED");
        browser.check("07-sme-declared");

        // the same form sent again (a double click that got through, a retried post) is answered, not done twice
        Object replayed = browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                // as the browser sent it: the text fields, and the file field with no file chosen
                + "const form = new FormData(); new URLSearchParams(arguments[1]).forEach((v, k) =>"
                + " k === 'files' ? form.append(k, new File([], ''), '') : form.append(k, v));"
                + "fetch(arguments[0], {method: 'POST', body: form})"
                + ".then(r => done(r.status + ' ' + r.url), e => done('error ' + e));", action, body);
        assertThat(String.valueOf(replayed)).startsWith("200 ").contains("done=declared");
        assertThat(count("audit_event WHERE action = 'SUBSIDY_CLAIM_DECLARED' AND entity_id = '" + claimId + "'"))
                .isEqualTo(1);

        browser.signOut();
        assertThat(browser.text()).contains("您已安全退出");
        browser.signIn(districtReviewer(b.district()).username(), PASSWORD);
        assertThat(browser.text()).contains("补贴审核工作台", "待审核", "已退回", "待兑付", "即将超期", enterprise);
        browser.check("08-reviewer-home");

        browser.follow(enterprise);
        assertThat(browser.text()).contains("SC" + claimId, "待区县审核", "区级审核通过", "退回");
        browser.check("09-reviewer-claim");

        browser.click("form[action*='district-approval'] button");
        assertThat(browser.text()).contains("已审核通过。", "待市级审核");
        assertThat(status(claimId)).isEqualTo("DISTRICT_APPROVED");
        browser.check("10-reviewer-approved");

        browser.follow("English");
        assertThat(browser.text()).contains("Subsidy claim SC" + claimId, "Awaiting city review", "Sign out",
                "Subsidy = min(interest paid × IP share");
        browser.check("11-reviewer-claim-en");
        browser.follow("中文");
        assertThat(browser.text()).contains("补贴申报 SC" + claimId);
    }

    @Test
    void theSecondApprovalOfOneReviewerIsRefusedWithTheReason() throws Exception {
        Region region = region();
        Borrower b = borrower(region.district(), true);
        long claimId = computedClaim(b);
        http.with(b.sme().token()).post(CLAIMS + "/" + claimId + "/declaration", declaration());
        String city = user(Role.CITY_REVIEWER, null, null, null);

        browser.signIn(city, PASSWORD).open("/console/subsidy/claims/" + claimId);
        browser.click("form[action*='district-approval'] button");
        assertThat(status(claimId)).isEqualTo("DISTRICT_APPROVED");
        browser.click("form[action*='city-approval'] button");
        assertThat(browser.find("#error-summary").getText()).contains("区级审核通过者不能再作市级审批",
                "须由两位不同的审核员完成");
        assertThat(status(claimId)).isEqualTo("DISTRICT_APPROVED");
        browser.check("20-refusal-maker-checker");
    }

    @Test
    void refusalsAreShownAsPages() throws Exception {
        Region region = region();
        Borrower b = borrower(region.district(), true);
        long claimId = computedClaim(b);

        // a form without its CSRF token (a forged cross-site post) is refused with the 403 page, nothing done
        browser.signIn(b.sme().username(), PASSWORD).open("/console/subsidy/claims/" + claimId);
        browser.type("#account-name", "青岛测试科技有限公司").type("#account-bank", "青岛银行市南支行")
                .type("#account-number", "802880200012345").click("#noDoubleSubsidy");
        browser.driver().executeScript("document.querySelectorAll('input[name=_csrf]').forEach(i => i.remove());"
                + "document.querySelectorAll('form').forEach(f => { const u = new URL(f.action);"
                + " u.searchParams.delete('_csrf'); f.action = u.toString(); });");
        browser.click("form[action*='declaration'] button[type=submit]");
        assertThat(browser.text()).contains("无法完成操作", "请求未通过安全校验");
        assertThat(status(claimId)).isEqualTo("COMPUTED");
        browser.check("21-refusal-csrf");

        // another SME's claim by its URL: not found, as if it did not exist
        Borrower other = borrower(region.district(), false);
        browser.driver().manage().deleteAllCookies();
        browser.signIn(other.sme().username(), PASSWORD).open("/console/subsidy/claims/" + claimId);
        assertThat(browser.text()).contains("页面不存在", "您要找的内容不存在，或您无权查看");
        assertThat(browser.text()).doesNotContain((String) b.profile().get("name"));
        browser.check("22-refusal-not-found");

        // five wrong passwords lock the account: then even the right one is refused, with the reason
        browser.driver().manage().deleteAllCookies();
        String sme = user(Role.SME, null, null, null);
        for (int i = 0; i < 5; i++) {
            browser.signIn(sme, "wrong-password-" + i);
            assertThat(browser.text()).contains("用户名或密码错误");
        }
        browser.signIn(sme, PASSWORD);
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.text()).contains("账户已临时锁定");
        long userId = userMapper.findByUsername(sme).id();
        assertThat(count("audit_event WHERE action = 'USER_LOCKED' AND entity_id = '" + userId + "'"))
                .isEqualTo(1);
        browser.check("23-refusal-locked");
    }
}
