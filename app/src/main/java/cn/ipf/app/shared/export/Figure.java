package cn.ipf.app.shared.export;

import java.math.BigDecimal;

/** A number cell that names its own format, in a {@link Column.Format#MIXED} column (amounts and counts in one). */
public record Figure(BigDecimal value, Column.Format format) {
}
