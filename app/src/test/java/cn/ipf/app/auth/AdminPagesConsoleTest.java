package cn.ipf.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.testinfra.Browser;
import cn.ipf.app.testinfra.ConsoleBrowser;
import cn.ipf.app.testinfra.IntegrationTest;
import cn.ipf.app.user.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * 系统管理 in a real browser, part two: an administrator creates a district reviewer (refused by the field until the
 * role's district is chosen; a double submit creates one user), resets their password (shown once), disables and
 * enables them, sets a statistics target of the plan (a fraction of
 * a count refused) and corrects it, and uploads the demo enterprises file: first with errors, answered row by row
 * and writing nothing, then corrected, imported whole. Every page is screenshotted and scanned with axe-core.
 */
class AdminPagesConsoleTest extends IntegrationTest {

    @RegisterExtension
    static final ConsoleBrowser CONSOLE = new ConsoleBrowser();

    private static final String CITY = "370200";
    private static final String DISTRICT = "370202";

    @Autowired
    PasswordEncoder passwords;

    private Browser browser;

    @BeforeEach
    void browser() {
        browser = CONSOLE.signedOut("http://localhost:" + port);
    }

    private long count(String fromWhere, Object... args) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + fromWhere, Long.class, args);
    }

    private void select(String css, String value) {
        new Select(browser.find(css)).selectByValue(value);
    }

    @Test
    void anAdministratorCreatesAUserSetsATargetAndImportsAFileAfterItsErrors() throws Exception {
        String admin = user(Role.ADMIN, null, null, null);
        browser.signIn(admin, PASSWORD);
        assertThat(browser.text()).contains("用户与角色", "统计目标", "数据导入");

        // ---- a user: the role's district is required, then one user however often the form is sent ----------
        browser.follow("用户与角色");
        browser.check("adminpages-01-users");
        String username = "reviewer-" + UUID.randomUUID().toString().substring(0, 8);
        browser.click("form.card button[type=submit]");
        assertThat(browser.find("#error-summary").getText()).contains("提交未成功");
        assertThat(browser.find("#username").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#role-error").getText()).isEqualTo("请选择角色");
        browser.type("#username", username).type("#displayName", "王审核").type("#password", "short");
        select("#role", "DISTRICT_REVIEWER");
        browser.click("form.card button[type=submit]");
        assertThat(browser.find("#password-error").getText()).contains("至少 10 位");
        assertThat(browser.find("#password").getAttribute("value")).isEmpty();
        browser.type("#password", "Review-2026-x");
        browser.click("form.card button[type=submit]");
        assertThat(browser.find("#districtCode-error").getText()).isEqualTo("区县审核员须选择所属区县");
        assertThat(browser.find("#username").getAttribute("value")).isEqualTo(username);
        assertThat(count("app_user WHERE username = ?", username)).isZero();
        browser.check("adminpages-02-user-refused");

        browser.type("#password", "Review-2026-x");
        select("#districtCode", DISTRICT);
        // a double click: the form's key makes the second submit answer the first one's result
        browser.driver().executeScript("const f = arguments[0]; f.requestSubmit(); f.requestSubmit();",
                browser.find("form.card"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.getPageSource()
                .contains("用户 " + username + " 已创建。"));
        assertThat(count("app_user WHERE username = ? AND role = 'DISTRICT_REVIEWER' AND district_code = ?",
                username, DISTRICT)).isEqualTo(1);
        assertThat(browser.find("table").getText()).contains(username, "王审核", "区县审核员", "市南区", "已启用");
        browser.check("adminpages-03-user-created");
        browser.type("#q", "no-such-user-" + UUID.randomUUID()).click("form[role=search] button");
        assertThat(browser.text()).contains("共 0 个用户");
        select("#role-filter", "DISTRICT_REVIEWER");
        browser.type("#q", username.substring(2)).click("form[role=search] button");
        assertThat(browser.text()).contains("共 1 个用户", username);
        browser.click("form[action*='/unlock'] button");
        assertThat(browser.text()).contains("已解除 " + username + " 的登录锁定。");
        browser.click("form[action*='/password-reset'] button");
        String temporary = browser.find("#password-once").getText();
        assertThat(temporary).hasSize(14);
        assertThat(passwords.matches(temporary, userMapper.findByUsername(username).passwordHash())).isTrue();
        browser.check("adminpages-03b-password-reset");
        browser.open("/console/admin/users?q=" + username);
        assertThat(browser.driver().getPageSource()).doesNotContain(temporary);
        browser.click("form[action*='/enabled'] button");
        assertThat(browser.text()).contains("已停用 " + username + "：不能再登录。", "已停用");
        assertThat(userMapper.findByUsername(username).enabled()).isFalse();
        browser.click("form[action*='/enabled'] button");
        assertThat(browser.text()).contains("已启用 " + username + "。");
        assertThat(userMapper.findByUsername(username).enabled()).isTrue();
        // one's own account offers no 停用
        browser.open("/console/admin/users?role=ADMIN&q=" + admin);
        assertThat(browser.all("form[action*='/enabled']")).isEmpty();
        assertThat(browser.text()).contains("本人账号，不能停用");

        // ---- a statistics target: a fraction of a count refused, then set and corrected --------------------------
        browser.follow("统计目标");
        browser.check("adminpages-04-targets");
        browser.type("#year", "2040");
        select("#regionCode", CITY);
        select("#indicator", "PLEDGED_LOANS");
        browser.type("#target", "1.5").click("form.card button[type=submit]");
        assertThat(browser.find("#target-error").getText()).contains("整数");
        browser.type("#target", "0").click("form.card button[type=submit]");
        assertThat(browser.find("#target-error").getText()).contains("大于 0");
        assertThat(count("statistics_target WHERE target_year = 2040 AND region_code = ? AND indicator = ?",
                CITY, "PLEDGED_LOANS")).isZero();
        browser.check("adminpages-05-target-refused");
        browser.type("#target", "120").click("form.card button[type=submit]");
        assertThat(browser.text()).contains("2040 年青岛市“质押贷款笔数”的目标已保存。", "2040 年的目标");
        assertThat(browser.find("table").getText()).contains("青岛市", "质押贷款笔数", "120 笔");
        browser.follow("修改");
        assertThat(browser.find("#target").getAttribute("value")).isEqualTo("120");
        assertThat(browser.text()).contains("更正目标");
        browser.type("#target", "150").click("form.card button[type=submit]");
        assertThat(browser.find("table").getText()).contains("150 笔").doesNotContain("120 笔");
        assertThat(jdbc.queryForObject("SELECT target_value FROM statistics_target WHERE target_year = 2040 "
                + "AND region_code = ? AND indicator = 'PLEDGED_LOANS'", Long.class, CITY)).isEqualTo(150L);
        browser.check("adminpages-06-target-saved");

        // ---- an import: the demo enterprises with two errors, refused whole; then corrected, imported -----------
        browser.follow("数据导入");
        browser.check("adminpages-07-imports");
        browser.click("form.card button[type=submit]");
        assertThat(browser.find("#kind-error").getText()).isEqualTo("请选择数据类型");
        assertThat(browser.find("#file-error").getText()).isEqualTo("请选择要上传的文件");

        List<String> rows = demoEnterprisesWithFreshUsccs();
        String[] second = rows.get(2).split(",", -1);
        String[] third = rows.get(3).split(",", -1);
        List<String> bad = new ArrayList<>(rows);
        String badUscc = second[0].substring(0, 17) + (second[0].charAt(17) == '0' ? '1' : '0');
        bad.set(2, rows.get(2).replace(second[0], badUscc));
        bad.set(3, rows.get(3).replace("," + third[3] + ",", ",999999,"));
        select("#kind", "ENTERPRISES");
        browser.find("#file").sendKeys(file(bad).toString());
        browser.click("form.card button[type=submit]");
        String refused = result("有错误，未导入");
        assertThat(refused).contains("发现 2 处错误（其余 2 行无误）", "整个文件未写入");
        List<String> problems = browser.all("#import-result tbody tr").stream().map(r -> r.getText()).toList();
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("2").contains("uscc"))
                .anySatisfy(p -> assertThat(p).startsWith("3").contains("districtCode"));
        assertThat(count("enterprise WHERE uscc = ?", rows.get(1).split(",")[0])).isZero();
        browser.check("adminpages-08-import-refused");

        browser.follow("返回数据导入");
        select("#kind", "ENTERPRISES");
        browser.find("#file").sendKeys(file(rows).toString());
        browser.click("form.card button[type=submit]");
        assertThat(result("已导入")).contains("已导入 4 行");
        for (String row : rows.subList(1, rows.size())) {
            assertThat(count("enterprise WHERE uscc = ?", row.split(",")[0])).isEqualTo(1);
        }
        browser.check("adminpages-09-imported");
        browser.follow("返回数据导入");
        assertThat(browser.find("table").getText()).contains("有错误，未导入", "已导入", "enterprises.csv");
    }

    /** Waits until the import's result (polled while the job checks the file) says {@code status}; its text. */
    private String result(String status) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d ->
                d.findElement(By.id("import-result")).getText().contains(status));
        return browser.find("#import-result").getText();
    }

    /** demo/history/enterprises.csv with a new USCC for each enterprise, so that the file imports in any database. */
    private static List<String> demoEnterprisesWithFreshUsccs() throws IOException {
        List<String> lines = new ClassPathResource("demo/history/enterprises.csv").getContentAsString(
                StandardCharsets.UTF_8).lines().toList();
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            out.add(LibraryTestSupport.uscc(cells[3]) + line.substring(cells[0].length()));
        }
        return out;
    }

    private static Path file(List<String> lines) throws IOException {
        Path dir = Files.createTempDirectory("import");
        return Files.writeString(dir.resolve("enterprises.csv"), String.join("\n", lines) + "\n",
                StandardCharsets.UTF_8);
    }
}
