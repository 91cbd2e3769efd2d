package cn.ipf.app.loan;

import cn.ipf.app.loan.policy.LoanRecordRules;
import cn.ipf.app.loan.policy.LoanStatus;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 贷款 a loan as its bank reported it, with the principal repaid so far and the loans a renewal (续贷) links: the loan
 * it renews and the one that renewed it (the bank's ids and contract numbers; the renewal day is the new loan's
 * disbursement and the old one's closure).
 */
record LoanRecord(long id, long bankId, long enterpriseId, String enterpriseName, Long productId, Long applicationId,
        String externalId, String contractNo, LocalDate contractSignedOn, BigDecimal principal, BigDecimal annualRate,
        LocalDate maturityDate, BigDecimal ipShare, boolean otherFiscalSubsidy, LocalDate disbursedOn,
        BigDecimal disbursedAmount, LoanStatus status, BigDecimal repaid, LocalDate overdueSince,
        LocalDate defaultedOn, BigDecimal defaultOutstanding, String defaultExternalId, LocalDate closedOn,
        String closureExternalId, String renewalOf, String renewedBy, String renewalOfContractNo,
        String renewedByContractNo) {

    LoanRecordRules.Loan facts() {
        return new LoanRecordRules.Loan(contractSignedOn, maturityDate, principal, disbursedOn, disbursedAmount, repaid,
                defaultedOn, closedOn);
    }
}
