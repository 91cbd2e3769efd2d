package cn.ipf.app.subsidy;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Programmes, their parameter versions and the LPR table. */
@Mapper
interface ProgrammeMapper {

    /** A programme with what its approved claims committed (district-approved or later) and what was paid. */
    record ProgrammeRow(long id, String name, String regionCode, BigDecimal budget, LocalDate periodStart,
            LocalDate periodEnd, int declarationDays, Instant createdAt, BigDecimal committed, BigDecimal paid) {
    }

    /** A parameter version; immutable once an approved claim used it. */
    record RuleVersionRow(long id, long programmeId, int version, LocalDate effectiveFrom, String interestRules,
            String feeRules, Instant createdAt, Instant updatedAt, boolean immutable) {
    }

    record LprRow(String rateMonth, BigDecimal oneYear) {
    }

    List<LprRow> lprRates();

    boolean lprExists(String month);

    void insertLpr(@Param("month") String month, @Param("rate") BigDecimal rate, @Param("by") long by,
            @Param("at") Instant at);

    /** CITY or DISTRICT, null for an unknown code. */
    String regionLevel(String code);

    void insertProgramme(@Param("name") String name, @Param("regionCode") String regionCode,
            @Param("budget") BigDecimal budget, @Param("periodStart") LocalDate periodStart,
            @Param("periodEnd") LocalDate periodEnd, @Param("declarationDays") int declarationDays,
            @Param("by") long by, @Param("at") Instant at, @Param("key") GeneratedId key);

    void updateProgramme(@Param("id") long id, @Param("name") String name, @Param("budget") BigDecimal budget,
            @Param("declarationDays") int declarationDays, @Param("at") Instant at);

    List<ProgrammeRow> programmes();

    ProgrammeRow programme(long id);

    /** Locks the programme row: budget use, parameter changes and approvals of its claims are serialized on it. */
    Long lockProgramme(long id);

    List<RuleVersionRow> ruleVersions(long programmeId);

    RuleVersionRow ruleVersion(@Param("programmeId") long programmeId, @Param("version") int version);

    RuleVersionRow ruleVersionById(long id);

    /** The version with the latest effective date on or before the day. */
    RuleVersionRow ruleVersionInForce(@Param("programmeId") long programmeId, @Param("on") LocalDate on);

    int maxVersion(long programmeId);

    boolean effectiveDateTaken(@Param("programmeId") long programmeId, @Param("effectiveFrom") LocalDate effectiveFrom,
            @Param("exceptVersion") int exceptVersion);

    void insertRuleVersion(@Param("programmeId") long programmeId, @Param("version") int version,
            @Param("effectiveFrom") LocalDate effectiveFrom, @Param("interestRules") String interestRules,
            @Param("feeRules") String feeRules, @Param("by") Long by, @Param("at") Instant at);

    void updateRuleVersion(@Param("id") long id, @Param("effectiveFrom") LocalDate effectiveFrom,
            @Param("interestRules") String interestRules, @Param("feeRules") String feeRules,
            @Param("at") Instant at);
}
