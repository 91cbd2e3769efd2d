package cn.ipf.app.subsidy;

import static cn.ipf.app.shared.web.ApiTime.utc;

import cn.ipf.api.model.FeeEvidence;
import cn.ipf.api.model.FeeSubsidyParameters;
import cn.ipf.api.model.GateCause;
import cn.ipf.api.model.GateOutcome;
import cn.ipf.api.model.InterestSubsidyParameters;
import cn.ipf.api.model.LineGate;
import cn.ipf.api.model.LineReason;
import cn.ipf.api.model.LprRate;
import cn.ipf.api.model.ReceivingAccount;
import cn.ipf.api.model.SubsidyClaim;
import cn.ipf.api.model.SubsidyGate;
import cn.ipf.api.model.SubsidyLine;
import cn.ipf.api.model.SubsidyProgramme;
import cn.ipf.api.model.SubsidyRuleVersion;
import cn.ipf.api.model.SubsidyRun;
import cn.ipf.app.subsidy.policy.FeeSubsidyRules;
import cn.ipf.app.subsidy.policy.GateTrace;
import cn.ipf.app.subsidy.policy.InterestSubsidyRules;
import cn.ipf.app.subsidy.policy.InterestSubsidyRules.Reason;
import java.util.EnumSet;
import java.util.List;

/** The API shapes of programmes, runs and claims (shared by the subsidy controllers). */
public final class SubsidyViews {

    private SubsidyViews() {
    }

    public static InterestSubsidyParameters interest(InterestSubsidyRules r) {
        return new InterestSubsidyParameters().lprRatio(r.lprRatio()).annualCap(r.annualCap())
                .windowMonths(r.windowMonths()).maxSpreadBp(r.maxSpreadBp())
                .disabledGates(r.disabledGates().stream().sorted().map(g -> SubsidyGate.fromValue(g.name()))
                        .toList());
    }

    static InterestSubsidyRules interest(InterestSubsidyParameters p) {
        EnumSet<Reason> disabled = EnumSet.noneOf(Reason.class);
        if (p.getDisabledGates() != null) {
            p.getDisabledGates().forEach(g -> disabled.add(Reason.valueOf(g.getValue())));
        }
        return new InterestSubsidyRules(0, p.getLprRatio(), p.getAnnualCap(), p.getWindowMonths(),
                p.getMaxSpreadBp(), disabled);
    }

    static FeeSubsidyParameters fees(FeeSubsidyRules r) {
        return new FeeSubsidyParameters().evaluationFeeRatio(r.evaluationFeeRatio())
                .evaluationFeeAnnualCap(r.evaluationFeeAnnualCap()).insurancePremiumRatio(r.insurancePremiumRatio())
                .insurancePremiumAnnualCap(r.insurancePremiumAnnualCap());
    }

    static FeeSubsidyRules fees(FeeSubsidyParameters p) {
        return new FeeSubsidyRules(p.getEvaluationFeeRatio(), p.getEvaluationFeeAnnualCap(),
                p.getInsurancePremiumRatio(), p.getInsurancePremiumAnnualCap());
    }

    static SubsidyRuleVersion version(Programmes.RuleSet v) {
        return new SubsidyRuleVersion().version(v.version()).effectiveFrom(v.effectiveFrom())
                .interest(interest(v.interest())).fees(fees(v.fees())).immutable(v.immutable())
                .createdAt(utc(v.createdAt())).updatedAt(utc(v.updatedAt()));
    }

    static List<LprRate> lprRates(List<ProgrammeMapper.LprRow> rows) {
        return rows.stream().map(r -> new LprRate().month(r.rateMonth()).oneYearRate(r.oneYear())).toList();
    }

    static SubsidyProgramme programme(Programmes.Programme p) {
        ProgrammeMapper.ProgrammeRow r = p.row();
        return new SubsidyProgramme().programmeId(r.id()).name(r.name()).regionCode(r.regionCode())
                .budget(r.budget()).periodStart(r.periodStart()).periodEnd(r.periodEnd())
                .declarationDays(r.declarationDays()).committed(r.committed()).paid(r.paid())
                .remaining(p.remaining()).ruleVersions(p.versions().stream().map(SubsidyViews::version).toList())
                .createdAt(utc(r.createdAt()));
    }

    static SubsidyRun run(RunMapper.RunRow r, InterestSubsidyRules rules) {
        return new SubsidyRun().runId(r.id()).programmeId(r.programmeId()).period(r.period())
                .periodStart(r.periodStart()).periodEnd(r.periodEnd()).dryRun(r.dryRun())
                .rulesVersion(r.rulesVersion()).parameters(interest(rules))
                .status(SubsidyRun.StatusEnum.fromValue(r.status())).asOf(utc(r.asOf())).runDate(r.runDate())
                .claimCount(r.claimCount()).lineCount(r.lineCount()).totalAmount(r.totalAmount())
                .startedAt(utc(r.startedAt())).completedAt(utc(r.completedAt()));
    }

