package cn.ipf.app.compensation;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.compensation.CompensationMapper.FundRow;
import cn.ipf.app.compensation.CompensationProgrammes.AccountType;
import cn.ipf.app.compensation.LedgerMapper.AccountRow;
import cn.ipf.app.compensation.LedgerMapper.DepositRow;
import cn.ipf.app.compensation.LedgerMapper.TrialRow;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.money.Yuan;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.shared.time.BusinessCalendar;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 总账 the programme's double-entry ledger. Every journal is a set of postings, each debiting one account and
 * crediting another with the same positive amount, so a journal balances by construction (the schema refuses a
 * non-positive amount or one account on both sides). Each account keeps its balance (debits − credits), changed only
 * here, in the posting transaction, under the row locks of the fund's accounts; the trial balance recomputes every
 * balance from the postings.
 */
@Service
public class Ledger {

    /** A fund's accounts, locked. */
    record FundAccounts(long fundId, String fundCode, Map<AccountType, AccountRow> accounts) {

        long id(AccountType type) {
            return accounts.get(type).id();
        }

        BigDecimal cash() {
            return accounts.get(AccountType.ASSET).balance();
        }
    }

    record Posting(long debitAccountId, long creditAccountId, BigDecimal amount) {
    }

    /** A journal as posted: its id and each posting's id, in the order given (zero amounts are not posted). */
    record Posted(long journalId, List<Long> postingIds) {
    }

    record Deposit(DepositRow row, BigDecimal fundBalance, boolean created) {
    }

    record TrialBalance(long programmeId, List<TrialRow> accounts, BigDecimal totalDebits, BigDecimal totalCredits,
            boolean balanced) {
    }

    private final LedgerMapper ledger;
    private final CompensationMapper programmes;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;
    private final Clock clock;

    Ledger(LedgerMapper ledger, CompensationMapper programmes, AccessPolicy access, AuditTrail audit,
            BusinessCalendar calendar, Clock clock) {
        this.ledger = ledger;
        this.programmes = programmes;
        this.access = access;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Locks the accounts of these funds (in account id order, as every poster does) and answers them by fund. */
    @Transactional(propagation = Propagation.MANDATORY)
    Map<Long, FundAccounts> lock(List<Long> fundIds) {
        Map<Long, Map<AccountType, AccountRow>> byFund = new HashMap<>();
        Map<Long, String> codes = new HashMap<>();
        for (AccountRow a : ledger.lockFundAccounts(fundIds)) {
            byFund.computeIfAbsent(a.fundId(), k -> new HashMap<>()).put(AccountType.valueOf(a.accountType()), a);
            codes.put(a.fundId(), a.fundCode());
        }
        Map<Long, FundAccounts> out = new HashMap<>();
        byFund.forEach((id, accounts) -> out.put(id, new FundAccounts(id, codes.get(id), accounts)));
        return out;
    }

    /** Posts a journal; the caller holds the locks of every account named. */
    @Transactional(propagation = Propagation.MANDATORY)
    Posted post(long programmeId, String kind, String memo, Long depositId, Long claimId, Long recoveryId,
            LocalDate on, Long by, List<Posting> postings) {
        BigDecimal total = postings.stream().map(Posting::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        GeneratedId journal = new GeneratedId();
        ledger.insertJournal(programmeId, kind, memo, depositId, claimId, recoveryId, total, on, clock.instant(), by,
                journal);
        List<Long> ids = new ArrayList<>();
        for (Posting p : postings) {
            if (p.amount().signum() == 0) {
                ids.add(null);
                continue;
            }
            GeneratedId posting = new GeneratedId();
            ledger.insertPosting(journal.getId(), p.debitAccountId(), p.creditAccountId(), p.amount(), posting);
            ledger.addToBalance(p.debitAccountId(), p.amount());
            ledger.addToBalance(p.creditAccountId(), p.amount().negate());
            ids.add(posting.getId());
        }
        return new Posted(journal.getId(), ids);
    }

    /**
     * 存入 / 追加 money the treasury put into a fund: Dr cash, Cr contributions. The voucher reference is unique per
     * fund, so recording the same deposit twice is answered with the first.
     */
    @Transactional
    Deposit deposit(long fundId, String kind, BigDecimal given, String reference, LocalDate depositedOn) {
        BigDecimal amount = Yuan.of(given, "amount");
        if (amount.signum() <= 0) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, List.of(new FieldViolation("amount",
                    "must be positive")));
        }
        if (depositedOn.isAfter(calendar.today())) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, List.of(new FieldViolation("depositedOn",
                    "must not be after today")));
        }
        FundRow fund = programmes.fund(fundId);
        if (fund == null) {
            throw new ApiException(ErrorCode.FUND_NOT_FOUND, fundId);
        }
        FundAccounts accounts = lock(List.of(fundId)).get(fundId);
        DepositRow existing = ledger.deposit(fundId, reference);
        if (existing != null) {
            if (existing.kind().equals(kind) && existing.amount().compareTo(amount) == 0
                    && existing.depositedOn().equals(depositedOn)) {
                return new Deposit(existing, accounts.cash(), false);
            }
            throw new ApiException(ErrorCode.EXTERNAL_ID_CONFLICT, reference);
        }
        long by = access.caller().userId();
        GeneratedId key = new GeneratedId();
        ledger.insertDeposit(fundId, kind, amount, reference, depositedOn, by, clock.instant(), key);
        Posted posted = post(fund.programmeId(), kind, (kind.equals("TOP_UP") ? "追加资金 " : "存入资金 ") + reference,
                key.getId(), null, null, depositedOn, by, List.of(new Posting(accounts.id(AccountType.ASSET),
                        accounts.id(AccountType.EQUITY), amount)));
        audit.record("COMPENSATION_FUND_" + kind, "COMPENSATION_FUND", fundId, Map.of("amount",
                amount.toPlainString(), "reference", reference, "depositedOn", depositedOn.toString(), "journalId",
                posted.journalId()));
        return new Deposit(ledger.deposit(fundId, reference), programmes.fund(fundId).balance(), true);
    }

    @Transactional(readOnly = true)
    TrialBalance trialBalance(long programmeId) {
        requireReader();
        List<TrialRow> rows = ledger.trialBalance(programmeId);
        BigDecimal debits = rows.stream().map(TrialRow::debits).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal credits = rows.stream().map(TrialRow::credits).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean kept = rows.stream().allMatch(r -> r.debits().subtract(r.credits()).compareTo(r.balance()) == 0);
        return new TrialBalance(programmeId, rows, debits, credits, kept && debits.compareTo(credits) == 0);
    }

    /** The ledger, its exports and the supervision signals: city reviewers, regulators and admins. */
    void requireReader() {
        access.require(access.caller(), Permission.READ_COMPENSATION_LEDGER);
    }
}
