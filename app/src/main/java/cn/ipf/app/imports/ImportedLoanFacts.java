package cn.ipf.app.imports;

import cn.ipf.app.loan.policy.LoanRecordRules;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What an interest payment's checks need of a loan already on the platform. */
public record ImportedLoanFacts(long id, String status, LocalDate signedOn, LocalDate maturityDate,
        BigDecimal principal, LocalDate disbursedOn, BigDecimal disbursedAmount, BigDecimal repaid,
        LocalDate closedOn) {

    /** The loan as the record rules see it, with {@code repaid} principal repaid so far. */
    LoanRecordRules.Loan facts(BigDecimal repaid) {
        return new LoanRecordRules.Loan(signedOn, maturityDate, principal, disbursedOn, disbursedAmount, repaid, null,
                closedOn);
    }
}
