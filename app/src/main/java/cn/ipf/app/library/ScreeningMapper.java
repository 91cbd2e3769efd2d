package cn.ipf.app.library;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ScreeningMapper {

    /** What the screening needs from the database about one enterprise on a date. */
    record FactsRow(int validInventions, int validUtilityModels, int validHighValue, String creditRating,
            boolean defaultedRecently, BigDecimal openDemandAmount, BigDecimal pledgeableValue) {
    }

    /** A stored rule-set version; {@code rules} is the JSON form of ScreeningRules. */
    record RuleSetRow(int version, LocalDate effectiveFrom, String rules, Instant createdAt) {
    }

    FactsRow facts(@Param("enterpriseId") long enterpriseId, @Param("on") LocalDate on,
            @Param("defaultsSince") LocalDate defaultsSince);

    RuleSetRow ruleSetInForce(LocalDate on);

    RuleSetRow ruleSet(int version);

    List<RuleSetRow> ruleSets();

    void insertRuleSet(@Param("r") RuleSetRow ruleSet, @Param("createdBy") Long createdBy);

    Integer lastVersion();

    boolean effectiveDateTaken(LocalDate effectiveFrom);
}
