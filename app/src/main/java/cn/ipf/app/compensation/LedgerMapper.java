package cn.ipf.app.compensation;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

/**
 * The ledger, every posting debiting one account and crediting another: accounts, journals, postings, deposits, the
 * trial balance and the exports' rows.
 */
@Mapper
interface LedgerMapper {

    record AccountRow(long id, long fundId, String fundCode, String code, String accountType, String name,
            BigDecimal balance) {
    }

    record TrialRow(long id, String code, String name, String accountType, String fundCode, BigDecimal debits,
            BigDecimal credits, BigDecimal balance) {
    }

    record DepositRow(long id, long fundId, String kind, BigDecimal amount, String reference, LocalDate depositedOn,
            Long journalId) {
    }

    record LedgerLine(long journalId, Instant postedAt, LocalDate postedOn, String kind, String memo, long postingId,
            String debitCode, String debitName, String creditCode, String creditName, BigDecimal amount,
            Long claimId, Long recoveryId) {
    }

    record PaymentOrderLine(long claimId, String claimExternalId, String bankName, String loanRef,
            String enterpriseName, String uscc, String layerCode, String fundName, BigDecimal amount,
            BigDecimal lossBase, long journalId, Instant paidAt) {
    }

    /** The fund's accounts of every type, locked in id order (the payout job and deposits lock them alike). */
    List<AccountRow> lockFundAccounts(@Param("fundIds") List<Long> fundIds);

    void insertJournal(@Param("programmeId") long programmeId, @Param("kind") String kind, @Param("memo") String memo,
            @Param("depositId") Long depositId, @Param("claimId") Long claimId, @Param("recoveryId") Long recoveryId,
            @Param("total") BigDecimal total, @Param("on") LocalDate on, @Param("at") Instant at,
            @Param("by") Long by, @Param("key") GeneratedId key);

    void insertPosting(@Param("journalId") long journalId, @Param("debit") long debit, @Param("credit") long credit,
            @Param("amount") BigDecimal amount, @Param("key") GeneratedId key);

    void addToBalance(@Param("accountId") long accountId, @Param("delta") BigDecimal delta);

    DepositRow deposit(@Param("fundId") long fundId, @Param("reference") String reference);

    void insertDeposit(@Param("fundId") long fundId, @Param("kind") String kind, @Param("amount") BigDecimal amount,
            @Param("reference") String reference, @Param("on") LocalDate on, @Param("by") long by,
            @Param("at") Instant at, @Param("key") GeneratedId key);

    List<TrialRow> trialBalance(long programmeId);

    Cursor<LedgerLine> ledgerLines(long programmeId);

    Cursor<PaymentOrderLine> paymentOrders(long programmeId);
}
