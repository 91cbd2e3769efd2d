package cn.ipf.app.loan;

import cn.ipf.api.model.ApplicationEvent;
import cn.ipf.api.model.DelinquencyReport;
import cn.ipf.api.model.DelinquencyState;
import cn.ipf.api.model.InterestPaymentReport;
import cn.ipf.api.model.Loan;
import cn.ipf.api.model.LoanApplication;
import cn.ipf.api.model.LoanOffer;
import cn.ipf.api.model.OfferedAsset;
import cn.ipf.api.model.PledgeRegistration;
import cn.ipf.api.model.PledgeableAssetKind;
import cn.ipf.api.model.PrincipalRepaymentReport;
import cn.ipf.api.model.RecoveryReport;
import cn.ipf.api.model.RecoverySource;
import cn.ipf.api.model.RejectionReason;
import cn.ipf.api.model.AssetRef;
import cn.ipf.app.shared.web.ApiTime;
import java.util.List;

/** Applications and loans as the API shows them. */
final class LoanViews {

    private LoanViews() {
    }

    static List<ApplicationMapper.AssetRef> refs(List<AssetRef> assets) {
        return assets.stream().map(a -> new ApplicationMapper.AssetRef(a.getKind().getValue(), a.getId())).toList();
    }

    static LoanApplication application(LoanApplications.Detail d) {
        return summary(d.application())
                .assets(d.assets().stream().map(LoanViews::asset).toList())
                .history(d.history().stream().map(e -> new ApplicationEvent()
                        .status(cn.ipf.api.model.ApplicationStatus.fromValue(e.status().name()))
                        .at(ApiTime.utc(e.at())).actor(e.actor()).message(e.message())).toList());
    }

    static LoanApplication summary(ApplicationRecord a) {
        return new LoanApplication()
                .applicationId(a.id())
                .enterpriseId(a.enterpriseId())
                .enterpriseName(a.enterpriseName())
                .uscc(a.uscc())
                .districtCode(a.districtCode())
                .industryCode(a.industryCode())
                .bankId(a.bankId())
                .productId(a.productId())
                .productCode(a.productCode())
                .productVersion(a.productVersion())
                .amount(a.amount())
                .termMonths(a.termMonths())
                .purpose(a.purpose())
                .status(cn.ipf.api.model.ApplicationStatus.fromValue(a.status().name()))
                .offer(a.offerAmount() == null ? null : new LoanOffer().amount(a.offerAmount())
                        .annualRate(a.offerAnnualRate()).termMonths(a.offerTermMonths()))
                .rejectionReason(a.rejectionReason() == null ? null : RejectionReason.fromValue(a.rejectionReason()))
                .loanExternalId(a.loanExternalId())
                .submittedAt(ApiTime.utc(a.submittedAt()))
                .respondBy(a.respondBy())
                .decidedAt(a.decidedAt() == null ? null : ApiTime.utc(a.decidedAt()))
                .escalatedAt(a.escalatedAt() == null ? null : ApiTime.utc(a.escalatedAt()))
                .assets(List.of())
                .history(List.of());
    }

    static Loan loan(LoanBook.Detail d) {
        return summary(d.loan())
                .pledgeRegistrations(d.registrations().stream().map(r -> new PledgeRegistration()
                        .registrationNo(r.row().registrationNo())
                        .registeredOn(r.row().registeredOn())
                        .securedAmount(r.row().securedAmount())
                        .cancelledOn(r.row().cancelledOn())
                        .assets(r.assets().stream().map(LoanViews::asset).toList())).toList())
                .interestPayments(d.interestPayments().stream().map(p -> new InterestPaymentReport()
                        .externalId(p.externalId()).sequenceNo(p.sequenceNo()).accrualStart(p.accrualStart())
                        .accrualEnd(p.accrualEnd()).principalBalance(p.principalBalance())
                        .interestAmount(p.interestAmount()).dueDate(p.dueDate()).paidDate(p.paidDate())).toList())
                .principalRepayments(d.repayments().stream().map(r -> new PrincipalRepaymentReport()
                        .externalId(r.externalId()).repaidOn(r.repaidOn()).amount(r.amount())).toList())
                .delinquencies(d.delinquencies().stream().map(x -> new DelinquencyReport()
                        .externalId(x.externalId()).state(DelinquencyState.fromValue(x.state()))
                        .since(x.since())).toList())
                .recoveries(d.recoveries().stream().map(r -> new RecoveryReport()
                        .externalId(r.externalId()).recoveredOn(r.recoveredOn()).grossAmount(r.grossAmount())
                        .disposalCosts(r.disposalCosts()).source(RecoverySource.fromValue(r.source()))).toList());
    }

    static Loan summary(LoanRecord l) {
        return new Loan()
                .loanId(l.id())
                .externalId(l.externalId())
                .applicationId(l.applicationId())
                .enterpriseId(l.enterpriseId())
                .enterpriseName(l.enterpriseName())
                .productId(l.productId())
                .contractNo(l.contractNo())
                .signedOn(l.contractSignedOn())
                .principal(l.principal())
                .annualRate(l.annualRate())
                .maturityDate(l.maturityDate())
                .ipShare(l.ipShare())
                .otherFiscalSubsidy(l.otherFiscalSubsidy())
                .status(cn.ipf.api.model.LoanStatus.fromValue(l.status().name()))
                .disbursedOn(l.disbursedOn())
                .disbursedAmount(l.disbursedAmount())
                .repaidPrincipal(l.repaid())
                .outstandingPrincipal(l.facts().outstanding())
                .overdueSince(l.overdueSince())
                .defaultedOn(l.defaultedOn())
                .defaultOutstandingPrincipal(l.defaultOutstanding())
                .defaultExternalId(l.defaultExternalId())
                .closedOn(l.closedOn())
                .closureExternalId(l.closureExternalId())
                .renewalOf(l.renewalOf())
                .renewedBy(l.renewedBy());
    }

    private static OfferedAsset asset(ApplicationMapper.AssetRow a) {
        return new OfferedAsset()
                .kind(PledgeableAssetKind.fromValue(a.kind()))
                .id(a.id())
                .number(a.number())
                .title(a.title())
                .patentType(a.patentType())
                .appraisedValue(a.appraisedValue());
    }
}
