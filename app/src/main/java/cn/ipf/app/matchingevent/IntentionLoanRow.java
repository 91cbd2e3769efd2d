package cn.ipf.app.matchingevent;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A loan linked to an intention, as the bank reported it. */
record IntentionLoanRow(long intentionId, long loanId, String loanRef, BigDecimal principal, String status,
        LocalDate disbursedOn) {
}
