package cn.ipf.app.subsidy;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Interest-subsidy runs and what the job reads per chunk. */
@Mapper
interface RunMapper {

    /** A run with what it needs of its programme. */
    record RunRow(long id, long programmeId, String period, LocalDate periodStart, LocalDate periodEnd,
            boolean dryRun, long jobInstanceId, long ruleVersionId, int rulesVersion, String interestRules,
            Instant asOf, LocalDate runDate, String status, Integer claimCount, Long lineCount,
            BigDecimal totalAmount, Instant startedAt, Instant completedAt, String regionCode,
            LocalDate programmeStart, LocalDate programmeEnd, int declarationDays) {
    }

    /**
     * The loan gates established in SQL (the size class is derived in Java from the enterprise's profile);
     * {@code listingOnDisbursement} is the serious-dishonesty listing open on the disbursement day, if any.
     */
    record LoanGateRow(long loanId, boolean admitted, boolean blacklisted, boolean pledgedByDisbursement,
            boolean firstPledgeInvention, Long listingOnDisbursement) {
    }

    record CapUse(long enterpriseId, int capYear, BigDecimal used) {
    }

    record IdRange(Long low, Long high) {
    }

    RunRow runByJobInstance(long jobInstanceId);

    RunRow run(long id);

    List<RunRow> runs(@Param("programmeId") Long programmeId);

    void insertRun(@Param("programmeId") long programmeId, @Param("period") String period,
            @Param("periodStart") LocalDate periodStart, @Param("periodEnd") LocalDate periodEnd,
            @Param("dryRun") boolean dryRun, @Param("jobInstanceId") long jobInstanceId,
            @Param("ruleVersionId") long ruleVersionId, @Param("rulesVersion") int rulesVersion,
            @Param("interestRules") String interestRules, @Param("asOf") Instant asOf,
            @Param("runDate") LocalDate runDate, @Param("key") GeneratedId key);

    /** The lowest and highest enterprise id of the region (a city covers its districts). */
    IdRange enterpriseRange(String regionCode);

    List<LoanGateRow> loanGates(@Param("loanIds") Collection<Long> loanIds, @Param("runDate") LocalDate runDate,
            @Param("asOf") Instant asOf, @Param("offsetSeconds") int offsetSeconds);

    /** Locks the enterprises' library entries, in id order: one computation of an enterprise's cap at a time. */
    List<Long> lockEntries(@Param("enterpriseIds") Collection<Long> enterpriseIds);

    /** The cap used per enterprise and year by standing lines, only those paid before {@code paidBefore} if given. */
    List<CapUse> capUsed(@Param("enterpriseIds") Collection<Long> enterpriseIds,
            @Param("paidBefore") LocalDate paidBefore);

    void completeClaimsRun(@Param("runId") long runId, @Param("at") Instant at);

    void completeDryRun(@Param("runId") long runId, @Param("at") Instant at);
}
