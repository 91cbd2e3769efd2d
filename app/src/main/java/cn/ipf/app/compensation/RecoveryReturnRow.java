package cn.ipf.app.compensation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 回收返还 a recovery returned to the layers of a paid claim: net = max(0, gross − costs), distributable the part the
 * layers still bore, surplus the bank's; {@code disposalCaseId} names the disposal case whose proceeds it was.
 */
public record RecoveryReturnRow(long id, long claimId, long recoveryId, String recoveryExternalId,
        LocalDate recoveredOn, BigDecimal grossAmount, BigDecimal disposalCosts, BigDecimal net,
        BigDecimal distributable, BigDecimal surplus, Long journalId, Long disposalCaseId) {
}
