package cn.ipf.app.consent;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.bank.BankRegistry;
import cn.ipf.app.library.LibraryAccess;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.user.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 授权 an enterprise's consent to share its library data with banks: given and revoked only by the enterprise's own
 * SME user (it is the enterprise's decision), readable by whoever may see the enterprise. Banks see a candidate only
 * while a consent to them, or to all partner banks, stands.
 */
@Service
public class ConsentService {

    /** bank_scope of a consent that covers every partner bank. */
    static final long ALL_BANKS = 0;

    private final ConsentMapper consents;
    private final LibraryAccess access;
    private final BankRegistry banks;
    private final AuditTrail audit;
    private final Clock clock;

    ConsentService(ConsentMapper consents, LibraryAccess access, BankRegistry banks, AuditTrail audit, Clock clock) {
        this.consents = consents;
        this.access = access;
        this.banks = banks;
        this.audit = audit;
        this.clock = clock;
    }

    List<ConsentMapper.ConsentRow> of(long enterpriseId) {
        access.visible(access.caller(), enterpriseId);
        return consents.ofEnterprise(enterpriseId);
    }

    @Transactional
    ConsentMapper.ConsentRow grant(long enterpriseId, Long bankId) {
        LibraryAccess.Caller caller = ownSme(enterpriseId);
        if (bankId != null && banks.bank(bankId).isEmpty()) {
            throw new ApiException(ErrorCode.BANK_UNKNOWN, bankId);
        }
        long scope = bankId == null ? ALL_BANKS : bankId;
        if (consents.standing(enterpriseId, scope)) {
            throw new ApiException(ErrorCode.CONSENT_ALREADY_GIVEN);
        }
        GeneratedId key = new GeneratedId();
        consents.insert(enterpriseId, scope, now(), caller.userId(), key);
        audit.record("CONSENT_GRANTED", "ENTERPRISE", enterpriseId, Map.of("consentId", key.getId(), "bankScope",
                scope == ALL_BANKS ? "ALL" : String.valueOf(scope)));
        return consents.find(key.getId());
    }

    @Transactional
    ConsentMapper.ConsentRow revoke(long enterpriseId, long consentId) {
        LibraryAccess.Caller caller = ownSme(enterpriseId);
        ConsentMapper.ConsentRow consent = consents.lock(enterpriseId, consentId);
        if (consent == null) {
            throw new ApiException(ErrorCode.CONSENT_NOT_FOUND, consentId);
        }
        if (!consent.active()) {
            throw new ApiException(ErrorCode.CONSENT_ALREADY_REVOKED, consentId);
        }
        consents.revoke(consentId, now(), caller.userId());
        audit.record("CONSENT_REVOKED", "ENTERPRISE", enterpriseId, Map.of("consentId", consentId));
        return consents.find(consentId);
    }

    private LibraryAccess.Caller ownSme(long enterpriseId) {
        LibraryAccess.Caller caller = access.caller();
        access.visible(caller, enterpriseId);
        if (!caller.is(Role.SME)) {
            throw new ApiException(ErrorCode.FORBIDDEN);
        }
        return caller;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
