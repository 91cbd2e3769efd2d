package cn.ipf.app.subsidy;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.access.Caller;
import cn.ipf.app.notification.Notifications;
import cn.ipf.app.security.Actor;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.shared.web.Pages;
import cn.ipf.app.subsidy.policy.ClaimStatus;
import cn.ipf.app.subsidy.policy.InterestSubsidyRules;
import cn.ipf.app.user.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 申报 → 审核 → 兑付 subsidy claims: who sees them, and each step of their review. The SME declares, the district
 * and then a different city reviewer approve within the programme's budget, the treasury's payment is recorded (typed
 * by a reviewer or from a payment batch's result file, see {@link PaymentBatches});
 * reviewers reject with a reason (the lines leave the cap and their payments go back to later runs); a computed
 * claim not declared by its deadline expires (its lines leave the cap; its payments stay forfeited).
 */
@Service
public class SubsidyClaims {

    /** A claim with its lines (interest) or evidence (fees), and the run's parameters for the gate trace. */
    record ClaimDetail(ClaimMapper.ClaimRow claim, List<ClaimMapper.LineRow> lines, InterestSubsidyRules rules,
            ClaimMapper.EvidenceRow evidence) {
    }

    record Listing(List<ClaimMapper.ClaimRow> items, Pages.Request page, long total) {
    }

    /** The receiving account an SME declares. */
    record Account(String name, String bank, String number) {
    }

    private final ClaimMapper claims;
    private final PaymentBatchMapper batches;
    private final Programmes programmes;
    private final SubsidyRuns runs;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final BusinessCalendar calendar;
    private final TransactionTemplate tx;
    private final Clock clock;

    SubsidyClaims(ClaimMapper claims, PaymentBatchMapper batches, Programmes programmes, SubsidyRuns runs,
            AccessPolicy access, AuditTrail audit, Notifications notifications,
            BusinessCalendar calendar, TransactionTemplate tx,
            Clock clock) {
        this.claims = claims;
        this.batches = batches;
        this.programmes = programmes;
        this.runs = runs;
        this.access = access;
        this.audit = audit;
        this.notifications = notifications;
        this.calendar = calendar;
        this.tx = tx;
        this.clock = clock;
    }

    Listing list(Long programmeId, Long runId, Long enterpriseId, ClaimStatus status, String kind,
            Pages.Request page) {
        Caller caller = reader();
        ClaimMapper.ClaimQuery query = new ClaimMapper.ClaimQuery(programmeId, runId, enterpriseId,
                status == null ? null : status.name(), kind, access.visibleEnterprise(caller),
                access.visibleDistrict(caller), null, page.offset(), page.size());
        return new Listing(claims.claims(query), page, claims.countClaims(query));
    }

    /**
     * 工作台 a reviewer's queues over the claims they see: 待审核 (waiting for their level), 已退回 (rejected),
     * 待兑付 (city-approved, not yet paid), 即将超期 (computed, to be declared within {@code dueWithinDays}), and the
     * first claims waiting for them.
     */
    record WorkQueue(ClaimStatus pending, long pendingCount, long returned, long awaitingPayment, long dueSoon,
            List<ClaimMapper.ClaimRow> pendingClaims) {
    }

    WorkQueue workQueue(int dueWithinDays, Pages.Request page) {
        Caller caller = reader();
        ClaimStatus pending = access.may(caller, Permission.APPROVE_SUBSIDY_CLAIM_FOR_CITY)
                ? ClaimStatus.DISTRICT_APPROVED : ClaimStatus.DECLARED;
        ClaimMapper.ClaimQuery waiting = query(caller, pending, null, page);
        return new WorkQueue(pending, claims.countClaims(waiting),
                claims.countClaims(query(caller, ClaimStatus.REJECTED, null, page)),
                claims.countClaims(query(caller, ClaimStatus.CITY_APPROVED, null, page)),
                claims.countClaims(query(caller, ClaimStatus.COMPUTED, calendar.today().plusDays(dueWithinDays),
                        page)), claims.claims(waiting));
    }

    private ClaimMapper.ClaimQuery query(Caller caller, ClaimStatus status, LocalDate declareByUntil,
            Pages.Request page) {
        return new ClaimMapper.ClaimQuery(null, null, null, status.name(), null, access.visibleEnterprise(caller),
                access.visibleDistrict(caller), declareByUntil, page.offset(), page.size());
    }

    ClaimDetail detail(long claimId) {
        return detail(visible(reader(), claimId));
    }

    @Transactional
    ClaimDetail declare(long claimId, Account account, boolean noDoubleSubsidy) {
        Caller caller = reader();
        ClaimMapper.ClaimRow claim = locked(caller, claimId);
        access.require(caller, Permission.ACT_FOR_ENTERPRISE);
        ClaimStatus next = next(claim, ClaimStatus.Step.DECLARE);
        if (!noDoubleSubsidy) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, List.of(new FieldViolation("noDoubleSubsidy",
                    "the enterprise must declare that the loans receive no other fiscal interest subsidy")));
        }
        if (claim.totalAmount().signum() == 0) {
            throw new ApiException(ErrorCode.NOTHING_TO_CLAIM);
        }
        if (claim.declareBy() != null && calendar.today().isAfter(claim.declareBy())) {
            throw new ApiException(ErrorCode.DECLARATION_DEADLINE_PASSED, claim.declareBy());
        }
        claims.declare(claimId, account.name(), account.bank(), account.number(), caller.userId(), clock.instant());
        audit.record("SUBSIDY_CLAIM_DECLARED", "SUBSIDY_CLAIM", claimId, Map.of("status", next.name(),
                "accountBank", account.bank(), "accountNo", account.number(), "noDoubleSubsidy", true));
        notifications.subsidyClaimDeclared(claim.enterpriseId(), claimId, claim.totalAmount());
        return detail(claims.claim(claimId));
    }

    @Transactional
    ClaimDetail approveForDistrict(long claimId) {
        Caller caller = reader();
        ClaimMapper.ClaimRow claim = visible(caller, claimId);
        access.require(caller, Permission.APPROVE_SUBSIDY_CLAIM_FOR_DISTRICT);
        programmes.lock(claim.programmeId());
        claim = locked(caller, claimId);
        ClaimStatus next = next(claim, ClaimStatus.Step.DISTRICT_APPROVE);
        withinBudget(claim, claim.totalAmount());
        claims.approveForDistrict(claimId, caller.userId(), clock.instant());
        audit.record("SUBSIDY_CLAIM_DISTRICT_APPROVED", "SUBSIDY_CLAIM", claimId, Map.of("status", next.name(),
                "amount", claim.totalAmount().toPlainString()));
        notifications.subsidyClaimDistrictApproved(claim.enterpriseId(), claimId, claim.totalAmount());
        return detail(claims.claim(claimId));
    }

    @Transactional
    ClaimDetail approveForCity(long claimId) {
        Caller caller = reader();
        ClaimMapper.ClaimRow claim = visible(caller, claimId);
        access.require(caller, Permission.APPROVE_SUBSIDY_CLAIM_FOR_CITY);
        programmes.lock(claim.programmeId());
        claim = locked(caller, claimId);
        ClaimStatus next = next(claim, ClaimStatus.Step.CITY_APPROVE);
        if (Long.valueOf(caller.userId()).equals(claim.districtApprovedBy())) {
            throw new ApiException(ErrorCode.MAKER_CHECKER);
        }
        // already counted since the district approval: only a budget lowered since then can refuse it
        withinBudget(claim, BigDecimal.ZERO);
        claims.approveForCity(claimId, caller.userId(), clock.instant());
        audit.record("SUBSIDY_CLAIM_CITY_APPROVED", "SUBSIDY_CLAIM", claimId, Map.of("status", next.name(),
                "amount", claim.totalAmount().toPlainString()));
        notifications.subsidyClaimApproved(claim.enterpriseId(), claimId, claim.totalAmount());
        return detail(claims.claim(claimId));
    }

    @Transactional
    ClaimDetail reject(long claimId, String reason) {
        Caller caller = reader();
        ClaimMapper.ClaimRow claim = locked(caller, claimId);
        access.require(caller, Permission.REJECT_SUBSIDY_CLAIM);
        ClaimStatus current = ClaimStatus.valueOf(claim.status());
        if (caller.is(Role.DISTRICT_REVIEWER) && current == ClaimStatus.DISTRICT_APPROVED) {
            // once the district has approved, only the city decides
            throw new ApiException(ErrorCode.FORBIDDEN);
        }
        ClaimStatus next = next(claim, ClaimStatus.Step.REJECT);
        claims.reject(claimId, reason, caller.userId(), clock.instant());
        release(claim, true);
        audit.record("SUBSIDY_CLAIM_REJECTED", "SUBSIDY_CLAIM", claimId, Map.of("status", next.name(),
                "from", current.name(), "reason", reason));
        notifications.subsidyClaimReturned(claim.enterpriseId(), claimId, reason);
        return detail(claims.claim(claimId));
    }

    @Transactional
    ClaimDetail recordPayment(long claimId, String voucherNo, LocalDate paidOn) {
        Caller caller = reader();
        ClaimMapper.ClaimRow claim = locked(caller, claimId);
        access.require(caller, Permission.RECORD_SUBSIDY_PAYMENT);
        if (claim.paymentBatchId() != null) {
            // the agent bank may be paying it now: the batch's result file decides
            throw new ApiException(ErrorCode.CLAIM_IN_OPEN_BATCH, "SC" + claimId,
                    PaymentBatches.reference(claim.paymentBatchId()));
        }
        pay(claim, voucherNo, paidOn, caller.userId());
        return detail(claims.claim(claimId));
    }

    /**
     * 兑付 the one payment path, for a voucher typed by a reviewer and for a batch's PAID line (the bank's reference
     * is then the voucher no.); the caller holds the claim's lock.
     */
    void pay(ClaimMapper.ClaimRow claim, String voucherNo, LocalDate paidOn, long by) {
        ClaimStatus next = next(claim, ClaimStatus.Step.PAY);
        LocalDate approvedOn = calendar.dateOf(claim.cityApprovedAt());
        if (paidOn.isAfter(calendar.today()) || paidOn.isBefore(approvedOn)) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, List.of(new FieldViolation("paidOn",
                    "must be between the city approval (" + approvedOn + ") and today")));
        }
        claims.pay(claim.id(), voucherNo, paidOn, by, clock.instant());
        audit.record("SUBSIDY_CLAIM_PAID", "SUBSIDY_CLAIM", claim.id(), Map.of("status", next.name(), "voucherNo",
                voucherNo, "paidOn", paidOn.toString(), "amount", claim.totalAmount().toPlainString()));
        notifications.subsidyClaimPaid(claim.enterpriseId(), claim.id(), claim.totalAmount(), paidOn, voucherNo);
    }

    /**
     * The SME corrects the receiving account after the bank returned the transfer as failed; the failure stays shown
     * and the claim is not paid again until its district reviewer accepts the new account ({@link #approveAccount}).
     */
    @Transactional
    ClaimDetail correctAccount(long claimId, Account account) {
        Caller caller = reader();
        ClaimMapper.ClaimRow claim = locked(caller, claimId);
        access.require(caller, Permission.ACT_FOR_ENTERPRISE);
        if (claim.paymentFailureReason() == null || claim.paymentBatchId() != null
                || ClaimStatus.valueOf(claim.status()) != ClaimStatus.CITY_APPROVED) {
            throw new ApiException(ErrorCode.ACCOUNT_CORRECTION_NOT_ALLOWED, "SC" + claimId)
                    .with("currentState", claim.status());
        }
        batches.correctAccount(claimId, account.name(), account.bank(), account.number(), clock.instant());
        audit.record("SUBSIDY_CLAIM_ACCOUNT_CORRECTED", "SUBSIDY_CLAIM", claimId, Map.of("accountBank",
                account.bank(), "accountNo", account.number(), "failureReason", claim.paymentFailureReason()));
        return detail(claims.claim(claimId));
    }

    /**
     * The district reviewer accepts the SME's corrected account (a payee account is money's destination, so a change
     * is reviewed as the declaration was): the failure is cleared and the next payment batch takes the claim.
     */
    @Transactional
    ClaimDetail approveAccount(long claimId) {
        Caller caller = reader();
        access.require(caller, Permission.APPROVE_SUBSIDY_CLAIM_FOR_DISTRICT);
        ClaimMapper.ClaimRow claim = locked(caller, claimId);
        if (!claim.accountReviewPending()) {
            throw new ApiException(ErrorCode.ACCOUNT_REVIEW_NOT_PENDING, "SC" + claimId)
                    .with("currentState", claim.status());
        }
        batches.approveAccount(claimId, caller.userId(), clock.instant());
        audit.record("SUBSIDY_CLAIM_ACCOUNT_APPROVED", "SUBSIDY_CLAIM", claimId, Map.of("accountBank",
                claim.accountBank(), "accountNo", claim.accountNo()));
        return detail(claims.claim(claimId));
    }

    /**
     * Expires the computed claims whose declaration deadline is before {@code today}, in batches of one transaction
     * each; answers how many expired. Run daily by {@link SubsidySchedules}.
     */
    public int expireOverdue(LocalDate today) {
        int expired = 0;
        List<Long> batch;
        do {
            List<Long> ids = claims.overdue(today, 200);
            batch = ids;
            expired += tx.execute(s -> expireBatch(ids, today));
        } while (batch.size() == 200);
        return expired;
    }

    private int expireBatch(List<Long> ids, LocalDate today) {
        int expired = 0;
        for (long id : ids) {
            claims.lockClaim(id);
            ClaimMapper.ClaimRow claim = claims.claim(id);
            if (ClaimStatus.valueOf(claim.status()).after(ClaimStatus.Step.EXPIRE).isEmpty()
                    || !claim.declareBy().isBefore(today)) {
                continue;
            }
            claims.expire(id, clock.instant());
            release(claim, false);
            audit.recordAs(Actor.SYSTEM, "SUBSIDY_CLAIM_EXPIRED", "SUBSIDY_CLAIM", id, Map.of("declareBy",
                    claim.declareBy().toString(), "amount", claim.totalAmount().toPlainString()));
            expired++;
        }
        return expired;
    }

    /** Rejected and expired claims leave the cap; rejected ones also give their payments back to later runs. */
    private void release(ClaimMapper.ClaimRow claim, boolean payments) {
        if (claim.runId() != null) {
            claims.releaseLines(claim.runId(), claim.enterpriseId(), payments);
        } else {
            claims.releaseEvidence(claim.id());
        }
    }

    private void withinBudget(ClaimMapper.ClaimRow claim, BigDecimal adding) {
        ProgrammeMapper.ProgrammeRow programme = programmes.find(claim.programmeId());
        BigDecimal remaining = programme.budget().subtract(programme.committed());
        if (adding.compareTo(remaining) > 0 || remaining.signum() < 0) {
            throw new ApiException(ErrorCode.BUDGET_EXCEEDED, claim.totalAmount().toPlainString(),
                    remaining.max(BigDecimal.ZERO).toPlainString()).with("remaining", remaining);
        }
    }

    private static ClaimStatus next(ClaimMapper.ClaimRow claim, ClaimStatus.Step step) {
        ClaimStatus current = ClaimStatus.valueOf(claim.status());
        return current.after(step).orElseThrow(() -> ApiException.illegalTransition(current, step));
    }

    private ClaimDetail detail(ClaimMapper.ClaimRow claim) {
        if (claim.runId() == null) {
            return new ClaimDetail(claim, List.of(), null, claims.evidence(claim.id()));
        }
        return new ClaimDetail(claim, claims.lines(claim.runId(), claim.enterpriseId()),
                runs.rulesOf(runs.run(claim.runId())), null);
    }

    /** People who may see claims at all: everyone but bank officers. */
    private Caller reader() {
        Caller caller = access.caller();
        access.require(caller, Permission.READ_SUBSIDY_CLAIMS);
        return caller;
    }

    /** The claim if the caller may see it: its SME, its district's reviewer, city reviewers, regulators, admins. */
    private ClaimMapper.ClaimRow visible(Caller caller, long claimId) {
        ClaimMapper.ClaimRow claim = claims.claim(claimId);
        if (claim == null || !access.sees(caller, claim.enterpriseId(), claim.districtCode())) {
            throw new ApiException(ErrorCode.CLAIM_NOT_FOUND, claimId);
        }
        return claim;
    }

    /** Locks the claim, then reads it again: what committed before the lock is what the step decides on. */
    private ClaimMapper.ClaimRow locked(Caller caller, long claimId) {
        visible(caller, claimId);
        claims.lockClaim(claimId);
        return claims.claim(claimId);
    }
}
