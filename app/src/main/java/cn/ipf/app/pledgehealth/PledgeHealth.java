package cn.ipf.app.pledgehealth;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.library.policy.CnPatentNumber;
import cn.ipf.app.pledgehealth.policy.HealthWarnings;
import cn.ipf.app.pledgehealth.policy.HealthWarnings.Warning;
import cn.ipf.app.pledgehealth.policy.LegalEventKind;
import cn.ipf.app.pledgehealth.policy.PatentTerms.PatentType;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.webhook.WebhookEventType;
import cn.ipf.app.webhook.WebhookOutbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 质物监测 pledged-IP health: gazette legal-status events are imported all or nothing, matched to the assets under a
 * pledge registration not cancelled, and each match raises an alert that the pledgee bank receives by webhook
 * ({@code pledge.asset_at_risk}, in the import's transaction), the fund and regulators read with the at-risk pledged
 * value, and the SME reads with what to do (see {@link LegalEventKind}).
 */
@Service
public class PledgeHealth {

    static final int MAX_LISTED = 500;

    private final PledgeHealthMapper mapper;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final WebhookOutbox outbox;
    private final BusinessCalendar calendar;
    private final Clock clock;

    PledgeHealth(PledgeHealthMapper mapper, AccessPolicy access, AuditTrail audit, WebhookOutbox outbox,
            BusinessCalendar calendar, Clock clock) {
        this.mapper = mapper;
        this.access = access;
        this.audit = audit;
        this.outbox = outbox;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** One gazette event as given: {@code patent} true for a patent number, false for a trademark's. */
    public record EventInput(boolean patent, String number, LegalEventKind kind, LocalDate eventDate, String note) {
    }

    /** What an import did: events stored (repeats not counted) and alerts raised. */
    public record Imported(int imported, List<PledgeAlertRow> alerts) {
    }

    /** The fund's and regulators' view. */
    public record Summary(long alertCount, BigDecimal atRiskPledgedValue, List<PledgeAlertRow> alerts) {
    }

    @Transactional
    public Imported importEvents(List<EventInput> events) {
        Caller caller = access.caller();
        List<String> numbers = validated(events);
        Instant now = clock.instant();
        int imported = 0;
        List<PledgeAlertRow> alerts = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            EventInput e = events.get(i);
            String kind = e.patent() ? "PATENT" : "TRADEMARK";
            String number = numbers.get(i);
            if (mapper.findEvent(kind, number, e.kind().name(), e.eventDate()) != null) {
                continue; // already imported: its alerts were raised then
            }
            GeneratedId event = new GeneratedId();
            mapper.insertEvent(kind, number, e.kind().name(), e.eventDate(), e.note(), now, caller.userId(), event);
            imported++;
            List<PledgedAssetMatch> matches = e.patent() ? mapper.pledgedPatents(number)
                    : mapper.pledgedTrademarks(number);
            for (PledgedAssetMatch m : matches) {
                GeneratedId key = new GeneratedId();
                mapper.insertAlert(event.getId(), m, e.kind().cureBy(e.eventDate()).orElse(null), now, key);
                PledgeAlertRow alert = mapper.alert(key.getId());
                alerts.add(alert);
                outbox.publish(m.bankId(), WebhookEventType.PLEDGE_ASSET_AT_RISK, webhookData(alert));
            }
        }
        audit.record("LEGAL_STATUS_IMPORTED", "LEGAL_STATUS_EVENT", "import", Map.of("received", events.size(),
                "imported", imported, "alerts", alerts.size()));
        return new Imported(imported, alerts);
    }

    @Transactional(readOnly = true)
    public Summary summary() {
        access.require(access.caller(), Permission.READ_PLEDGE_ALERTS);
        return new Summary(mapper.alertCount(), mapper.atRiskValue(), mapper.alerts(null, MAX_LISTED));
    }

    @Transactional(readOnly = true)
    public List<PledgeAlertRow> ofEnterprise(long enterpriseId) {
        access.requireVisible(access.caller(), enterpriseId);
        return mapper.alerts(enterpriseId, MAX_LISTED);
    }

    /**
     * 到期预警 the daily scan: for every asset under a pledge registration not cancelled, the deadlines within
     * {@code lookaheadDays} of today ({@link HealthWarnings}) not raised before are stored and sent to the pledgee
     * bank ({@code pledge.deadline_ahead}). Answers the number of warnings raised.
     */
    @Transactional
    public int warnAhead(int lookaheadDays) {
        LocalDate today = calendar.today();
        Instant now = clock.instant();
        int raised = 0;
        for (PledgedAssetTerms a : mapper.pledgedAssetTerms()) {
            List<Warning> warnings = "PATENT".equals(a.assetKind())
                    ? HealthWarnings.forPatent(PatentType.valueOf(a.patentType()), a.filingDate(), today,
                            lookaheadDays)
                    : HealthWarnings.forTrademark(a.validUntil(), today, lookaheadDays);
            for (Warning w : warnings) {
                if (mapper.insertWarning(a, w.kind().name(), w.dueOn(), w.graceEnds(), now) == 1) {
                    raised++;
                    outbox.publish(a.bankId(), WebhookEventType.PLEDGE_DEADLINE_AHEAD, warningData(a, w));
                }
            }
        }
        return raised;
    }

    @Transactional(readOnly = true)
    public List<PledgeWarningRow> warningsOf(long enterpriseId) {
        access.requireVisible(access.caller(), enterpriseId);
        return mapper.warnings(enterpriseId, MAX_LISTED);
    }

    private static Map<String, Object> warningData(PledgedAssetTerms a, Warning w) {
        Map<String, Object> data = pledgedAsset(a.enterpriseId(), a.loanRef(), a.registrationNo(), a.assetKind(),
                a.assetId(), a.assetNumber());
        data.put("warning", w.kind().name());
        data.put("dueOn", w.dueOn().toString());
        if (w.graceEnds() != null) {
            data.put("graceEnds", w.graceEnds().toString());
        }
        return data;
    }

    /** Every event checked before anything is stored; answers the canonical numbers. */
    private List<String> validated(List<EventInput> events) {
        LocalDate today = calendar.today();
        List<FieldViolation> errors = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            EventInput e = events.get(i);
            String at = "events[" + i + "]";
            String number = e.patent() ? CnPatentNumber.normalize(e.number()).orElse(null) : e.number().trim();
            if (number == null || number.isEmpty()) {
                errors.add(new FieldViolation(at + ".number", e.patent()
                        ? "not a valid CNIPA application number (13 characters with its check character)"
                        : "a trademark registration number"));
            }
            if (e.kind().patent() != e.patent()) {
                errors.add(new FieldViolation(at + ".kind", "a " + (e.patent() ? "patent" : "trademark")
                        + " event kind for this asset kind"));
            }
            if (e.eventDate().isAfter(today)) {
                errors.add(new FieldViolation(at + ".eventDate", "not after today"));
            }
            numbers.add(number);
        }
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, errors);
        }
        return numbers;
    }

    private static Map<String, Object> webhookData(PledgeAlertRow a) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", a.alertId());
        data.putAll(pledgedAsset(a.enterpriseId(), a.loanRef(), a.registrationNo(), a.assetKind(), a.assetId(),
                a.assetNumber()));
        data.put("kind", a.eventKind());
        data.put("eventDate", a.eventDate().toString());
        if (a.cureBy() != null) {
            data.put("cureBy", a.cureBy().toString());
        }
        data.put("securedAmount", a.securedAmount());
        return data;
    }

    /** What both pledge webhooks say of the asset and the loan it secures. */
    private static Map<String, Object> pledgedAsset(long enterpriseId, String loanRef, String registrationNo,
            String assetKind, long assetId, String assetNumber) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("enterpriseId", enterpriseId);
        data.put("loanRef", loanRef);
        data.put("registrationNo", registrationNo);
        data.put("assetKind", assetKind);
        data.put("assetId", assetId);
        data.put("assetNumber", assetNumber);
        return data;
    }
}
