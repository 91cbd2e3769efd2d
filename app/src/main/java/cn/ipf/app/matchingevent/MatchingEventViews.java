package cn.ipf.app.matchingevent;

import cn.ipf.api.model.AttendanceStatus;
import cn.ipf.api.model.BankMatchingEvent;
import cn.ipf.api.model.EventBank;
import cn.ipf.api.model.EventIntention;
import cn.ipf.api.model.EventOutcome;
import cn.ipf.api.model.EventParticipant;
import cn.ipf.api.model.IntentionLoan;
import cn.ipf.api.model.IntentionStatus;
import cn.ipf.api.model.MatchingEvent;
import cn.ipf.api.model.MatchingEventKind;
import cn.ipf.api.model.MatchingEventStatus;
import cn.ipf.api.model.MatchingEventSummary;
import cn.ipf.app.shared.web.ApiTime;
import java.util.List;

/** Matching events, participants and intentions as the contract shows them. */
final class MatchingEventViews {

    private MatchingEventViews() {
    }

    static MatchingEventSummary summary(MatchingEvents.Summary s) {
        EventRow e = s.event();
        return new MatchingEventSummary().eventId(e.id()).kind(MatchingEventKind.fromValue(e.kind()))
                .title(e.title()).eventDate(e.eventDate()).place(e.place()).parkName(e.parkName())
                .districtCodes(s.districts()).themeIndustries(s.industries())
                .status(MatchingEventStatus.fromValue(e.status()));
    }

    static MatchingEvent event(MatchingEvents.Detail d) {
        EventRow e = d.event();
        OutcomeRow o = d.outcome();
        return new MatchingEvent().eventId(e.id()).kind(MatchingEventKind.fromValue(e.kind())).title(e.title())
                .eventDate(e.eventDate()).place(e.place()).parkName(e.parkName()).districtCodes(d.districts())
                .themeIndustries(d.industries()).status(MatchingEventStatus.fromValue(e.status()))
                .banks(d.banks().stream().map(b -> new EventBank().bankId(b.bankId()).bankName(b.bankName()))
                        .toList())
                .enterprises(d.participants().stream().map(MatchingEventViews::participant).toList())
                .intentions(d.intentions().stream().map(i -> intention(i, d.loans())).toList())
                .outcome(new EventOutcome().enterprisesInvited(o.enterprisesInvited())
                        .enterprisesServed(o.enterprisesServed()).intentions(o.intentions())
                        .creditGranted(o.creditGranted()).loans(o.loans()).loanAmount(o.loanAmount()));
    }

    static BankMatchingEvent bankEvent(BankEvents.BankDetail d) {
        EventRow e = d.event();
        return new BankMatchingEvent().eventId(e.id()).kind(MatchingEventKind.fromValue(e.kind()))
                .title(e.title()).eventDate(e.eventDate()).place(e.place()).parkName(e.parkName())
                .districtCodes(d.districts()).themeIndustries(d.industries())
                .status(MatchingEventStatus.fromValue(e.status()))
                .enterprises(d.participants().stream().map(MatchingEventViews::participant).toList())
                .intentions(d.intentions().stream().map(i -> intention(i, d.loans())).toList());
    }

    static EventIntention intention(BankEvents.Followed f) {
        return intention(f.intention(), f.loans());
    }

    /** The intention with those of {@code loans} linked to it. */
    private static EventIntention intention(IntentionRow i, List<IntentionLoanRow> loans) {
        return new EventIntention().intentionId(i.id()).eventId(i.eventId()).bankId(i.bankId())
                .enterpriseId(i.enterpriseId()).status(IntentionStatus.fromValue(i.status())).note(i.note())
                .creditAmount(i.creditAmount()).creditGrantedOn(i.creditGrantedOn())
                .recordedAt(ApiTime.utc(i.recordedAt()))
                .loans(loans.stream().filter(l -> l.intentionId() == i.id())
                        .map(l -> new IntentionLoan().loanRef(l.loanRef()).principal(l.principal())
                                .status(l.status()).disbursedOn(l.disbursedOn()))
                        .toList());
    }

    private static EventParticipant participant(ParticipantRow p) {
        return new EventParticipant().enterpriseId(p.enterpriseId()).enterpriseName(p.enterpriseName())
                .districtCode(p.districtCode()).industryCode(p.industryCode())
                .attendance(AttendanceStatus.fromValue(p.attendance())).pitchSummary(p.pitchSummary())
                .pitchLink(p.pitchLink()).respondedAt(p.respondedAt() == null ? null : ApiTime.utc(p.respondedAt()));
    }
}
