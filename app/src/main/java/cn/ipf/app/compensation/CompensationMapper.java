package cn.ipf.app.compensation;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Programmes, their rule versions, fund accounts, cooperation agreements and banks' overall NPL rates. */
@Mapper
interface CompensationMapper {

    record ProgrammeRow(long id, String name, String regionCode, Instant createdAt) {
    }

    record RuleVersionRow(long id, long programmeId, int version, LocalDate effectiveFrom, String rules) {
    }

    record FundRow(long id, long programmeId, String code, String name, long cashAccountId, BigDecimal balance) {
    }

    record AgreementRow(long id, long programmeId, long bankId, String bankName, String agreementNo,
            LocalDate activeFrom, LocalDate activeTo, BigDecimal attributedFundAmount) {
    }

    record NplRateRow(long bankId, String rateMonth, BigDecimal nplRate, String reportedBy, Instant reportedAt) {
    }

    /** A loan of the bank, pledged, to a borrower of the region, disbursed by the day. */
    record SupervisedLoan(long id, LocalDate disbursedOn, BigDecimal disbursedAmount, LocalDate defaultedOn,
            BigDecimal defaultOutstanding, LocalDate closedOn) {
    }

    record RepaymentFact(long loanId, LocalDate repaidOn, BigDecimal amount) {
    }

    record DelinquencyFact(long loanId, long id, String state, LocalDate since) {
    }

    String regionLevel(String code);

    List<SupervisedLoan> supervisedLoans(@Param("bankId") long bankId, @Param("regionCode") String regionCode,
            @Param("day") LocalDate day);

    List<RepaymentFact> repayments(@Param("loanIds") List<Long> loanIds);

    List<DelinquencyFact> delinquencies(@Param("loanIds") List<Long> loanIds);

    boolean bankExists(long bankId);

    void insertProgramme(@Param("name") String name, @Param("regionCode") String regionCode, @Param("by") long by,
            @Param("at") Instant at, @Param("key") GeneratedId key);

    List<ProgrammeRow> programmes();

    ProgrammeRow programme(long id);

    Long lockProgramme(long id);

    void insertRuleVersion(@Param("programmeId") long programmeId, @Param("version") int version,
            @Param("effectiveFrom") LocalDate effectiveFrom, @Param("rules") String rules, @Param("by") long by,
            @Param("at") Instant at);

    List<RuleVersionRow> ruleVersions(long programmeId);

    RuleVersionRow ruleVersion(long id);

    RuleVersionRow ruleVersionInForce(@Param("programmeId") long programmeId, @Param("on") LocalDate on);

    int maxVersion(long programmeId);

    boolean effectiveDateTaken(@Param("programmeId") long programmeId, @Param("on") LocalDate on);

    void insertFund(@Param("programmeId") long programmeId, @Param("code") String code, @Param("name") String name,
            @Param("at") Instant at, @Param("key") GeneratedId key);

    void insertLedgerAccount(@Param("programmeId") long programmeId, @Param("fundId") long fundId,
            @Param("code") String code, @Param("type") String type, @Param("name") String name);

    List<FundRow> funds(long programmeId);

    FundRow fund(long fundId);

    List<AgreementRow> agreements(long programmeId);

    /** Agreements of the bank with the programme whose period meets [from, to] (to null: open-ended). */
    boolean agreementOverlaps(@Param("programmeId") long programmeId, @Param("bankId") long bankId,
            @Param("from") LocalDate from, @Param("to") LocalDate to);

    boolean agreementNoTaken(@Param("programmeId") long programmeId, @Param("agreementNo") String agreementNo);

    void insertAgreement(@Param("programmeId") long programmeId, @Param("bankId") long bankId,
            @Param("agreementNo") String agreementNo, @Param("from") LocalDate from, @Param("to") LocalDate to,
            @Param("amount") BigDecimal amount, @Param("by") long by, @Param("at") Instant at,
            @Param("key") GeneratedId key);

    AgreementRow agreement(long id);

    NplRateRow nplRate(@Param("bankId") long bankId, @Param("month") String month);

    List<NplRateRow> nplRates(long bankId);

    Long lockBank(long bankId);

    void upsertNplRate(@Param("bankId") long bankId, @Param("month") String month, @Param("rate") BigDecimal rate,
            @Param("by") String by, @Param("at") Instant at);

    /** The programmes whose agreement with the bank is active on the day. */
    List<Long> programmesOfBank(@Param("bankId") long bankId, @Param("on") LocalDate on);
}
