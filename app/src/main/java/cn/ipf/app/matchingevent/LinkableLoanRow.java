package cn.ipf.app.matchingevent;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A loan the bank reported to an enterprise that no intention counts yet: one it may link to its intention. */
public record LinkableLoanRow(long loanId, String loanRef, BigDecimal principal, String status,
        LocalDate disbursedOn) {
}
