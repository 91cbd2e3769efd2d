package cn.ipf.app.compensation;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.compensation.CompensationClaimMapper.ClaimQuery;
import cn.ipf.app.compensation.CompensationClaimMapper.ClaimRow;
import cn.ipf.app.compensation.CompensationClaimMapper.EvidenceRow;
import cn.ipf.app.compensation.CompensationClaimMapper.LoanFacts;
import cn.ipf.app.compensation.CompensationClaimMapper.PayoutLineRow;
import cn.ipf.app.compensation.policy.ClaimGates;
import cn.ipf.app.compensation.policy.ClaimStatus;
import cn.ipf.app.compensation.policy.CompensationCalculator;
import cn.ipf.app.access.Caller;
import cn.ipf.app.notification.Notifications;
import cn.ipf.app.notification.policy.NotificationEvent;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.shared.web.Pages;
import cn.ipf.app.user.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * 索赔 compensation claims: banks file them on their defaulted loans (gates checked on the filing day under the rule
 * version then in force, nothing written when any fails); the borrower's district reviewer (or a city reviewer) and
 * then a different city reviewer approve, or a reviewer rejects before the city approval. Release for payment is the
 * {@link CompensationSettlement}'s, payment a payment batch's ({@link CompensationPayees}). A bank sees only its own claims; district reviewers their district's.
 */
@Service
public class CompensationClaims {

    /** A claim with everything shown about it; payout lines are a preview (nothing written) until it is payable. */
    record Detail(ClaimRow claim, List<ClaimGates.Outcome> gates, List<EvidenceRow> evidence, boolean payoutFinal,
            List<PayoutLineRow> payout, List<RecoveryReturned> returns) {
    }

    record Listing(List<Detail> items, Pages.Request page, long total) {
    }

    record Filed(Detail claim, boolean created) {
    }

    private final CompensationClaimMapper claims;
    private final CompensationProgrammes programmes;
    private final CompensationSettlement settlement;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final BusinessCalendar calendar;
    private final JsonMapper json;
    private final ZoneId zone;
    private final Clock clock;

    CompensationClaims(CompensationClaimMapper claims, CompensationProgrammes programmes,
            CompensationSettlement settlement, AccessPolicy access, AuditTrail audit, Notifications notifications,
            BusinessCalendar calendar,
            JsonMapper json, ZoneId zone, Clock clock) {
        this.claims = claims;
        this.programmes = programmes;
        this.settlement = settlement;
        this.access = access;
        this.audit = audit;
        this.notifications = notifications;
        this.calendar = calendar;
        this.json = json;
        this.zone = zone;
        this.clock = clock;
    }

    // ---- banks

