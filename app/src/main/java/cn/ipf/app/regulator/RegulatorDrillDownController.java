package cn.ipf.app.regulator;

import cn.ipf.api.model.DrillAdmission;
import cn.ipf.api.model.DrillDefault;
import cn.ipf.api.model.DrillInterestPayment;
import cn.ipf.api.model.DrillLoan;
import cn.ipf.api.model.DrillParameters;
import cn.ipf.api.model.DrillPledge;
import cn.ipf.api.model.PayoutDrillDown;
import cn.ipf.api.model.PayoutKind;
import cn.ipf.api.server.RegulatorDrillDownApi;
import cn.ipf.app.audit.AuditViews;
import cn.ipf.app.compensation.CompensationViews;
import cn.ipf.app.disposal.DisposalViews;
import java.time.ZoneOffset;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Regulators' drill-down from a subsidy or compensation payout line to everything it rests on. */
@RestController
class RegulatorDrillDownController implements RegulatorDrillDownApi {

    private final DrillDowns drillDowns;

    RegulatorDrillDownController(DrillDowns drillDowns) {
        this.drillDowns = drillDowns;
    }

    @Override
    public ResponseEntity<PayoutDrillDown> drillDownSubsidyLine(Long claimId, Integer lineNo) {
        return ResponseEntity.ok(view(drillDowns.chain(DrillDowns.Kind.SUBSIDY, claimId, lineNo)));
    }

    @Override
    public ResponseEntity<PayoutDrillDown> drillDownCompensationLine(Long claimId, Integer lineNo) {
        return ResponseEntity.ok(view(drillDowns.chain(DrillDowns.Kind.COMPENSATION, claimId, lineNo)));
    }

    private static PayoutDrillDown view(DrillDowns.Chain c) {
        DrillDownMapper.Loan l = c.loan();
        PayoutDrillDown out = new PayoutDrillDown()
                .kind(PayoutKind.fromValue(c.kind().name()))
                .claimId(c.line().claimId()).lineNo(c.line().lineNo()).amount(c.line().amount())
                .detail(c.line().detail())
                .loan(new DrillLoan().loanId(l.loanId()).bankId(l.bankId()).bankName(l.bankName())
                        .externalId(l.externalId()).contractNo(l.contractNo()).contractSignedOn(l.contractSignedOn())
                        .principal(l.principal()).annualRate(l.annualRate()).ipShare(l.ipShare())
                        .disbursedOn(l.disbursedOn()).disbursedAmount(l.disbursedAmount()).status(l.status())
                        .applicationId(l.applicationId()).enterpriseId(l.enterpriseId())
                        .enterpriseName(l.enterpriseName()))
                .pledgeRegistrations(c.pledges().stream().map(p -> new DrillPledge()
                        .registrationId(p.registration().registrationId())
                        .registrationNo(p.registration().registrationNo())
                        .registeredOn(p.registration().registeredOn())
                        .securedAmount(p.registration().securedAmount())
                        .cancelledOn(p.registration().cancelledOn())
                        .patentIds(p.patentIds()).trademarkIds(p.trademarkIds())).toList())
                .parameterVersion(new DrillParameters().programmeId(c.version().programmeId())
                        .version(c.version().version()).effectiveFrom(c.version().effectiveFrom())
                        .parameters(c.line().parameters()))
                .auditEvents(c.events().stream().map(AuditViews::event).toList());
        if (c.kind() == DrillDowns.Kind.COMPENSATION) {
            out.disposalCases(c.disposals().stream().map(DisposalViews::disposalCase).toList())
                    .recoveryReturns(c.returns().stream().map(CompensationViews::recoveryReturn).toList());
        }
        if (c.payment() != null) {
            DrillDownMapper.Payment p = c.payment();
            out.interestPayment(new DrillInterestPayment().paymentId(p.paymentId()).externalId(p.externalId())
                    .sequenceNo(p.sequenceNo()).accrualStart(p.accrualStart()).accrualEnd(p.accrualEnd())
                    .principalBalance(p.principalBalance()).interestAmount(p.interestAmount())
                    .dueDate(p.dueDate()).paidDate(p.paidDate()));
        }
        if (c.kind() == DrillDowns.Kind.COMPENSATION && l.defaultedOn() != null) {
            out.defaultRecord(new DrillDefault().externalId(l.defaultExternalId()).defaultedOn(l.defaultedOn())
                    .outstandingPrincipal(l.defaultOutstanding()).overdueSince(l.overdueSince()));
        }
        if (c.admission() != null) {
            DrillDownMapper.Decision d = c.admission();
            out.admissionDecision(new DrillAdmission().decisionId(d.decisionId()).action(d.action())
                    .fromStatus(d.fromStatus()).toStatus(d.toStatus()).decidedAt(d.decidedAt()
                            .atOffset(ZoneOffset.UTC)).ruleSetVersion(d.ruleSetVersion()).score(d.score())
                    .screening(d.screening()));
        }
        return out;
    }
}
