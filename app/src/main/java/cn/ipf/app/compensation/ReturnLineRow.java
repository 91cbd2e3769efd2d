package cn.ipf.app.compensation;

import java.math.BigDecimal;

/** What one layer got back of a recovery: its share of what it bore and had not had returned before. */
public record ReturnLineRow(long returnId, int lineNo, String layerCode, String layerKind, Long fundId,
        BigDecimal borne, BigDecimal returnedBefore, BigDecimal amount) {
}