    /** Files a claim; {@code evidence} is numbered from 1 in the order the bank gave it. */
    @Transactional
    Filed file(long bankId, String externalId, long programmeId, String loanRef, List<EvidenceRow> evidence) {
        CompensationMapper.ProgrammeRow programme = programmes.row(programmeId);
        Long loanId = claims.lockLoanByRef(bankId, loanRef);
        if (loanId == null) {
            throw new ApiException(ErrorCode.LOAN_NOT_FOUND, loanRef);
        }
        ClaimRow existing = claims.byExternalId(bankId, externalId);
        if (existing != null) {
            if (existing.loanId() == loanId && existing.programmeId() == programmeId
                    && claims.evidence(existing.id()).equals(evidence)) {
                return new Filed(detail(existing), false);
            }
            throw new ApiException(ErrorCode.EXTERNAL_ID_CONFLICT, externalId);
        }
        LocalDate today = calendar.today();
        CompensationProgrammes.Version version = programmes.inForce(programmeId, today);
        LoanFacts f = claims.loanFacts(loanId, programmeId, programme.regionCode(),
                zone.getRules().getOffset(clock.instant()).getTotalSeconds());
        List<ClaimGates.Outcome> gates = ClaimGates.evaluate(new ClaimGates.Facts(f.disbursedOn(), f.defaultedOn(),
                f.inRegion(), f.admitted(), f.firstPledgeOn(), f.overdueSince(), f.agreementActive(),
                f.otherClaimStanding()), version.rules(), today);
        List<String> failed = gates.stream().filter(g -> !g.passed()).map(g -> g.gate().name()).toList();
        if (!failed.isEmpty()) {
            throw new ApiException(ErrorCode.COMPENSATION_GATE_FAILED, String.join(", ", failed))
                    .with("gates", gates.stream().map(g -> Map.of("gate", g.gate().name(), "passed", g.passed(),
                            "detail", g.detail())).toList());
        }
        GeneratedId key = new GeneratedId();
        ClaimRow row = new ClaimRow(0, programmeId, bankId, loanId, loanRef, f.enterpriseId(), null, null, externalId,
                ClaimStatus.FILED.name(), version.id(), version.version(), today, f.defaultOutstanding(),
                f.ipShare(), CompensationCalculator.lossBase(f.defaultOutstanding(), f.ipShare()),
                json.writeValueAsString(gates), null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
        claims.insertClaim(row, clock.instant(), key);
        claims.insertEvidence(key.getId(), evidence);
        audit.record("COMPENSATION_CLAIM_FILED", "COMPENSATION_CLAIM", key.getId(), Map.of("externalId", externalId,
                "programmeId", programmeId, "loanRef", loanRef, "lossBase", row.lossBase().toPlainString(),
                "rulesVersion", version.version()));
        notifications.compensationClaimFiled(f.enterpriseId(), key.getId(), externalId, loanRef);
        return new Filed(detail(claims.claim(key.getId())), true);
    }

    @Transactional(readOnly = true)
    Listing ofBank(long bankId, ClaimStatus status, Pages.Request page) {
        return listing(new ClaimQuery(null, bankId, status == null ? null : status.name(), null, page.offset(),
                page.size()), page);
    }

    /** What the bank's console offers to claim on: its defaulted loans with no standing claim (at most 200). */
    @Transactional(readOnly = true)
    List<CompensationClaimMapper.ClaimableLoanRow> claimableLoans(long bankId) {
        return claims.claimableLoans(bankId, 200);
    }

    @Transactional(readOnly = true)
    Detail ofBank(long bankId, long claimId) {
        ClaimRow claim = claims.claim(claimId);
        if (claim == null || claim.bankId() != bankId) {
            throw new ApiException(ErrorCode.COMPENSATION_CLAIM_NOT_FOUND, claimId);
        }
        return detail(claim);
    }

    // ---- reviewers, regulators, admins

    @Transactional(readOnly = true)
    Listing list(Long programmeId, Long bankId, ClaimStatus status, Pages.Request page) {
        Caller caller = reader();
        return listing(new ClaimQuery(programmeId, bankId, status == null ? null : status.name(),
                access.visibleDistrict(caller), page.offset(), page.size()), page);
    }

    @Transactional(readOnly = true)
    Detail get(long claimId) {
        return detail(visible(reader(), claimId));
    }

    /** The recoveries returned to the claim's layers, each with its lines, for a payout line's drill-down. */
    @Transactional(readOnly = true)
    public List<RecoveryReturned> recoveryReturns(long claimId) {
        return returns(visible(reader(), claimId).id());
    }

    @Transactional
    Detail approveForDistrict(long claimId) {
        Caller caller = reader();
        access.require(caller, Permission.APPROVE_COMPENSATION_CLAIM_FOR_DISTRICT);
        ClaimRow claim = locked(caller, claimId);
        ClaimStatus next = next(claim, ClaimStatus.Step.DISTRICT_APPROVE);
        claims.approveForDistrict(claimId, caller.userId(), clock.instant());
        audit.record("COMPENSATION_CLAIM_DISTRICT_APPROVED", "COMPENSATION_CLAIM", claimId, Map.of("status",
                next.name()));
        notifications.compensationClaimDistrictApproved(claim.bankId(), claimId, claim.externalId());
        return detail(claims.claim(claimId));
    }

    @Transactional
    Detail approveForCity(long claimId) {
        Caller caller = reader();
        access.require(caller, Permission.APPROVE_COMPENSATION_CLAIM_FOR_CITY);
        ClaimRow claim = locked(caller, claimId);
        ClaimStatus next = next(claim, ClaimStatus.Step.CITY_APPROVE);
        if (Long.valueOf(caller.userId()).equals(claim.districtApprovedBy())) {
            throw new ApiException(ErrorCode.MAKER_CHECKER);
        }
        claims.approveForCity(claimId, caller.userId(), clock.instant());
        audit.record("COMPENSATION_CLAIM_CITY_APPROVED", "COMPENSATION_CLAIM", claimId, Map.of("status", next.name(),
                "lossBase", claim.lossBase().toPlainString()));
        notifications.compensationClaimDecided(claim.bankId(), claimId, claim.externalId(),
                NotificationEvent.COMPENSATION_CLAIM_APPROVED, null);
        return detail(claims.claim(claimId));
    }

    @Transactional
    Detail reject(long claimId, String reason) {
        Caller caller = reader();
        access.require(caller, Permission.REJECT_COMPENSATION_CLAIM);
        ClaimRow claim = locked(caller, claimId);
        ClaimStatus current = ClaimStatus.valueOf(claim.status());
        if (caller.is(Role.DISTRICT_REVIEWER) && current == ClaimStatus.DISTRICT_APPROVED) {
            // once the district has approved, only the city decides
            throw new ApiException(ErrorCode.FORBIDDEN);
        }
        ClaimStatus next = next(claim, ClaimStatus.Step.REJECT);
        claims.reject(claimId, reason, caller.userId(), clock.instant());
        audit.record("COMPENSATION_CLAIM_REJECTED", "COMPENSATION_CLAIM", claimId, Map.of("status", next.name(),
                "from", current.name(), "reason", reason));
        notifications.compensationClaimDecided(claim.bankId(), claimId, claim.externalId(),
                NotificationEvent.COMPENSATION_CLAIM_REJECTED, reason);
        return detail(claims.claim(claimId));
    }

    // ---- shared

    private Listing listing(ClaimQuery query, Pages.Request page) {
        return new Listing(claims.claims(query).stream().map(this::summary).toList(), page,
                claims.countClaims(query));
    }

    private Detail summary(ClaimRow claim) {
        return new Detail(claim, gates(claim), List.of(), false, List.of(), List.of());
    }

    Detail detail(ClaimRow claim) {
        return new Detail(claim, gates(claim), claims.evidence(claim.id()), payoutFinal(claim), payout(claim),
                returns(claim.id()));
    }

    /** Whether the claim's payout lines are written (it is payable or paid), not a preview. */
    private static boolean payoutFinal(ClaimRow claim) {
        ClaimStatus status = ClaimStatus.valueOf(claim.status());
        return status == ClaimStatus.PAYABLE || status == ClaimStatus.PAID;
    }

    /** The claim's payout lines: written once payable, until then a preview; none for a rejected claim. */
    @Transactional(readOnly = true)
    List<PayoutLineRow> payout(ClaimRow claim) {
        return payoutFinal(claim) ? claims.payoutLines(claim.id())
                : claim.status().equals(ClaimStatus.REJECTED.name()) ? List.of() : settlement.preview(claim);
    }

    private List<RecoveryReturned> returns(long claimId) {
        List<ReturnLineRow> lines = claims.returnLines(claimId);
        return claims.returns(claimId).stream().map(r -> new RecoveryReturned(r, lines.stream()
                .filter(l -> l.returnId() == r.id()).toList())).toList();
    }

    private List<ClaimGates.Outcome> gates(ClaimRow claim) {
        return json.readValue(claim.gates(), new TypeReference<List<ClaimGates.Outcome>>() { });
    }

    private static ClaimStatus next(ClaimRow claim, ClaimStatus.Step step) {
        ClaimStatus current = ClaimStatus.valueOf(claim.status());
        return current.after(step).orElseThrow(() -> ApiException.illegalTransition(current, step));
    }

    /** People who see claims: reviewers, regulators and admins (SMEs and bank officers do not). */
    private Caller reader() {
        Caller caller = access.caller();
        access.require(caller, Permission.READ_COMPENSATION_CLAIMS);
        return caller;
    }

    private ClaimRow visible(Caller caller, long claimId) {
        ClaimRow claim = claims.claim(claimId);
        if (claim == null || !access.sees(caller, claim.enterpriseId(), claim.districtCode())) {
            throw new ApiException(ErrorCode.COMPENSATION_CLAIM_NOT_FOUND, claimId);
        }
        return claim;
    }

    /** Locks the claim, then reads it again: what committed before the lock is what the step decides on. */
    private ClaimRow locked(Caller caller, long claimId) {
        visible(caller, claimId);
        claims.lockClaim(claimId);
        return claims.claim(claimId);
    }
}
