package cn.ipf.app.shared.export;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 4180 CSV lines (CRLF; a cell with a comma, quote or line break is quoted, quotes doubled), safe to open in a
 * spreadsheet: a text cell that would start a formula is neutralised ({@link #neutralised}).
 */
public final class Csv {

    /** Excel reads UTF-8 CSV (Chinese text) correctly only after a byte-order mark. */
    public static final char BOM = '\uFEFF';

    /** A plain decimal number, which a spreadsheet reads as a number and never as a formula. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private Csv() {
    }

    public static void line(Appendable out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = neutralised(cells.get(i));
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append("\r\n");
    }

    /**
     * CSV injection (OWASP): a cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
     * return is read as a formula by spreadsheet programs, so it gets a leading apostrophe and is shown as the text it
     * is. A plain number ({@code -1250.00}) is left alone: it stays a number the reader can sum.
     */
    public static String neutralised(String cell) {
        if (cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0 || NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }
}
