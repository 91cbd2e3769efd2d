package cn.ipf.app.disposal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A row of {@code disposal_step}; money only on a PROCEEDS step, which is also the loan's recovery. */
record DisposalStepRow(long id, long caseId, String externalId, String kind, LocalDate takenOn, String note,
        BigDecimal grossAmount, BigDecimal disposalCosts, Long recoveryId) {
}
