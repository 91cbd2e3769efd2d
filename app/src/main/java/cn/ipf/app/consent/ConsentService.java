package cn.ipf.app.consent;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.bank.Bank;
import cn.ipf.app.bank.BankRegistry;
import cn.ipf.app.consent.policy.DataScope;
import cn.ipf.app.library.EnterpriseRecord;
import cn.ipf.app.library.LibraryAccess;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.user.Role;
import cn.ipf.app.webhook.WebhookEventType;
import cn.ipf.app.webhook.WebhookOutbox;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 授权 an enterprise's consent to share its library data with banks: given and revoked only by the enterprise's own
 * SME user (it is the enterprise's decision), readable by whoever may see the enterprise. Banks see a candidate only
 * while a consent to them, or to all partner banks, stands, and only the data scopes it shares (the union when both
 * stand). Every bank a change concerns is told by webhook, in the same transaction (outbox).
 */
@Service
public class ConsentService {

    /** bank_scope of a consent that covers every partner bank. */
    static final long ALL_BANKS = 0;

    private final ConsentMapper consents;
    private final AccessPolicy access;
    private final LibraryAccess library;
    private final BankRegistry banks;
    private final AuditTrail audit;
    private final WebhookOutbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConsentService(ConsentMapper consents, AccessPolicy access, LibraryAccess library, BankRegistry banks,
            AuditTrail audit, WebhookOutbox outbox, ApplicationEventPublisher events, Clock clock) {
        this.consents = consents;
        this.access = access;
        this.library = library;
        this.banks = banks;
        this.audit = audit;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    List<ConsentMapper.ConsentRow> of(long enterpriseId) {
        access.requireVisible(access.caller(), enterpriseId);
        return consents.ofEnterprise(enterpriseId);
    }

    @Transactional
    ConsentMapper.ConsentRow grant(long enterpriseId, Long bankId, Collection<DataScope> named) {
        Caller caller = access.caller();
        EnterpriseRecord enterprise = ownSme(caller, enterpriseId);
        if (bankId != null && banks.bank(bankId).isEmpty()) {
            throw new ApiException(ErrorCode.BANK_UNKNOWN, bankId);
        }
        long scope = bankId == null ? ALL_BANKS : bankId;
        if (consents.standing(enterpriseId, scope)) {
            throw new ApiException(ErrorCode.CONSENT_ALREADY_GIVEN);
        }
        Set<DataScope> scopes = DataScope.granted(named);
        GeneratedId key = new GeneratedId();
        consents.insert(enterpriseId, scope, DataScope.column(scopes), clock.instant(), caller.userId(), key);
        audit.record("CONSENT_GRANTED", "ENTERPRISE", enterpriseId, Map.of("consentId", key.getId(), "bankScope",
                scope == ALL_BANKS ? "ALL" : String.valueOf(scope), "scopes", DataScope.column(scopes)));
        ConsentMapper.ConsentRow granted = consents.find(key.getId());
        for (long bank : concerned(scope)) {
            Map<String, Object> data = event(granted);
            data.put("enterpriseName", enterprise.name());
            data.put("admitted", "ADMITTED".equals(enterprise.status()));
            data.put("sharedScopes", names(sharedWith(bank, enterpriseId)));
            outbox.publish(bank, WebhookEventType.CONSENT_GRANTED, data);
        }
        events.publishEvent(new ConsentChanged(enterpriseId, bankId));
        return granted;
    }

    @Transactional
    ConsentMapper.ConsentRow revoke(long enterpriseId, long consentId) {
        Caller caller = access.caller();
        ownSme(caller, enterpriseId);
        ConsentMapper.ConsentRow consent = consents.lock(enterpriseId, consentId);
        if (consent == null) {
            throw new ApiException(ErrorCode.CONSENT_NOT_FOUND, consentId);
        }
        if (!consent.active()) {
            throw new ApiException(ErrorCode.CONSENT_ALREADY_REVOKED, consentId);
        }
        consents.revoke(consentId, clock.instant(), caller.userId());
        audit.record("CONSENT_REVOKED", "ENTERPRISE", enterpriseId, Map.of("consentId", consentId));
        ConsentMapper.ConsentRow revoked = consents.find(consentId);
        for (long bank : concerned(revoked.bankScope())) {
            // another standing consent (to this bank or to all) may still share data with the bank
            Set<DataScope> still = sharedWith(bank, enterpriseId);
            Map<String, Object> data = event(revoked);
            data.put("stillShared", !still.isEmpty());
            data.put("sharedScopes", names(still));
            outbox.publish(bank, WebhookEventType.CONSENT_REVOKED, data);
        }
        events.publishEvent(new ConsentChanged(enterpriseId, revoked.bankScope() == ALL_BANKS ? null : revoked.bankScope()));
        return revoked;
    }

    /**
     * 扩大授权 widens a standing consent by more data scopes: it is revoked and the wider one granted in one
     * transaction (a consent's scopes never change in place, so its history stays readable).
     */
    @Transactional
    ConsentMapper.ConsentRow widen(long enterpriseId, long consentId, Collection<DataScope> added) {
        ConsentMapper.ConsentRow current = revoke(enterpriseId, consentId);
        Set<DataScope> scopes = DataScope.parse(current.dataScopes());
        if (added != null) {
            scopes.addAll(added);
        }
        return grant(enterpriseId, current.bankScope() == ALL_BANKS ? null : current.bankScope(), scopes);
    }

    /** What the enterprise shares with the bank: the union of its standing consents to it and to all banks. */
    private Set<DataScope> sharedWith(long bankId, long enterpriseId) {
        return DataScope.parse(String.join(",", consents.sharedWith(bankId, enterpriseId)));
    }

    private static List<String> names(Set<DataScope> scopes) {
        return scopes.stream().map(Enum::name).toList();
    }

    /** The banks a consent of this scope concerns: the one bank, or every partner bank. */
    private List<Long> concerned(long scope) {
        return scope == ALL_BANKS ? banks.banks().stream().map(Bank::id).toList() : List.of(scope);
    }

    /** What every consent event tells a bank; sharedScopes is what it may now see of the enterprise. */
    private static Map<String, Object> event(ConsentMapper.ConsentRow c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("enterpriseId", c.enterpriseId());
        data.put("consentId", c.id());
        data.put("allBanks", c.bankScope() == ALL_BANKS);
        data.put("scopes", names(DataScope.parse(c.dataScopes())));
        data.put("at", (c.revokedAt() == null ? c.grantedAt() : c.revokedAt()).toString());
        return data;
    }

    private EnterpriseRecord ownSme(Caller caller, long enterpriseId) {
        EnterpriseRecord enterprise = library.visible(caller, enterpriseId);
        if (!caller.is(Role.SME)) {
            throw new ApiException(ErrorCode.FORBIDDEN);
        }
        return enterprise;
    }
}
