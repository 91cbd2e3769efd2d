package cn.ipf.app.compensation;

import cn.ipf.app.audit.AuditTrail;
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
 * 代偿兑付 compensation payouts as payment batch lines: a PAYABLE claim's FUND layers' total, paid to the bank's
 * settlement account; a PAID line posts the payout journal ({@link CompensationSettlement#pay}), a FAILED one keeps the
 * reason until the admin changes the bank's settlement account or the reason allows re-issuing as sent.
 */
@Component
class CompensationPayees implements PayoutSource {

    private final CompensationClaimMapper claims;
    private final CompensationMapper programmes;
    private final CompensationSettlement settlement;
    private final AuditTrail audit;
    private final Clock clock;

    CompensationPayees(CompensationClaimMapper claims, CompensationMapper programmes,
            CompensationSettlement settlement, AuditTrail audit, Clock clock) {
        this.claims = claims;
        this.programmes = programmes;
        this.settlement = settlement;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public PayoutType type() {
        return PayoutType.COMPENSATION;
    }

    @Override
    public String programmeName(long programmeId) {
        CompensationMapper.ProgrammeRow programme = programmes.programme(programmeId);
        return programme == null ? null : programme.name();
    }

    @Override
    public String programmeRegion(long programmeId) {
        CompensationMapper.ProgrammeRow programme = programmes.programme(programmeId);
        return programme == null ? null : programme.regionCode();
    }

    @Override
    public List<Long> payable(long programmeId) {
        return claims.payable(programmeId);
    }

    @Override
    public PayoutCandidate lock(long claimId, long programmeId) {
        claims.lockClaim(claimId);
        PayeeRow p = claims.payee(claimId);
        if (p == null || p.programmeId() != programmeId) {
            return PayoutCandidate.refused(claimId, Refusal.NOT_FOUND, null);
        }
        if (p.openBatchId() != null) {
            return PayoutCandidate.refused(claimId, Refusal.IN_OPEN_BATCH, p.openBatchId());
        }
        if (!p.sendable()) {
            return PayoutCandidate.refused(claimId, Refusal.NOT_PAYABLE, null);
        }
        String purpose = "知识产权质押融资风险补偿 " + p.externalId() + " 贷款 " + p.loanRef() + " "
                + type().reference(claimId);
        return new PayoutCandidate(claimId, "COMPENSATION", p.accountName(), p.accountNo(), p.accountBank(),
                p.fundTotal(), purpose, null, null);
    }

    @Override
    public void paid(long claimId, String bankReference, LocalDate valueDate, long by) {
        settlement.pay(claimId, bankReference, valueDate, by);
    }

    @Override
    public void failed(long claimId, String reason, boolean retryAllowed, LocalDate on) {
        claims.markPaymentFailed(claimId, reason, retryAllowed, on, clock.instant());
        audit.record("COMPENSATION_CLAIM_PAYMENT_FAILED", "COMPENSATION_CLAIM", claimId, Map.of("reason", reason,
                "retryAllowed", retryAllowed));
    }
}
