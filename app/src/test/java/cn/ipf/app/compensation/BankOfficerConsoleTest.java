package cn.ipf.app.compensation;

import static cn.ipf.app.testinfra.BankForms.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.ipf.app.compensation.DefaultedLoans.Dates;
import cn.ipf.app.testinfra.Browser;
import cn.ipf.app.testinfra.ConsoleBrowser;
import cn.ipf.app.testinfra.WebhookReceiver;
import cn.ipf.app.user.Role;
import cn.ipf.app.webhook.WebhookDispatcher;
import cn.ipf.app.webhook.WebhookEventType;
import cn.ipf.app.webhook.WebhookOutbox;
import cn.ipf.sdk.model.RecoverySource;
import cn.ipf.sdk.model.RecoveryReport;
import cn.ipf.sdk.webhooks.WebhookVerifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A bank officer's compensation claims and webhooks in a real browser: the claims list with its sharing, a paid claim
 * with its lines, decisions, payment and the recovery returned; filing a claim on a defaulted loan (refused by the
 * field without evidence, then filed); registering an endpoint on a real HTTP server (a bad URL refused by the field,
 * the secret shown once) that first answers 500 until the delivery fails, then, fixed, gets the redelivery signed
 * with the rotated secret. Another bank's officer gets the 404 page for the claim and the delivery. Every page is
 * screenshotted and scanned with axe-core.
 */
class BankOfficerConsoleTest extends CompensationTestSupport {

    private static final String CLAIM_PAGES = "/console/bank/compensation-claims/";
    private static final String DELIVERY_PAGES = "/console/bank/webhooks/deliveries/";

    @RegisterExtension
    static final ConsoleBrowser CONSOLE = new ConsoleBrowser();

    @Autowired
    WebhookOutbox outbox;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    TransactionTemplate tx;

    private Browser browser;
    private WebhookReceiver receiver;

