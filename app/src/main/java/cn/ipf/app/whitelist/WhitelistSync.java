package cn.ipf.app.whitelist;

import cn.ipf.app.bank.Bank;
import cn.ipf.app.bank.BankRegistry;
import cn.ipf.app.consent.ConsentChanged;
import cn.ipf.app.consent.policy.DataScope;
import cn.ipf.app.library.AdmissionChanged;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.webhook.WebhookEventType;
import cn.ipf.app.webhook.WebhookOutbox;
import cn.ipf.app.whitelist.policy.WhitelistRules;
import cn.ipf.app.whitelist.policy.WhitelistRules.ChangeKind;
import cn.ipf.app.whitelist.policy.WhitelistRules.State;
import java.time.Instant;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * 推荐清单推送 keeps every bank's whitelist entry of an enterprise in step with its admission, recommendation and
 * consents, and tells the bank of each change by webhook, in the transaction of the change (outbox).
 *
 * <p>It runs just before the changing transaction commits, and first locks the change counter, which it holds to the
 * commit: whitelist changes are therefore committed one after another in change-id order (a cursor past id n never
 * misses a row committed later with an id below n), and, reading under READ COMMITTED after the lock, each sees every
 * change committed before it (a consent and an admission committing concurrently cannot both miss the other). It
 * runs before the audit trail's own before-commit step ({@code @Order(0)}), so every transaction takes the counter
 * before the audit chain head, never the other way round.
 */
@Service
class WhitelistSync {

    private final WhitelistMapper mapper;
    private final BankRegistry banks;
    private final WebhookOutbox outbox;
    private final BusinessCalendar calendar;
    private final JsonMapper json;
    private final Clock clock;

    WhitelistSync(WhitelistMapper mapper, BankRegistry banks, WebhookOutbox outbox, BusinessCalendar calendar,
            JsonMapper json, Clock clock) {
        this.mapper = mapper;
        this.banks = banks;
        this.outbox = outbox;
        this.calendar = calendar;
        this.json = json;
        this.clock = clock;
    }

    @Order(0)
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void admissionChanged(AdmissionChanged change) {
        refresh(change.enterpriseId());
    }

    @Order(0)
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void consentChanged(ConsentChanged change) {
        refresh(change.enterpriseId());
    }

    private void refresh(long enterpriseId) {
        long last = mapper.lockSequence();
        EnterpriseFacts facts = mapper.facts(enterpriseId, calendar.today());
        List<WhitelistRules.Consent> consents = mapper.standingConsents(enterpriseId).stream()
                .map(c -> new WhitelistRules.Consent(c.bankScope(), DataScope.parse(c.dataScopes()))).toList();
        Map<Long, WhitelistEntryRow> told = mapper.ofEnterprise(enterpriseId).stream()
                .collect(Collectors.toMap(WhitelistEntryRow::bankId, Function.identity()));
        boolean admitted = "ADMITTED".equals(facts.status());
        Instant now = clock.instant();
        for (Bank bank : banks.banks()) {
            WhitelistEntryRow before = told.get(bank.id());
            State after = WhitelistRules.target(admitted, facts.recommended(),
                    WhitelistRules.sharedWith(bank.id(), consents));
            Optional<ChangeKind> kind = WhitelistRules.change(before == null ? null
                    : new State(before.listed(), before.recommended(), DataScope.parse(before.dataScopes())), after);
            if (kind.isEmpty()) {
                continue;
            }
            Map<String, Object> entry = after.listed() ? entry(facts, after.scopes()) : null;
            WhitelistEntryRow row = new WhitelistEntryRow(0, bank.id(), enterpriseId, after.listed(),
                    after.recommended(), DataScope.column(after.scopes()), kind.get().name(), ++last,
                    entry == null ? null : json.writeValueAsString(entry), now);
            if (before == null) {
                mapper.insert(row);
            } else {
                mapper.update(row);
            }
            outbox.publish(bank.id(), eventType(kind.get(), after), change(row, after.scopes(), entry));
        }
        mapper.advanceSequence(last);
    }

    private static WebhookEventType eventType(ChangeKind kind, State after) {
        if (kind == ChangeKind.WITHDRAWN) {
            return WebhookEventType.LIBRARY_ENTERPRISE_WITHDRAWN;
        }
        return after.recommended() ? WebhookEventType.LIBRARY_ENTERPRISE_RECOMMENDED
                : WebhookEventType.LIBRARY_ENTERPRISE_ADMITTED;
    }

    /** The webhook's data: the same fields as an item of the pull feed (WhitelistChange in the contract). */
    private static Map<String, Object> change(WhitelistEntryRow row, Set<DataScope> scopes, Map<String, Object> entry) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("changeId", row.changeId());
        data.put("enterpriseId", row.enterpriseId());
        data.put("change", row.changeKind());
        data.put("listed", row.listed());
        data.put("recommended", row.recommended());
        data.put("sharedScopes", scopes.stream().map(Enum::name).toList());
        data.put("changedAt", row.changedAt().toString());
        if (entry != null) {
            data.put("entry", entry);
        }
        return data;
    }

    /** The enterprise as the bank may see it: PROFILE always, every other group only under its scope. */
    static Map<String, Object> entry(EnterpriseFacts f, Set<DataScope> scopes) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", f.name());
        e.put("uscc", f.uscc());
        e.put("districtCode", f.districtCode());
        e.put("industryCode", f.industryCode());
        e.put("highTech", f.highTech());
        e.put("specializedSme", f.specializedSme());
        if (f.admittedOn() != null) {
            e.put("admittedOn", f.admittedOn().toString());
        }
        if (scopes.contains(DataScope.FINANCIALS)) {
            e.put("financials", Map.of("employees", f.employees(), "annualRevenue", f.annualRevenue(),
                    "totalAssets", f.totalAssets()));
        }
        if (scopes.contains(DataScope.LEGAL_REPRESENTATIVE)) {
            e.put("legalRepresentativeName", f.legalRepName());
        }
        if (scopes.contains(DataScope.CREDIT) && f.rating() != null) {
            e.put("creditRating", Map.of("rating", f.rating(), "source", f.ratingSource(),
                    "ratedOn", f.ratedOn().toString()));
        }
        if (scopes.contains(DataScope.FINANCING_DEMAND) && f.demandAmount() != null) {
            e.put("financingDemand", Map.of("amount", f.demandAmount(), "termMonths", f.demandTermMonths(),
                    "purpose", f.demandPurpose()));
        }
        if (scopes.contains(DataScope.IP_ASSETS)) {
            e.put("ipAssets", Map.of("validInventions", f.validInventions(),
                    "validUtilityModels", f.validUtilityModels(), "validDesigns", f.validDesigns(),
                    "validTrademarks", f.validTrademarks()));
        }
        return e;
    }
}
