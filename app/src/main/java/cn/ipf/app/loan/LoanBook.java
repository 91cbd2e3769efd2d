package cn.ipf.app.loan;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.library.MatchProfiles;
import cn.ipf.app.loan.ApplicationMapper.AssetRef;
import cn.ipf.app.loan.ApplicationMapper.AssetRow;
import cn.ipf.app.loan.LoanMapper.DelinquencyRow;
import cn.ipf.app.loan.LoanMapper.InterestRow;
import cn.ipf.app.loan.LoanMapper.RecoveryRow;
import cn.ipf.app.loan.LoanMapper.RegistrationRow;
import cn.ipf.app.loan.LoanMapper.RepaymentRow;
import cn.ipf.app.loan.policy.ApplicationRules;
import cn.ipf.app.loan.policy.LoanActions;
import cn.ipf.app.loan.policy.LoanRecordRules;
import cn.ipf.app.loan.policy.LoanStatus;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.money.Yuan;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.shared.web.Pages;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 贷款台账 what banks report on their loans after the contract: pledge registrations and their cancellation (PC01),
 * disbursement, interest payments, principal repayments, delinquency, default, recoveries and closure. Each report
 * locks the loan, is checked against the loan's state ({@link LoanStatus}, 409 with the current state) and against
 * {@link LoanRecordRules} (400, nothing written), and is audited. Records carry the bank's own external id: the same
 * id with the same content is answered as already reported, with other content it is a conflict.
 */
@Service
public class LoanBook {

    private final LoanMapper loans;
    private final ApplicationMapper applications;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;
    private final MatchProfiles profiles;
    private final Clock clock;

