package cn.ipf.app.shared.export;

/**
 * The totals rows of a report sheet: one 合计 row under all lines, or a 小计 row after each run of lines with the same
 * value in {@code groupColumn} (lines of different units, such as indicators, are never added together). Each adds
 * up the summed columns ({@link Column.Format#summed}) of exactly the lines above it; with a {@code countUnit} the
 * 合计 also says how many lines it adds (合计（4 笔）).
 */
public record Totals(int groupColumn, String countUnit) {

    /** One 合计 row that also counts the lines, in the unit given (笔, 家, 条). */
    public static Totals grand(String countUnit) {
        return new Totals(-1, countUnit);
    }

    public static Totals byGroup(int column) {
        return new Totals(column, null);
    }
}
