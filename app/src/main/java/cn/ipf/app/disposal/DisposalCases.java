package cn.ipf.app.disposal;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.disposal.policy.DisposalRules;
import cn.ipf.app.disposal.policy.DisposalRules.StepKind;
import cn.ipf.app.loan.LoanBook;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.money.Yuan;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.shared.time.BusinessCalendar;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 质物处置 disposal cases: after a loan defaults, its bank opens one case per pledged asset (auction, sale, licensing,
 * transfer) and reports the steps. A PROCEEDS step is recorded as a recovery of the loan through the loan book, so the
 * risk-compensation job returns it to the fund layers by the existing rules and the claim shows the case it came
 * from. Cases and steps carry the bank's own ids: the same report again is answered as before, other content under
 * the same id is a conflict. A step locks its case, so steps of one case are taken one at a time and in date order.
 */
@Service
public class DisposalCases {

    public record NewCase(String externalId, String assetKind, long assetId, String method, LocalDate openedOn) {
    }

    public record NewStep(String externalId, StepKind kind, LocalDate takenOn, String note, BigDecimal grossAmount,
            BigDecimal disposalCosts) {
    }

    /** A case with its steps and the sums of its proceeds. */
    public record Case(DisposalCaseRow row, List<DisposalStepRow> steps) {

        public long id() {
            return row.id();
        }

        public BigDecimal grossProceeds() {
            return sum(steps.stream().map(DisposalStepRow::grossAmount).toList());
        }

        public BigDecimal disposalCosts() {
            return sum(steps.stream().map(DisposalStepRow::disposalCosts).toList());
        }

        private static BigDecimal sum(List<BigDecimal> amounts) {
            return amounts.stream().filter(Objects::nonNull).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        }
    }

    /** {@code created} is false when the same case or step had been reported under its external id. */
    public record Reported(Case disposal, boolean created) {
    }

    private final DisposalMapper mapper;
    private final LoanBook loans;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;
    private final Clock clock;

