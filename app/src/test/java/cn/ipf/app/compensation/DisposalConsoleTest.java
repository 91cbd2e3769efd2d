package cn.ipf.app.compensation;

import static cn.ipf.app.testinfra.BankForms.key;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.compensation.DefaultedLoans.Borrower;
import cn.ipf.app.compensation.DefaultedLoans.Dates;
import cn.ipf.app.testinfra.Browser;
import cn.ipf.app.testinfra.ConsoleBrowser;
import cn.ipf.app.user.Role;
import cn.ipf.sdk.api.BankDisposalsApi;
import cn.ipf.sdk.model.AssetRef;
import cn.ipf.sdk.model.DisposalMethod;
import cn.ipf.sdk.model.DisposalStepKind;
import cn.ipf.sdk.model.LoanRenewalReport;
import cn.ipf.sdk.model.NewDisposalCase;
import cn.ipf.sdk.model.PledgeableAssetKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 质物处置 and 续贷 in a real browser. A bank reports a disposal case through its SDK whose proceeds (150 000 gross,
 * 50 000 costs) the job returns to the layers of a paid claim (net 100 000 in proportion to 320 000 / 160 000 /
 * 320 000: 40 000, 20 000, 40 000); a city reviewer goes from the claim to the case, a regulator from the payout
 * line's drill-down to the same. An SME whose loan was renewed reads the chain on 我的贷款, the bank's officer in its
 * loan book. Every page is screenshotted and scanned with axe-core.
 */
class DisposalConsoleTest extends CompensationTestSupport {

    @RegisterExtension
    static final ConsoleBrowser CONSOLE = new ConsoleBrowser();

    private Browser browser;

    @BeforeEach
    void browser() {
        browser = CONSOLE.signedOut("http://localhost:" + port);
    }

    @Test
    void reviewersAndRegulatorsFollowAClaimToItsDisposalCaseAndTheProceedsReturnedToTheFundLayers() throws Exception {
        PaidClaim paid = paidClaim();
        BankDisposalsApi disposals = new BankDisposalsApi(paid.bank().client());
        long caseId = disposals.openDisposalCase(paid.loanRef(), key(), new NewDisposalCase()
                .externalId("DC-" + key().substring(0, 12)).asset(new AssetRef().kind(PledgeableAssetKind.PATENT)
                        .id(paid.borrower().patentId())).method(DisposalMethod.AUCTION)
                .openedOn(LocalDate.of(2026, 6, 15))).getCaseId();
        disposals.reportDisposalStep(caseId, key(), step("A", DisposalStepKind.APPRAISAL, "2026-07-01")
                .note("评估价 ¥1,200,000.00"));
        disposals.reportDisposalStep(caseId, key(), step("A", DisposalStepKind.AUCTION_ROUND, "2026-08-20")
                .note("第一次拍卖成交"));
        disposals.reportDisposalStep(caseId, key(), step("P", DisposalStepKind.PROCEEDS, "2026-09-01")
                .grossAmount(new BigDecimal("150000")).disposalCosts(new BigDecimal("50000")));
        disposals.reportDisposalStep(caseId, key(), step("C", DisposalStepKind.CLOSURE, "2026-09-10"));
        settle(paid.programmeId());
        String claimPage = "/console/compensation/claims/" + paid.claimId();

        browser.signIn(city("city-1").username(), PASSWORD).open(claimPage);
        assertThat(browser.text()).contains("处置回收返还", "处置案件 DC" + caseId, "¥150,000.00", "¥100,000.00",
                "本次返还", "¥40,000.00", "¥20,000.00");
        browser.check("60-disposal-claim");

        browser.follow("处置案件 DC" + caseId);
        assertThat(browser.path()).isEqualTo(claimPage + "/disposal-cases/" + caseId);
        assertThat(browser.text()).contains("质物处置 DC" + caseId, "拍卖", "评估", "拍卖会", "价款到账", "结案",
                "2026-09-10 结案", "¥150,000.00", "处置价款返还各分担方", "风险补偿资金 PROVINCIAL_FUND",
                "¥40,000.00", "¥20,000.00");
        browser.check("61-disposal-case");
        browser.open(claimPage + "/disposal-cases/" + (caseId + 1_000_000));
        assertThat(browser.text()).as("another loan's case is not found").doesNotContain("质物处置 DC");

        browser.signOut().signIn(regulatorPerson().username(), PASSWORD)
                .open("/console/regulator/lines/COMPENSATION/" + paid.claimId() + "/1");
        assertThat(browser.text()).contains("质物处置（1 件）", "处置案件 DC" + caseId, "价款到账", "处置回收返还",
                "¥40,000.00", "DISPOSAL_CASE_OPENED");
        browser.check("62-disposal-drill-down");
        browser.follow("查看索赔 CC" + paid.claimId()).follow("处置案件 DC" + caseId);
        assertThat(browser.text()).contains("质物处置 DC" + caseId, "¥40,000.00");
    }

    @Test
    void anSmeAndItsBankSeeTheRenewalChain() throws Exception {
        Bank bank = bank();
        Borrower borrower = loans.borrower(DISTRICT, true);
        String old = loans.loan(bank.lender(), borrower, "1000000", "1", new Dates(LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 1, 7), LocalDate.of(2026, 1, 10), null, null));
        String oldContract = bank.lender().loans().getBankLoan(old).getContractNo();
        String renewed = "R-" + key().substring(0, 12);
        String contract = "青银知质续字第" + renewed + "号";
        bank.lender().loans().reportLoanRenewal(old, key(), new LoanRenewalReport()
                .externalId(renewed).contractNo(contract).signedOn(LocalDate.of(2026, 11, 20))
                .principal(new BigDecimal("900000")).annualRate(new BigDecimal("0.0310"))
                .maturityDate(LocalDate.of(2027, 11, 20)).ipShare(BigDecimal.ONE).otherFiscalSubsidy(false)
                .changeRegistrationNo("B" + key().substring(0, 12)));

        browser.signIn(borrower.sme().username(), PASSWORD).follow("我的贷款");
        assertThat(browser.text()).contains("续贷自", oldContract + "（2026-11-20）", "已续贷为",
                contract + "（2026-11-20）");
        browser.check("63-renewal-my-loans");

        browser.signOut().signIn(person(Role.BANK_OFFICER, null, bank.lender().bankId(), null).username(), PASSWORD)
                .open("/console/bank/loans");
        assertThat(browser.text()).contains("续贷自 " + old, "已续贷为 " + renewed);
        browser.check("64-renewal-loan-book");
        browser.follow(renewed).follow(oldContract + "（2026-11-20）");
        assertThat(browser.path()).isEqualTo("/console/bank/loans/" + old);
        assertThat(browser.text()).contains("已续贷为", "已结清");
        browser.check("65-renewal-bank-loan");
    }
}
