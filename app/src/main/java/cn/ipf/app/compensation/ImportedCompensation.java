package cn.ipf.app.compensation;

import cn.ipf.app.compensation.CompensationClaimMapper.ClaimRow;
import cn.ipf.app.compensation.CompensationClaimMapper.PayoutLineRow;
import cn.ipf.app.compensation.CompensationMapper.FundRow;
import cn.ipf.app.compensation.CompensationProgrammes.AccountType;
import cn.ipf.app.compensation.Ledger.FundAccounts;
import cn.ipf.app.compensation.Ledger.Posting;
import cn.ipf.app.compensation.policy.ClaimStatus;
import cn.ipf.app.compensation.policy.CompensationCalculator;
import cn.ipf.app.compensation.policy.CompensationCalculator.LayerPayout;
import cn.ipf.app.compensation.policy.CompensationCalculator.Payout;
import cn.ipf.app.compensation.policy.LayerKind;
import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 历史代偿 a risk-compensation payout made before the platform, taken over by the history import: it becomes a PAID
 * claim whose payout journal debits each fund's compensation account and credits its cash, as a live payout does
 * ({@link CompensationSettlement#settleClaim}), dated the day it was paid; a later recovery is returned against it
 * like any paid claim's.
 */
@Service
public class ImportedCompensation {

    /**
     * What the calculator allows a claim on the loan: the programme of the bank's agreement active on the default
     * day, the rule version in force that day and its payout (fund layers capped per loan), with each fund's id and
     * cash now.
     */
    public record Plan(long programmeId, long ruleVersionId, Payout payout, Map<String, Long> fundIds,
            Map<Long, BigDecimal> fundCash) {
    }

    private final CompensationMapper mapper;
    private final CompensationClaimMapper claims;
    private final CompensationProgrammes programmes;
    private final Ledger ledger;
    private final Clock clock;
    private final ZoneId zone;

    ImportedCompensation(CompensationMapper mapper, CompensationClaimMapper claims, CompensationProgrammes programmes,
            Ledger ledger, Clock clock, ZoneId zone) {
        this.mapper = mapper;
        this.claims = claims;
        this.programmes = programmes;
        this.ledger = ledger;
        this.clock = clock;
        this.zone = zone;
    }

    /** The programmes whose agreement with the bank is active on the day (a payout needs exactly one). */
    public List<Long> programmesOfBank(long bankId, LocalDate on) {
        return mapper.programmesOfBank(bankId, on);
    }

    /** The plan of a claim under the programme, empty when no rule version is in force on the default day. */
    public Optional<Plan> plan(long programmeId, LocalDate defaultedOn, BigDecimal outstanding, BigDecimal ipShare) {
        CompensationMapper.RuleVersionRow row = mapper.ruleVersionInForce(programmeId, defaultedOn);
        if (row == null) {
            return Optional.empty();
        }
        CompensationProgrammes.Version version = programmes.version(row.id());
        Map<String, Long> ids = new LinkedHashMap<>();
        Map<Long, BigDecimal> cash = new LinkedHashMap<>();
        for (FundRow f : programmes.funds(programmeId)) {
            ids.put(f.code(), f.id());
            cash.put(f.id(), f.balance());
        }
        return Optional.of(new Plan(programmeId, version.id(), CompensationCalculator.payout(outstanding, ipShare,
                version.rules()), ids, cash));
    }

    /** Whether the bank already has a claim with this external id. */
    public boolean claimTaken(long bankId, String externalId) {
        return claims.byExternalId(bankId, externalId) != null;
    }

    /** Locks the accounts of the programmes' funds, in the order every poster takes them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockFunds(List<Long> programmeIds) {
        List<Long> funds = programmeIds.stream().flatMap(p -> programmes.funds(p).stream()).map(FundRow::id)
                .sorted().toList();
        if (!funds.isEmpty()) {
            ledger.lock(funds);
        }
    }

    /**
     * Records the paid claim: {@code paid} is what each FUND layer paid (at most the calculator's amount); the bank's
     * line bears the rest of the loss base. Answers the claim's id.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long record(Plan plan, long bankId, long loanId, String loanRef, String voucher, LocalDate defaultedOn,
            LocalDate paidOn, Map<String, BigDecimal> paid, String gates) {
        Payout payout = plan.payout();
        GeneratedId key = new GeneratedId();
        claims.insertClaim(new ClaimRow(0, plan.programmeId(), bankId, loanId, loanRef, 0, null, null, voucher,
                ClaimStatus.FILED.name(), plan.ruleVersionId(), payout.rulesVersion(), defaultedOn,
                payout.outstandingAtDefault(), payout.ipShare(), payout.lossBase(), gates, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null), clock.instant(), key);
        long claimId = key.getId();
        List<String> codes = new ArrayList<>(paid.keySet());
        Map<Long, FundAccounts> accounts = ledger.lock(codes.stream().map(plan.fundIds()::get).distinct().sorted()
                .toList());
        List<Posting> postings = codes.stream().map(code -> {
            FundAccounts a = accounts.get(plan.fundIds().get(code));
            return new Posting(a.id(AccountType.EXPENSE), a.id(AccountType.ASSET), paid.get(code));
        }).toList();
        Ledger.Posted posted = ledger.post(plan.programmeId(), "PAYOUT", "代偿（导入）" + voucher + " 贷款 " + loanRef,
                null, claimId, null, paidOn, null, postings);
        BigDecimal others = BigDecimal.ZERO;
        for (LayerPayout l : payout.layers()) {
            if (l.layer().kind() != LayerKind.BANK) {
                others = others.add(amount(l, paid));
            }
        }
        List<PayoutLineRow> lines = new ArrayList<>();
        for (int i = 0; i < payout.layers().size(); i++) {
            LayerPayout l = payout.layers().get(i);
            String code = l.layer().code();
            BigDecimal amount = l.layer().kind() == LayerKind.BANK ? payout.lossBase().subtract(others)
                    : amount(l, paid);
            int at = codes.indexOf(code);
            lines.add(new PayoutLineRow(claimId, i + 1, code, l.layer().kind().name(), l.layer().share(),
                    l.layer().kind() == LayerKind.FUND ? plan.fundIds().get(code) : null, payout.lossBase(),
                    l.exact(), l.amountBeforeCap(), amount, l.roundingAdjustment(), payout.capApplied(),
                    payout.fundTotalBeforeCap(), payout.fundCap(), payout.rulesVersion(),
                    at < 0 ? null : posted.postingIds().get(at), null));
        }
        claims.insertPayoutLines(lines);
        claims.markPaid(claimId, paidOn, voucher, paidOn.atStartOfDay(zone).toInstant());
        return claimId;
    }

    /** A FUND layer paid what the file says (nothing when it is not named); the others their calculated part. */
    private static BigDecimal amount(LayerPayout l, Map<String, BigDecimal> paid) {
        return l.layer().kind() == LayerKind.FUND ? paid.getOrDefault(l.layer().code(), BigDecimal.ZERO) : l.amount();
    }
}
