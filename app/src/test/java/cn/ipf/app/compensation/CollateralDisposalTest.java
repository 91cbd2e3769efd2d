package cn.ipf.app.compensation;

import static cn.ipf.app.testinfra.BankForms.key;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.compensation.DefaultedLoans.Borrower;
import cn.ipf.app.compensation.DefaultedLoans.Dates;
import cn.ipf.app.testinfra.Http;
import cn.ipf.sdk.api.BankDisposalsApi;
import cn.ipf.sdk.model.AssetRef;
import cn.ipf.sdk.model.CompensationClaim;
import cn.ipf.sdk.model.DisposalCase;
import cn.ipf.sdk.model.DisposalCaseStatus;
import cn.ipf.sdk.model.DisposalMethod;
import cn.ipf.sdk.model.DisposalStepKind;
import cn.ipf.sdk.model.NewDisposalCase;
import cn.ipf.sdk.model.NewDisposalStep;
import cn.ipf.sdk.model.PledgeableAssetKind;
import cn.ipf.sdk.model.RecoverySource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 质物处置 through the bank SDK: a case per pledged asset of a defaulted loan, its steps, and proceeds that become a
 * recovery the risk-compensation job returns to the fund layers (ledger balanced), linked from the claim; refusals with
 * their stable codes, none of which writes anything.
 */
class CollateralDisposalTest extends CompensationTestSupport {

