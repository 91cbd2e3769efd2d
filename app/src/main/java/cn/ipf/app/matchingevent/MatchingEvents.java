package cn.ipf.app.matchingevent;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.matchingevent.policy.Eligibility;
import cn.ipf.app.matchingevent.policy.EventStatus;
import cn.ipf.app.matchingevent.policy.EventStatus.Step;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.shared.web.Pages;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 银企对接活动 matching events, the office's and the enterprises' side: the office (city or district reviewers,
 * admins: {@link Permission#ORGANISE_MATCHING_EVENTS}) plans an event, selects consenting library enterprises and
 * invites banks, publishes, completes or cancels it; an enterprise confirms or declines with its pitch. Every change
 * locks the event row first, so steps on one event are ordered, and is audited.
 */
@Service
public class MatchingEvents {

    /** What the office fills in. */
    public record NewEvent(String kind, String title, LocalDate eventDate, String place, String parkName,
            List<String> districtCodes, List<String> themeIndustries) {
    }

    /** An event as one caller sees it. */
    public record Detail(EventRow event, List<String> districts, List<String> industries, List<EventBankRow> banks,
            List<ParticipantRow> participants, List<IntentionRow> intentions, List<IntentionLoanRow> loans,
            OutcomeRow outcome) {
    }

    public record Summary(EventRow event, List<String> districts, List<String> industries) {
    }

    public record Page(List<Summary> items, long total) {
    }

    private static final Map<Eligibility, String> REASONS = Map.of(
            Eligibility.NOT_ADMITTED, "not admitted to the library",
            Eligibility.OUTSIDE_DISTRICTS, "outside the event's districts",
            Eligibility.NOT_SHARING, "sharing its data with no invited bank");

    private final MatchingEventMapper mapper;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Clock clock;

    MatchingEvents(MatchingEventMapper mapper, AccessPolicy access, AuditTrail audit, Clock clock) {
        this.mapper = mapper;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Detail create(NewEvent e) {
        Caller caller = access.caller();
        access.require(caller, Permission.ORGANISE_MATCHING_EVENTS);
        if ("PARK_CAMPAIGN".equals(e.kind()) && e.parkName() == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED,
                    List.of(new FieldViolation("parkName", "required for a PARK_CAMPAIGN")));
        }
        List<String> districts = e.districtCodes().stream().distinct().toList();
        if (mapper.countDistricts(districts) != districts.size()) {
            throw new ApiException(ErrorCode.DISTRICT_UNKNOWN, String.join(",", districts));
        }
        districts.forEach(d -> access.requireWithinDistrict(caller, d));
        Instant now = clock.instant();
        GeneratedId key = new GeneratedId();
        mapper.insert(new EventRow(0, e.kind(), e.title(), e.eventDate(), e.place(), e.parkName(),
                EventStatus.PLANNED.name()), caller.userId(), now, key);
        long id = key.getId();
        mapper.insertDistricts(id, districts);
        List<String> industries = e.themeIndustries() == null ? List.of()
                : e.themeIndustries().stream().distinct().toList();
        if (!industries.isEmpty()) {
            mapper.insertIndustries(id, industries);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("kind", e.kind());
        changes.put("title", e.title());
        changes.put("eventDate", e.eventDate().toString());
        changes.put("districts", districts);
        changes.put("themeIndustries", industries);
        audit.record("MATCHING_EVENT_CREATED", "MATCHING_EVENT", id, changes);
        return detail(caller, mapper.find(id));
    }

    @Transactional(readOnly = true)
    public Page list(EventStatus status, Pages.Request request) {
        Caller caller = access.caller();
        access.require(caller, Permission.READ_MATCHING_EVENTS);
        String s = status == null ? null : status.name();
        String district = access.visibleDistrict(caller);
        Long enterprise = access.visibleEnterprise(caller);
        List<Summary> items = mapper.page(s, district, enterprise, request.offset(), request.size()).stream()
                .map(this::summary).toList();
        return new Page(items, mapper.count(s, district, enterprise));
    }

    @Transactional(readOnly = true)
    public Detail get(long eventId) {
        Caller caller = access.caller();
        return detail(caller, visible(caller, mapper.find(eventId), eventId));
    }

    @Transactional
    public Detail selectEnterprises(long eventId, List<Long> enterpriseIds) {
        Caller caller = access.caller();
        EventRow event = organisable(caller, eventId, Step.SELECT_ENTERPRISES);
        enterpriseIds.forEach(id -> access.requireVisible(caller, id));
        for (CandidateRow c : mapper.standing(eventId, enterpriseIds)) {
            Eligibility eligibility = c.eligibility();
            if (!eligibility.accepted()) {
                throw new ApiException(ErrorCode.ENTERPRISE_NOT_ELIGIBLE, c.enterpriseId(), REASONS.get(eligibility))
                        .with("enterpriseId", c.enterpriseId());
            }
        }
        Instant now = clock.instant();
        List<Long> added = addMissing(enterpriseIds, mapper.enterpriseIds(eventId),
                id -> mapper.insertParticipant(eventId, id, now));
        audit.record("MATCHING_EVENT_ENTERPRISES_SELECTED", "MATCHING_EVENT", eventId, Map.of("added", added));
        return detail(caller, event);
    }

    /**
     * Whether each of the given enterprises (e.g. a page of the library search) may be added to the event, for the
     * office choosing them; enterprises that do not exist are left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, Eligibility> eligibility(long eventId, List<Long> enterpriseIds) {
        Caller caller = access.caller();
        access.require(caller, Permission.ORGANISE_MATCHING_EVENTS);
        visible(caller, mapper.find(eventId), eventId);
        Map<Long, Eligibility> found = new LinkedHashMap<>();
        if (!enterpriseIds.isEmpty()) {
            mapper.standing(eventId, enterpriseIds).forEach(c -> found.put(c.enterpriseId(), c.eligibility()));
        }
        return found;
    }

    @Transactional
    public Detail inviteBanks(long eventId, List<Long> bankIds) {
        Caller caller = access.caller();
        EventRow event = organisable(caller, eventId, Step.INVITE_BANKS);
        if (mapper.knownBanks(bankIds).size() != bankIds.size()) {
            throw new ApiException(ErrorCode.BANK_IDS_UNKNOWN);
        }
        Instant now = clock.instant();
        List<Long> added = addMissing(bankIds, mapper.banks(eventId).stream().map(EventBankRow::bankId).toList(),
                id -> mapper.insertBank(eventId, id, now));
        audit.record("MATCHING_EVENT_BANKS_INVITED", "MATCHING_EVENT", eventId, Map.of("added", added));
        return detail(caller, event);
    }

    @Transactional
    public Detail publish(long eventId) {
        Caller caller = access.caller();
        organisable(caller, eventId, Step.PUBLISH);
        if (mapper.enterpriseIds(eventId).isEmpty() || mapper.banks(eventId).isEmpty()) {
            throw new ApiException(ErrorCode.EVENT_INCOMPLETE);
        }
        return move(caller, eventId, Step.PUBLISH, "MATCHING_EVENT_PUBLISHED");
    }

    @Transactional
    public Detail complete(long eventId) {
        Caller caller = access.caller();
        organisable(caller, eventId, Step.COMPLETE);
        return move(caller, eventId, Step.COMPLETE, "MATCHING_EVENT_HELD");
    }

    @Transactional
    public Detail cancel(long eventId) {
        Caller caller = access.caller();
        organisable(caller, eventId, Step.CANCEL);
        return move(caller, eventId, Step.CANCEL, "MATCHING_EVENT_CANCELLED");
    }

    /** The enterprise's own answer (its SME user): CONFIRMED with the pitch, or DECLINED (pitch cleared). */
    @Transactional
    public Detail answer(long eventId, long enterpriseId, boolean attending, String pitchSummary, String pitchLink) {
        Caller caller = access.caller();
        access.require(caller, Permission.ACT_FOR_ENTERPRISE);
        access.requireVisible(caller, enterpriseId);
        EventRow event = visible(caller, mapper.lock(eventId), eventId);
        if (mapper.participants(eventId, enterpriseId, null).isEmpty()) {
            throw new ApiException(ErrorCode.MATCHING_EVENT_NOT_FOUND, eventId);
        }
        step(event, Step.ANSWER_INVITATION);
        String attendance = attending ? "CONFIRMED" : "DECLINED";
        mapper.answer(eventId, enterpriseId, attendance, attending ? pitchSummary : null,
                attending ? pitchLink : null, clock.instant());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("enterpriseId", enterpriseId);
        changes.put("attendance", attendance);
        changes.put("pitchLink", attending ? pitchLink : null);
        audit.record("MATCHING_EVENT_ANSWERED", "MATCHING_EVENT", eventId, changes);
        return detail(caller, event);
    }

    /** Inserts the wanted ids not yet present (what is already on the event is kept as it is); answers them. */
    private static List<Long> addMissing(List<Long> wanted, List<Long> present, LongConsumer insert) {
        Set<Long> on = new HashSet<>(present);
        List<Long> added = new ArrayList<>();
        for (Long id : wanted) {
            if (on.add(id)) {
                insert.accept(id);
                added.add(id);
            }
        }
        return added;
    }

    private Detail move(Caller caller, long eventId, Step step, String action) {
        EventRow event = mapper.find(eventId);
        EventStatus to = step(event, step);
        mapper.setStatus(eventId, to.name(), clock.instant());
        audit.record(action, "MATCHING_EVENT", eventId, Map.of("from", event.status(), "to", to.name()));
        return detail(caller, mapper.find(eventId));
    }

    /** The event locked for a change by the office: the caller may organise events and sees this one. */
    private EventRow organisable(Caller caller, long eventId, Step step) {
        access.require(caller, Permission.ORGANISE_MATCHING_EVENTS);
        EventRow event = visible(caller, mapper.lock(eventId), eventId);
        step(event, step);
        return event;
    }

    private EventRow visible(Caller caller, EventRow event, long eventId) {
        access.require(caller, Permission.READ_MATCHING_EVENTS);
        if (event == null || !access.seesEvent(caller, mapper.districts(eventId), mapper.enterpriseIds(eventId),
                EventStatus.valueOf(event.status()).published())) {
            throw new ApiException(ErrorCode.MATCHING_EVENT_NOT_FOUND, eventId);
        }
        return event;
    }

    static EventStatus step(EventRow event, Step step) {
        EventStatus status = EventStatus.valueOf(event.status());
        return status.after(step).orElseThrow(() -> ApiException.illegalTransition(status, step));
    }

    private Summary summary(EventRow e) {
        return new Summary(e, mapper.districts(e.id()), mapper.industries(e.id()));
    }

    /** An SME sees only its own participation and the intentions concerning it. */
    private Detail detail(Caller caller, EventRow e) {
        Long own = access.visibleEnterprise(caller);
        return new Detail(e, mapper.districts(e.id()), mapper.industries(e.id()), mapper.banks(e.id()),
                mapper.participants(e.id(), own, null), mapper.intentions(e.id(), null, own),
                mapper.intentionLoans(e.id()), mapper.outcome(e.id()));
    }
}
