package cn.ipf.app.loan;

import cn.ipf.api.model.ApplicationEscalation;
import cn.ipf.api.model.ApplicationStatus;
import cn.ipf.api.model.BankScorecard;
import cn.ipf.api.model.ReasonCount;
import cn.ipf.api.model.RejectionReason;
import cn.ipf.app.loan.policy.Scorecard;
import cn.ipf.app.shared.web.ApiTime;

/** Scorecards and escalations as the API shows them. */
public final class ScorecardViews {

    private ScorecardViews() {
    }

    public static BankScorecard view(BankScorecards.Card c) {
        Scorecard f = c.figures();
        return new BankScorecard().bankId(c.bankId()).bankName(c.bankName()).month(c.month().toString())
                .received(c.received()).decisions(f.decisions()).approvals(f.approvals())
                .rejections(f.rejections()).medianResponseWorkingDays(f.medianWorkingDays())
                .p90ResponseWorkingDays(f.p90WorkingDays()).onTimeShare(f.onTimeShare())
                .approvalRate(f.approvalRate())
                .rejectReasons(f.rejectReasons().entrySet().stream().map(e -> new ReasonCount()
                        .reasonCode(RejectionReason.fromValue(e.getKey())).count(e.getValue())).toList())
                .amountGranted(f.amountGranted()).overdueUndecided(c.overdueUndecided());
    }

    static ApplicationEscalation escalation(EscalationRow r) {
        return new ApplicationEscalation().applicationId(r.applicationId()).enterpriseId(r.enterpriseId())
                .enterpriseName(r.enterpriseName()).districtCode(r.districtCode()).bankId(r.bankId())
                .bankName(r.bankName()).productCode(r.productCode())
                .status(ApplicationStatus.fromValue(r.status().name())).submittedAt(ApiTime.utc(r.submittedAt()))
                .respondBy(r.respondBy()).escalatedAt(ApiTime.utc(r.escalatedAt()))
                .decidedAt(ApiTime.utc(r.decidedAt()));
    }
}
