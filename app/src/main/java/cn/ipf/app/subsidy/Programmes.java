package cn.ipf.app.subsidy;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.money.Yuan;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.subsidy.policy.FeeSubsidyRules;
import cn.ipf.app.subsidy.policy.InterestSubsidyRules;
import cn.ipf.app.subsidy.policy.SubsidyPeriod;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 补贴项目 subsidy programmes: a region, a budget, a period and parameter versions effective by date. A version an
 * approved claim used is frozen; runs and fee claims keep the version (and runs a snapshot of it) they used.
 */
@Service
public class Programmes {

    /** A programme with its budget use and every parameter version. */
    record Programme(ProgrammeMapper.ProgrammeRow row, List<RuleSet> versions) {

        public BigDecimal remaining() {
            return row.budget().subtract(row.committed());
        }
    }

    /** One parameter version, parsed. */
    record RuleSet(long id, long programmeId, int version, LocalDate effectiveFrom, InterestSubsidyRules interest,
            FeeSubsidyRules fees, boolean immutable, Instant createdAt, Instant updatedAt) {
    }

    /** What an administrator gives for a new programme. */
    record NewProgramme(String name, String regionCode, BigDecimal budget, LocalDate periodStart, LocalDate periodEnd,
            Integer declarationDays) {
    }

    private final ProgrammeMapper mapper;
    private final SubsidyParameters parameters;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Clock clock;
    private final int defaultDeclarationDays;

    Programmes(ProgrammeMapper mapper, SubsidyParameters parameters, AccessPolicy access, AuditTrail audit,
            Clock clock, @Value("${ipf.subsidy.declaration-days:30}") int defaultDeclarationDays) {
        this.mapper = mapper;
        this.parameters = parameters;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.defaultDeclarationDays = defaultDeclarationDays;
    }

    List<Programme> all() {
        return mapper.programmes().stream().map(this::withVersions).toList();
    }

    Programme get(long id) {
        ProgrammeMapper.ProgrammeRow row = mapper.programme(id);
        if (row == null) {
            throw new ApiException(ErrorCode.PROGRAMME_NOT_FOUND, id);
        }
        return withVersions(row);
    }

    /** The programme row, or null when there is none. */
    ProgrammeMapper.ProgrammeRow find(long id) {
        return mapper.programme(id);
    }

    /** The version in force on a day, or null before the first version. */
    RuleSet inForce(long programmeId, LocalDate on) {
        ProgrammeMapper.RuleVersionRow row = mapper.ruleVersionInForce(programmeId, on);
        return row == null ? null : parse(row);
    }

    /**
     * The day a run of the period takes its parameters from: the period's last day, or the programme's last day when
     * the period runs past it (one version for the whole run).
     */
    static LocalDate ruleDate(ProgrammeMapper.ProgrammeRow programme, SubsidyPeriod period) {
        return period.end().isBefore(programme.periodEnd()) ? period.end() : programme.periodEnd();
    }

    RuleSet version(long ruleVersionId) {
        return parse(mapper.ruleVersionById(ruleVersionId));
    }

    /** Locks the programme (404 when there is none): its budget and versions change only under this lock. */
    void lock(long programmeId) {
        if (mapper.lockProgramme(programmeId) == null) {
            throw new ApiException(ErrorCode.PROGRAMME_NOT_FOUND, programmeId);
        }
    }

