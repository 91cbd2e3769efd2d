package cn.ipf.app.shared.export;

import java.io.IOException;
import java.util.List;

/** RFC 4180 CSV lines (CRLF; a cell with a comma, quote or line break is quoted, quotes doubled). */
public final class Csv {

    /** Excel reads UTF-8 CSV (Chinese text) correctly only after a byte-order mark. */
    public static final char BOM = '\uFEFF';

    private Csv() {
    }

    public static void line(Appendable out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append("\r\n");
    }
}
