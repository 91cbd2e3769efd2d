package cn.ipf.app.library;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.access.Caller;
import cn.ipf.app.library.policy.AdmissionAction;
import cn.ipf.app.library.policy.AdmissionStatus;
import cn.ipf.app.library.policy.AdmissionWorkflow;
import cn.ipf.app.library.policy.ScreeningResult;
import cn.ipf.app.notification.Notifications;
import cn.ipf.app.notification.policy.NotificationEvent;
import cn.ipf.app.security.Actor;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.user.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 两级审核 the two-level admission workflow. Every step locks the entry, checks who may act, applies the pure
 * {@link AdmissionWorkflow}, screens under the rule set in force, and freezes the breakdown and rule-set version on
 * the decision, audited in the same transaction.
 */
@Service
public class AdmissionService {

    /** Steps that need every hard gate passed. */
    private static final Set<AdmissionAction> GATED =
            EnumSet.of(AdmissionAction.SUBMIT, AdmissionAction.DISTRICT_APPROVE, AdmissionAction.CITY_APPROVE);
    /** Approvals also need the score to reach the threshold; submitting below it lets reviewers see why. */
    private static final Set<AdmissionAction> APPROVALS =
            EnumSet.of(AdmissionAction.DISTRICT_APPROVE, AdmissionAction.CITY_APPROVE);