    static SubsidyClaim claim(ClaimMapper.ClaimRow c) {
        SubsidyClaim claim = new SubsidyClaim().claimId(c.id()).programmeId(c.programmeId()).runId(c.runId())
                .period(c.period()).enterpriseId(c.enterpriseId()).enterpriseName(c.enterpriseName())
                .districtCode(c.districtCode()).kind(cn.ipf.api.model.ClaimKind.fromValue(c.kind()))
                .status(cn.ipf.api.model.ClaimStatus.fromValue(c.status())).rulesVersion(c.rulesVersion())
                .totalAmount(c.totalAmount()).lineCount(c.lineCount()).declareBy(c.declareBy())
                .noDoubleSubsidy(c.noDoubleSubsidy()).declaredAt(utc(c.declaredAt()))
                .districtApprovedAt(utc(c.districtApprovedAt())).districtApprovedBy(c.districtApprovedBy())
                .cityApprovedAt(utc(c.cityApprovedAt())).cityApprovedBy(c.cityApprovedBy())
                .rejectedAt(utc(c.rejectedAt())).rejectionReason(c.rejectionReason())
                .expiredAt(utc(c.expiredAt())).voucherNo(c.voucherNo()).paidOn(c.paidOn())
                .createdAt(utc(c.createdAt())).paymentBatchId(c.paymentBatchId())
                .paymentFailureReason(c.paymentFailureReason()).paymentFailedOn(c.paymentFailedOn())
                .paymentRetryAllowed(c.paymentFailureReason() == null ? null : c.paymentRetryAllowed())
                .accountReviewPending(c.accountReviewPending()).accountCorrectedAt(utc(c.accountCorrectedAt()))
                .accountReviewedAt(utc(c.accountReviewedAt()));
        if (c.accountNo() != null) {
            claim.account(new ReceivingAccount().name(c.accountName()).bank(c.accountBank()).number(c.accountNo()));
        }
        return claim;
    }

    static SubsidyClaim detail(SubsidyClaims.ClaimDetail d) {
        SubsidyClaim claim = claim(d.claim());
        if (d.evidence() != null) {
            claim.feeEvidence(evidence(d.evidence()));
        } else {
            claim.lines(d.lines().stream().map(l -> line(l, d.rules())).toList());
        }
        return claim;
    }

    private static SubsidyLine line(ClaimMapper.LineRow l, InterestSubsidyRules rules) {
        Reason reason = Reason.valueOf(l.reason());
        List<LineGate> gates = GateTrace.of(reason, rules).stream().map(g -> new LineGate()
                .gate(SubsidyGate.fromValue(g.gate().name()))
                .outcome(GateOutcome.fromValue(g.outcome().name()))
                .cause(g.outcome() == GateTrace.Outcome.FAILED && l.listingId() != null ? new GateCause()
                        .kind(GateCause.KindEnum.DISHONESTY_LISTING).listingId(l.listingId())
                        .listedOn(l.listedOn()).source(l.listingSource()) : null)).toList();
        return new SubsidyLine().lineNo(l.lineNo()).paymentId(l.paymentId())
                .paymentExternalId(l.paymentExternalId()).loanId(l.loanId()).loanExternalId(l.loanExternalId())
                .bankId(l.bankId()).sequenceNo(l.sequenceNo()).accrualStart(l.accrualStart())
                .accrualEnd(l.accrualEnd()).principalBalance(l.principalBalance())
                .interestAmount(l.interestAmount()).dueDate(l.dueDate()).paidDate(l.paidDate())
                .ipShare(l.ipShare()).annualRate(l.annualRate()).contractSignedOn(l.contractSignedOn())
                .disbursedOn(l.disbursedOn()).sizeClass(l.sizeClass()).gates(gates).days(l.days())
                .daysInWindow(l.daysInWindow()).lprMonth(l.lprMonth()).lpr(l.lpr())
                .referenceRate(l.referenceRate()).byInterest(l.byInterest()).byRate(l.byRate())
                .amountBeforeCap(l.amountBeforeCap()).capYear(l.capYear())
                .capRemainingBefore(l.capRemainingBefore()).amount(l.amount())
                .reason(LineReason.fromValue(l.reason())).rulesVersion(l.rulesVersion());
    }

    private static FeeEvidence evidence(ClaimMapper.EvidenceRow e) {
        return new FeeEvidence().loanId(e.loanId()).loanExternalId(e.loanExternalId()).bankId(e.bankId())
                .appraisalId(e.appraisalId()).policyNo(e.policyNo()).insurer(e.insurer()).invoiceNo(e.invoiceNo())
                .invoiceIssuer(e.invoiceIssuer()).invoiceDate(e.invoiceDate()).invoiceAmount(e.invoiceAmount())
                .ratio(e.ratio()).annualCap(e.annualCap()).capYear(e.capYear())
                .capRemainingBefore(e.capRemainingBefore()).amountBeforeCap(e.amountBeforeCap()).amount(e.amount())
                .reason(FeeEvidence.ReasonEnum.fromValue(e.reason())).rulesVersion(e.rulesVersion());
    }
}
