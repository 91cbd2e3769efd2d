package cn.ipf.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.library.policy.Uscc;
import cn.ipf.app.testinfra.Browser;
import cn.ipf.app.testinfra.ConsoleBrowser;
import cn.ipf.app.testinfra.IntegrationTest;
import cn.ipf.app.user.Role;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;

/**
 * 企业自助注册 in a real browser: an SME manager signs up from the login page (a wrong USCC check character is
 * refused by the field; a double submit signs up once), cannot sign in while pending, the district reviewer sees the
 * sign-up on the home page and in the review list and approves it, and the SME signs in. Refusals: a second sign-up
 * for a pending USCC, a rejected sign-up that cannot sign in and is told why. Every page is screenshotted at desktop
 * and 375 px width and scanned with axe-core.
 */
class SignUpConsoleTest extends IntegrationTest {

    private static final String SME_PASSWORD = "signup-pass-2026";
    @RegisterExtension
    static final ConsoleBrowser CONSOLE = new ConsoleBrowser();

    private Browser browser;

    @BeforeEach
    void browser() {
        browser = CONSOLE.signedOut("http://localhost:" + port);
    }

    /** A new district of its own, so that its reviewer's list holds only this test's sign-ups. */
    private String district() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String prefix = String.valueOf(5000 + ThreadLocalRandom.current().nextInt(4999));
            if (jdbc.queryForObject("SELECT COUNT(*) FROM region WHERE code = ?", Long.class, prefix + "00") == 0) {
                jdbc.update("INSERT INTO region (code, name, region_level, parent_code) VALUES (?, ?, 'CITY', NULL)",
                        prefix + "00", "注册市" + prefix);
                jdbc.update("INSERT INTO region (code, name, region_level, parent_code) VALUES (?, ?, 'DISTRICT', ?)",
                        prefix + "01", "注册区" + prefix, prefix + "00");
                return prefix + "01";
            }
        }
        throw new AssertionError("no free region code");
    }

    static String uscc() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder body = new StringBuilder("91370202");
        while (body.length() < 17) {
            body.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return body.toString() + Uscc.checkCharacter(body.toString());
    }

    private static String wrongCheck(String uscc) {
        char check = uscc.charAt(17) == '0' ? '1' : '0';
        return uscc.substring(0, 17) + check;
    }

    private void fillSignUp(String uscc, String name, String username, String district) {
        browser.open("/console/sign-up");
        browser.type("#uscc", uscc).type("#enterpriseName", name).type("#contactName", "张经理")
                .type("#phone", "13812345678").type("#email", "manager@example.cn").type("#username", username)
                .type("#password", SME_PASSWORD);
        if (district != null) {
            new Select(browser.find("#districtCode")).selectByValue(district);
        }
    }

    private long signUps(String column, String value) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM account_sign_up WHERE " + column + " = ?", Long.class,
                value);
    }

    @Test
    void anSmeSignsUpTheDistrictReviewerApprovesAndTheSmeSignsIn() {
        String district = district();
        String reviewer = user(Role.DISTRICT_REVIEWER, null, null, district);
        String uscc = uscc();
        String name = "青岛注册测试科技有限公司" + uscc.substring(10, 14);
        String username = unique("signup");

        browser.open("/login");
        assertThat(browser.text()).contains("还没有企业账户？", "企业注册");
        browser.check("auth-01-login");
        browser.follow("企业注册");
        assertThat(browser.path()).isEqualTo("/console/sign-up");
        assertThat(browser.text()).contains("企业注册", "统一社会信用代码", "最后一位是校验码", "所在区县");
        browser.check("auth-02-sign-up");

        // the check character is checked as the API checks it, and said by the field; nothing is saved
        fillSignUp(wrongCheck(uscc), name, username, district);
        browser.click("form button[type=submit]");
        assertThat(browser.find("#uscc-error").getText()).contains("校验码不正确");
        assertThat(browser.find("#uscc").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#error-summary").getText()).contains("提交未成功", "校验码不正确");
        assertThat(browser.find("#enterpriseName").getAttribute("value")).isEqualTo(name);
        assertThat(signUps("username", username)).isZero();
        browser.check("auth-03-sign-up-errors");

        fillSignUp(uscc, name, username, district);
        String action = browser.find("form.card").getAttribute("action");
        String body = (String) browser.driver().executeScript("return new URLSearchParams(new FormData("
                + "document.querySelector('form.card'))).toString();");
        browser.click("form button[type=submit]");
        assertThat(browser.path()).startsWith("/console/sign-up/submitted?key=");
        assertThat(browser.text()).contains("注册申请已提交", uscc, name, username, "待审核");
        browser.check("auth-04-submitted");

        // the same form sent again signs up once
        Object replayed = browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {method: 'POST', body: new URLSearchParams(arguments[1])})"
                + ".then(r => done(r.status + ' ' + r.url), e => done('error ' + e));", action, body);
        assertThat(String.valueOf(replayed)).startsWith("200 ").contains("/console/sign-up/submitted");
        assertThat(signUps("uscc", uscc)).isOne();

        // pending: no account yet, and the login page says why
        browser.signIn(username, SME_PASSWORD);
        assertThat(browser.path()).isEqualTo("/login?error=pending");
        assertThat(browser.text()).contains("正在等待区县审核员确认");
        assertThat(userMapper.findByUsername(username)).isNull();
        browser.check("auth-05-pending");

        // a second sign-up for the same enterprise while the first waits
        fillSignUp(uscc, name, unique("signup"), null);
        browser.click("form button[type=submit]");
        assertThat(browser.find("#uscc-error").getText()).contains("已有一份待审核的注册申请");
        assertThat(signUps("uscc", uscc)).isOne();

        browser.signIn(reviewer, PASSWORD);
        assertThat(browser.text()).contains("企业注册审核", "待确认注册");
        assertThat(browser.find("#sign-ups-heading + ul strong").getText()).isEqualTo("1");
        browser.check("auth-06-reviewer-home");
        browser.follow("企业注册审核");
        assertThat(browser.path()).isEqualTo("/console/sign-ups");
        assertThat(browser.text()).contains(name, uscc, "张经理", "13812345678", username, "注册区",
                "企业尚未登记");
        browser.check("auth-07-review");

        long id = jdbc.queryForObject("SELECT id FROM account_sign_up WHERE uscc = ?", Long.class, uscc);
        browser.click("form[action*='/console/sign-ups/" + id + "/approval'] button");
        assertThat(browser.text()).contains("已确认注册，企业现在可以登录。", "没有待审核的注册申请。");
        browser.check("auth-08-approved");
        assertThat(userMapper.findByUsername(username).role()).isEqualTo(Role.SME);
        assertThat(count("audit_event WHERE action = 'SIGN_UP_APPROVED' AND entity_id = '" + id + "'")).isOne();
        assertThat(count("audit_event WHERE action = 'SIGN_UP_SUBMITTED' AND entity_id = '" + id + "'")).isOne();

        browser.signOut();
        browser.signIn(username, SME_PASSWORD);
        assertThat(browser.path()).isEqualTo("/console");
        assertThat(browser.text()).contains(username, "企业");
        browser.check("auth-09-sme-home");

        // the enterprise now has an account: signing up again is refused
        browser.signOut();
        fillSignUp(uscc, name, unique("signup"), null);
        browser.click("form button[type=submit]");
        assertThat(browser.find("#uscc-error").getText()).contains("已有企业账户");
    }

    @Test
    void aRejectedSignUpCannotSignInAndIsToldWhy() {
        String district = district();
        String reviewer = user(Role.DISTRICT_REVIEWER, null, null, district);
        String uscc = uscc();
        String username = unique("signup");
        fillSignUp(uscc, "被拒测试有限公司", username, district);
        browser.click("form button[type=submit]");
        assertThat(browser.text()).contains("注册申请已提交");
        long id = jdbc.queryForObject("SELECT id FROM account_sign_up WHERE uscc = ?", Long.class, uscc);

        browser.signIn(reviewer, PASSWORD).open("/console/sign-ups");
        // a refusal needs its reason
        browser.click("form[action*='/console/sign-ups/" + id + "/rejection'] button");
        assertThat(browser.find("#reason-" + id + "-error").getText()).contains("请填写不予注册的原因");
        assertThat(jdbc.queryForObject("SELECT status FROM account_sign_up WHERE id = ?", String.class, id))
                .isEqualTo("PENDING");
        browser.check("auth-10-reject-errors");
        browser.type("#reason-" + id, "营业执照名称与统一社会信用代码不符");
        browser.click("form[action*='/console/sign-ups/" + id + "/rejection'] button");
        assertThat(browser.text()).contains("已不予注册。");
        assertThat(jdbc.queryForObject("SELECT status FROM account_sign_up WHERE id = ?", String.class, id))
                .isEqualTo("REJECTED");

        browser.signOut();
        browser.signIn(username, SME_PASSWORD);
        assertThat(browser.path()).isEqualTo("/login?error=rejected");
        assertThat(browser.text()).contains("未通过审核", "审核意见：营业执照名称与统一社会信用代码不符");
        browser.check("auth-11-rejected");
        assertThat(userMapper.findByUsername(username)).isNull();

        // a wrong password says nothing about the sign-up
        browser.signIn(username, "not-the-password-1");
        assertThat(browser.path()).isEqualTo("/login?error=bad");
    }
}
