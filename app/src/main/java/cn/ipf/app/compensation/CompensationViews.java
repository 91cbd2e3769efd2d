package cn.ipf.app.compensation;

import static cn.ipf.app.shared.web.ApiTime.utc;

import cn.ipf.api.model.ClaimEvidence;
import cn.ipf.api.model.ClaimGateOutcome;
import cn.ipf.api.model.CompensationClaim;
import cn.ipf.api.model.CompensationClaimPage;
import cn.ipf.api.model.CompensationClaimStatus;
import cn.ipf.api.model.CompensationGate;
import cn.ipf.api.model.CompensationLayer;
import cn.ipf.api.model.CompensationProgramme;
import cn.ipf.api.model.CompensationRuleSet;
import cn.ipf.api.model.CompensationRuleVersion;
import cn.ipf.api.model.CooperationAgreement;
import cn.ipf.api.model.EvidenceKind;
import cn.ipf.api.model.FundAccount;
import cn.ipf.api.model.OverallNplRate;
import cn.ipf.api.model.PayoutLine;
import cn.ipf.api.model.RecoveryReturn;
import cn.ipf.api.model.ReturnLine;
import cn.ipf.api.model.SupervisionSignal;
import cn.ipf.api.model.TrialBalance;
import cn.ipf.api.model.TrialBalanceAccount;
import cn.ipf.app.compensation.CompensationClaimMapper.ClaimRow;
import cn.ipf.app.compensation.CompensationClaimMapper.EvidenceRow;
import cn.ipf.app.compensation.CompensationMapper.AgreementRow;
import cn.ipf.app.compensation.policy.CompensationRules;
import cn.ipf.app.compensation.policy.Layer;
import cn.ipf.app.compensation.policy.LayerKind;
import java.util.List;
import java.util.stream.IntStream;

/** The compensation feature's records as the contract shows them. */
public final class CompensationViews {

    private CompensationViews() {
    }

    static CompensationClaim claim(CompensationClaims.Detail d) {
        ClaimRow c = d.claim();
        return new CompensationClaim().claimId(c.id()).programmeId(c.programmeId()).bankId(c.bankId())
                .loanRef(c.loanRef()).enterpriseId(c.enterpriseId()).enterpriseName(c.enterpriseName())
                .districtCode(c.districtCode()).externalId(c.externalId())
                .status(CompensationClaimStatus.fromValue(c.status())).filedOn(c.filedOn()).filedAt(utc(c.filedAt()))
                .rulesVersion(c.rulesVersion()).outstandingAtDefault(c.outstandingAtDefault()).ipShare(c.ipShare())
                .lossBase(c.lossBase())
                .gates(d.gates().stream().map(g -> new ClaimGateOutcome().gate(CompensationGate.fromValue(
                        g.gate().name())).passed(g.passed()).detail(g.detail())).toList())
                .evidence(d.evidence().stream().map(e -> new ClaimEvidence().kind(EvidenceKind.fromValue(e.kind()))
                        .reference(e.reference()).description(e.description())).toList())
                .districtApprovedAt(utc(c.districtApprovedAt())).cityApprovedAt(utc(c.cityApprovedAt()))
                .rejectedAt(utc(c.rejectedAt())).rejectionReason(c.rejectionReason())
                .waitingSince(utc(c.waitingSince())).paidAt(utc(c.paidAt())).payableAt(utc(c.payableAt()))
                .paidOn(c.paidOn()).bankReference(c.bankReference()).paymentBatchId(c.paymentBatchId())
                .paymentFailureReason(c.paymentFailureReason()).paymentFailedOn(c.paymentFailedOn())
                .payoutFinal(d.payoutFinal())
                .payoutLines(d.payout().stream().map(l -> new PayoutLine().lineNo(l.lineNo()).layerCode(l.layerCode())
                        .layerKind(cn.ipf.api.model.LayerKind.fromValue(l.layerKind())).share(l.share())
                        .fundId(l.fundId()).lossBase(l.lossBase()).exactAmount(l.exactAmount())
                        .amountBeforeCap(l.amountBeforeCap()).amount(l.amount())
                        .roundingAdjustment(l.roundingAdjustment()).capApplied(l.capApplied())
                        .fundTotalBeforeCap(l.fundTotalBeforeCap()).fundCap(l.fundCap())
                        .rulesVersion(l.rulesVersion()).journalId(l.journalId())).toList())
                .recoveryReturns(d.returns().stream().map(CompensationViews::recoveryReturn).toList());
    }

