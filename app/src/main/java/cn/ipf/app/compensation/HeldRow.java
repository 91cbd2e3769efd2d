package cn.ipf.app.compensation;

import java.math.BigDecimal;

/** What payable (released, not yet paid) payouts hold of one fund's cash. */
record HeldRow(long fundId, BigDecimal amount) {
}