    @Transactional
    Programme create(NewProgramme p) {
        List<FieldViolation> problems = new ArrayList<>();
        if (mapper.regionLevel(p.regionCode()) == null) {
            problems.add(new FieldViolation("regionCode", "not one of the deployment's regions"));
        }
        if (p.periodEnd().isBefore(p.periodStart())) {
            problems.add(new FieldViolation("periodEnd", "must not be before periodStart"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.PROGRAMME_INVALID, problems);
        }
        BigDecimal budget = Yuan.of(p.budget(), "budget");
        int days = p.declarationDays() == null ? defaultDeclarationDays : p.declarationDays();
        long by = access.caller().userId();
        Instant now = clock.instant();
        GeneratedId key = new GeneratedId();
        mapper.insertProgramme(p.name(), p.regionCode(), budget, p.periodStart(), p.periodEnd(), days, by, now, key);
        mapper.insertRuleVersion(key.getId(), 1, p.periodStart(), parameters.write(InterestSubsidyRules.defaults(1)),
                parameters.write(FeeSubsidyRules.defaults()), by, now);
        audit.record("SUBSIDY_PROGRAMME_CREATED", "SUBSIDY_PROGRAMME", key.getId(), Map.of("name", p.name(),
                "regionCode", p.regionCode(), "budget", budget.toPlainString(), "periodStart",
                p.periodStart().toString(), "periodEnd", p.periodEnd().toString(), "declarationDays", days));
        return get(key.getId());
    }

    @Transactional
    Programme update(long id, String name, BigDecimal budget, int declarationDays) {
        lock(id);
        BigDecimal newBudget = Yuan.of(budget, "budget");
        ProgrammeMapper.ProgrammeRow row = mapper.programme(id);
        if (newBudget.compareTo(row.committed()) < 0) {
            throw new ApiException(ErrorCode.BUDGET_EXCEEDED, row.committed().toPlainString(),
                    newBudget.toPlainString());
        }
        mapper.updateProgramme(id, name, newBudget, declarationDays, clock.instant());
        audit.record("SUBSIDY_PROGRAMME_CHANGED", "SUBSIDY_PROGRAMME", id, Map.of("name", name, "budget",
                newBudget.toPlainString(), "previousBudget", row.budget().toPlainString(), "declarationDays",
                declarationDays));
        return get(id);
    }

    @Transactional
    RuleSet addVersion(long programmeId, LocalDate effectiveFrom, InterestSubsidyRules interest,
            FeeSubsidyRules fees) {
        lock(programmeId);
        SubsidyParameters.checked(interest, fees);
        if (mapper.effectiveDateTaken(programmeId, effectiveFrom, 0)) {
            throw new ApiException(ErrorCode.RULE_VERSION_EFFECTIVE_DATE_TAKEN, effectiveFrom);
        }
        int version = mapper.maxVersion(programmeId) + 1;
        mapper.insertRuleVersion(programmeId, version, effectiveFrom, parameters.write(interest),
                parameters.write(fees), access.caller().userId(), clock.instant());
        audit.record("SUBSIDY_RULE_VERSION_CREATED", "SUBSIDY_PROGRAMME", programmeId, Map.of("version", version,
                "effectiveFrom", effectiveFrom.toString(), "interest", parameters.write(interest), "fees",
                parameters.write(fees)));
        return parse(mapper.ruleVersion(programmeId, version));
    }

    @Transactional
    RuleSet updateVersion(long programmeId, int version, LocalDate effectiveFrom, InterestSubsidyRules interest,
            FeeSubsidyRules fees) {
        lock(programmeId);
        ProgrammeMapper.RuleVersionRow row = mapper.ruleVersion(programmeId, version);
        if (row == null) {
            throw new ApiException(ErrorCode.RULE_VERSION_NOT_FOUND, version);
        }
        if (row.immutable()) {
            throw new ApiException(ErrorCode.RULE_VERSION_IMMUTABLE, version);
        }
        SubsidyParameters.checked(interest, fees);
        if (mapper.effectiveDateTaken(programmeId, effectiveFrom, version)) {
            throw new ApiException(ErrorCode.RULE_VERSION_EFFECTIVE_DATE_TAKEN, effectiveFrom);
        }
        mapper.updateRuleVersion(row.id(), effectiveFrom, parameters.write(interest), parameters.write(fees),
                clock.instant());
        audit.record("SUBSIDY_RULE_VERSION_CHANGED", "SUBSIDY_PROGRAMME", programmeId, Map.of("version", version,
                "effectiveFrom", effectiveFrom.toString(), "interest", parameters.write(interest), "fees",
                parameters.write(fees), "previous", Map.of("effectiveFrom", row.effectiveFrom().toString(),
                        "interest", row.interestRules(), "fees", row.feeRules())));
        return parse(mapper.ruleVersion(programmeId, version));
    }

    private Programme withVersions(ProgrammeMapper.ProgrammeRow row) {
        return new Programme(row, mapper.ruleVersions(row.id()).stream().map(this::parse).toList());
    }

    private RuleSet parse(ProgrammeMapper.RuleVersionRow row) {
        return new RuleSet(row.id(), row.programmeId(), row.version(), row.effectiveFrom(),
                parameters.interest(row.interestRules(), row.version()), parameters.fees(row.feeRules()),
                row.immutable(), row.createdAt(), row.updatedAt());
    }
}
