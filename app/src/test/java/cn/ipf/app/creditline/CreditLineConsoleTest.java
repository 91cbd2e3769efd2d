package cn.ipf.app.creditline;

import static cn.ipf.app.testinfra.BankForms.key;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.compensation.DefaultedLoans;
import cn.ipf.app.compensation.DefaultedLoans.Borrower;
import cn.ipf.app.compensation.DefaultedLoans.Lender;
import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.testinfra.Browser;
import cn.ipf.app.testinfra.ConsoleBrowser;
import cn.ipf.app.user.Role;
import cn.ipf.sdk.api.BankCreditLinesApi;
import cn.ipf.sdk.client.ApiClient;
import cn.ipf.sdk.model.NewCreditLine;
import cn.ipf.sdk.model.NewCreditLineMember;
import cn.ipf.sdk.model.NewDrawdown;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 集合授信 in a real browser: a regulator reads every bank's lines and one line's members with their usage (read-only);
 * an SME has no such page. Screenshots on a desktop and at 375 px, axe-core scanned.
 */
class CreditLineConsoleTest extends LibraryTestSupport {

    @RegisterExtension
    static final ConsoleBrowser CONSOLE = new ConsoleBrowser();

    @Test
    void aRegulatorReadsTheUsageOfCollectiveCredit() throws Exception {
        String admin = adminToken();
        ApiClient client = sdk(app(admin, bank(admin), null));
        DefaultedLoans loans = new DefaultedLoans(this, http, jdbc);
        Lender lender = loans.lender(client);
        Borrower member = loans.borrower("370211", false);
        assertThat(http.with(member.sme().token()).post(LIB + "/" + member.enterpriseId() + "/consents",
                Map.of("bankId", lender.bankId())).status()).isEqualTo(201);
        BankCreditLinesApi api = new BankCreditLinesApi(client);
        String externalId = "CL-" + key().substring(0, 12);
        long lineId = api.grantCreditLine(key(), new NewCreditLine().externalId(externalId)
                .productId(lender.productId()).totalLimit(new BigDecimal("2000000")).validFrom(today().minusDays(5))
                .validUntil(today().plusDays(60)).members(List.of(new NewCreditLineMember()
                        .enterpriseId(member.enterpriseId()).subLimit(new BigDecimal("1500000"))))).getLineId();
        api.reportCreditLineDrawdown(lineId, key(), new NewDrawdown().externalId("D-" + key().substring(0, 12))
                .enterpriseId(member.enterpriseId()).amount(new BigDecimal("1234567.89")).drawnOn(today()));
        Person regulator = person(Role.REGULATOR, null, null, null);

        Browser browser = CONSOLE.signedOut("http://localhost:" + port);
        browser.signIn(regulator.username(), PASSWORD);
        browser.follow("集合授信");
        assertThat(browser.path()).isEqualTo("/console/credit-lines");
        assertThat(browser.text()).contains(externalId, "¥2,000,000.00", "¥1,234,567.89", "¥765,432.11", "有效");
        browser.check("credit-lines-01-list");
        browser.follow(externalId);
        assertThat(browser.path()).isEqualTo("/console/credit-lines/" + lineId);
        assertThat(browser.text()).contains("授信企业", "¥1,500,000.00", "¥265,432.11");
        browser.check("credit-lines-02-line");
        browser.open("/console/credit-lines/" + lineId + "?lang=en");
        assertThat(browser.text()).contains("Enterprises on the line", "Sub-limit");

        browser.signOut();
        browser.signIn(member.sme().username(), PASSWORD);
        assertThat(browser.text()).doesNotContain("集合授信");
        browser.open("/console/credit-lines");
        assertThat(browser.text()).doesNotContain(externalId);
    }
}
