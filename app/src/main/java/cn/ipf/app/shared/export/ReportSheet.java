package cn.ipf.app.shared.export;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.dhatim.fastexcel.Worksheet;

/**
 * One sheet of a report workbook, laid out for a person: the caption (title with the sheet's name, region, period and
 * unit, generation time and data as of) in rows 1–3, the Chinese column labels in row 4 with the panes frozen below
 * it, the lines (framed) with thousands separators and percentages, and the totals rows ({@link Totals}), each the
 * exact sum of the lines above it. Columns are as wide as their label (Chinese characters count double) or what the
 * caller asks; rows are flushed every 1 000 lines, so memory stays bounded.
 */
final class ReportSheet {

    /** Row index of the column labels; the lines start below. */
    static final int HEADER_ROW = 3;
    private static final int MIN_WIDTH = 10;
    private static final int MIN_NUMBER_WIDTH = 16;
    private static final String HEADER_FILL = "FFDDEBF7";
    private static final String TOTAL_FILL = "FFF2F2F2";

    private final Worksheet sheet;
    private final List<Column> columns;
    private final Totals totals;
    private final BigDecimal[] sums;
    private final Column.Format[] formats;
    private int row = HEADER_ROW + 1;
    private int linesInTotal;
    private Object group;
    private String groupLabel;

    private ReportSheet(Worksheet sheet, TableFile.Sheet table) {
        this.sheet = sheet;
        this.columns = table.columns();
        this.totals = table.totals();
        this.sums = new BigDecimal[columns.size()];
        this.formats = new Column.Format[columns.size()];
    }

    static void write(Worksheet sheet, Caption caption, TableFile.Sheet table) throws IOException {
        new ReportSheet(sheet, table).write(caption, table.name(), table.rows());
    }

    private void write(Caption caption, String name, Iterable<List<Object>> rows) throws IOException {
        int last = Math.max(columns.size() - 1, 0);
        for (int c = 0; c < columns.size(); c++) {
            sheet.width(c, width(columns.get(c)));
        }
        sheet.freezePane(0, HEADER_ROW + 1);
        // printed as it is handed on: landscape, every column on one page wide
        sheet.pageOrientation("landscape");
        sheet.setFitToPage(true);
        sheet.fitToWidth((short) 1);
        sheet.fitToHeight((short) 0);
        sheet.value(0, 0, caption.title() + "（" + name + "）");
        sheet.style(0, 0).bold().fontSize(14).set();
        sheet.value(1, 0, caption.scope());
        sheet.value(2, 0, caption.stamp());
        for (int r = 0; r < HEADER_ROW; r++) {
            sheet.range(r, 0, r, last).merge();
        }
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(HEADER_ROW, c, columns.get(c).label());
            sheet.style(HEADER_ROW, c).bold().fillColor(HEADER_FILL).wrapText(true).horizontalAlignment("center")
                    .verticalAlignment("center").borderStyle("thin").set();
        }
        for (List<Object> line : rows) {
            if (totals != null && totals.groupColumn() >= 0) {
                Object key = line.get(totals.groupColumn());
                if (linesInTotal > 0 && !Objects.equals(key, group)) {
                    total("小计：" + groupLabel);
                }
                group = key;
                groupLabel = TableFile.text(key instanceof Coded coded ? coded.label() : key);
            }
            line(line);
            if (row % 1000 == 0) {
                sheet.flush();
            }
        }
        if (totals != null && (linesInTotal > 0 || totals.groupColumn() < 0)) {
            total(totals.groupColumn() >= 0 ? "小计：" + groupLabel : totals.countUnit() == null ? "合计"
                    : "合计（" + linesInTotal + " " + totals.countUnit() + "）");
        }
        sheet.finish();
    }

    private void line(List<Object> line) {
        for (int c = 0; c < line.size() && c < columns.size(); c++) {
            Object cell = line.get(c);
            Column.Format format = columns.get(c).format();
            BigDecimal number = null;
            if (cell instanceof Figure figure) {
                number = figure.value();
                format = figure.format();
            } else if (cell instanceof BigDecimal decimal) {
                number = decimal;
            } else if (cell instanceof Integer || cell instanceof Long) {
                number = BigDecimal.valueOf(((Number) cell).longValue());
            }
            // every cell of a line framed, so that the printed table reads as a grid
            if (number != null) {
                sheet.value(row, c, number);
                sheet.style(row, c).borderStyle("thin").format(format.pattern() == null ? "General"
                        : format.pattern()).set();
                if (columns.get(c).format().summed()) {
                    sums[c] = sums[c] == null ? number : sums[c].add(number);
                    formats[c] = format;
                }
            } else {
                if (cell != null) {
                    sheet.value(row, c, cell instanceof Coded coded ? coded.label() : TableFile.text(cell));
                }
                sheet.style(row, c).borderStyle("thin").set();
            }
        }
        for (int c = line.size(); c < columns.size(); c++) {
            sheet.style(row, c).borderStyle("thin").set();
        }
        linesInTotal++;
        row++;
    }

    /** A totals row: the label in the first column, each summed column's sum in its lines' format. */
    private void total(String label) {
        sheet.value(row, 0, label);
        sheet.style(row, 0).bold().fillColor(TOTAL_FILL).borderStyle("thin").set();
        // the label spans the text columns before the first sum, so that it is read whole
        int firstSum = 1;
        while (firstSum < columns.size() && !columns.get(firstSum).format().summed()) {
            firstSum++;
        }
        if (firstSum > 1 && firstSum < columns.size()) {
            sheet.range(row, 0, row, firstSum - 1).merge();
        }
        for (int c = 1; c < columns.size(); c++) {
            if (columns.get(c).format().summed()) {
                BigDecimal sum = sums[c] == null ? BigDecimal.ZERO : sums[c];
                Column.Format format = formats[c] == null ? columns.get(c).format() : formats[c];
                sheet.value(row, c, sum);
                sheet.style(row, c).bold().fillColor(TOTAL_FILL).borderStyle("thin")
                        .format(format.pattern() == null ? "General" : format.pattern()).set();
            } else {
                sheet.style(row, c).fillColor(TOTAL_FILL).borderStyle("thin").set();
            }
        }
        Arrays.fill(sums, null);
        Arrays.fill(formats, null);
        linesInTotal = 0;
        row++;
    }

    /** The column's width in characters: as asked, else its label's (a Chinese character is two wide). */
    static int width(Column column) {
        if (column.width() > 0) {
            return column.width();
        }
        int label = column.label().codePoints().map(c -> c > 0x2E80 ? 2 : 1).sum() + 2;
        return Math.max(label, column.format() == Column.Format.TEXT ? MIN_WIDTH : MIN_NUMBER_WIDTH);
    }
}
