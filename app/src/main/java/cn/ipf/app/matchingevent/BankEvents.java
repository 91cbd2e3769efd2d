package cn.ipf.app.matchingevent;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.loan.LoanLookup;
import cn.ipf.app.matchingevent.policy.EventStatus;
import cn.ipf.app.matchingevent.policy.IntentionStatus;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.money.Yuan;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.shared.web.Pages;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matching events, the banks' side (signed API): the published events a bank is invited to, with only the enterprises
 * that share their data with it; its intentions (意向) per enterprise, followed to the credit granted and the loans
 * made. Another bank's intention, an event the bank is not invited to, or an enterprise that does not share with it
 * is answered 404.
 */
@Service
public class BankEvents {

    /** An event as the bank sees it. */
    public record BankDetail(EventRow event, List<String> districts, List<String> industries,
            List<ParticipantRow> participants, List<IntentionRow> intentions, List<IntentionLoanRow> loans) {
    }

    /** An intention with its loans; {@code created} is false when it had been recorded before. */
    public record Followed(IntentionRow intention, List<IntentionLoanRow> loans, boolean created) {
    }

    private final MatchingEventMapper mapper;
    private final LoanLookup loans;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;
    private final Clock clock;

    BankEvents(MatchingEventMapper mapper, LoanLookup loans, AuditTrail audit, BusinessCalendar calendar,
            Clock clock) {
        this.mapper = mapper;
        this.loans = loans;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public MatchingEvents.Page list(long bankId, Pages.Request request) {
        List<MatchingEvents.Summary> items = mapper.pageOfBank(bankId, request.offset(), request.size()).stream()
                .map(e -> new MatchingEvents.Summary(e, mapper.districts(e.id()), mapper.industries(e.id())))
                .toList();
        return new MatchingEvents.Page(items, mapper.countOfBank(bankId));
    }

    @Transactional(readOnly = true)
    public BankDetail get(long bankId, long eventId) {
        EventRow e = invited(bankId, mapper.find(eventId), eventId);
        return new BankDetail(e, mapper.districts(eventId), mapper.industries(eventId),
                mapper.participants(eventId, null, bankId), mapper.intentions(eventId, bankId, null),
                mapper.intentionLoans(eventId));
    }

    /** The bank's loans to an enterprise of the event that no intention counts yet (what it may link). */
    @Transactional(readOnly = true)
    public List<LinkableLoanRow> linkableLoans(long bankId, long eventId, long enterpriseId) {
        invited(bankId, mapper.find(eventId), eventId);
        return mapper.linkableLoans(bankId, enterpriseId);
    }

    @Transactional
    public Followed record(long bankId, long eventId, long enterpriseId, String note) {
        EventRow event = invited(bankId, mapper.lock(eventId), eventId);
        MatchingEvents.step(event, EventStatus.Step.RECORD_INTENTION);
        if (!mapper.participantSharesWith(eventId, enterpriseId, bankId)) {
            throw new ApiException(ErrorCode.ENTERPRISE_NOT_FOUND, enterpriseId);
        }
        IntentionRow standing = mapper.intentionOf(eventId, bankId, enterpriseId);
        if (standing != null) {
            return followed(standing, false);
        }
        GeneratedId key = new GeneratedId();
        mapper.insertIntention(eventId, bankId, enterpriseId, note, clock.instant(), key);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("eventId", eventId);
        changes.put("bankId", bankId);
        changes.put("enterpriseId", enterpriseId);
        audit.record("EVENT_INTENTION_RECORDED", "EVENT_INTENTION", key.getId(), changes);
        return followed(mapper.intention(key.getId()), true);
    }

    @Transactional
    public Followed grantCredit(long bankId, long intentionId, BigDecimal amount, LocalDate grantedOn) {
        BigDecimal money = Yuan.of(amount, "amount");
        IntentionRow intention = lock(bankId, intentionId);
        IntentionStatus.Step step = IntentionStatus.Step.GRANT_CREDIT;
        move(intention, step);
        LocalDate eventDate = mapper.find(intention.eventId()).eventDate();
        if (grantedOn.isAfter(calendar.today()) || grantedOn.isBefore(eventDate)) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, List.of(new FieldViolation("grantedOn",
                    "between the event's date " + eventDate + " and today")));
        }
        mapper.grantCredit(intentionId, money, grantedOn, clock.instant());
        audit.record("EVENT_INTENTION_CREDIT_GRANTED", "EVENT_INTENTION", intentionId,
                Map.of("amount", money.toPlainString(), "grantedOn", grantedOn.toString()));
        return followed(mapper.intention(intentionId), false);
    }

    @Transactional
    public Followed linkLoan(long bankId, long intentionId, String loanRef) {
        IntentionRow intention = lock(bankId, intentionId);
        IntentionStatus to = move(intention, IntentionStatus.Step.LINK_LOAN);
        long loanId = loans.loanOf(bankId, loanRef, intention.enterpriseId())
                .orElseThrow(() -> new ApiException(ErrorCode.LOAN_NOT_FOUND, loanRef));
        Long linkedTo = mapper.intentionOfLoan(loanId);
        if (linkedTo != null) {
            if (linkedTo == intentionId) {
                return followed(intention, false);
            }
            throw new ApiException(ErrorCode.LOAN_ALREADY_LINKED, loanRef);
        }
        Instant now = clock.instant();
        mapper.linkLoan(intentionId, loanId, now);
        mapper.setIntentionStatus(intentionId, to.name(), now);
        audit.record("EVENT_INTENTION_LOAN_LINKED", "EVENT_INTENTION", intentionId,
                Map.of("loanId", loanId, "loanRef", loanRef));
        return followed(mapper.intention(intentionId), false);
    }

    @Transactional
    public Followed drop(long bankId, long intentionId) {
        IntentionRow intention = lock(bankId, intentionId);
        IntentionStatus to = move(intention, IntentionStatus.Step.DROP);
        mapper.setIntentionStatus(intentionId, to.name(), clock.instant());
        audit.record("EVENT_INTENTION_DROPPED", "EVENT_INTENTION", intentionId, Map.of("from", intention.status()));
        return followed(mapper.intention(intentionId), false);
    }

    private IntentionRow lock(long bankId, long intentionId) {
        IntentionRow intention = mapper.lockIntention(intentionId, bankId);
        if (intention == null) {
            throw new ApiException(ErrorCode.INTENTION_NOT_FOUND, intentionId);
        }
        return intention;
    }

    private static IntentionStatus move(IntentionRow intention, IntentionStatus.Step step) {
        IntentionStatus status = IntentionStatus.valueOf(intention.status());
        return status.after(step).orElseThrow(() -> ApiException.illegalTransition(status, step));
    }

    private EventRow invited(long bankId, EventRow event, long eventId) {
        // a PLANNED event is the office's draft; a cancelled one stays readable and refuses new intentions (409)
        if (event == null || EventStatus.valueOf(event.status()) == EventStatus.PLANNED
                || !mapper.invited(eventId, bankId)) {
            throw new ApiException(ErrorCode.MATCHING_EVENT_NOT_FOUND, eventId);
        }
        return event;
    }

    private Followed followed(IntentionRow intention, boolean created) {
        List<IntentionLoanRow> loans = mapper.intentionLoans(intention.eventId()).stream()
                .filter(l -> Objects.equals(l.intentionId(), intention.id())).toList();
        return new Followed(intention, loans, created);
    }
}