    @Test
    void aDisposalCaseWhoseProceedsAreReturnedToTheFundLayers() throws Exception {
        PaidClaim paid = paidClaim();
        long p = paid.programmeId();
        Bank bank = paid.bank();
        Borrower borrower = paid.borrower();
        String loanRef = paid.loanRef();
        long claimId = paid.claimId();
        assertThat(balancedLedger(p).get("PROVINCIAL_FUND.ASSET")).isEqualByComparingTo("1680000");

        BankDisposalsApi disposals = new BankDisposalsApi(bank.client());
        NewDisposalCase form = new NewDisposalCase().externalId("DC-" + key().substring(0, 12))
                .asset(new AssetRef().kind(PledgeableAssetKind.PATENT).id(borrower.patentId()))
                .method(DisposalMethod.AUCTION).openedOn(LocalDate.of(2026, 6, 15));

        // refusals before the case exists: not before the default, only an asset pledged on this loan
        assertThat(problemCode(() -> disposals.openDisposalCase(loanRef, key(), new NewDisposalCase()
                .externalId(form.getExternalId()).asset(form.getAsset()).method(DisposalMethod.AUCTION)
                .openedOn(LocalDate.of(2026, 5, 31))))).isEqualTo("DISPOSAL_RECORD_INVALID");
        Borrower other = loans.borrower(DISTRICT, true);
        assertThat(problemCode(() -> disposals.openDisposalCase(loanRef, key(), new NewDisposalCase()
                .externalId(form.getExternalId()).asset(new AssetRef().kind(PledgeableAssetKind.PATENT)
                        .id(other.patentId())).method(DisposalMethod.SALE).openedOn(form.getOpenedOn()))))
                .isEqualTo("DISPOSAL_ASSET_NOT_PLEDGED");
        // a loan that has not defaulted has nothing to dispose of
        String current = loans.loan(bank.lender(), other, "500000", "1", new Dates(LocalDate.of(2025, 9, 1),
                LocalDate.of(2025, 9, 3), LocalDate.of(2025, 9, 5), null, null));
        assertThat(problemCode(() -> disposals.openDisposalCase(current, key(), new NewDisposalCase()
                .externalId(form.getExternalId()).asset(new AssetRef().kind(PledgeableAssetKind.PATENT)
                        .id(other.patentId())).method(DisposalMethod.SALE).openedOn(form.getOpenedOn()))))
                .isEqualTo("ILLEGAL_TRANSITION");
        assertThat(count("disposal_case WHERE bank_id = " + bank.lender().bankId())).isZero();

        DisposalCase opened = disposals.openDisposalCase(loanRef, key(), form);
        assertThat(opened.getStatus()).isEqualTo(DisposalCaseStatus.OPEN);
        assertThat(opened.getLoanRef()).isEqualTo(loanRef);
        assertThat(opened.getGrossProceeds()).isEqualByComparingTo("0");
        long caseId = opened.getCaseId();
        assertThat(disposals.openDisposalCase(loanRef, key(), form).getCaseId()).as("the same case again")
                .isEqualTo(caseId);
        assertThat(problemCode(() -> disposals.openDisposalCase(loanRef, key(), new NewDisposalCase()
                .externalId(form.getExternalId()).asset(form.getAsset()).method(DisposalMethod.LICENSE)
                .openedOn(form.getOpenedOn())))).isEqualTo("EXTERNAL_ID_CONFLICT");
        assertThat(problemCode(() -> disposals.openDisposalCase(loanRef, key(), new NewDisposalCase()
                .externalId("DC-" + key().substring(0, 12)).asset(form.getAsset()).method(DisposalMethod.LICENSE)
                .openedOn(form.getOpenedOn())))).as("one case per asset").isEqualTo("DISPOSAL_CASE_EXISTS");

        disposals.reportDisposalStep(caseId, key(), step("A", DisposalStepKind.APPRAISAL, "2026-07-01")
                .note("评估价 ¥1,200,000.00"));
        disposals.reportDisposalStep(caseId, key(), step("L", DisposalStepKind.LISTING, "2026-07-15"));
        assertThat(problemCode(() -> disposals.reportDisposalStep(caseId, key(),
                step("X", DisposalStepKind.AUCTION_ROUND, "2026-07-10")))).as("steps in date order")
                .isEqualTo("DISPOSAL_RECORD_INVALID");
        assertThat(problemCode(() -> disposals.reportDisposalStep(caseId, key(),
                step("X", DisposalStepKind.PROCEEDS, "2026-09-01")))).as("proceeds need money")
                .isEqualTo("DISPOSAL_RECORD_INVALID");
        assertThat(problemCode(() -> disposals.reportDisposalStep(caseId, key(),
                step("X", DisposalStepKind.AGREEMENT, "2026-08-20").grossAmount(new BigDecimal("1")))))
                .as("only proceeds carry money").isEqualTo("DISPOSAL_RECORD_INVALID");
        assertThat(problemCode(() -> disposals.reportDisposalStep(caseId, key(),
                step("X", DisposalStepKind.PROCEEDS, "2026-09-01").grossAmount(new BigDecimal("-1"))
                        .disposalCosts(BigDecimal.ZERO)))).as("proceeds ≥ 0").isEqualTo("VALIDATION_FAILED");
        assertThat(problemCode(() -> disposals.reportDisposalStep(caseId, key(),
                step("X", DisposalStepKind.UNSOLD, today().plusDays(1).toString())))).as("not in the future")
                .isEqualTo("DISPOSAL_RECORD_INVALID");

        NewDisposalStep proceeds = step("P", DisposalStepKind.PROCEEDS, "2026-09-01")
                .grossAmount(new BigDecimal("150000")).disposalCosts(new BigDecimal("50000"));
        disposals.reportDisposalStep(caseId, key(), proceeds);
        assertThat(disposals.reportDisposalStep(caseId, key(), proceeds).getSteps()).as("the same step again")
                .hasSize(3);
        DisposalCase closed = disposals.reportDisposalStep(caseId, key(),
                step("C", DisposalStepKind.CLOSURE, "2026-09-10"));
        assertThat(closed.getStatus()).isEqualTo(DisposalCaseStatus.CLOSED);
        assertThat(closed.getClosedOn()).isEqualTo(LocalDate.of(2026, 9, 10));
        assertThat(closed.getGrossProceeds()).isEqualByComparingTo("150000");
        assertThat(closed.getDisposalCosts()).isEqualByComparingTo("50000");
        assertThat(closed.getSteps()).extracting(s -> s.getKind().getValue()).containsExactly("APPRAISAL",
                "LISTING", "PROCEEDS", "CLOSURE");
        assertThat(problemCode(() -> disposals.reportDisposalStep(caseId, key(),
                step("Y", DisposalStepKind.PROCEEDS, "2026-09-20").grossAmount(BigDecimal.TEN)
                        .disposalCosts(BigDecimal.ZERO)))).as("nothing after closing")
                .isEqualTo("DISPOSAL_CASE_CLOSED");
        assertThat(disposals.listLoanDisposalCases(loanRef).getItems()).extracting(DisposalCase::getCaseId)
                .containsExactly(caseId);
        assertThat(bank.lender().loans().getBankLoan(loanRef).getRecoveries()).singleElement().satisfies(r -> {
            assertThat(r.getExternalId()).isEqualTo(proceeds.getExternalId());
            assertThat(r.getSource()).isEqualTo(RecoverySource.AUCTION);
        });

        // the job returns the net proceeds to the layers in proportion, as any recovery; the claim names the case
        settle(p);
        CompensationClaim returned = bank.compensation().getBankCompensationClaim(claimId);
        assertThat(returned.getRecoveryReturns()).singleElement().satisfies(r -> {
            assertThat(r.getDisposalCaseId()).isEqualTo(caseId);
            assertThat(r.getNet()).isEqualByComparingTo("100000");
            assertThat(r.getLines()).extracting(l -> l.getLayerCode() + "=" + l.getAmount().toPlainString())
                    .containsExactly("PROVINCIAL_FUND=40000.00", "MUNICIPAL_FUND=20000.00", "BANK=40000.00");
        });
        Map<String, BigDecimal> ledger = balancedLedger(p);
        assertThat(ledger.get("PROVINCIAL_FUND.ASSET")).isEqualByComparingTo("1720000");
        assertThat(ledger.get("MUNICIPAL_FUND.ASSET")).isEqualByComparingTo("860000");
        assertThat(claim(claimId).get("recoveryReturns").get(0).get("disposalCaseId").asLong())
                .as("reviewers and regulators see the link too").isEqualTo(caseId);
        // the regulators' drill-down of a payout line: the loan's case with its steps, and the return it became
        Http.Response drill = http.with(regulatorPerson().token()).get(
                "/api/v1/regulator/drill-down/compensation-claims/" + claimId + "/lines/1");
        assertThat(drill.status()).as("%s", drill).isEqualTo(200);
        assertThat(drill.json().get("disposalCases")).singleElement().satisfies(c -> {
            assertThat(c.get("caseId").asLong()).isEqualTo(caseId);
            assertThat(c.get("grossProceeds").decimalValue()).isEqualByComparingTo("150000");
            assertThat(c.get("steps").findValuesAsString("kind")).containsExactly("APPRAISAL", "LISTING",
                    "PROCEEDS", "CLOSURE");
        });
        assertThat(drill.json().get("recoveryReturns")).singleElement().satisfies(r -> {
            assertThat(r.get("disposalCaseId").asLong()).isEqualTo(caseId);
            assertThat(amounts(r.get("lines"))).containsExactly(Map.entry("PROVINCIAL_FUND", "40000.00"),
                    Map.entry("MUNICIPAL_FUND", "20000.00"), Map.entry("BANK", "40000.00"));
        });
        assertThat(drill.json().get("auditEvents").findValuesAsString("action")).contains("DISPOSAL_CASE_OPENED");

        // another bank does not see the case
        BankDisposalsApi stranger = new BankDisposalsApi(bank().client());
        assertThat(problemCode(() -> stranger.getBankDisposalCase(caseId))).isEqualTo("DISPOSAL_CASE_NOT_FOUND");
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE entity_type = 'DISPOSAL_CASE'"
                + " AND entity_id = ? ORDER BY id", String.class, String.valueOf(caseId))).containsExactly(
                        "DISPOSAL_CASE_OPENED", "DISPOSAL_STEP_REPORTED", "DISPOSAL_STEP_REPORTED",
                        "DISPOSAL_STEP_REPORTED", "DISPOSAL_STEP_REPORTED");
    }
}
