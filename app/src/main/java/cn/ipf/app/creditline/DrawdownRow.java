package cn.ipf.app.creditline;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A row of {@code credit_drawdown} with the bank's id of the loan, if one was named. */
record DrawdownRow(long id, long lineId, String externalId, long enterpriseId, BigDecimal amount, LocalDate drawnOn,
        String loanRef) {
}
