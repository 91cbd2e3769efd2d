package cn.ipf.app.loan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A bank's first decision on an application (approved with an offer, or rejected with a reason). */
record DecisionRow(long bankId, String bankName, Instant submittedAt, Instant decidedAt, LocalDate respondBy, boolean approved,
        String rejectionReason, BigDecimal offerAmount) {
}
