package cn.ipf.app.shared.export;

/**
 * The totals rows of a report sheet: one 合计 row under all lines, or a 小计 row after each run of lines with the same
 * value in {@code groupColumn} (lines of different units, such as indicators, are never added together). Each adds
 * up the summed columns ({@link Column.Format#summed}) of exactly the lines above it.
 */
public record Totals(int groupColumn) {

    public static Totals grand() {
        return new Totals(-1);
    }

    public static Totals byGroup(int column) {
        return new Totals(column);
    }
}