    private final EnterpriseMapper enterprises;
    private final AdmissionMapper decisions;
    private final EnterpriseService enterpriseService;
    private final ScreeningService screening;
    private final LibraryAccess access;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AdmissionService(EnterpriseMapper enterprises, AdmissionMapper decisions, EnterpriseService enterpriseService,
            ScreeningService screening, LibraryAccess access, AuditTrail audit, Notifications notifications,
            BusinessCalendar calendar,
            Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.enterprises = enterprises;
        this.decisions = decisions;
        this.enterpriseService = enterpriseService;
        this.screening = screening;
        this.access = access;
        this.audit = audit;
        this.notifications = notifications;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** A decision as stored, with its frozen screening. */
    record Decision(AdmissionMapper.DecisionRow row, ScreeningResult screening) {
    }

    @Transactional
    Decision submit(long enterpriseId, String comment) {
        Caller caller = access.caller();
        EnterpriseRecord e = access.maintainable(caller, enterpriseId);
        return apply(e, AdmissionAction.SUBMIT, caller.userId(), caller.role().name(), comment);
    }

    @Transactional
    Decision decide(long enterpriseId, AdmissionAction action, String comment) {
        Caller caller = access.caller();
        EnterpriseRecord e = access.reviewable(caller, enterpriseId);
        checkReviewer(caller, enterprises.lockEntry(enterpriseId), action);
        return apply(e, action, caller.userId(), caller.role().name(), comment);
    }

    /** A serious-dishonesty listing suspends an admitted enterprise at once; the system is the actor. */
    @Transactional
    void suspendForDishonesty(long enterpriseId) {
        if (AdmissionStatus.valueOf(enterprises.lockEntry(enterpriseId).status()) == AdmissionStatus.ADMITTED) {
            apply(enterprises.find(enterpriseId), AdmissionAction.SUSPEND, null, Actor.Kind.SYSTEM.name(),
                    "automatic suspension: listed as seriously dishonest");
        }
    }

    List<Decision> history(long enterpriseId) {
        access.visible(access.caller(), enterpriseId);
        return decisions.ofEnterprise(enterpriseId).stream()
                .map(row -> new Decision(row, screening.fromJson(row.screening()))).toList();
    }

    /**
     * Whether a reviewer's role may take the action on an entry in that state (the workflow must allow it too);
     * the console offers only these. Maker-checker is checked on the step itself.
     */
    static boolean mayTake(Caller caller, AdmissionStatus current, AdmissionAction action) {
        boolean city = caller.is(Role.CITY_REVIEWER);
        return switch (action) {
            case DISTRICT_APPROVE -> true;
            case CITY_APPROVE, SUSPEND, REMOVE -> city;
            // at the second level only the city may send back or refuse
            case RETURN, REJECT -> city || current != AdmissionStatus.DISTRICT_APPROVED;
            case SUBMIT -> false;
        };
    }

    private void checkReviewer(Caller caller, EnterpriseMapper.LockedEntry entry, AdmissionAction action) {
        AdmissionStatus current = AdmissionStatus.valueOf(entry.status());
        if (!mayTake(caller, current, action)) {
            throw new ApiException(ErrorCode.FORBIDDEN);
        }
        if (action == AdmissionAction.CITY_APPROVE && current == AdmissionStatus.DISTRICT_APPROVED
                && Long.valueOf(caller.userId()).equals(entry.districtApprovedBy())) {
            throw new ApiException(ErrorCode.MAKER_CHECKER);
        }
    }

    private Decision apply(EnterpriseRecord readBeforeLock, AdmissionAction action, Long actorUserId,
            String actorRole, String comment) {
        EnterpriseMapper.LockedEntry entry = enterprises.lockEntry(readBeforeLock.id());
        // what was read before the lock may be out of date (e.g. a listing committed meanwhile): read it again
        EnterpriseRecord e = enterprises.find(readBeforeLock.id());
        AdmissionStatus from = AdmissionStatus.valueOf(entry.status());
        AdmissionStatus to = AdmissionWorkflow.next(from, action)
                .orElseThrow(() -> ApiException.illegalTransition(from, action));
        if ((action == AdmissionAction.RETURN || action == AdmissionAction.REJECT)
                && (comment == null || comment.isBlank())) {
            throw new ApiException(ErrorCode.COMMENT_REQUIRED);
        }
        if (action == AdmissionAction.SUBMIT && e.dishonestyListed()) {
            throw new ApiException(ErrorCode.DISHONESTY_LISTED);
        }
        ScreeningService.Evaluated evaluated = screening.evaluate(enterpriseService.view(e));
        ScreeningResult result = evaluated.result();
        if (GATED.contains(action) && !result.gatesPassed()) {
            throw new ApiException(ErrorCode.SCREENING_GATE_FAILED, result.failedGates().stream()
                    .map(g -> new FieldViolation(g.gate(), g.reason())).toList());
        }
        if (APPROVALS.contains(action) && !result.meetsThreshold()) {
            throw new ApiException(ErrorCode.SCORE_BELOW_THRESHOLD, result.score(), result.threshold())
                    .with("score", result.score()).with("threshold", result.threshold());
        }
        Instant now = clock.instant();
        Long districtApprover = switch (action) {
            case DISTRICT_APPROVE -> actorUserId;
            case CITY_APPROVE, SUSPEND, REMOVE -> entry.districtApprovedBy();
            case SUBMIT, RETURN, REJECT -> null;
        };
        LocalDate admittedOn = action == AdmissionAction.CITY_APPROVE ? calendar.today() : entry.admittedOn();
        enterprises.updateEntry(e.id(), to.name(), result.score(), evaluated.ruleSetVersion(), districtApprover,
                admittedOn, now);
        if (from == AdmissionStatus.ADMITTED || to == AdmissionStatus.ADMITTED) {
            events.publishEvent(new AdmissionChanged(e.id()));
        }
        AdmissionMapper.DecisionRow row = new AdmissionMapper.DecisionRow(0, e.id(), action.name(), from.name(),
                to.name(), actorUserId, actorRole, comment, evaluated.ruleSetVersion(), result.score(),
                screening.toJson(result), now);
        GeneratedId key = new GeneratedId();
        decisions.insert(row, key);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("decisionId", key.getId());
        summary.put("from", from.name());
        summary.put("to", to.name());
        summary.put("score", result.score());
        summary.put("ruleSetVersion", evaluated.ruleSetVersion());
        summary.put("gatesPassed", result.gatesPassed());
        summary.put("comment", comment);
        if (actorUserId == null) {
            audit.recordAs(Actor.SYSTEM, "LIBRARY_" + action.name(), "ENTERPRISE", e.id(), summary);
        } else {
            audit.record("LIBRARY_" + action.name(), "ENTERPRISE", e.id(), summary);
        }
        notify(e, action, comment);
        return new Decision(decisions.find(key.getId()), result);
    }

    /** Tells the enterprise (and the reviewers who act next) of the step. */
    private void notify(EnterpriseRecord e, AdmissionAction action, String comment) {
        switch (action) {
            case SUBMIT -> notifications.admissionSubmitted(e.id(), e.name());
            case DISTRICT_APPROVE -> notifications.admissionDistrictApproved(e.id(), e.name());
            case CITY_APPROVE -> notifications.admissionDecided(e.id(), e.name(), NotificationEvent.ADMISSION_ADMITTED,
                    comment);
            case RETURN -> notifications.admissionDecided(e.id(), e.name(), NotificationEvent.ADMISSION_RETURNED,
                    comment);
            case REJECT -> notifications.admissionDecided(e.id(), e.name(), NotificationEvent.ADMISSION_REJECTED,
                    comment);
            case SUSPEND -> notifications.admissionDecided(e.id(), e.name(), NotificationEvent.ADMISSION_SUSPENDED,
                    comment);
            case REMOVE -> notifications.admissionDecided(e.id(), e.name(), NotificationEvent.ADMISSION_REMOVED,
                    comment);
        }
    }
}