    public static RecoveryReturn recoveryReturn(RecoveryReturned returned) {
        RecoveryReturnRow r = returned.row();
        return new RecoveryReturn().recoveryExternalId(r.recoveryExternalId()).recoveredOn(r.recoveredOn())
                .grossAmount(r.grossAmount()).disposalCosts(r.disposalCosts()).net(r.net())
                .distributable(r.distributable()).surplus(r.surplus()).journalId(r.journalId())
                .disposalCaseId(r.disposalCaseId())
                .lines(returned.lines().stream().map(l -> new ReturnLine().layerCode(l.layerCode())
                        .layerKind(cn.ipf.api.model.LayerKind.fromValue(l.layerKind())).fundId(l.fundId())
                        .borne(l.borne()).returnedBefore(l.returnedBefore()).amount(l.amount())).toList());
    }

    static CompensationClaimPage page(CompensationClaims.Listing listing) {
        return new CompensationClaimPage().items(listing.items().stream().map(CompensationViews::claim).toList())
                .page(listing.page().meta(listing.total()));
    }

    static List<EvidenceRow> evidence(List<ClaimEvidence> given) {
        return IntStream.range(0, given.size()).mapToObj(i -> new EvidenceRow(i + 1, given.get(i).getKind().getValue(),
                given.get(i).getReference(), given.get(i).getDescription())).toList();
    }

    static CompensationProgramme programme(CompensationProgrammes.Programme p) {
        return new CompensationProgramme().programmeId(p.row().id()).name(p.row().name())
                .regionCode(p.row().regionCode())
                .versions(p.versions().stream().map(v -> new CompensationRuleVersion().version(v.version())
                        .effectiveFrom(v.effectiveFrom()).rules(rules(v.rules()))).toList())
                .funds(p.funds().stream().map(f -> new FundAccount().fundId(f.id()).code(f.code()).name(f.name())
                        .balance(f.balance())).toList())
                .agreements(p.agreements().stream().map(CompensationViews::agreement).toList());
    }

    static CooperationAgreement agreement(AgreementRow a) {
        return new CooperationAgreement().agreementId(a.id()).bankId(a.bankId()).agreementNo(a.agreementNo())
                .activeFrom(a.activeFrom()).activeTo(a.activeTo()).attributedFundAmount(a.attributedFundAmount());
    }

    static CompensationRuleSet rules(CompensationRules r) {
        return new CompensationRuleSet().layers(layers(r.layers())).fundCapPerLoan(r.fundCapPerLoan())
                .overdueDays(r.overdueDays())
                .filingWindowDays(r.filingWindowDays()).leverageTarget(r.leverageTarget())
                .nplTolerancePp(r.nplTolerancePp());
    }

    /** Rules as given (the version number is set when stored); null stays null (the default applies). */
    static CompensationRules rules(CompensationRuleSet r) {
        if (r == null) {
            return null;
        }
        return new CompensationRules(0, layersOf(r.getLayers()), r.getFundCapPerLoan(),
                r.getOverdueDays(), r.getFilingWindowDays(), r.getLeverageTarget(), r.getNplTolerancePp());
    }

    public static List<CompensationLayer> layers(List<Layer> layers) {
        return layers.stream().map(l -> new CompensationLayer().code(l.code()).name(l.name())
                .kind(cn.ipf.api.model.LayerKind.fromValue(l.kind().name())).share(l.share())).toList();
    }

    public static List<Layer> layersOf(List<CompensationLayer> layers) {
        return layers.stream().map(l -> new Layer(l.getCode(), l.getName(), LayerKind.valueOf(l.getKind().getValue()),
                l.getShare())).toList();
    }

    static OverallNplRate nplRate(CompensationMapper.NplRateRow r) {
        return new OverallNplRate().month(r.rateMonth()).rate(r.nplRate()).reportedBy(r.reportedBy())
                .reportedAt(utc(r.reportedAt()));
    }

    static TrialBalance trialBalance(Ledger.TrialBalance t) {
        return new TrialBalance().programmeId(t.programmeId()).totalDebits(t.totalDebits())
                .totalCredits(t.totalCredits()).balanced(t.balanced())
                .accounts(t.accounts().stream().map(a -> new TrialBalanceAccount().accountId(a.id()).code(a.code())
                        .name(a.name()).type(a.accountType()).fundCode(a.fundCode()).debits(a.debits())
                        .credits(a.credits()).balance(a.debits().subtract(a.credits())).keptBalance(a.balance()))
                        .toList());
    }

    static SupervisionSignal signal(Supervision.BankSignals b) {
        var s = b.signals();
        return new SupervisionSignal().bankId(b.bankId()).bankName(b.bankName()).month(b.month())
                .outstandingPrincipal(s.outstanding()).nonPerformingPrincipal(s.nonPerforming())
                .ipNplRate(s.ipNplRate()).overallNplRate(s.overallNplRate()).nplGapPp(s.nplGapPp())
                .nplTolerancePp(b.nplTolerancePp()).nplAboveTolerance(s.nplAboveTolerance())
                .attributedFundAmount(s.attributedFunds()).leverage(s.leverage()).leverageTarget(b.leverageTarget())
                .leverageBelowTarget(s.leverageBelowTarget());
    }
}
