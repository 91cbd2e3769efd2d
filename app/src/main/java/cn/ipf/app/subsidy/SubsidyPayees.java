package cn.ipf.app.subsidy;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.notification.Notifications;
import cn.ipf.app.shared.payment.PayoutCandidate;
import cn.ipf.app.shared.payment.PayoutCandidate.Refusal;
import cn.ipf.app.shared.payment.PayoutSource;
import cn.ipf.app.shared.payment.PayoutType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Interest and fee subsidy claims as payment batch lines: the SME's declared (or corrected and re-reviewed) account is
 * the payee; a PAID line pays the claim through {@link SubsidyClaims#pay}, as a typed voucher does.
 */
@Component
class SubsidyPayees implements PayoutSource {

    private static final Map<String, String> PURPOSE = Map.of("INTEREST", "知识产权质押贷款贴息", "EVALUATION_FEE",
            "知识产权评估费补贴", "INSURANCE_PREMIUM", "知识产权质押保险费补贴");

    private final ClaimMapper claims;
    private final PaymentBatchMapper batches;
    private final SubsidyClaims payments;
    private final Programmes programmes;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final Clock clock;

    SubsidyPayees(ClaimMapper claims, PaymentBatchMapper batches, SubsidyClaims payments,
            Programmes programmes, AuditTrail audit, Notifications notifications, Clock clock) {
        this.programmes = programmes;
        this.claims = claims;
        this.batches = batches;
        this.payments = payments;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public PayoutType type() {
        return PayoutType.SUBSIDY;
    }

    @Override
    public String programmeName(long programmeId) {
        ProgrammeMapper.ProgrammeRow programme = programmes.find(programmeId);
        return programme == null ? null : programme.name();
    }

    @Override
    public String programmeRegion(long programmeId) {
        ProgrammeMapper.ProgrammeRow programme = programmes.find(programmeId);
        return programme == null ? null : programme.regionCode();
    }

    @Override
    public List<Long> payable(long programmeId) {
        return batches.payableClaims(programmeId);
    }

    @Override
    public PayoutCandidate lock(long claimId, long programmeId) {
        claims.lockClaim(claimId);
        ClaimMapper.ClaimRow c = claims.claim(claimId);
        if (c == null || c.programmeId() != programmeId) {
            return PayoutCandidate.refused(claimId, Refusal.NOT_FOUND, null);
        }
        if (c.paymentBatchId() != null) {
            return PayoutCandidate.refused(claimId, Refusal.IN_OPEN_BATCH, c.paymentBatchId());
        }
        if (!c.payable()) {
            return PayoutCandidate.refused(claimId, Refusal.NOT_PAYABLE, null);
        }
        String purpose = PURPOSE.get(c.kind()) + (c.period() == null ? "" : " " + c.period()) + " "
                + type().reference(claimId);
        return new PayoutCandidate(claimId, c.kind(), c.accountName(), c.accountNo(), c.accountBank(),
                c.totalAmount(), purpose, null, null);
    }

    @Override
    public void paid(long claimId, String bankReference, LocalDate valueDate, long by) {
        payments.pay(claims.claim(claimId), bankReference, valueDate, by);
    }

    @Override
    public void failed(long claimId, String reason, boolean retryAllowed, LocalDate on) {
        batches.markFailed(claimId, reason, retryAllowed, on, clock.instant());
        audit.record("SUBSIDY_CLAIM_PAYMENT_FAILED", "SUBSIDY_CLAIM", claimId, Map.of("reason", reason,
                "retryAllowed", retryAllowed));
        notifications.subsidyPaymentFailed(claims.claim(claimId).enterpriseId(), claimId, reason);
    }
}