    DisposalCases(DisposalMapper mapper, LoanBook loans, AuditTrail audit, BusinessCalendar calendar, Clock clock) {
        this.mapper = mapper;
        this.loans = loans;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional
    public Reported open(long bankId, String loanRef, NewCase n) {
        DisposalCaseRow existing = mapper.byExternalId(bankId, n.externalId());
        if (existing != null) {
            if (existing.loanRef().equals(loanRef) && existing.assetKind().equals(n.assetKind())
                    && existing.assetId() == n.assetId() && existing.method().equals(n.method())
                    && existing.openedOn().equals(n.openedOn())) {
                return new Reported(disposal(existing), false);
            }
            throw new ApiException(ErrorCode.EXTERNAL_ID_CONFLICT, n.externalId());
        }
        LoanBook.Defaulted loan = loans.lockDefaulted(bankId, loanRef);
        refuse(DisposalRules.opening(n.openedOn(), loan.defaultedOn(), calendar.today()));
        if (!mapper.pledged(loan.loanId(), n.assetKind(), n.assetId(), loan.defaultedOn())) {
            throw new ApiException(ErrorCode.DISPOSAL_ASSET_NOT_PLEDGED, n.assetKind(), n.assetId(), loanRef);
        }
        // under the loan's lock: two openings for one asset are taken one after the other
        if (mapper.caseOfAsset(loan.loanId(), n.assetKind(), n.assetId())) {
            throw new ApiException(ErrorCode.DISPOSAL_CASE_EXISTS, n.assetKind(), n.assetId(), loanRef);
        }
        GeneratedId key = new GeneratedId();
        mapper.insertCase(new DisposalCaseRow(0, loan.loanId(), loanRef, bankId, n.externalId(), n.assetKind(),
                n.assetId(), n.method(), n.openedOn(), null, null, null), clock.instant(), key);
        audit.record("DISPOSAL_CASE_OPENED", "DISPOSAL_CASE", key.getId(), Map.of("loanRef", loanRef,
                "externalId", n.externalId(), "asset", n.assetKind() + ":" + n.assetId(), "method", n.method(),
                "openedOn", n.openedOn().toString()));
        return new Reported(disposal(mapper.ofBank(bankId, key.getId())), true);
    }

    @Transactional
    public Reported step(long bankId, long caseId, NewStep n) {
        DisposalCaseRow c = mapper.lock(bankId, caseId);
        if (c == null) {
            throw new ApiException(ErrorCode.DISPOSAL_CASE_NOT_FOUND, caseId);
        }
        BigDecimal gross = n.grossAmount() == null ? null : Yuan.of(n.grossAmount(), "grossAmount");
        BigDecimal costs = n.disposalCosts() == null ? null : Yuan.of(n.disposalCosts(), "disposalCosts");
        DisposalStepRow incoming = new DisposalStepRow(0, caseId, n.externalId(), n.kind().name(), n.takenOn(),
                n.note(), gross, costs, null);
        DisposalStepRow existing = mapper.stepByExternalId(bankId, n.externalId());
        if (existing != null) {
            if (sameStep(existing, incoming)) {
                return new Reported(disposal(c), false);
            }
            throw new ApiException(ErrorCode.EXTERNAL_ID_CONFLICT, n.externalId());
        }
        if (c.closedOn() != null) {
            throw new ApiException(ErrorCode.DISPOSAL_CASE_CLOSED, caseId, c.closedOn());
        }
        List<DisposalStepRow> steps = mapper.steps(caseId);
        LocalDate latest = steps.isEmpty() ? c.openedOn() : steps.get(steps.size() - 1).takenOn();
        refuse(DisposalRules.step(n.kind(), n.takenOn(), latest, gross, costs, calendar.today()));
        Long recoveryId = null;
        if (n.kind().carriesMoney()) {
            loans.reportDisposalProceeds(bankId, c.loanRef(), n.externalId(), n.takenOn(), gross, costs, c.method());
            recoveryId = mapper.recoveryId(bankId, n.externalId());
        }
        mapper.insertStep(bankId, new DisposalStepRow(0, caseId, n.externalId(), n.kind().name(), n.takenOn(),
                n.note(), gross, costs, recoveryId), clock.instant());
        if (n.kind().closes()) {
            mapper.close(caseId, n.takenOn());
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("externalId", n.externalId());
        changes.put("kind", n.kind().name());
        changes.put("takenOn", n.takenOn().toString());
        if (gross != null) {
            changes.put("grossAmount", gross.toPlainString());
            changes.put("disposalCosts", costs.toPlainString());
        }
        audit.record("DISPOSAL_STEP_REPORTED", "DISPOSAL_CASE", caseId, changes);
        return new Reported(disposal(mapper.ofBank(bankId, caseId)), true);
    }

    @Transactional(readOnly = true)
    public Case ofBank(long bankId, long caseId) {
        DisposalCaseRow c = mapper.ofBank(bankId, caseId);
        if (c == null) {
            throw new ApiException(ErrorCode.DISPOSAL_CASE_NOT_FOUND, caseId);
        }
        return disposal(c);
    }

    @Transactional(readOnly = true)
    public List<Case> ofLoan(long bankId, String loanRef) {
        Long loanId = mapper.loanOf(bankId, loanRef);
        if (loanId == null) {
            throw new ApiException(ErrorCode.LOAN_NOT_FOUND, loanRef);
        }
        return onLoan(loanId);
    }

    /**
     * Every case of the loan, oldest first, for the people who see its compensation claim (the caller decides who
     * may: reviewers and regulators through the claim, regulators through a payout line's drill-down).
     */
    @Transactional(readOnly = true)
    public List<Case> onLoan(long loanId) {
        return mapper.ofLoan(loanId).stream().map(this::disposal).toList();
    }

    private Case disposal(DisposalCaseRow c) {
        return new Case(c, mapper.steps(c.id()));
    }

    private static boolean sameStep(DisposalStepRow a, DisposalStepRow b) {
        return a.caseId() == b.caseId() && a.kind().equals(b.kind()) && a.takenOn().equals(b.takenOn())
                && Objects.equals(a.note(), b.note()) && sameAmount(a.grossAmount(), b.grossAmount())
                && sameAmount(a.disposalCosts(), b.disposalCosts());
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static void refuse(List<DisposalRules.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ApiException(ErrorCode.DISPOSAL_RECORD_INVALID, violations.stream()
                    .map(v -> new FieldViolation(v.field(), v.message())).toList());
        }
    }
}
