package cn.ipf.app.loan;

import java.math.BigDecimal;
import java.time.LocalDate;

/** 贴息明细 one interest-subsidy line on a payment of a loan, with its claim's status and payment (or why the
 * bank's transfer failed), as stored. */
public record LoanSubsidyLineRow(long claimId, String claimStatus, int lineNo, String paymentExternalId,
        int sequenceNo, BigDecimal interestAmount, String reason, BigDecimal amount, LocalDate paidOn,
        String voucherNo, String paymentFailureReason) {
}
