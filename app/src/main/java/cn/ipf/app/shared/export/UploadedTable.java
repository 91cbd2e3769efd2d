package cn.ipf.app.shared.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An uploaded CSV (RFC 4180, UTF-8, an optional byte-order mark as Excel writes it) read as a header and data rows.
 * Blank lines are skipped; a row keeps its number in the file's data rows so that errors point at the line a person
 * sees in a spreadsheet.
 */
public record UploadedTable(List<String> header, List<Row> rows) {

    /** A data row: its number (1 = the first row after the header) and its cells. */
    public record Row(int number, List<String> cells) {
    }

    /** The uploaded file as a table: an XLSX workbook's first sheet or a CSV; empty when it is neither. */
    public static Optional<UploadedTable> read(byte[] bytes, boolean xlsx) {
        return xlsx ? XlsxTable.parse(bytes) : parse(bytes);
    }

    /** The header and then each data row's cells, so that a row's index + 1 is its line in a spreadsheet. */
    public List<List<String>> lines() {
        List<List<String>> lines = new ArrayList<>(rows.size() + 1);
        lines.add(header);
        rows.forEach(r -> lines.add(r.cells()));
        return lines;
    }

    /** The table, or empty when the text is not CSV (an unterminated quote) or has no header. */
    public static Optional<UploadedTable> parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                lines.add(cells);
                cells = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            return Optional.empty();
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            lines.add(cells);
        }
        lines.removeIf(l -> l.stream().allMatch(String::isBlank));
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            rows.add(new Row(i, lines.get(i).stream().map(String::strip).toList()));
        }
        return Optional.of(new UploadedTable(lines.get(0).stream().map(String::strip).toList(), rows));
    }
}
