package cn.ipf.app.matchingevent;

import cn.ipf.api.model.BankMatchingEvent;
import cn.ipf.api.model.BankMatchingEventPage;
import cn.ipf.api.model.EventIntention;
import cn.ipf.api.model.IntentionCreditReport;
import cn.ipf.api.model.IntentionLoanLink;
import cn.ipf.api.model.NewEventIntention;
import cn.ipf.api.server.BankMatchingEventsApi;
import cn.ipf.app.security.CurrentActor;
import cn.ipf.app.shared.web.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BankMatchingEventController implements BankMatchingEventsApi {

    private final BankEvents events;

    BankMatchingEventController(BankEvents events) {
        this.events = events;
    }

    @Override
    public ResponseEntity<BankMatchingEventPage> listBankMatchingEvents(Integer page, Integer size) {
        Pages.Request request = Pages.request(page, size);
        MatchingEvents.Page found = events.list(bank(), request);
        return ResponseEntity.ok(new BankMatchingEventPage()
                .items(found.items().stream().map(MatchingEventViews::summary).toList())
                .page(request.meta(found.total())));
    }

    @Override
    public ResponseEntity<BankMatchingEvent> getBankMatchingEvent(Long eventId) {
        return ResponseEntity.ok(MatchingEventViews.bankEvent(events.get(bank(), eventId)));
    }

    @Override
    public ResponseEntity<EventIntention> recordEventIntention(Long eventId, String idempotencyKey,
            NewEventIntention i) {
        BankEvents.Followed f = events.record(bank(), eventId, i.getEnterpriseId(), i.getNote());
        return ResponseEntity.status(f.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(MatchingEventViews.intention(f));
    }

    @Override
    public ResponseEntity<EventIntention> reportIntentionCredit(Long intentionId, String idempotencyKey,
            IntentionCreditReport r) {
        return ResponseEntity.ok(MatchingEventViews.intention(events.grantCredit(bank(), intentionId, r.getAmount(),
                r.getGrantedOn())));
    }

    @Override
    public ResponseEntity<EventIntention> linkIntentionLoan(Long intentionId, String idempotencyKey,
            IntentionLoanLink link) {
        return ResponseEntity.ok(MatchingEventViews.intention(events.linkLoan(bank(), intentionId,
                link.getLoanRef())));
    }

    @Override
    public ResponseEntity<EventIntention> dropEventIntention(Long intentionId, String idempotencyKey) {
        return ResponseEntity.ok(MatchingEventViews.intention(events.drop(bank(), intentionId)));
    }

    private static long bank() {
        return CurrentActor.get().bankId();
    }
}
