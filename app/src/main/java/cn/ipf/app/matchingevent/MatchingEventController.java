package cn.ipf.app.matchingevent;

import cn.ipf.api.model.AttendanceConfirmation;
import cn.ipf.api.model.EventBankInvitation;
import cn.ipf.api.model.EventEnterpriseSelection;
import cn.ipf.api.model.MatchingEvent;
import cn.ipf.api.model.MatchingEventPage;
import cn.ipf.api.model.MatchingEventStatus;
import cn.ipf.api.model.NewMatchingEvent;
import cn.ipf.api.server.MatchingEventsApi;
import cn.ipf.app.matchingevent.policy.EventStatus;
import cn.ipf.app.shared.web.Pages;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MatchingEventController implements MatchingEventsApi {

    private final MatchingEvents events;

    MatchingEventController(MatchingEvents events) {
        this.events = events;
    }

    @Override
    public ResponseEntity<MatchingEventPage> listMatchingEvents(MatchingEventStatus status, Integer page,
            Integer size) {
        Pages.Request request = Pages.request(page, size);
        MatchingEvents.Page found = events.list(status == null ? null : EventStatus.valueOf(status.getValue()),
                request);
        return ResponseEntity.ok(new MatchingEventPage()
                .items(found.items().stream().map(MatchingEventViews::summary).toList())
                .page(request.meta(found.total())));
    }

    @Override
    public ResponseEntity<MatchingEvent> createMatchingEvent(NewMatchingEvent e, String idempotencyKey) {
        MatchingEvent created = MatchingEventViews.event(events.create(new MatchingEvents.NewEvent(
                e.getKind().getValue(), e.getTitle(), e.getEventDate(), e.getPlace(), e.getParkName(),
                List.copyOf(e.getDistrictCodes()), e.getThemeIndustries() == null ? List.of()
                        : List.copyOf(e.getThemeIndustries()))));
        return ResponseEntity.created(URI.create(PATH_GET_MATCHING_EVENT.replace("{eventId}",
                String.valueOf(created.getEventId())))).body(created);
    }

    @Override
    public ResponseEntity<MatchingEvent> getMatchingEvent(Long eventId) {
        return ResponseEntity.ok(MatchingEventViews.event(events.get(eventId)));
    }

    @Override
    public ResponseEntity<MatchingEvent> selectEventEnterprises(Long eventId, EventEnterpriseSelection selection,
            String idempotencyKey) {
        return ResponseEntity.ok(MatchingEventViews.event(events.selectEnterprises(eventId,
                List.copyOf(selection.getEnterpriseIds()))));
    }

    @Override
    public ResponseEntity<MatchingEvent> inviteEventBanks(Long eventId, EventBankInvitation invitation,
            String idempotencyKey) {
        return ResponseEntity.ok(MatchingEventViews.event(events.inviteBanks(eventId,
                List.copyOf(invitation.getBankIds()))));
    }

    @Override
    public ResponseEntity<MatchingEvent> publishMatchingEvent(Long eventId, String idempotencyKey) {
        return ResponseEntity.ok(MatchingEventViews.event(events.publish(eventId)));
    }

    @Override
    public ResponseEntity<MatchingEvent> completeMatchingEvent(Long eventId, String idempotencyKey) {
        return ResponseEntity.ok(MatchingEventViews.event(events.complete(eventId)));
    }

    @Override
    public ResponseEntity<MatchingEvent> cancelMatchingEvent(Long eventId, String idempotencyKey) {
        return ResponseEntity.ok(MatchingEventViews.event(events.cancel(eventId)));
    }

    @Override
    public ResponseEntity<MatchingEvent> confirmEventAttendance(Long eventId, Long enterpriseId,
            AttendanceConfirmation c, String idempotencyKey) {
        return ResponseEntity.ok(MatchingEventViews.event(events.answer(eventId, enterpriseId, true,
                c.getPitchSummary(), c.getPitchLink())));
    }

    @Override
    public ResponseEntity<MatchingEvent> declineEventAttendance(Long eventId, Long enterpriseId,
            String idempotencyKey) {
        return ResponseEntity.ok(MatchingEventViews.event(events.answer(eventId, enterpriseId, false, null, null)));
    }
}
