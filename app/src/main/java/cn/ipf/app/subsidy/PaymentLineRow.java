package cn.ipf.app.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One transfer of a payment batch, the payee as sent, and the bank's result once imported. */
record PaymentLineRow(long batchId, int lineNo, long claimId, String kind, String payeeName, String accountNo,
        String accountBank, BigDecimal amount, String purpose, String result, LocalDate valueDate,
        String bankReference, String failureReason) {
}
