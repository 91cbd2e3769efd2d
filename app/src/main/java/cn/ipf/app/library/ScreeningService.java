package cn.ipf.app.library;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.library.policy.Screening;
import cn.ipf.app.library.policy.ScreeningFacts;
import cn.ipf.app.library.policy.ScreeningResult;
import cn.ipf.app.library.policy.ScreeningRules;
import cn.ipf.app.security.CurrentActor;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.time.BusinessCalendar;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * 入库筛选 screens enterprises under the rule set in force on a date: gathers the facts from the database and applies
 * the pure {@link Screening} policy. Rule sets are versioned by effective date; a decision keeps its version.
 */
@Service
public class ScreeningService {

    private final ScreeningMapper mapper;
    private final JsonMapper json;
    private final BusinessCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;

    ScreeningService(ScreeningMapper mapper, JsonMapper json, BusinessCalendar calendar, AuditTrail audit,
            Clock clock) {
        this.mapper = mapper;
        this.json = json;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** A screening result with the rule-set version that produced it, and the facts it looked at. */
    record Evaluated(int ruleSetVersion, ScreeningResult result, ScreeningRules rules, ScreeningFacts facts) {
    }

    /** A rule-set version. */
    record RuleSet(int version, LocalDate effectiveFrom, ScreeningRules rules, java.time.Instant createdAt) {
    }

    Evaluated evaluate(EnterpriseView enterprise) {
        return evaluate(enterprise, calendar.today());
    }

    /** Screens as of a date: the rule set in force then, certificates and patents valid then. */
    Evaluated evaluate(EnterpriseView enterprise, LocalDate today) {
        RuleSet ruleSet = inForce(today);
        ScreeningRules rules = ruleSet.rules();
        EnterpriseRecord e = enterprise.record();
        ScreeningMapper.FactsRow row = mapper.facts(e.id(), today, today.minusYears(rules.defaultLookbackYears()));
        boolean certified = e.ipmCertNo() != null && e.ipmCertValidUntil() != null
                && !e.ipmCertValidUntil().isBefore(today);
        ScreeningFacts facts = new ScreeningFacts(enterprise.sizeClass(), e.dishonestyListed(), row.validInventions(),
                row.validUtilityModels(), row.validHighValue(), certified, e.highTech(), e.specializedSme(),
                row.creditRating(), row.defaultedRecently(), row.openDemandAmount(),
                row.pledgeableValue() == null ? BigDecimal.ZERO : row.pledgeableValue());
        return new Evaluated(ruleSet.version(), Screening.evaluate(rules, facts), rules, facts);
    }

    RuleSet inForce(LocalDate on) {
        ScreeningMapper.RuleSetRow row = mapper.ruleSetInForce(on);
        if (row == null) {
            throw new IllegalStateException("no screening rule set in force on " + on);
        }
        return toRuleSet(row);
    }

    List<RuleSet> ruleSets() {
        return mapper.ruleSets().stream().map(this::toRuleSet).toList();
    }

    @Transactional
    RuleSet createRuleSet(LocalDate effectiveFrom, ScreeningRules rules) {
        checkEffectiveFrom(effectiveFrom);
        int version = mapper.lastVersion() + 1;
        mapper.insertRuleSet(new ScreeningMapper.RuleSetRow(version, effectiveFrom, json.writeValueAsString(rules),
                clock.instant()), Long.valueOf(CurrentActor.get().id()));
        audit.record("SCREENING_RULE_SET_CREATED", "SCREENING_RULE_SET", version,
                Map.of("effectiveFrom", effectiveFrom.toString(), "rules", json.writeValueAsString(rules)));
        return toRuleSet(mapper.ruleSet(version));
    }

    /** A new version starts today or later, on a day no version starts (a page checks it before confirming). */
    void checkEffectiveFrom(LocalDate effectiveFrom) {
        if (effectiveFrom.isBefore(calendar.today())) {
            throw new ApiException(ErrorCode.DATE_INVALID, "effectiveFrom must not be in the past");
        }
        if (mapper.effectiveDateTaken(effectiveFrom)) {
            throw new ApiException(ErrorCode.RULE_SET_EFFECTIVE_DATE_TAKEN, effectiveFrom);
        }
    }

    String toJson(ScreeningResult result) {
        return json.writeValueAsString(result);
    }

    ScreeningResult fromJson(String text) {
        return json.readValue(text, ScreeningResult.class);
    }

    private RuleSet toRuleSet(ScreeningMapper.RuleSetRow row) {
        return new RuleSet(row.version(), row.effectiveFrom(), json.readValue(row.rules(), ScreeningRules.class),
                row.createdAt());
    }
}
