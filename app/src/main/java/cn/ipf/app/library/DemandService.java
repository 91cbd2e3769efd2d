package cn.ipf.app.library;

import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.access.Caller;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.money.Yuan;
import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 需求调查 each enterprise's one open financing demand, and what reviewers see of demand in aggregate. */
@Service
public class DemandService {

    private final DemandMapper demands;
    private final EnterpriseMapper enterprises;
    private final LibraryAccess access;
    private final AuditTrail audit;
    private final MatchProfiles profiles;
    private final Clock clock;

    DemandService(DemandMapper demands, EnterpriseMapper enterprises, LibraryAccess access, AuditTrail audit,
            MatchProfiles profiles, Clock clock) {
        this.demands = demands;
        this.enterprises = enterprises;
        this.access = access;
        this.audit = audit;
        this.profiles = profiles;
        this.clock = clock;
    }

    Optional<DemandMapper.DemandRow> open(long enterpriseId) {
        access.visible(access.caller(), enterpriseId);
        return Optional.ofNullable(demands.openDemand(enterpriseId));
    }

    /** States the open demand; a previous open demand is closed first (one open demand per enterprise). */
    @Transactional
    DemandMapper.DemandRow state(long enterpriseId, BigDecimal amount, int termMonths, String purpose,
            List<Long> preferredBankIds, LocalDate neededBy) {
        access.maintainable(access.caller(), enterpriseId);
        BigDecimal money = Yuan.of(amount, "amount");
        List<Long> banks = preferredBankIds == null ? List.of() : preferredBankIds.stream().distinct().toList();
        if (!banks.isEmpty() && demands.countBanks(banks) != banks.size()) {
            throw new ApiException(ErrorCode.BANK_IDS_UNKNOWN);
        }
        Instant now = clock.instant();
        enterprises.lockEntry(enterpriseId);  // one statement of demand at a time per enterprise
        demands.close(enterpriseId, now);
        GeneratedId key = new GeneratedId();
        demands.insert(enterpriseId, money, termMonths, purpose, neededBy, now, key);
        banks.forEach(bank -> demands.insertPreferredBank(key.getId(), bank));
        profiles.refresh(enterpriseId);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("demandId", key.getId());
        summary.put("amount", money.toPlainString());
        summary.put("termMonths", termMonths);
        summary.put("preferredBankIds", banks);
        audit.record("DEMAND_STATED", "ENTERPRISE", enterpriseId, summary);
        return demands.openDemand(enterpriseId);
    }

    @Transactional
    void close(long enterpriseId) {
        access.maintainable(access.caller(), enterpriseId);
        if (demands.close(enterpriseId, clock.instant()) == 0) {
            throw new ApiException(ErrorCode.DEMAND_NOT_FOUND);
        }
        profiles.refresh(enterpriseId);
        audit.record("DEMAND_CLOSED", "ENTERPRISE", enterpriseId, Map.of());
    }

    List<DemandMapper.AggregateRow> aggregate(String groupBy) {
        Caller caller = access.caller();
        access.require(caller, Permission.AGGREGATE_DEMAND);
        return demands.aggregate(groupBy, access.visibleDistrict(caller));
    }
}
