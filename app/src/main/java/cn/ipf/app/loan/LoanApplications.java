package cn.ipf.app.loan;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.loan.ApplicationMapper.AssetFacts;
import cn.ipf.app.loan.ApplicationMapper.AssetRef;
import cn.ipf.app.loan.policy.ApplicationRules;
import cn.ipf.app.loan.policy.ApplicationStatus;
import cn.ipf.app.loan.policy.ApplicationStatus.Step;
import cn.ipf.app.loan.policy.LoanRecordRules;
import cn.ipf.app.notification.Notifications;
import cn.ipf.app.product.ProductCatalog;
import cn.ipf.app.product.ProductRecord;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.money.Decimals;
import cn.ipf.app.shared.money.Yuan;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.shared.web.Pages;
import cn.ipf.app.webhook.WebhookEventType;
import cn.ipf.app.webhook.WebhookOutbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 贷款申请 loan applications: an SME applies to one version of a bank's product, the bank asks for information,
 * approves with an offer or rejects, the SME accepts, declines or withdraws, and the bank reports the contract, which
 * creates the loan. Every step is checked against {@link ApplicationStatus} under a lock on the application, audited,
 * and the bank hears of the SME's steps by webhook. Banks see only applications to their own products (else 404).
 */
@Service
public class LoanApplications {

    static final String ENTERPRISE = "ENTERPRISE";
    static final String BANK = "BANK";

    private final ApplicationMapper applications;
    private final LoanMapper loans;
    private final ProductCatalog products;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final WebhookOutbox webhooks;
    private final BusinessCalendar calendar;
    private final ResponseDeadlines deadlines;
    private final Clock clock;

