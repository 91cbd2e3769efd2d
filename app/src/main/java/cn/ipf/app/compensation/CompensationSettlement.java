package cn.ipf.app.compensation;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.compensation.CompensationClaimMapper.ClaimRow;
import cn.ipf.app.compensation.CompensationClaimMapper.PayoutLineRow;
import cn.ipf.app.compensation.CompensationClaimMapper.RecoveryRow;
import cn.ipf.app.compensation.CompensationMapper.FundRow;
import cn.ipf.app.compensation.CompensationProgrammes.AccountType;
import cn.ipf.app.compensation.Ledger.FundAccounts;
import cn.ipf.app.compensation.Ledger.Posting;
import cn.ipf.app.compensation.policy.ClaimStatus;
import cn.ipf.app.compensation.policy.CompensationCalculator;
import cn.ipf.app.compensation.policy.CompensationCalculator.Borne;
import cn.ipf.app.compensation.policy.CompensationCalculator.LayerPayout;
import cn.ipf.app.compensation.policy.CompensationCalculator.Payout;
import cn.ipf.app.compensation.policy.CompensationCalculator.RecoveryReturn;
import cn.ipf.app.compensation.policy.CompensationCalculator.ReturnLine;
import cn.ipf.app.compensation.policy.Layer;
import cn.ipf.app.compensation.policy.LayerKind;
import cn.ipf.app.notification.Notifications;
import cn.ipf.app.notification.policy.NotificationEvent;
import cn.ipf.app.security.Actor;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.batch.compensation.CompensationPayouts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 代偿与追偿返还 what the risk-compensation job does for one claim or one recovery, inside its chunk transaction.
 *
 * <p>A claim is released for payment under its lock, re-read, only from CITY_APPROVED or WAITING_FOR_FUNDS, and only
 * when no claim of the programme approved before it still waits (first in, first out) and every fund it draws on
 * covers its layer with cash that earlier released payouts do not hold; the payout lines then keep the calculator's
 * trace and the claim is PAYABLE, paid through a payment batch ({@link #pay}: the payout journal is posted only when
 * the bank's result file says PAID). Otherwise the claim waits. A recovery is returned once: the FUND layers' parts
 * debit the funds' cash and credit their recoveries account; the other layers' parts are traced (settled outside the
 * platform).
 */
@Service
public class CompensationSettlement implements CompensationPayouts {

    private final CompensationClaimMapper claims;
    private final CompensationProgrammes programmes;
    private final Ledger ledger;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final BusinessCalendar calendar;
    private final Clock clock;

    CompensationSettlement(CompensationClaimMapper claims, CompensationProgrammes programmes, Ledger ledger,
            AuditTrail audit, Notifications notifications, BusinessCalendar calendar, Clock clock) {
        this.claims = claims;
        this.programmes = programmes;
        this.ledger = ledger;
        this.audit = audit;
        this.notifications = notifications;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void check(long programmeId) {
        if (!programmes.exists(programmeId)) {
            throw new IllegalArgumentException("there is no compensation programme " + programmeId);
        }
    }

    /** Whether a run of the job would do anything for the programme now. */
    boolean pendingWork(long programmeId) {
        return claims.pendingWork(programmeId);
    }

    /** The payout the claim would get now under its rule version: the calculator, nothing written. */
    List<PayoutLineRow> preview(ClaimRow claim) {
        return lines(claim, payout(claim), fundIds(claim.programmeId()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome settleClaim(long programmeId, long claimId) {
        claims.lockClaim(claimId);
        ClaimRow claim = claims.claim(claimId);
        ClaimStatus status = ClaimStatus.valueOf(claim.status());
        if (claim.programmeId() != programmeId || status.after(ClaimStatus.Step.RELEASE).isEmpty()) {
            return Outcome.SKIPPED;
        }
        Payout payout = payout(claim);
        Map<String, Long> funds = fundIds(programmeId);
        List<LayerPayout> fundLayers = payout.layers().stream().filter(l -> l.layer().kind() == LayerKind.FUND)
                .toList();
        Map<Long, FundAccounts> accounts = ledger.lock(fundLayers.stream().map(l -> fund(funds, l.layer()))
                .distinct().toList());
        Map<Long, BigDecimal> held = new HashMap<>();
        if (!accounts.isEmpty()) {
            claims.held(List.copyOf(accounts.keySet())).forEach(h -> held.put(h.fundId(), h.amount()));
        }
        boolean covered = fundLayers.stream().allMatch(l -> {
            long fundId = fund(funds, l.layer());
            return accounts.get(fundId).cash().subtract(held.getOrDefault(fundId, BigDecimal.ZERO))
                    .compareTo(l.amount()) >= 0;
        });
        if (!covered || claims.earlierUnpaid(programmeId, claim.cityApprovedAt(), claimId)) {
            if (status == ClaimStatus.CITY_APPROVED) {
                claims.markWaiting(claimId, clock.instant());
                audit.recordAs(Actor.SYSTEM, "COMPENSATION_CLAIM_WAITING", "COMPENSATION_CLAIM", claimId, Map.of(
                        "fundTotal", payout.fundTotal().toPlainString(), "reason", covered ? "EARLIER_CLAIM_WAITING"
                                : "FUNDS_SHORT"));
            }
            return Outcome.WAITING;
        }
        claims.insertPayoutLines(lines(claim, payout, funds));
        claims.markPayable(claimId, clock.instant());
        audit.recordAs(Actor.SYSTEM, "COMPENSATION_CLAIM_PAYABLE", "COMPENSATION_CLAIM", claimId, Map.of(
                "lossBase", payout.lossBase().toPlainString(), "fundTotal", payout.fundTotal().toPlainString(),
                "capApplied", payout.capApplied(), "rulesVersion", payout.rulesVersion()));
        return Outcome.PAYABLE;
    }

    /**
     * 兑付 the payment batch's result said the bank received the payout: the payout journal debits each fund's
     * compensation account and credits its cash, dated the value date, and the payout lines get their postings. The
     * caller holds the claim's lock; the cash is there, held for this payout since its release.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void pay(long claimId, String bankReference, LocalDate valueDate, long by) {
        ClaimRow claim = claims.claim(claimId);
        ClaimStatus.valueOf(claim.status()).after(ClaimStatus.Step.PAY).orElseThrow(() -> ApiException
                .illegalTransition(ClaimStatus.valueOf(claim.status()), ClaimStatus.Step.PAY));
        List<PayoutLineRow> fundLines = claims.payoutLines(claimId).stream().filter(l -> l.fundId() != null)
                .toList();
        Map<Long, FundAccounts> accounts = ledger.lock(fundLines.stream().map(PayoutLineRow::fundId).distinct()
                .toList());
        List<Posting> postings = fundLines.stream().map(l -> {
            FundAccounts a = accounts.get(l.fundId());
            return new Posting(a.id(AccountType.EXPENSE), a.id(AccountType.ASSET), l.amount());
        }).toList();
        Ledger.Posted posted = ledger.post(claim.programmeId(), "PAYOUT", "代偿 " + claim.externalId() + " 贷款 "
                + claim.loanRef() + " 银行流水 " + bankReference, null, claimId, null, valueDate, by, postings);
        for (int i = 0; i < fundLines.size(); i++) {
            Long postingId = posted.postingIds().get(i);
            if (postingId != null) {
                claims.setPosting(claimId, fundLines.get(i).lineNo(), postingId);
            }
        }
        claims.markPaid(claimId, valueDate, bankReference, clock.instant());
        BigDecimal fundTotal = fundLines.stream().map(PayoutLineRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        audit.record("COMPENSATION_CLAIM_PAID", "COMPENSATION_CLAIM", claimId, Map.of("journalId",
                posted.journalId(), "bankReference", bankReference, "paidOn", valueDate.toString(), "fundTotal",
                fundTotal.toPlainString()));
        notifications.compensationClaimDecided(claim.bankId(), claimId, claim.externalId(),
                NotificationEvent.COMPENSATION_CLAIM_PAID, fundTotal.toPlainString());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome returnRecovery(long programmeId, long recoveryId) {
        Long claimId = claims.paidClaimOfRecovery(programmeId, recoveryId);
        if (claimId == null) {
            return Outcome.SKIPPED;
        }
        claims.lockClaim(claimId);
        if (claims.recoveryReturned(recoveryId)) {
            return Outcome.SKIPPED;
        }
        RecoveryRow recovery = claims.recovery(recoveryId);
        List<PayoutLineRow> paid = claims.payoutLines(claimId);
        Map<String, BigDecimal> returnedBefore = claims.returnLines(claimId).stream().collect(Collectors.toMap(
                ReturnLineRow::layerCode, ReturnLineRow::amount, BigDecimal::add));
        List<Borne> borne = paid.stream().map(l -> new Borne(new Layer(l.layerCode(), l.layerCode(),
                LayerKind.valueOf(l.layerKind()), l.share()), l.amount(),
                returnedBefore.getOrDefault(l.layerCode(), BigDecimal.ZERO))).toList();
        RecoveryReturn back = CompensationCalculator.recoveryReturn(borne, recovery.grossAmount(),
                recovery.disposalCosts());
        GeneratedId key = new GeneratedId();
        claims.insertReturn(recoveryId, claimId, back.net(), back.distributable(), back.surplus(), clock.instant(),
                key);
        List<ReturnLineRow> lines = new ArrayList<>();
        List<Posting> postings = new ArrayList<>();
        Map<Long, FundAccounts> accounts = ledger.lock(paid.stream().filter(l -> l.fundId() != null)
                .map(PayoutLineRow::fundId).distinct().toList());
        for (int i = 0; i < back.lines().size(); i++) {
            ReturnLine r = back.lines().get(i);
            PayoutLineRow line = paid.get(i);
            lines.add(new ReturnLineRow(key.getId(), i + 1, line.layerCode(), line.layerKind(), line.fundId(),
                    r.borne(), r.returnedBefore(), r.amount()));
            if (line.fundId() != null && r.amount().signum() > 0) {
                FundAccounts a = accounts.get(line.fundId());
                postings.add(new Posting(a.id(AccountType.ASSET), a.id(AccountType.INCOME), r.amount()));
            }
        }
        claims.insertReturnLines(lines);
        Long journalId = null;
        if (!postings.isEmpty()) {
            journalId = ledger.post(programmeId, "RECOVERY_RETURN", "追偿返还 " + recovery.externalId(), null, null,
                    recoveryId, calendar.today(), null, postings).journalId();
        }
        audit.recordAs(Actor.SYSTEM, "COMPENSATION_RECOVERY_RETURNED", "COMPENSATION_CLAIM", claimId, Map.of(
                "recoveryId", recoveryId, "net", back.net().toPlainString(), "distributable",
                back.distributable().toPlainString(), "surplus", back.surplus().toPlainString(), "journalId",
                journalId == null ? "" : journalId));
        return Outcome.RETURNED;
    }

    private Payout payout(ClaimRow claim) {
        return CompensationCalculator.payout(claim.outstandingAtDefault(), claim.ipShare(),
                programmes.version(claim.ruleVersionId()).rules());
    }

    private Map<String, Long> fundIds(long programmeId) {
        return programmes.funds(programmeId).stream().collect(Collectors.toMap(FundRow::code, FundRow::id,
                (a, b) -> a, HashMap::new));
    }

    private static long fund(Map<String, Long> funds, Layer layer) {
        Long id = funds.get(layer.code());
        if (id == null) {
            // a version's FUND layers always get their accounts when the version is added
            throw new IllegalStateException("no fund account " + layer.code());
        }
        return id;
    }

    /** The payout's lines as the calculator gives them; postings are set when the payout is paid. */
    private static List<PayoutLineRow> lines(ClaimRow claim, Payout p, Map<String, Long> funds) {
        List<PayoutLineRow> lines = new ArrayList<>();
        for (int i = 0; i < p.layers().size(); i++) {
            LayerPayout l = p.layers().get(i);
            lines.add(new PayoutLineRow(claim.id(), i + 1, l.layer().code(), l.layer().kind().name(),
                    l.layer().share(), l.layer().kind() == LayerKind.FUND ? funds.get(l.layer().code()) : null,
                    p.lossBase(), l.exact(), l.amountBeforeCap(), l.amount(), l.roundingAdjustment(), p.capApplied(),
                    p.fundTotalBeforeCap(), p.fundCap(), p.rulesVersion(), null, null));
        }
        return lines;
    }
}
