package cn.ipf.app.imports;

import cn.ipf.app.loan.policy.LoanRecordRules;
import cn.ipf.app.shared.persistence.GeneratedId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Import files, their errors, the look-ups the checks need and the writes of imported history. */
@Mapper
interface HistoryMapper {

    void insertFile(@Param("kind") String kind, @Param("sha256") String sha256, @Param("fileName") String fileName,
            @Param("xlsx") boolean xlsx, @Param("content") byte[] content, @Param("by") Long uploadedBy,
            @Param("at") Instant at, @Param("key") GeneratedId key);

    ImportFileRow file(long id);

    /** The latest uploads, newest first. */
    List<ImportFileRow> recentFiles(int limit);

    ImportFileRow fileBySha256(String sha256);

    ImportContent content(long id);

    void setJobExecution(@Param("id") long id, @Param("execution") long execution);

    void finish(@Param("id") long id, @Param("status") String status, @Param("rowCount") int rowCount,
            @Param("errorCount") int errorCount, @Param("at") Instant at);

    void insertError(@Param("fileId") long fileId, @Param("seq") int seq,
            @Param("p") cn.ipf.app.imports.policy.ImportProblem problem);

    List<cn.ipf.app.imports.policy.ImportProblem> errors(long fileId);

    boolean isDistrict(String code);

    Long enterpriseByUscc(String uscc);

    Long bankByCode(String bankCode);

    boolean loanTaken(@Param("bankId") long bankId, @Param("externalId") String externalId);

    boolean registrationTaken(String registrationNo);

    boolean patentExists(String applicationNo);

    void insertPatent(@Param("p") HistoryRows.Patent patent, @Param("at") Instant at, @Param("key") GeneratedId key);

    boolean trademarkExists(@Param("registrationNo") String registrationNo, @Param("niceClass") int niceClass);

    void insertTrademark(@Param("t") HistoryRows.Trademark trademark, @Param("at") Instant at,
            @Param("key") GeneratedId key);

    void insertPatentOwner(@Param("patentId") long patentId, @Param("enterpriseId") long enterpriseId);

    /** The patent of that application number owned by the enterprise, if any. */
    Long ownedPatent(@Param("enterpriseId") long enterpriseId, @Param("applicationNo") String applicationNo);

    /** Locks the loans' rows, in id order. */
    List<Long> lockLoans(@Param("ids") List<Long> ids);

    ImportedLoanFacts loan(@Param("bankId") long bankId, @Param("externalId") String externalId);

    boolean interestTaken(@Param("bankId") long bankId, @Param("externalId") String externalId);

    boolean repaymentTaken(@Param("bankId") long bankId, @Param("externalId") String externalId);

    void insertRepayment(@Param("r") HistoryRows.Repayment repayment, @Param("at") Instant at);

    boolean sequenceTaken(@Param("loanId") long loanId, @Param("sequenceNo") int sequenceNo);

    List<LoanRecordRules.Accrual> accrualPeriods(long loanId);

    boolean payoutTaken(String reference);

    Integer currentRuleSetVersion();

    void insertEnterprise(@Param("e") HistoryRows.Enterprise e, @Param("at") Instant at,
            @Param("key") GeneratedId key);

    void insertEntry(@Param("enterpriseId") long enterpriseId, @Param("status") String status,
            @Param("ruleSetVersion") Integer ruleSetVersion, @Param("admittedOn") LocalDate admittedOn,
            @Param("at") Instant at);

    void insertAdmission(@Param("enterpriseId") long enterpriseId, @Param("ruleSetVersion") int ruleSetVersion,
            @Param("comment") String comment, @Param("decidedAt") Instant decidedAt);

    void insertLoan(@Param("l") HistoryRows.Loan loan, @Param("at") Instant at, @Param("key") GeneratedId key);

    void insertRegistration(@Param("loanId") long loanId, @Param("l") HistoryRows.Loan loan,
            @Param("at") Instant at, @Param("key") GeneratedId key);

    void insertRegistrationPatents(@Param("registrationId") long registrationId, @Param("ids") List<Long> ids);

    void insertInterest(@Param("i") HistoryRows.Interest interest, @Param("at") Instant at);

    void insertPayout(@Param("p") HistoryRows.Payout payout, @Param("fileId") long fileId, @Param("at") Instant at);

    /** Whether the bank already reported a default under this id. */
    boolean defaultTaken(@Param("bankId") long bankId, @Param("externalId") String externalId);

    java.math.BigDecimal ipShare(long loanId);

    /** 违约 the loan defaults as a live report makes it (LoanMapper.updateDefault). */
    void markDefaulted(@Param("c") HistoryRows.Compensation compensation);
}