    LoanApplications(ApplicationMapper applications, LoanMapper loans, ProductCatalog products, AccessPolicy access,
            AuditTrail audit, Notifications notifications, WebhookOutbox webhooks, BusinessCalendar calendar,
            ResponseDeadlines deadlines, Clock clock) {
        this.applications = applications;
        this.loans = loans;
        this.products = products;
        this.access = access;
        this.audit = audit;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** An application with what its readers see besides the row. */
    record Detail(ApplicationRecord application, List<ApplicationMapper.AssetRow> assets,
            List<ApplicationMapper.EventRow> history) {
    }

    record Form(long productId, BigDecimal amount, int termMonths, String purpose, List<AssetRef> assets) {
    }

    record Offer(BigDecimal amount, BigDecimal annualRate, int termMonths) {
    }

    record ContractTerms(String externalId, String contractNo, LocalDate signedOn, BigDecimal principal,
            BigDecimal annualRate, LocalDate maturityDate, BigDecimal ipShare, boolean otherFiscalSubsidy) {
    }

    // ---- the enterprise's side

    @Transactional(readOnly = true)
    List<ApplicationRecord> ofEnterprise(long enterpriseId) {
        access.requireVisible(access.caller(), enterpriseId);
        return applications.ofEnterprise(enterpriseId);
    }

    @Transactional(readOnly = true)
    Detail ofEnterprise(long enterpriseId, long applicationId) {
        access.requireVisible(access.caller(), enterpriseId);
        return detail(enterpriseApplication(enterpriseId, applicationId));
    }

    /** What the enterprise may offer as collateral today (the apply page's choices). */
    @Transactional(readOnly = true)
    List<ApplicationMapper.AssetRow> offerable(long enterpriseId) {
        access.requireVisible(access.caller(), enterpriseId);
        return applications.offerable(enterpriseId, calendar.today());
    }

    @Transactional
    Detail apply(long enterpriseId, Form form) {
        Caller caller = ownSme(enterpriseId);
        BigDecimal amount = Yuan.of(form.amount(), "amount");
        ProductRecord product = products.version(form.productId())
                .orElseThrow(() -> new ApiException(ErrorCode.PRODUCT_NOT_FOUND, form.productId()));
        if (applications.dishonestyListed(enterpriseId)) {
            throw new ApiException(ErrorCode.DISHONESTY_LISTED);
        }
        LocalDate today = calendar.today();
        List<AssetRef> offered = form.assets().stream().distinct().toList();
        List<ApplicationRules.Asset> assets = assets(offered, applications.assetFacts(enterpriseId, offered, today));
        refuse(ErrorCode.APPLICATION_INVALID, ApplicationRules.check(rulesView(product), amount, form.termMonths(),
                assets, today));

        GeneratedId key = new GeneratedId();
        Instant now = clock.instant();
        applications.insert(enterpriseId, product.bankId(), product.id(), amount, form.termMonths(), form.purpose(),
                caller.userId(), now, deadlines.deadlineFrom(calendar.dateOf(now)), key);
        long id = key.getId();
        applications.insertAssets(id, offered);
        applications.insertEvent(id, ApplicationStatus.SUBMITTED, ENTERPRISE, form.purpose(), now);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("enterpriseId", enterpriseId);
        summary.put("productId", product.id());
        summary.put("amount", amount.toPlainString());
        summary.put("termMonths", form.termMonths());
        summary.put("assets", offered.stream().map(a -> a.kind() + ":" + a.id()).toList());
        audit.record("LOAN_APPLICATION_SUBMITTED", "LOAN_APPLICATION", id, summary);
        ApplicationRecord created = applications.find(id);
        notifyBank(created, WebhookEventType.APPLICATION_SUBMITTED);
        return detail(created);
    }

    @Transactional
    Detail withdraw(long enterpriseId, long applicationId) {
        ownSme(enterpriseId);
        return enterpriseStep(enterpriseId, applicationId, Step.WITHDRAW, null, WebhookEventType.APPLICATION_WITHDRAWN);
    }

    @Transactional
    Detail provideInformation(long enterpriseId, long applicationId, String message) {
        ownSme(enterpriseId);
        return enterpriseStep(enterpriseId, applicationId, Step.PROVIDE_INFO, message,
                WebhookEventType.APPLICATION_INFO_PROVIDED);
    }

    @Transactional
    Detail acceptOffer(long enterpriseId, long applicationId) {
        ownSme(enterpriseId);
        return enterpriseStep(enterpriseId, applicationId, Step.ACCEPT, null, WebhookEventType.OFFER_ACCEPTED);
    }

    @Transactional
    Detail declineOffer(long enterpriseId, long applicationId, String message) {
        ownSme(enterpriseId);
        return enterpriseStep(enterpriseId, applicationId, Step.DECLINE, message, WebhookEventType.OFFER_DECLINED);
    }

    private Detail enterpriseStep(long enterpriseId, long applicationId, Step step, String message,
            WebhookEventType event) {
        enterpriseApplication(enterpriseId, applicationId);
        ApplicationStatus next = transition(applicationId, step);
        ApplicationRecord changed = record(applicationId, next, ENTERPRISE, message, step, Map.of());
        notifyBank(changed, event);
        return detail(changed);
    }

    // ---- the bank's side

    record Page(List<ApplicationRecord> items, long total) {
    }

    @Transactional(readOnly = true)
    Page ofBank(long bankId, ApplicationStatus status, Pages.Request page) {
        return new Page(applications.ofBank(bankId, status, page.offset(), page.size()),
                applications.countOfBank(bankId, status));
    }

    /** The bank's applications in each state, for its queue's counts. */
    @Transactional(readOnly = true)
    Map<ApplicationStatus, Long> countsOfBank(long bankId) {
        Map<ApplicationStatus, Long> counts = new EnumMap<>(ApplicationStatus.class);
        for (ApplicationStatus status : ApplicationStatus.values()) {
            counts.put(status, applications.countOfBank(bankId, status));
        }
        return counts;
    }

    @Transactional(readOnly = true)
    Detail ofBank(long bankId, long applicationId) {
        return detail(bankApplication(bankId, applicationId));
    }

    @Transactional
    Detail requestInformation(long bankId, long applicationId, String message) {
        bankApplication(bankId, applicationId);
        ApplicationStatus next = transition(applicationId, Step.REQUEST_INFO);
        return detail(record(applicationId, next, BANK, message, Step.REQUEST_INFO, Map.of()));
    }

    @Transactional
    Detail approve(long bankId, long applicationId, Offer offer) {
        ApplicationRecord app = bankApplication(bankId, applicationId);
        BigDecimal amount = Yuan.of(offer.amount(), "amount");
        BigDecimal annualRate = Decimals.atMost(offer.annualRate(), 6, "annualRate");
        ApplicationStatus next = transition(applicationId, Step.APPROVE);
        ProductRecord product = products.version(app.productId()).orElseThrow();
        refuse(ErrorCode.APPLICATION_INVALID, ApplicationRules.offer(rulesView(product), amount, offer.termMonths()));
        applications.updateOffer(applicationId, amount, annualRate, offer.termMonths(), clock.instant());
        return detail(record(applicationId, next, BANK, null, Step.APPROVE, Map.of("amount", amount.toPlainString(),
                "annualRate", annualRate.toPlainString(), "termMonths", offer.termMonths())));
    }

    @Transactional
    Detail reject(long bankId, long applicationId, String reasonCode, String note) {
        bankApplication(bankId, applicationId);
        if ("OTHER".equals(reasonCode) && (note == null || note.isBlank())) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED,
                    List.of(new FieldViolation("note", "required when reasonCode is OTHER")));
        }
        ApplicationStatus next = transition(applicationId, Step.REJECT);
        applications.updateRejection(applicationId, reasonCode, clock.instant());
        return detail(record(applicationId, next, BANK, note, Step.REJECT, Map.of("reasonCode", reasonCode)));
    }

    /** The contract of an accepted offer: creates the loan; the same contract reported again answers the loan. */
    @Transactional
    LoanBook.Reported reportContract(long bankId, long applicationId, ContractTerms terms) {
        // the application's lock first, before anything is read: a concurrent report of the same contract then waits
        // here and, reading after it committed, finds the loan and answers it instead of an illegal transition; only
        // the bank's own application is locked, so a bank cannot hold another bank's rows
        if (applications.lockStatusOfBank(applicationId, bankId) == null) {
            throw new ApiException(ErrorCode.APPLICATION_NOT_FOUND, applicationId);
        }
        ApplicationRecord app = bankApplication(bankId, applicationId);
        BigDecimal principal = Yuan.of(terms.principal(), "principal");
        LoanRecord existing = loans.findByRef(bankId, terms.externalId());
        if (existing != null) {
            if (sameContract(existing, applicationId, terms, principal)) {
                return new LoanBook.Reported(existing, false);
            }
            throw new ApiException(ErrorCode.EXTERNAL_ID_CONFLICT, terms.externalId());
        }
        Decimals.atMost(terms.ipShare(), 4, "ipShare");
        Decimals.atMost(terms.annualRate(), 6, "annualRate");
        ApplicationStatus next = transition(applicationId, Step.REPORT_CONTRACT);
        refuse(ErrorCode.LOAN_RECORD_INVALID, LoanRecordRules.contract(terms.signedOn(), terms.maturityDate(),
                principal, app.offerAmount(), calendar.dateOf(app.submittedAt()), calendar.today()));
        GeneratedId key = new GeneratedId();
        loans.insert(new LoanMapper.Contract(bankId, app.enterpriseId(), app.productId(), applicationId,
                terms.externalId(), terms.contractNo(), terms.signedOn(), principal, terms.annualRate(),
                terms.maturityDate(), terms.ipShare(), terms.otherFiscalSubsidy()), clock.instant(), key);
        record(applicationId, next, BANK, null, Step.REPORT_CONTRACT, Map.of("loanId", key.getId()));
        audit.record("LOAN_CONTRACT_REPORTED", "LOAN", key.getId(), Map.of("applicationId", applicationId,
                "externalId", terms.externalId(), "contractNo", terms.contractNo(), "principal",
                principal.toPlainString(), "signedOn", terms.signedOn().toString()));
        return new LoanBook.Reported(loans.find(key.getId()), true);
    }

    private static boolean sameContract(LoanRecord l, long applicationId, ContractTerms t, BigDecimal principal) {
        return Long.valueOf(applicationId).equals(l.applicationId()) && l.contractNo().equals(t.contractNo())
                && l.contractSignedOn().equals(t.signedOn()) && l.principal().compareTo(principal) == 0
                && l.annualRate().compareTo(t.annualRate()) == 0 && l.maturityDate().equals(t.maturityDate())
                && l.ipShare().compareTo(t.ipShare()) == 0 && l.otherFiscalSubsidy() == t.otherFiscalSubsidy();
    }

    // ---- shared steps

    private Caller ownSme(long enterpriseId) {
        Caller caller = access.caller();
        access.requireVisible(caller, enterpriseId);
        access.require(caller, Permission.ACT_FOR_ENTERPRISE);
        return caller;
    }

    private ApplicationRecord enterpriseApplication(long enterpriseId, long applicationId) {
        ApplicationRecord app = applications.find(applicationId);
        if (app == null || app.enterpriseId() != enterpriseId) {
            throw new ApiException(ErrorCode.APPLICATION_NOT_FOUND, applicationId);
        }
        return app;
    }

    private ApplicationRecord bankApplication(long bankId, long applicationId) {
        ApplicationRecord app = applications.find(applicationId);
        if (app == null || app.bankId() != bankId) {
            throw new ApiException(ErrorCode.APPLICATION_NOT_FOUND, applicationId);
        }
        return app;
    }

    /** Locks the application and answers the state the step leads to, or 409 with the current state. */
    private ApplicationStatus transition(long applicationId, Step step) {
        ApplicationStatus current = applications.lockStatus(applicationId);
        return current.after(step).orElseThrow(() -> ApiException.illegalTransition(current, step));
    }

    private ApplicationRecord record(long applicationId, ApplicationStatus next, String actor, String message,
            Step step, Map<String, ?> details) {
        Instant now = clock.instant();
        applications.updateStatus(applicationId, next, now);
        applications.insertEvent(applicationId, next, actor, message, now);
        Map<String, Object> changes = new LinkedHashMap<>(details);
        changes.put("status", next.name());
        if (message != null) {
            changes.put("message", message);
        }
        audit.record("LOAN_APPLICATION_" + step.name(), "LOAN_APPLICATION", applicationId, changes);
        ApplicationRecord changed = applications.find(applicationId);
        notifications.loanApplicationChanged(changed.enterpriseId(), applicationId, next.name());
        return changed;
    }

    /** The application's bank hears of the enterprise's steps; a new application carries what was asked for. */
    private void notifyBank(ApplicationRecord app, WebhookEventType event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applicationId", app.id());
        data.put("enterpriseId", app.enterpriseId());
        data.put("productId", app.productId());
        data.put("status", app.status().name());
        if (event == WebhookEventType.APPLICATION_SUBMITTED) {
            data.put("amount", app.amount());
            data.put("termMonths", app.termMonths());
        }
        webhooks.publish(app.bankId(), event, data);
    }

    private Detail detail(ApplicationRecord app) {
        return new Detail(app, applications.assets(app.id(), app.enterpriseId(), calendar.today()),
                applications.events(app.id()));
    }

    private static ApplicationRules.Product rulesView(ProductRecord p) {
        return new ApplicationRules.Product("ACTIVE".equals(p.status()), p.windowStart(), p.windowEnd(),
                p.amountMin(), p.amountMax(), p.termMonthsMin(), p.termMonthsMax(), Set.copyOf(p.collateralKinds()));
    }

    /** The assets named, as the rules see them; one that does not exist is nobody's. */
    static List<ApplicationRules.Asset> assets(List<AssetRef> refs, List<AssetFacts> found) {
        Map<AssetRef, AssetFacts> facts = found.stream()
                .collect(Collectors.toMap(f -> new AssetRef(f.kind(), f.id()), Function.identity()));
        return refs.stream().map(ref -> {
            AssetFacts f = facts.get(ref);
            String name = ref.kind() + " " + ref.id();
            return f == null ? new ApplicationRules.Asset(name, null, false, false, false)
                    : new ApplicationRules.Asset(name, f.collateralKind(), f.owned(), f.valid(), f.pledged());
        }).toList();
    }

    static void refuse(ErrorCode code, List<LoanRecordRules.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ApiException(code, violations.stream()
                    .map(v -> new FieldViolation(v.field(), v.message())).toList());
        }
    }
}
