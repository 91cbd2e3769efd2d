package cn.ipf.app.compensation;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.compensation.CompensationMapper.AgreementRow;
import cn.ipf.app.compensation.CompensationMapper.FundRow;
import cn.ipf.app.compensation.CompensationMapper.ProgrammeRow;
import cn.ipf.app.compensation.CompensationMapper.RuleVersionRow;
import cn.ipf.app.compensation.policy.CompensationRules;
import cn.ipf.app.compensation.policy.Layer;
import cn.ipf.app.compensation.policy.LayerKind;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.money.Yuan;
import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * 风险补偿项目 risk-compensation programmes: a region, rule versions effective by date (append-only, so a claim keeps
 * the rules it was filed under), a fund account for every FUND layer any version names, and the banks' cooperation
 * agreements.
 */
@Service
public class CompensationProgrammes {

    /** A programme with its versions, fund accounts (with balances) and agreements. */
    record Programme(ProgrammeRow row, List<Version> versions, List<FundRow> funds, List<AgreementRow> agreements) {
    }

    public record Version(long id, int version, LocalDate effectiveFrom, CompensationRules rules) {
    }

    /** The stored JSON of a rule set (the version number lives on the row). */
    record StoredRules(List<Layer> layers, BigDecimal fundCapPerLoan, int overdueDays, int filingWindowDays,
            BigDecimal leverageTarget, BigDecimal nplTolerancePp) {

        static StoredRules of(CompensationRules r) {
            return new StoredRules(r.layers(), r.fundCapPerLoan(), r.overdueDays(), r.filingWindowDays(),
                    r.leverageTarget(), r.nplTolerancePp());
        }

        CompensationRules rules(int version) {
            return new CompensationRules(version, layers, fundCapPerLoan, overdueDays, filingWindowDays,
                    leverageTarget, nplTolerancePp);
        }
    }

    /** The four accounts of a fund in the chart: cash, contributions, compensation paid, recoveries returned. */
    enum AccountType {
        ASSET("资金存款"), EQUITY("财政拨入"), EXPENSE("代偿支出"), INCOME("追偿收回");

        final String label;

        AccountType(String label) {
            this.label = label;
        }
    }

    private final CompensationMapper mapper;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;

    CompensationProgrammes(CompensationMapper mapper, AccessPolicy access, AuditTrail audit, JsonMapper json,
            Clock clock) {
        this.mapper = mapper;
        this.access = access;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Programme> all() {
        return mapper.programmes().stream().map(this::assemble).toList();
    }

    /** The programmes the bank has a cooperation agreement with (those it may claim under), oldest first. */
    @Transactional(readOnly = true)
    List<ProgrammeRow> ofBank(long bankId) {
        return mapper.programmes().stream().filter(p -> mapper.agreements(p.id()).stream()
                .anyMatch(a -> a.bankId() == bankId)).toList();
    }

    @Transactional(readOnly = true)
    Programme get(long id) {
        return assemble(row(id));
    }

    public boolean exists(long id) {
        return mapper.programme(id) != null;
    }

    ProgrammeRow row(long id) {
        ProgrammeRow row = mapper.programme(id);
        if (row == null) {
            throw new ApiException(ErrorCode.COMPENSATION_PROGRAMME_NOT_FOUND, id);
        }
        return row;
    }

    /** The rule version in force on a day; 409 when the programme has none yet. */
    Version inForce(long programmeId, LocalDate on) {
        RuleVersionRow row = mapper.ruleVersionInForce(programmeId, on);
        if (row == null) {
            throw new ApiException(ErrorCode.COMPENSATION_RULES_NOT_IN_FORCE, on);
        }
        return parse(row);
    }

    public Version version(long ruleVersionId) {
        return parse(mapper.ruleVersion(ruleVersionId));
    }

    List<FundRow> funds(long programmeId) {
        return mapper.funds(programmeId);
    }

    List<AgreementRow> agreements(long programmeId) {
        return mapper.agreements(programmeId);
    }

    @Transactional
    Programme create(String name, String regionCode, LocalDate effectiveFrom, CompensationRules given) {
        if (mapper.regionLevel(regionCode) == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, List.of(new FieldViolation("regionCode",
                    "not one of the deployment's regions")));
        }
        CompensationRules rules = checked(given == null ? CompensationRules.defaults(1) : given.withVersion(1));
        long by = access.caller().userId();
        GeneratedId key = new GeneratedId();
        mapper.insertProgramme(name, regionCode, by, clock.instant(), key);
        mapper.insertRuleVersion(key.getId(), 1, effectiveFrom, write(rules), by, clock.instant());
        openFunds(key.getId(), rules);
        audit.record("COMPENSATION_PROGRAMME_CREATED", "COMPENSATION_PROGRAMME", key.getId(), Map.of("name", name,
                "regionCode", regionCode, "effectiveFrom", effectiveFrom.toString(), "rules", write(rules)));
        return get(key.getId());
    }

