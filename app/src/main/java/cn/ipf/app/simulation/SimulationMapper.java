package cn.ipf.app.simulation;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.annotations.Param;

/** Simulations, their report lines and the claims a compensation simulation recomputes. */
@Mapper
interface SimulationMapper {

    record SimulationRow(long id, String name, String status, String periodFrom, String periodTo, LocalDate fromDate,
            LocalDate toDate, Long subsidyProgrammeId, Integer subsidyRulesVersion, String subsidyInForce,
            String subsidyAlternative, Long subsidyBaselineRunId, Long subsidyAlternativeRunId,
            Long compensationProgrammeId, String compensationAlternative, Long jobExecutionId, String failure,
            long requestedBy, Instant requestedAt, Instant completedAt) {
    }

    /** One measure's sums over a group of lines (or over all of them). */
    record Sums(String measure, String key, String name, long baselineCount, BigDecimal baselineAmount,
            long alternativeCount, BigDecimal alternativeAmount) {
    }

    record Line(String measure, long enterpriseId, long bankId, String districtCode, int baselineCount,
            BigDecimal baselineAmount, int alternativeCount, BigDecimal alternativeAmount) {
    }

    /** A standing claim to recompute, with what the report groups it by. */
    record ClaimFacts(long claimId, long loanId, long enterpriseId, long bankId, String districtCode,
            long ruleVersionId, BigDecimal outstandingAtDefault, BigDecimal ipShare) {
    }

    record RecoveryFacts(long loanId, BigDecimal grossAmount, BigDecimal disposalCosts) {
    }

    void insert(@Param("s") SimulationRow simulation, @Param("key") GeneratedId key);

    SimulationRow simulation(long id);

    List<SimulationRow> simulations(@Param("offset") long offset, @Param("limit") int limit);

    long count();

    List<Sums> totals(long simulationId);

    /** breakdown: DISTRICT, BANK or ENTERPRISE; largest absolute difference first, then by key. */
    List<Sums> groups(@Param("simulationId") long simulationId, @Param("measure") String measure,
            @Param("breakdown") String breakdown, @Param("offset") long offset, @Param("limit") int limit);

    /** Every measure by DISTRICT, BANK or ENTERPRISE, streamed: by measure, then as {@link #groups}. */
    Cursor<Sums> report(@Param("simulationId") long simulationId, @Param("breakdown") String breakdown);

    long groupCount(@Param("simulationId") long simulationId, @Param("measure") String measure,
            @Param("breakdown") String breakdown);

    void setJobExecution(@Param("id") long id, @Param("executionId") long executionId);

    /** Standing (not rejected) claims of the programme filed in [from, to], by id. */
    List<ClaimFacts> claims(@Param("programmeId") long programmeId, @Param("from") LocalDate from,
            @Param("to") LocalDate to);

    /** The recoveries of these loans, in the order the job returns them (by id). */
    List<RecoveryFacts> recoveries(@Param("loanIds") List<Long> loanIds);

    void deleteLines(@Param("simulationId") long simulationId, @Param("measures") List<String> measures);

    void insertLines(@Param("simulationId") long simulationId, @Param("lines") List<Line> lines);

    /** The SUBSIDY lines from the two dry runs' totals per enterprise and bank. */
    void insertSubsidyLines(@Param("simulationId") long simulationId, @Param("baselineRunId") long baselineRunId,
            @Param("alternativeRunId") long alternativeRunId);

    void complete(@Param("id") long id, @Param("baselineRunId") Long baselineRunId,
            @Param("alternativeRunId") Long alternativeRunId, @Param("at") Instant at);

    /** Marks a simulation that has not completed FAILED. */
    int fail(@Param("id") long id, @Param("failure") String failure);
}
