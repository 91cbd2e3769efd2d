package cn.ipf.app.shared.export;

/**
 * A column of a report sheet: its Chinese label (with the unit, e.g. 金额(元)), how its numbers read in the workbook
 * and its width in characters (0: from the label).
 */
public record Column(String label, Format format, int width) {

    /** How a column's numbers are shown in the workbook; the CSV writes them plain whatever the format. */
    public enum Format {
        /** Text, written as string cells. */
        TEXT(null, false),
        /** Yuan to the fen with thousands separators. */
        AMOUNT("#,##0.00", true),
        /**
         * Yuan to the fen, shown like {@link #AMOUNT} but left out of totals: a figure repeated on several lines (a
         * claim's loss base on each of its fund layers) would be counted more than once.
         */
        BASE_AMOUNT("#,##0.00", false),
        /** Whole numbers with thousands separators. */
        COUNT("#,##0", true),
        /** A ratio shown as a percentage. */
        PERCENT("0.00%", false),
        /** Numbers whose format each cell names ({@link Figure}); summed in totals like its lines. */
        MIXED(null, true);

        private final String pattern;
        private final boolean summed;

        Format(String pattern, boolean summed) {
            this.pattern = pattern;
            this.summed = summed;
        }

        public String pattern() {
            return pattern;
        }

        /** Whether a totals row adds the column up. */
        public boolean summed() {
            return summed;
        }
    }

    public static Column text(String label) {
        return new Column(label, Format.TEXT, 0);
    }

    public static Column text(String label, int width) {
        return new Column(label, Format.TEXT, width);
    }

    public static Column amount(String label) {
        return new Column(label, Format.AMOUNT, 0);
    }

    public static Column baseAmount(String label) {
        return new Column(label, Format.BASE_AMOUNT, 0);
    }

    public static Column count(String label) {
        return new Column(label, Format.COUNT, 0);
    }

    public static Column percent(String label) {
        return new Column(label, Format.PERCENT, 0);
    }

    public static Column mixed(String label) {
        return new Column(label, Format.MIXED, 0);
    }
}