    @BeforeEach
    void browserAndReceiver() throws Exception {
        browser = CONSOLE.signedOut("http://localhost:" + port);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private String claimStatus(long claimId) {
        return jdbc.queryForObject("SELECT status FROM compensation_claim WHERE id = ?", String.class, claimId);
    }

    private String deliveryStatus(long deliveryId) {
        return jdbc.queryForObject("SELECT status FROM webhook_delivery WHERE id = ?", String.class, deliveryId);
    }

    @Test
    void aBankOfficerFollowsClaimsFilesOneAndRedeliversAFailedWebhook() throws Exception {
        JsonNode programme = programme(CITY, null);
        long p = id(programme);
        Bank bank = bank();
        long bankId = bank.lender().bankId();
        agreement(p, bankId, "2025-01-01", "1000000");
        deposit(fund(programme, "PROVINCIAL_FUND"), "DEPOSIT", "2000000");
        deposit(fund(programme, "MUNICIPAL_FUND"), "DEPOSIT", "1000000");

        // a claim approved at both levels and paid, and a recovery on its loan returned to the funds
        String paidRef = loans.loan(bank.lender(), loans.borrower(DISTRICT, true), "1000000", "0.8",
                Dates.standard());
        long paid = file(bank, p, paidRef).getClaimId();
        approve(paid);
        settle(p);
        bank.lender().loans().reportRecovery(paidRef, key(), new RecoveryReport().externalId(paidRef + "-V1")
                .recoveredOn(LocalDate.of(2026, 9, 1)).grossAmount(new BigDecimal("150000"))
                .disposalCosts(new BigDecimal("50000")).source(RecoverySource.AUCTION));
        settle(p);
        assertThat(claimStatus(paid)).isEqualTo("PAID");
        // and a second defaulted loan, not claimed yet
        String openRef = loans.loan(bank.lender(), loans.borrower(DISTRICT, true), "500000", "1",
                Dates.standard());

        String officer = user(Role.BANK_OFFICER, null, bankId, null);
        browser.signIn(officer, PASSWORD).follow("风险补偿申请");
        assertThat(browser.text()).contains("风险补偿申请", "CC" + paid, paidRef, "¥800,000.00", "已兑付",
                "风险补偿资金 PROVINCIAL_FUND ¥320,000.00", "银行 BANK ¥320,000.00");
        browser.check("bank-01-claims");

        browser.follow("CC" + paid);
        assertThat(browser.text()).contains("风险补偿索赔 CC" + paid, paidRef, "¥1,000,000.00", "80%",
                "审核与拨付", "补偿款已付给本行", "区级审核通过", "市级审核通过", "已支付", "以下为已确定的分担金额",
                "¥320,000.00", "¥160,000.00", "判决书", "处置回收返还", paidRef + "-V1", "¥150,000.00",
                "¥100,000.00", "风险补偿资金 PROVINCIAL_FUND ¥320,000.00 ¥0.00 ¥40,000.00");
        browser.check("bank-02-claim-paid");

        // filing on the defaulted loan: without any evidence refused by the field, nothing filed
        browser.open(CLAIM_PAGES.replaceAll("/$", "")).follow("申请风险补偿");
        assertThat(browser.text()).contains("违约贷款", openRef, "本行索赔编号", "材料 1 类型");
        browser.click("input[name=loanRef][value='" + openRef + "']");
        String externalId = "C-" + key().substring(0, 10);
        browser.type("#externalId", externalId).click("form[action*='compensation-claims'] button[type=submit]");
        assertThat(browser.find("#error-summary").getText()).contains("提交未成功");
        assertThat(browser.find("#evidence-error").getText()).contains("请至少填写一项证明材料");
        assertThat(count("compensation_claim WHERE external_id = '" + externalId + "'")).isZero();
        browser.check("bank-03-file-claim-refused");

        new Select(browser.find("[name='evidence[0].kind']")).selectByValue("COURT_JUDGMENT");
        browser.type("[name='evidence[0].reference']", "（2026）鲁0211民初88号")
                .click("form[action*='compensation-claims'] button[type=submit]");
        assertThat(browser.text()).contains("索赔已提交", openRef, "待区县审核", "（2026）鲁0211民初88号",
                "以下为按现行规则的预览");
        long filed = Long.parseLong(browser.path().replaceAll("^" + CLAIM_PAGES + "(\\d+).*$", "$1"));
        assertThat(claimStatus(filed)).isEqualTo("FILED");
        browser.check("bank-04-claim-filed");

        // 回调地址: a URL that is not http(s) is refused by the field
        browser.follow("回调地址");
        browser.type("#url", "ftp://bank.example.cn/hooks").click("form[action*='/webhooks?'] button[type=submit]");
        assertThat(browser.find("#url-error").getText()).contains("回调地址");
        assertThat(browser.find("#url").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(count("webhook_endpoint WHERE bank_id = " + bankId)).isZero();
        browser.check("bank-05-webhook-refused");

        browser.type("#url", receiver.url("/ipf/events")).type("#description", "信贷系统")
                .click("form[action*='/webhooks?'] button[type=submit]");
        assertThat(browser.text()).contains("回调地址已登记", "只显示这一次", receiver.url("/ipf/events"), "已启用");
        String secret = browser.find("#secret").getText();
        assertThat(secret).startsWith("whsec_");
        browser.check("bank-06-webhook-registered");
        browser.open("/console/bank/webhooks");
        assertThat(browser.text()).doesNotContain(secret);

        // the bank's system answers 500 until the delivery has used all its attempts
        receiver.answer(500);
        tx.executeWithoutResult(s -> outbox.publish(bankId, WebhookEventType.APPLICATION_SUBMITTED,
                Map.of("applicationId", 42L)));
        dispatcher.dispatchDue();
        long delivery = jdbc.queryForObject("SELECT id FROM webhook_delivery WHERE bank_id = ?", Long.class, bankId);
        browser.follow("查看投递记录");
        assertThat(browser.text()).contains("WD" + delivery, "贷款申请已提交", "等待投递", "500", "HTTP 500");
        browser.check("bank-07-delivery-retrying");
        for (int attempt = 2; attempt <= 4; attempt++) {
            jdbc.update("UPDATE webhook_delivery SET next_attempt_at = '2000-01-01 00:00:00' WHERE id = ?",
                    delivery);
            dispatcher.dispatchDue();
        }
        assertThat(deliveryStatus(delivery)).isEqualTo("FAILED");
        new Select(browser.find("#status")).selectByValue("FAILED");
        browser.click("form[role=search] button[type=submit]");
        assertThat(browser.text()).contains("WD" + delivery, "投递失败");
        browser.check("bank-08-deliveries-failed");

        // the secret is rotated, the receiver fixed, and the failed delivery sent again
        browser.follow("← 返回回调地址").click("form[action*='/secret'] button");
        String rotated = browser.find("#secret").getText();
        assertThat(browser.text()).contains("签名密钥已轮换");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        receiver.answer(204);
        browser.open(DELIVERY_PAGES + delivery);
        assertThat(browser.text()).contains("投递失败", "每次尝试", "HTTP 500", "\"applicationId\":42");
        browser.check("bank-09-delivery-failed");
        browser.click("form[action*='/redelivery'] button");
        assertThat(browser.text()).contains("已重新排队");
        dispatcher.dispatchDue();
        assertThat(deliveryStatus(delivery)).isEqualTo("SUCCEEDED");
        WebhookReceiver.Request again = receiver.received().get(receiver.received().size() - 1);
        assertThat(receiver.received()).hasSize(5);
        assertThatCode(() -> new WebhookVerifier(rotated).verify(again.headers(), again.body()))
                .as("signed with the rotated secret").doesNotThrowAnyException();
        browser.open(DELIVERY_PAGES + delivery);
        assertThat(browser.text()).contains("投递成功", "204");
        browser.check("bank-10-delivery-succeeded");

        // disabling the endpoint
        browser.open("/console/bank/webhooks").click("form[action*='/enabled'] button");
        assertThat(browser.text()).contains("回调地址已停用", "已停用", "启用");
        browser.signOut();

        // another bank's officer: the claim and the delivery by their URLs are not found
        String other = user(Role.BANK_OFFICER, null, bank(admin), null);
        browser.signIn(other, PASSWORD).open(CLAIM_PAGES + paid);
        assertThat(browser.text()).contains("页面不存在").doesNotContain(paidRef);
        browser.check("bank-11-other-bank-claim");
        browser.open(DELIVERY_PAGES + delivery);
        assertThat(browser.text()).contains("页面不存在").doesNotContain("贷款申请已提交");
        browser.open("/console/bank/compensation-claims");
        assertThat(browser.text()).doesNotContain("CC" + paid);
        browser.open("/console/bank/webhooks/deliveries");
        assertThat(browser.text()).contains("没有符合条件的投递").doesNotContain("WD" + delivery);
    }
}
