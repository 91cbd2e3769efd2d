package cn.ipf.app.loan;

import cn.ipf.app.loan.ApplicationMapper.AssetRef;
import cn.ipf.app.loan.ApplicationMapper.AssetRow;
import cn.ipf.app.loan.policy.LoanRecordRules;
import cn.ipf.app.loan.policy.LoanStatus;
import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface LoanMapper {

    record Contract(long bankId, long enterpriseId, long productId, long applicationId, String externalId,
            String contractNo, LocalDate signedOn, BigDecimal principal, BigDecimal annualRate, LocalDate maturityDate,
            BigDecimal ipShare, boolean otherFiscalSubsidy) {
    }

    /** 续贷 the new loan's contract; it takes the maturing loan's bank, enterprise and product. */
    record Renewal(String externalId, String contractNo, LocalDate signedOn, BigDecimal principal,
            BigDecimal annualRate, LocalDate maturityDate, BigDecimal ipShare, boolean otherFiscalSubsidy) {
    }

    record RegistrationRow(long id, long loanId, String registrationNo, LocalDate registeredOn,
            BigDecimal securedAmount, LocalDate cancelledOn) {
    }

    record InterestRow(long loanId, String externalId, int sequenceNo, LocalDate accrualStart, LocalDate accrualEnd,
            BigDecimal principalBalance, BigDecimal interestAmount, LocalDate dueDate, LocalDate paidDate) {
    }

    record RepaymentRow(long loanId, String externalId, LocalDate repaidOn, BigDecimal amount) {
    }

    record DelinquencyRow(long loanId, String externalId, String state, LocalDate since) {
    }

    record RecoveryRow(long loanId, String externalId, LocalDate recoveredOn, BigDecimal grossAmount,
            BigDecimal disposalCosts, String source) {
    }

    void insert(@Param("c") Contract contract, @Param("at") Instant at, @Param("key") GeneratedId key);

    /** The renewing loan, disbursed on its signing day with its whole principal. */
    void insertRenewal(@Param("renewalOf") long renewalOf, @Param("r") Renewal renewal, @Param("at") Instant at,
            @Param("key") GeneratedId key);

    LoanRecord find(long id);

    LoanRecord findByRef(@Param("bankId") long bankId, @Param("externalId") String externalId);

    /** The enterprise's loans, newest first. */
    List<LoanRecord> ofEnterprise(long enterpriseId);

    /** The subsidy lines computed on the loan's interest payments, in payment order. */
    List<LoanSubsidyLineRow> subsidyLines(long loanId);

    /** Locks the loan row: every report on a loan is ordered by it. */
    Long lockByRef(@Param("bankId") long bankId, @Param("externalId") String externalId);

    List<LoanRecord> ofBank(@Param("bankId") long bankId, @Param("status") LoanStatus status,
            @Param("offset") long offset, @Param("limit") int limit);

    long countOfBank(@Param("bankId") long bankId, @Param("status") LoanStatus status);

    void updateDisbursement(@Param("id") long id, @Param("on") LocalDate on, @Param("amount") BigDecimal amount);

    void updateOverdueSince(@Param("id") long id, @Param("since") LocalDate since);

    void updateDefault(@Param("id") long id, @Param("externalId") String externalId, @Param("on") LocalDate on,
            @Param("outstanding") BigDecimal outstanding);

    void updateClosure(@Param("id") long id, @Param("externalId") String externalId, @Param("on") LocalDate on);

    /** Locks the patents named, in id order so that concurrent registrations cannot deadlock. */
    List<Long> lockPatents(@Param("ids") List<Long> ids);

    List<Long> lockTrademarks(@Param("ids") List<Long> ids);

    RegistrationRow registration(String registrationNo);

    RegistrationRow lockRegistration(@Param("loanId") long loanId, @Param("registrationNo") String registrationNo);

    List<RegistrationRow> registrations(long loanId);

    List<AssetRow> registrationAssets(@Param("registrationId") long registrationId,
            @Param("enterpriseId") long enterpriseId, @Param("on") LocalDate on);

    List<AssetRef> registrationAssetRefs(long registrationId);

    void insertRegistration(@Param("loanId") long loanId, @Param("registrationNo") String registrationNo,
            @Param("registeredOn") LocalDate registeredOn, @Param("securedAmount") BigDecimal securedAmount,
            @Param("at") Instant at, @Param("key") GeneratedId key);

    void insertRegistrationPatents(@Param("registrationId") long registrationId, @Param("ids") List<Long> ids);

    void insertRegistrationTrademarks(@Param("registrationId") long registrationId, @Param("ids") List<Long> ids);

    /** The original registration of the pledge a registration belongs to (itself unless it is a change). */
    long pledgeRoot(long registrationId);

    void markChange(@Param("id") long id, @Param("changeOf") long changeOf);

    /** The latest end of the loan's interest accrual periods, null without any. */
    LocalDate lastAccrualEnd(long loanId);

    void cancelRegistration(@Param("id") long id, @Param("on") LocalDate on);

    InterestRow interest(@Param("bankId") long bankId, @Param("externalId") String externalId);

    boolean sequenceTaken(@Param("loanId") long loanId, @Param("sequenceNo") int sequenceNo);

    List<InterestRow> interestPayments(long loanId);

    /** The accrual periods of the loan's interest records, by sequence no. */
    List<LoanRecordRules.Accrual> accrualPeriods(long loanId);

    void insertInterest(@Param("bankId") long bankId, @Param("r") InterestRow row, @Param("at") Instant at);

    RepaymentRow repayment(@Param("bankId") long bankId, @Param("externalId") String externalId);

    List<RepaymentRow> repayments(long loanId);

    void insertRepayment(@Param("bankId") long bankId, @Param("r") RepaymentRow row, @Param("at") Instant at);

    DelinquencyRow delinquency(@Param("bankId") long bankId, @Param("externalId") String externalId);

    List<DelinquencyRow> delinquencies(long loanId);

    void insertDelinquency(@Param("bankId") long bankId, @Param("r") DelinquencyRow row, @Param("at") Instant at);

    RecoveryRow recovery(@Param("bankId") long bankId, @Param("externalId") String externalId);

    List<RecoveryRow> recoveries(long loanId);

    void insertRecovery(@Param("bankId") long bankId, @Param("r") RecoveryRow row, @Param("at") Instant at);

    /** Loans whose default (or closure) carries this external id, for the idempotency check. */
    LoanRecord byDefaultRef(@Param("bankId") long bankId, @Param("externalId") String externalId);

    LoanRecord byClosureRef(@Param("bankId") long bankId, @Param("externalId") String externalId);
}
