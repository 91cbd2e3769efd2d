package cn.ipf.app.compensation;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.compensation.CompensationMapper.AgreementRow;
import cn.ipf.app.compensation.CompensationMapper.NplRateRow;
import cn.ipf.app.compensation.CompensationMapper.SupervisedLoan;
import cn.ipf.app.compensation.policy.SupervisionSignals;
import cn.ipf.app.compensation.policy.SupervisionSignals.Delinquency;
import cn.ipf.app.compensation.policy.SupervisionSignals.LoanFacts;
import cn.ipf.app.compensation.policy.SupervisionSignals.Repayment;
import cn.ipf.app.security.CurrentActor;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 监管指标 supervision signals per cooperating bank and month ({@link SupervisionSignals}), and the banks' overall
 * NPL rates they are compared with: reported by the bank (once per month) or recorded and corrected by an admin.
 */
@Service
public class Supervision {

    public record BankSignals(long bankId, String bankName, String month, SupervisionSignals.Signals signals,
            BigDecimal leverageTarget, BigDecimal nplTolerancePp) {
    }

    record Reported(NplRateRow rate, boolean created) {
    }

    private final CompensationMapper mapper;
    private final CompensationProgrammes programmes;
    private final Ledger ledger;
    private final AuditTrail audit;
    private final Clock clock;

    Supervision(CompensationMapper mapper, CompensationProgrammes programmes, Ledger ledger, AuditTrail audit,
            Clock clock) {
        this.mapper = mapper;
        this.programmes = programmes;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** One row per bank with an agreement with the programme, at the end of the month (rules in force that day). */
    @Transactional(readOnly = true)
    public List<BankSignals> signals(long programmeId, String month) {
        ledger.requireReader();
        CompensationMapper.ProgrammeRow programme = programmes.row(programmeId);
        LocalDate end = YearMonth.parse(month).atEndOfMonth();
        var rules = programmes.inForce(programmeId, end).rules();
        Map<Long, List<AgreementRow>> byBank = programmes.agreements(programmeId).stream()
                .collect(Collectors.groupingBy(AgreementRow::bankId, LinkedHashMap::new, Collectors.toList()));
        List<BankSignals> out = new ArrayList<>();
        byBank.forEach((bankId, agreements) -> {
            BigDecimal attributed = agreements.stream().filter(a -> !a.activeFrom().isAfter(end)
                    && (a.activeTo() == null || !a.activeTo().isBefore(end)))
                    .map(AgreementRow::attributedFundAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            NplRateRow overall = mapper.nplRate(bankId, month);
            SupervisionSignals.Signals s = SupervisionSignals.of(loans(bankId, programme.regionCode(), end), end,
                    attributed, overall == null ? null : overall.nplRate(), rules);
            out.add(new BankSignals(bankId, agreements.get(0).bankName(), month, s, rules.leverageTarget(),
                    rules.nplTolerancePp()));
        });
        return out;
    }

    private List<LoanFacts> loans(long bankId, String regionCode, LocalDate end) {
        List<SupervisedLoan> loans = mapper.supervisedLoans(bankId, regionCode, end);
        if (loans.isEmpty()) {
            return List.of();
        }
        List<Long> ids = loans.stream().map(SupervisedLoan::id).toList();
        Map<Long, List<Repayment>> repayments = mapper.repayments(ids).stream().collect(Collectors.groupingBy(
                CompensationMapper.RepaymentFact::loanId, Collectors.mapping(r -> new Repayment(r.repaidOn(),
                        r.amount()), Collectors.toList())));
        Map<Long, List<Delinquency>> delinquencies = mapper.delinquencies(ids).stream().collect(Collectors.groupingBy(
                CompensationMapper.DelinquencyFact::loanId, Collectors.mapping(d -> new Delinquency(d.id(),
                        "OVERDUE".equals(d.state()), d.since()), Collectors.toList())));
        return loans.stream().map(l -> new LoanFacts(l.disbursedOn(), l.disbursedAmount(),
                repayments.getOrDefault(l.id(), List.of()), delinquencies.getOrDefault(l.id(), List.of()),
                l.defaultedOn(), l.defaultOutstanding(), l.closedOn())).toList();
    }

    /** The bank reports a month's overall NPL rate: once; the same rate again is answered as reported. */
    @Transactional
    Reported report(long bankId, String month, BigDecimal rate) {
        BigDecimal value = checked(rate);
        mapper.lockBank(bankId);
        NplRateRow existing = mapper.nplRate(bankId, month);
        if (existing != null) {
            if (existing.nplRate().compareTo(value) == 0) {
                return new Reported(existing, false);
            }
            throw new ApiException(ErrorCode.NPL_RATE_CONFLICT, month, existing.nplRate().toPlainString());
        }
        return new Reported(write(bankId, month, value, null), true);
    }

    /** An administrator records or corrects a bank's rate. */
    @Transactional
    NplRateRow set(long bankId, String month, BigDecimal rate) {
        BigDecimal value = checked(rate);
        if (mapper.lockBank(bankId) == null) {
            throw new ApiException(ErrorCode.BANK_NOT_FOUND, bankId);
        }
        return write(bankId, month, value, mapper.nplRate(bankId, month));
    }

    @Transactional(readOnly = true)
    List<NplRateRow> rates(long bankId) {
        return mapper.nplRates(bankId);
    }

    private NplRateRow write(long bankId, String month, BigDecimal rate, NplRateRow previous) {
        mapper.upsertNplRate(bankId, month, rate, CurrentActor.get().scope(),
                clock.instant());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("month", month);
        summary.put("rate", rate.toPlainString());
        if (previous != null) {
            summary.put("previous", previous.nplRate().toPlainString());
        }
        audit.record("BANK_NPL_RATE_REPORTED", "BANK", bankId, summary);
        return mapper.nplRate(bankId, month);
    }

    private static BigDecimal checked(BigDecimal rate) {
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0 || rate.stripTrailingZeros().scale() > 6) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, List.of(new FieldViolation("rate",
                    "a fraction between 0 and 1 with at most 6 decimals")));
        }
        return rate.setScale(6);
    }
}