    LoanBook(LoanMapper loans, ApplicationMapper applications, AuditTrail audit, BusinessCalendar calendar,
            MatchProfiles profiles, Clock clock) {
        this.loans = loans;
        this.applications = applications;
        this.audit = audit;
        this.calendar = calendar;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** The loan after a report; {@code created} is false when the same record had been reported before. */
    record Reported(LoanRecord loan, boolean created) {
    }

    record Registration(RegistrationRow row, List<AssetRow> assets) {
    }

    /** A loan with every record reported on it. */
    record Detail(LoanRecord loan, List<Registration> registrations, List<InterestRow> interestPayments,
            List<RepaymentRow> repayments, List<DelinquencyRow> delinquencies, List<RecoveryRow> recoveries) {
    }

    record Page(List<LoanRecord> items, long total) {
    }

    @Transactional(readOnly = true)
    Page ofBank(long bankId, LoanStatus status, Pages.Request page) {
        return new Page(loans.ofBank(bankId, status, page.offset(), page.size()), loans.countOfBank(bankId, status));
    }

    @Transactional(readOnly = true)
    Detail detail(long bankId, String loanRef) {
        LoanRecord loan = loans.findByRef(bankId, loanRef);
        if (loan == null) {
            throw new ApiException(ErrorCode.LOAN_NOT_FOUND, loanRef);
        }
        return detail(loan);
    }

    Detail detail(LoanRecord loan) {
        LocalDate today = calendar.today();
        List<Registration> registrations = loans.registrations(loan.id()).stream()
                .map(r -> new Registration(r, loans.registrationAssets(r.id(), loan.enterpriseId(), today)))
                .toList();
        return new Detail(loan, registrations, loans.interestPayments(loan.id()), loans.repayments(loan.id()),
                loans.delinquencies(loan.id()), loans.recoveries(loan.id()));
    }

    // ---- pledges

    /** 质押登记 a CNIPA pledge registration of the borrower's assets securing the loan. */
    @Transactional
    Reported registerPledge(long bankId, String loanRef, String registrationNo, LocalDate registeredOn,
            BigDecimal securedAmount, List<AssetRef> assets) {
        LoanRecord loan = locked(bankId, loanRef);
        BigDecimal secured = Yuan.of(securedAmount, "securedAmount");
        List<AssetRef> pledged = assets.stream().distinct()
                .sorted(Comparator.comparing(AssetRef::kind).thenComparing(AssetRef::id)).toList();
        RegistrationRow existing = loans.registration(registrationNo);
        if (existing != null) {
            if (existing.loanId() == loan.id() && existing.registeredOn().equals(registeredOn)
                    && existing.securedAmount().compareTo(secured) == 0
                    && loans.registrationAssetRefs(existing.id()).equals(pledged)) {
                return new Reported(loan, false);
            }
            throw new ApiException(ErrorCode.PLEDGE_REGISTRATION_TAKEN, registrationNo);
        }
        if (loan.status() != LoanStatus.CONTRACTED && loan.status() != LoanStatus.DISBURSED) {
            throw illegal(loan, loan.status().name(), "REGISTER_PLEDGE");
        }
        LocalDate appliedOn = loan.applicationId() == null ? null
                : calendar.dateOf(applications.find(loan.applicationId()).submittedAt());
        LoanApplications.refuse(ErrorCode.LOAN_RECORD_INVALID, LoanRecordRules.pledgeRegistration(registeredOn,
                appliedOn, loan.maturityDate(), calendar.today()));
        List<Long> patents = ids(pledged, "PATENT");
        List<Long> trademarks = ids(pledged, "TRADEMARK");
        if (!patents.isEmpty()) {
            loans.lockPatents(patents);
        }
        if (!trademarks.isEmpty()) {
            loans.lockTrademarks(trademarks);
        }
        LoanApplications.refuse(ErrorCode.LOAN_RECORD_INVALID, ApplicationRules.pledgeable(LoanApplications.assets(
                pledged, applications.assetFacts(loan.enterpriseId(), pledged, registeredOn))));
        GeneratedId key = new GeneratedId();
        loans.insertRegistration(loan.id(), registrationNo, registeredOn, secured, clock.instant(), key);
        if (!patents.isEmpty()) {
            loans.insertRegistrationPatents(key.getId(), patents);
        }
        if (!trademarks.isEmpty()) {
            loans.insertRegistrationTrademarks(key.getId(), trademarks);
        }
        profiles.refreshPledged(key.getId());
        audit.record("PLEDGE_REGISTERED", "LOAN", loan.id(), Map.of("registrationNo", registrationNo,
                "registeredOn", registeredOn.toString(), "securedAmount", secured.toPlainString(),
                "assets", refs(pledged)));
        return new Reported(loans.find(loan.id()), true);
    }

    /** PC01 the registration is cancelled and its assets are free to be pledged again. */
    @Transactional
    LoanRecord cancelPledge(long bankId, String loanRef, String registrationNo, LocalDate cancelledOn) {
        LoanRecord loan = locked(bankId, loanRef);
        RegistrationRow registration = loans.lockRegistration(loan.id(), registrationNo);
        if (registration == null) {
            throw new ApiException(ErrorCode.PLEDGE_REGISTRATION_NOT_FOUND, registrationNo);
        }
        if (registration.cancelledOn() != null) {
            if (registration.cancelledOn().equals(cancelledOn)) {
                return loan;
            }
            throw new ApiException(ErrorCode.PLEDGE_ALREADY_CANCELLED, registrationNo, registration.cancelledOn())
                    .with("currentState", "CANCELLED");
        }
        LoanApplications.refuse(ErrorCode.LOAN_RECORD_INVALID, LoanRecordRules.pledgeCancellation(
                registration.registeredOn(), cancelledOn, calendar.today()));
        loans.cancelRegistration(registration.id(), cancelledOn);
        profiles.refreshPledged(registration.id());
        audit.record("PLEDGE_CANCELLED", "LOAN", loan.id(), Map.of("registrationNo", registrationNo,
                "cancelledOn", cancelledOn.toString(), "released", refs(loans.registrationAssetRefs(registration.id()))));
        return loans.find(loan.id());
    }

    // ---- money

    @Transactional
    LoanRecord disburse(long bankId, String loanRef, LocalDate on, BigDecimal amount) {
        LoanRecord loan = locked(bankId, loanRef);
        BigDecimal disbursed = Yuan.of(amount, "amount");
        if (loan.status().disbursed() && on.equals(loan.disbursedOn())
                && disbursed.compareTo(loan.disbursedAmount()) == 0) {
            return loan;
        }
        step(loan, LoanStatus.Step.DISBURSE);
        LoanApplications.refuse(ErrorCode.LOAN_RECORD_INVALID,
                LoanRecordRules.disbursement(loan.facts(), on, disbursed, calendar.today()));
        loans.updateDisbursement(loan.id(), on, disbursed);
        audit.record("LOAN_DISBURSED", "LOAN", loan.id(), Map.of("disbursedOn", on.toString(), "amount",
                disbursed.toPlainString()));
        return loans.find(loan.id());
    }

    @Transactional
    Reported reportInterest(long bankId, String loanRef, InterestRow report) {
        LoanRecord loan = locked(bankId, loanRef);
        InterestRow p = new InterestRow(loan.id(), report.externalId(), report.sequenceNo(), report.accrualStart(),
                report.accrualEnd(), Yuan.of(report.principalBalance(), "principalBalance"),
                Yuan.of(report.interestAmount(), "interestAmount"), report.dueDate(), report.paidDate());
        if (reported(loans.interest(bankId, p.externalId()), p, p.externalId())) {
            return new Reported(loan, false);
        }
        requireDisbursed(loan, "REPORT_INTEREST_PAYMENT");
        LoanApplications.refuse(ErrorCode.LOAN_RECORD_INVALID, LoanRecordRules.interestPayment(loan.facts(),
                new LoanRecordRules.InterestPayment(p.accrualStart(), p.accrualEnd(), p.principalBalance(),
                        p.interestAmount(), p.dueDate(), p.paidDate()), calendar.today()));
        if (loans.sequenceTaken(loan.id(), p.sequenceNo())) {
            throw new ApiException(ErrorCode.INTEREST_SEQUENCE_TAKEN, p.sequenceNo(), loanRef);
        }
        // under the loan's row lock: a concurrent report of an overlapping period waits and then sees this one
        LoanRecordRules.overlapping(loans.accrualPeriods(loan.id()), p.accrualStart(), p.accrualEnd())
                .ifPresent(earlier -> {
                    throw new ApiException(ErrorCode.ACCRUAL_OVERLAP, earlier.sequenceNo(), earlier.externalId(),
                            earlier.accrualStart(), earlier.accrualEnd(), loanRef).with("overlaps", Map.of("externalId",
                                    earlier.externalId(), "sequenceNo", earlier.sequenceNo(), "accrualStart",
                                    earlier.accrualStart().toString(), "accrualEnd", earlier.accrualEnd().toString()));
                });
        loans.insertInterest(bankId, p, clock.instant());
        audit.record("INTEREST_PAYMENT_REPORTED", "LOAN", loan.id(), Map.of("externalId", p.externalId(),
                "sequenceNo", p.sequenceNo(), "accrual", p.accrualStart() + "/" + p.accrualEnd(),
                "interestAmount", p.interestAmount().toPlainString(), "paidDate", p.paidDate().toString()));
        return new Reported(loans.find(loan.id()), true);
    }

    @Transactional
    Reported reportRepayment(long bankId, String loanRef, String externalId, LocalDate on, BigDecimal amount) {
        LoanRecord loan = locked(bankId, loanRef);
        RepaymentRow r = new RepaymentRow(loan.id(), externalId, on, Yuan.of(amount, "amount"));
        if (reported(loans.repayment(bankId, externalId), r, externalId)) {
            return new Reported(loan, false);
        }
        requireDisbursed(loan, "REPORT_REPAYMENT");
        LoanApplications.refuse(ErrorCode.LOAN_RECORD_INVALID,
                LoanRecordRules.repayment(loan.facts(), on, r.amount(), calendar.today()));
        loans.insertRepayment(bankId, r, clock.instant());
        audit.record("PRINCIPAL_REPAID", "LOAN", loan.id(), Map.of("externalId", externalId, "repaidOn",
                on.toString(), "amount", r.amount().toPlainString()));
        return new Reported(loans.find(loan.id()), true);
    }

    /** 逾期 OVERDUE starts the loan's overdue period from {@code since}; CURRENT ends it. */
    @Transactional
    Reported reportDelinquency(long bankId, String loanRef, String externalId, String state, LocalDate since) {
        LoanRecord loan = locked(bankId, loanRef);
        DelinquencyRow d = new DelinquencyRow(loan.id(), externalId, state, since);
        if (reported(loans.delinquency(bankId, externalId), d, externalId)) {
            return new Reported(loan, false);
        }
        if (loan.status() != LoanStatus.DISBURSED) {
            throw illegal(loan, loan.status().name(), "REPORT_" + state);
        }
        boolean overdue = "OVERDUE".equals(state);
        if (overdue == (loan.overdueSince() != null)) {
            throw illegal(loan, overdue ? "OVERDUE" : "CURRENT", "REPORT_" + state);
        }
        LoanApplications.refuse(ErrorCode.LOAN_RECORD_INVALID,
                LoanRecordRules.delinquency(loan.facts(), since, loan.overdueSince(), calendar.today()));
        loans.insertDelinquency(bankId, d, clock.instant());
        loans.updateOverdueSince(loan.id(), overdue ? since : null);
        audit.record(overdue ? "LOAN_OVERDUE" : "LOAN_CURRENT", "LOAN", loan.id(), Map.of("externalId", externalId,
                "since", since.toString()));
        return new Reported(loans.find(loan.id()), true);
    }

    /** 违约 the loan defaults with the principal then outstanding, the base of any risk compensation. */
    @Transactional
    Reported reportDefault(long bankId, String loanRef, String externalId, LocalDate on, BigDecimal outstanding) {
        LoanRecord loan = locked(bankId, loanRef);
        BigDecimal principal = Yuan.of(outstanding, "outstandingPrincipal");
        LoanRecord byRef = loans.byDefaultRef(bankId, externalId);
        if (byRef != null) {
            if (byRef.id() == loan.id() && on.equals(byRef.defaultedOn())
                    && principal.compareTo(byRef.defaultOutstanding()) == 0) {
                return new Reported(loan, false);
            }
            throw new ApiException(ErrorCode.EXTERNAL_ID_CONFLICT, externalId);
        }
        step(loan, LoanStatus.Step.DEFAULT);
        LoanApplications.refuse(ErrorCode.LOAN_RECORD_INVALID,
                LoanRecordRules.defaulted(loan.facts(), on, principal, calendar.today()));
        loans.updateDefault(loan.id(), externalId, on, principal);
        audit.record("LOAN_DEFAULTED", "LOAN", loan.id(), Map.of("externalId", externalId, "defaultedOn",
                on.toString(), "outstandingPrincipal", principal.toPlainString()));
        return new Reported(loans.find(loan.id()), true);
    }

    /** 质物处置 money recovered from the pledged IP of a defaulted loan. */
    @Transactional
    Reported reportRecovery(long bankId, String loanRef, RecoveryRow report) {
        LoanRecord loan = locked(bankId, loanRef);
        RecoveryRow r = new RecoveryRow(loan.id(), report.externalId(), report.recoveredOn(),
                Yuan.of(report.grossAmount(), "grossAmount"), Yuan.of(report.disposalCosts(), "disposalCosts"),
                report.source());
        if (reported(loans.recovery(bankId, r.externalId()), r, r.externalId())) {
            return new Reported(loan, false);
        }
        if (loan.defaultedOn() == null) {
            throw illegal(loan, loan.status().name(), "REPORT_RECOVERY");
        }
        LoanApplications.refuse(ErrorCode.LOAN_RECORD_INVALID,
                LoanRecordRules.recovery(loan.facts(), r.recoveredOn(), calendar.today()));
        loans.insertRecovery(bankId, r, clock.instant());
        audit.record("RECOVERY_REPORTED", "LOAN", loan.id(), Map.of("externalId", r.externalId(), "recoveredOn",
                r.recoveredOn().toString(), "grossAmount", r.grossAmount().toPlainString(), "disposalCosts",
                r.disposalCosts().toPlainString(), "source", r.source()));
        return new Reported(loans.find(loan.id()), true);
    }

    /**
     * 续贷 a renewal replaces a maturing loan with a new one on the same pledge: the new loan (same enterprise and
     * product) is disbursed on the signing day with its whole principal, the old one is repaid from it and closed that
     * day, and its active registrations end and continue as the PM01 change registration of the new loan (which keeps
     * the original as its pledge's root, so first-pledge gates and statistics see one pledge). The renewal's external
     * id is the new loan's, and also names the old loan's final repayment and closure.
     */
    @Transactional
    Reported renew(long bankId, String loanRef, LoanMapper.Renewal n, String changeRegistrationNo) {
        LoanMapper.Renewal r = new LoanMapper.Renewal(n.externalId(), n.contractNo(), n.signedOn(),
                Yuan.of(n.principal(), "principal"), n.annualRate(), n.maturityDate(), n.ipShare(),
                n.otherFiscalSubsidy());
        LoanRecord old = locked(bankId, loanRef);
        LoanRecord existing = loans.findByRef(bankId, r.externalId());
        if (existing != null) {
            if (loanRef.equals(existing.renewalOf()) && existing.contractNo().equals(r.contractNo())
                    && existing.contractSignedOn().equals(r.signedOn())
                    && existing.principal().compareTo(r.principal()) == 0
                    && existing.annualRate().compareTo(r.annualRate()) == 0
                    && existing.maturityDate().equals(r.maturityDate())
                    && existing.ipShare().compareTo(r.ipShare()) == 0
                    && existing.otherFiscalSubsidy() == r.otherFiscalSubsidy()) {
                return new Reported(existing, false);
            }
            throw new ApiException(ErrorCode.EXTERNAL_ID_CONFLICT, r.externalId());
        }
        if (old.status() != LoanStatus.DISBURSED || old.overdueSince() != null) {
            throw illegal(old, old.overdueSince() != null ? "OVERDUE" : old.status().name(), "RENEW");
        }
        LoanApplications.refuse(ErrorCode.LOAN_RECORD_INVALID, LoanRecordRules.renewal(old.facts(), r.signedOn(),
                r.maturityDate(), loans.lastAccrualEnd(old.id()), calendar.today()));
        List<RegistrationRow> active = loans.registrations(old.id()).stream()
                .filter(g -> g.cancelledOn() == null).toList();
        if (active.isEmpty()) {
            throw new ApiException(ErrorCode.RENEWAL_NOT_PLEDGED, loanRef);
        }
        if (loans.registration(changeRegistrationNo) != null) {
            throw new ApiException(ErrorCode.PLEDGE_REGISTRATION_TAKEN, changeRegistrationNo);
        }
        if (loans.repayment(bankId, r.externalId()) != null || loans.byClosureRef(bankId, r.externalId()) != null) {
            throw new ApiException(ErrorCode.EXTERNAL_ID_CONFLICT, r.externalId());
        }
        GeneratedId key = new GeneratedId();
        loans.insertRenewal(old.id(), r, clock.instant(), key);
        long renewed = key.getId();
        if (old.facts().outstanding().signum() > 0) {
            loans.insertRepayment(bankId, new RepaymentRow(old.id(), r.externalId(), r.signedOn(),
                    old.facts().outstanding()), clock.instant());
        }
        loans.updateClosure(old.id(), r.externalId(), r.signedOn());
        List<AssetRef> assets = active.stream().flatMap(g -> loans.registrationAssetRefs(g.id()).stream())
                .distinct().sorted(Comparator.comparing(AssetRef::kind).thenComparing(AssetRef::id)).toList();
        active.forEach(g -> loans.cancelRegistration(g.id(), r.signedOn()));
        GeneratedId change = new GeneratedId();
        loans.insertRegistration(renewed, changeRegistrationNo, r.signedOn(), r.principal(), clock.instant(), change);
        loans.markChange(change.getId(), loans.pledgeRoot(active.get(0).id()));
        List<Long> patents = ids(assets, "PATENT");
        List<Long> trademarks = ids(assets, "TRADEMARK");
        if (!patents.isEmpty()) {
            loans.insertRegistrationPatents(change.getId(), patents);
        }
        if (!trademarks.isEmpty()) {
            loans.insertRegistrationTrademarks(change.getId(), trademarks);
        }
        audit.record("LOAN_RENEWED", "LOAN", old.id(), Map.of("renewedBy", r.externalId(), "signedOn",
                r.signedOn().toString(), "repaid", old.facts().outstanding().toPlainString(),
                "changeRegistrationNo", changeRegistrationNo, "ended", active.stream()
                        .map(RegistrationRow::registrationNo).toList()));
        audit.record("LOAN_RENEWAL_CONTRACTED", "LOAN", renewed, Map.of("renewalOf", loanRef, "contractNo",
                r.contractNo(), "principal", r.principal().toPlainString(), "maturityDate",
                r.maturityDate().toString(), "assets", refs(assets)));
        return new Reported(loans.find(renewed), true);
    }

    /** A defaulted loan as a disposal case (质物处置) needs it. */
    public record Defaulted(long loanId, LocalDate defaultedOn) {
    }

    /**
     * Locks the bank's loan for a disposal case: 404 when the bank has no such loan, 409 with the loan's actions unless
     * it is DEFAULTED (a closed loan was written off: its disposal is over).
     */
    @Transactional
    public Defaulted lockDefaulted(long bankId, String loanRef) {
        LoanRecord loan = locked(bankId, loanRef);
        if (loan.status() != LoanStatus.DEFAULTED) {
            throw illegal(loan, loan.status().name(), "OPEN_DISPOSAL_CASE");
        }
        return new Defaulted(loan.id(), loan.defaultedOn());
    }

    /**
     * The proceeds of a disposal case recorded as a recovery of the loan under the step's external id, with the checks
     * and audit of a recovery reported directly; the risk-compensation job returns it to the fund layers.
     */
    @Transactional
    public void reportDisposalProceeds(long bankId, String loanRef, String externalId, LocalDate on,
            BigDecimal gross, BigDecimal costs, String source) {
        reportRecovery(bankId, loanRef, new RecoveryRow(0, externalId, on, gross, costs, source));
    }

    @Transactional
    Reported reportClosure(long bankId, String loanRef, String externalId, LocalDate on) {
        LoanRecord loan = locked(bankId, loanRef);
        LoanRecord byRef = loans.byClosureRef(bankId, externalId);
        if (byRef != null) {
            if (byRef.id() == loan.id() && on.equals(byRef.closedOn())) {
                return new Reported(loan, false);
            }
            throw new ApiException(ErrorCode.EXTERNAL_ID_CONFLICT, externalId);
        }
        step(loan, LoanStatus.Step.CLOSE);
        LoanApplications.refuse(ErrorCode.LOAN_RECORD_INVALID,
                LoanRecordRules.closure(loan.facts(), on, calendar.today()));
        loans.updateClosure(loan.id(), externalId, on);
        audit.record("LOAN_CLOSED", "LOAN", loan.id(), Map.of("externalId", externalId, "closedOn", on.toString()));
        return new Reported(loans.find(loan.id()), true);
    }

    // ---- shared steps

    private LoanRecord locked(long bankId, String loanRef) {
        Long id = loans.lockByRef(bankId, loanRef);
        if (id == null) {
            throw new ApiException(ErrorCode.LOAN_NOT_FOUND, loanRef);
        }
        return loans.find(id);
    }

    /** True when the same record was reported before; a different record under the same external id is refused. */
    private static <R> boolean reported(R existing, R incoming, String externalId) {
        if (existing == null) {
            return false;
        }
        if (existing.equals(incoming)) {
            return true;
        }
        throw new ApiException(ErrorCode.EXTERNAL_ID_CONFLICT, externalId);
    }

    private static void step(LoanRecord loan, LoanStatus.Step step) {
        if (loan.status().after(step).isEmpty()) {
            throw illegal(loan, loan.status().name(), step.name());
        }
    }

    private static void requireDisbursed(LoanRecord loan, String action) {
        if (!loan.status().disbursed()) {
            throw illegal(loan, loan.status().name(), action);
        }
    }

    private static ApiException illegal(LoanRecord loan, String state, String action) {
        return ApiException.illegalTransition("LOAN", state, action, LoanActions.allowed(loan.status(),
                loan.overdueSince() != null, loan.defaultedOn() != null), LoanActions.nextActor(loan.status()));
    }

    private static List<Long> ids(List<AssetRef> refs, String kind) {
        return refs.stream().filter(r -> r.kind().equals(kind)).map(AssetRef::id).toList();
    }

    private static List<String> refs(List<AssetRef> refs) {
        return refs.stream().map(r -> r.kind() + ":" + r.id()).toList();
    }
}
