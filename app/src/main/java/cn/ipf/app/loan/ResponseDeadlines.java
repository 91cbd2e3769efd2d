package cn.ipf.app.loan;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.calendar.WorkingCalendar;
import cn.ipf.app.calendar.policy.CalendarNotCovered;
import cn.ipf.app.calendar.policy.WorkingDays;
import cn.ipf.app.shared.time.BusinessCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 限时响应 response deadlines: a bank takes its first decision (approval or rejection) on an application within the
 * programme's number of working days after the submission date. The deadline is fixed at submission; the deadline
 * check escalates, once, every application still undecided after it: the row is marked, the step audited, and the
 * reviewers list it (the SME reads it on its application). A request for information does not stop the clock.
 */
@Service
public class ResponseDeadlines {

    private static final Logger log = LoggerFactory.getLogger(ResponseDeadlines.class);

    private final DeadlineMapper mapper;
    private final WorkingCalendar workingCalendar;
    private final BusinessCalendar calendar;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Clock clock;
    private final int workingDays;

    ResponseDeadlines(DeadlineMapper mapper, WorkingCalendar workingCalendar, BusinessCalendar calendar,
            AccessPolicy access, AuditTrail audit, Clock clock,
            @Value("${ipf.loan.response-working-days:10}") int workingDays) {
        this.mapper = mapper;
        this.workingCalendar = workingCalendar;
        this.calendar = calendar;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.workingDays = workingDays;
    }

    int workingDays() {
        return workingDays;
    }

    /** The deadline of an application submitted on {@code submitted}; null while the calendar does not reach it. */
    LocalDate deadlineFrom(LocalDate submitted) {
        return deadlineFrom(workingCalendar.workingDays(), submitted);
    }

    private LocalDate deadlineFrom(WorkingDays days, LocalDate submitted) {
        try {
            return days.plusWorkingDays(submitted, workingDays);
        } catch (CalendarNotCovered e) {
            return null;
        }
    }

    /**
     * The deadline check: fixes the deadlines the calendar could not give at submission, then escalates every
     * undecided application whose deadline day has passed. Answers how many it escalated.
     */
    @Transactional
    public int escalateOverdue() {
        WorkingDays days = workingCalendar.workingDays();
        for (PendingDecisionRow p : mapper.pendingWithoutDeadline()) {
            LocalDate respondBy = deadlineFrom(days, calendar.dateOf(p.submittedAt()));
            if (respondBy != null) {
                mapper.setRespondBy(p.id(), respondBy);
            }
        }
        Instant now = clock.instant();
        int escalated = 0;
        for (long id : mapper.overdue(calendar.today())) {
            // the update re-checks the row: a decision or another run that got there first leaves it alone
            if (mapper.escalate(id, now) == 1) {
                EscalationRow row = mapper.escalation(id);
                Map<String, Object> changes = new LinkedHashMap<>();
                changes.put("bankId", row.bankId());
                changes.put("respondBy", row.respondBy().toString());
                changes.put("status", row.status().name());
                audit.record("LOAN_APPLICATION_ESCALATED", "LOAN_APPLICATION", id, changes);
                escalated++;
            }
        }
        if (escalated > 0) {
            log.info("response deadlines: {} application(s) escalated", escalated);
        }
        return escalated;
    }

    /** The escalated applications the caller may see, newest escalation first. */
    @Transactional(readOnly = true)
    List<EscalationRow> escalations(boolean openOnly) {
        Caller caller = access.caller();
        access.require(caller, Permission.READ_RESPONSE_ESCALATIONS);
        return mapper.escalations(access.visibleDistrict(caller), openOnly);
    }
}