    @Transactional
    Programme addVersion(long programmeId, LocalDate effectiveFrom, CompensationRules given) {
        lock(programmeId);
        CompensationRules rules = acceptable(programmeId, effectiveFrom, given);
        int version = mapper.maxVersion(programmeId) + 1;
        mapper.insertRuleVersion(programmeId, version, effectiveFrom, write(rules), access.caller().userId(),
                clock.instant());
        openFunds(programmeId, rules);
        audit.record("COMPENSATION_RULE_VERSION_CREATED", "COMPENSATION_PROGRAMME", programmeId, Map.of("version",
                version, "effectiveFrom", effectiveFrom.toString(), "rules", write(rules)));
        return get(programmeId);
    }

    /** What {@link #addVersion} would refuse, without adding (a page shows the version before it is confirmed). */
    @Transactional(readOnly = true)
    void checkVersion(long programmeId, LocalDate effectiveFrom, CompensationRules given) {
        row(programmeId);
        acceptable(programmeId, effectiveFrom, given);
    }

    private CompensationRules acceptable(long programmeId, LocalDate effectiveFrom, CompensationRules given) {
        CompensationRules rules = checked(given);
        if (mapper.effectiveDateTaken(programmeId, effectiveFrom)) {
            throw new ApiException(ErrorCode.RULE_VERSION_EFFECTIVE_DATE_TAKEN, effectiveFrom);
        }
        return rules;
    }

    @Transactional
    AgreementRow addAgreement(long programmeId, long bankId, String agreementNo, LocalDate from, LocalDate to,
            BigDecimal attributed) {
        lock(programmeId);
        BigDecimal amount = Yuan.of(attributed, "attributedFundAmount");
        if (!mapper.bankExists(bankId)) {
            throw new ApiException(ErrorCode.BANK_UNKNOWN, bankId);
        }
        if (to != null && to.isBefore(from)) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, List.of(new FieldViolation("activeTo",
                    "must not be before activeFrom")));
        }
        if (mapper.agreementNoTaken(programmeId, agreementNo)) {
            throw new ApiException(ErrorCode.AGREEMENT_NO_TAKEN, agreementNo);
        }
        if (mapper.agreementOverlaps(programmeId, bankId, from, to)) {
            throw new ApiException(ErrorCode.AGREEMENT_OVERLAP);
        }
        GeneratedId key = new GeneratedId();
        mapper.insertAgreement(programmeId, bankId, agreementNo, from, to, amount, access.caller().userId(),
                clock.instant(), key);
        audit.record("COMPENSATION_AGREEMENT_CREATED", "COMPENSATION_PROGRAMME", programmeId, Map.of("bankId",
                bankId, "agreementNo", agreementNo, "activeFrom", from.toString(), "activeTo",
                to == null ? "" : to.toString(), "attributedFundAmount", amount.toPlainString()));
        return mapper.agreement(key.getId());
    }

    /** Locks the programme (404 when there is none): versions and agreements change only under this lock. */
    void lock(long programmeId) {
        if (mapper.lockProgramme(programmeId) == null) {
            throw new ApiException(ErrorCode.COMPENSATION_PROGRAMME_NOT_FOUND, programmeId);
        }
    }

    /** Opens a fund account (and its four ledger accounts) for every FUND layer that has none yet. */
    private void openFunds(long programmeId, CompensationRules rules) {
        Set<String> open = mapper.funds(programmeId).stream().map(FundRow::code).collect(Collectors.toSet());
        for (Layer layer : rules.layers()) {
            if (layer.kind() != LayerKind.FUND || open.contains(layer.code())) {
                continue;
            }
            GeneratedId fund = new GeneratedId();
            mapper.insertFund(programmeId, layer.code(), layer.name(), clock.instant(), fund);
            for (AccountType type : AccountType.values()) {
                mapper.insertLedgerAccount(programmeId, fund.getId(), layer.code() + "." + type.name(), type.name(),
                        layer.name() + "-" + type.label);
            }
        }
    }

    private static CompensationRules checked(CompensationRules rules) {
        List<String> problems = rules.problems();
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.COMPENSATION_RULES_INVALID, String.join("; ", problems));
        }
        return rules;
    }

    private Programme assemble(ProgrammeRow row) {
        return new Programme(row, mapper.ruleVersions(row.id()).stream().map(this::parse).toList(),
                mapper.funds(row.id()), mapper.agreements(row.id()));
    }

    private Version parse(RuleVersionRow row) {
        return new Version(row.id(), row.version(), row.effectiveFrom(),
                json.readValue(row.rules(), StoredRules.class).rules(row.version()));
    }

    private String write(CompensationRules rules) {
        return json.writeValueAsString(StoredRules.of(rules));
    }
}
