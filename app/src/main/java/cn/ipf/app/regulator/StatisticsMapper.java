package cn.ipf.app.regulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The indicators in SQL, and the targets. */
@Mapper
interface StatisticsMapper {

    /** One figure of an indicator for one group; a sum indicator may come in several rows per group (to be added). */
    record Figure(String indicator, String groupKey, BigDecimal value) {
    }

    record Name(String key, String name) {
    }

    record TargetRow(String indicator, String regionCode, int year, BigDecimal value) {
    }

    /** breakdown: TOTAL, DISTRICT, BANK or INDUSTRY; region null for every region. */
    List<Figure> figures(@Param("from") LocalDate from, @Param("to") LocalDate to,
            @Param("breakdown") String breakdown, @Param("region") String region);

    List<Name> names(@Param("breakdown") String breakdown);

    /** A payout line behind SUBSIDY_PAID or COMPENSATION_PAID: the claim's line and what it paid. */
    record PayoutRecord(String kind, long claimId, int lineNo, BigDecimal amount, String detail, String enterpriseName,
            String bankName, LocalDate paidOn) {
    }

    /** A disbursed pledged loan behind the loan indicators. */
    record LoanRecord(long loanId, String externalId, String enterpriseName, String bankName, BigDecimal principal,
            LocalDate disbursedOn) {
    }

    /** The payout lines of a group (key null: every group) paid in the date range, by claim and line. */
    List<PayoutRecord> payoutRecords(@Param("kind") String kind, @Param("from") LocalDate from,
            @Param("to") LocalDate to, @Param("breakdown") String breakdown, @Param("key") String key);

    /** The pledged loans of a group disbursed in the date range. */
    List<LoanRecord> loanRecords(@Param("from") LocalDate from, @Param("to") LocalDate to,
            @Param("breakdown") String breakdown, @Param("key") String key);

    String regionLevel(String code);

    /** A compensation fund: its programme, cash balance and what it paid out in the date range. */
    record FundBalance(long fundId, long programmeId, String programmeName, String code, String name,
            BigDecimal balance, BigDecimal paidOut) {
    }

    List<FundBalance> fundBalances(@Param("from") LocalDate from, @Param("to") LocalDate to);

    /** The names of the deployment's top regions (those without a parent), by code. */
    List<String> topRegions();

    List<TargetRow> targets(int year);

    TargetRow target(@Param("year") int year, @Param("region") String region, @Param("indicator") String indicator);

    record ReportFile(String month, String format, String fileName, long sizeBytes, String sha256, int generation,
            Instant generatedAt) {
    }

    List<ReportFile> reports();

    ReportFile report(@Param("month") String month, @Param("format") String format);

    /** Inserts generation 1 or replaces the row and counts the generation up. */
    void upsertReport(@Param("r") ReportFile report);

    void upsertTarget(@Param("t") TargetRow target, @Param("by") long by, @Param("at") Instant at);
}
