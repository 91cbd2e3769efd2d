package cn.ipf.app.shared.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An export written row by row into a temporary file, so memory stays bounded whatever the number of rows: CSV (RFC
 * 4180, UTF-8 with a byte-order mark for Excel) or XLSX (fastexcel, flushed every 1 000 rows). Cells are strings or
 * amounts; an amount is a number in XLSX (exact BigDecimal, so the treasury can sum it) and plain text in CSV.
 */
public final class TableFile {

    private TableFile() {
    }

    /** Writes the file and answers its path; the caller deletes it once sent. */
    public static Path write(boolean xlsx, String sheetName, List<String> header, Iterable<List<Object>> rows) {
        Path file = null;
        try {
            file = Files.createTempFile("export-", xlsx ? ".xlsx" : ".csv");
            try (OutputStream out = Files.newOutputStream(file)) {
                if (xlsx) {
                    writeXlsx(out, sheetName, header, rows);
                } else {
                    writeCsv(out, header, rows);
                }
            }
            return file;
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private static void writeCsv(OutputStream out, List<String> header, Iterable<List<Object>> rows)
            throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(Csv.BOM);
        Csv.line(w, header);
        for (List<Object> row : rows) {
            Csv.line(w, row.stream().map(TableFile::text).toList());
        }
        w.flush();
    }

    private static void writeXlsx(OutputStream out, String sheetName, List<String> header,
            Iterable<List<Object>> rows) throws IOException {
        Workbook workbook = new Workbook(out, "IPF", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName);
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
        }
        int r = 1;
        for (List<Object> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                if (row.get(c) instanceof BigDecimal amount) {
                    sheet.value(r, c, amount);
                } else {
                    sheet.value(r, c, text(row.get(c)));
                }
            }
            if (r % 1000 == 0) {
                sheet.flush();
            }
            r++;
        }
        workbook.finish();
    }

    private static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        return cell instanceof BigDecimal amount ? amount.toPlainString() : cell.toString();
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }
}
