package cn.ipf.app.compensation;

import java.util.List;

/** A recovery's return with the line of each layer, as the claim page, a disposal case and the drill-down show it. */
public record RecoveryReturned(RecoveryReturnRow row, List<ReturnLineRow> lines) {
}
