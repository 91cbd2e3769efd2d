package cn.ipf.app.shared.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An export written row by row into a temporary file, so memory stays bounded whatever the number of rows: CSV (RFC
 * 4180, UTF-8 with a byte-order mark for Excel) or XLSX (fastexcel, flushed every 1 000 rows). Cells are strings or
 * amounts; an amount is a number in XLSX (exact BigDecimal, so the treasury can sum it) and plain text in CSV.
 *
 * <p>Safe to open in a spreadsheet: CSV text cells that would start a formula get a leading apostrophe
 * ({@link Csv#neutralised}); in XLSX every non-amount cell is written as a string cell, which spreadsheet programs
 * never evaluate, so it keeps its exact text.
 *
 * <p>The same rows always give the same bytes: fastexcel stamps the creation instant into {@code docProps/core.xml}
 * and the ZIP entries carry the time of writing, so the workbook is copied once more with the creation date and
 * every entry time fixed at {@link #FIXED_TIME} (streamed entry by entry; only the small core.xml is held).
 */
public final class TableFile {

    /** The creation date written into every workbook; ZIP entries get the same local time, whatever the zone. */
    public static final String FIXED_TIME = "2000-01-01T00:00:00Z";

    private static final Pattern CREATED = Pattern.compile("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)");

    /**
     * One table: a sheet in a workbook, a section in a CSV. With columns described ({@link Column}) and a
     * {@link Caption} on the file, the workbook is a report a person can hand on (see {@link ReportSheet}); the
     * totals ({@link Totals}) are written in the workbook only, the CSV keeps just the lines.
     */
    public record Sheet(String name, List<Column> columns, Iterable<List<Object>> rows, Totals totals) {

        /** A plain table: text headers, amounts as numbers without a format, no totals. */
        public Sheet(String name, List<String> header, Iterable<List<Object>> rows) {
            this(name, header.stream().map(Column::text).toList(), rows, null);
        }

        public List<String> header() {
            return columns.stream().map(Column::label).toList();
        }
    }

    private TableFile() {
    }

    /** Writes the file and answers its path; the caller deletes it once sent. */
    public static Path write(boolean xlsx, String sheetName, List<String> header, Iterable<List<Object>> rows) {
        return write(xlsx, List.of(new Sheet(sheetName, header, rows)));
    }

    /**
     * Several tables in one file: one sheet each in XLSX; in CSV one section each, a line with the table's name, its
     * header and rows, sections separated by an empty line (a single table is written without its name line).
     */
    public static Path write(boolean xlsx, List<Sheet> sheets) {
        return write(xlsx, null, sheets);
    }

    /**
     * As {@link #write(boolean, List)}, the workbook as a report under the caption (title, region, period, unit,
     * generation time and data as of); the CSV gets one comment line first saying that it holds codes and plain numbers.
     */
    public static Path write(boolean xlsx, Caption caption, List<Sheet> sheets) {
        Path file = null;
        Path raw = null;
        try {
            file = Files.createTempFile("export-", xlsx ? ".xlsx" : ".csv");
            if (xlsx) {
                raw = Files.createTempFile("export-raw-", ".xlsx");
                try (OutputStream out = Files.newOutputStream(raw)) {
                    writeXlsx(out, caption, sheets);
                }
                try (OutputStream out = Files.newOutputStream(file)) {
                    canonical(raw, out);
                }
            } else {
                try (OutputStream out = Files.newOutputStream(file)) {
                    writeCsv(out, caption, sheets);
                }
            }
            return file;
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        } finally {
            deleteQuietly(raw);
        }
    }

    private static void writeCsv(OutputStream out, Caption caption, List<Sheet> sheets) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(Csv.BOM);
        if (caption != null) {
            w.write(caption.csvComment() + "\r\n");
        }
        for (int s = 0; s < sheets.size(); s++) {
            Sheet sheet = sheets.get(s);
            if (sheets.size() > 1) {
                if (s > 0) {
                    w.write("\r\n");
                }
                Csv.line(w, List.of(sheet.name()));
            }
            Csv.line(w, sheet.header());
            for (List<Object> row : sheet.rows()) {
                Csv.line(w, row.stream().map(TableFile::code).toList());
            }
        }
        w.flush();
    }

    private static void writeXlsx(OutputStream out, Caption caption, List<Sheet> sheets) throws IOException {
        Workbook workbook = new Workbook(out, "IPF", "1.0");
        for (Sheet table : sheets) {
            if (caption != null) {
                ReportSheet.write(workbook.newWorksheet(table.name()), caption, table);
                continue;
            }
            Worksheet sheet = workbook.newWorksheet(table.name());
            for (int c = 0; c < table.header().size(); c++) {
                sheet.value(0, c, table.header().get(c));
            }
            int r = 1;
            for (List<Object> row : table.rows()) {
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
            sheet.finish();
        }
        workbook.finish();
    }

    /** Copies the workbook's ZIP with fixed entry times and the fixed creation date (see the class comment). */
    // read through the central directory: fastexcel streams its entries with Zip64 data descriptors, which
    // ZipInputStream cannot read front to back
    private static void canonical(Path raw, OutputStream out) throws IOException {
        LocalDateTime time = LocalDateTime.ofInstant(Instant.parse(FIXED_TIME), ZoneOffset.UTC);
        try (ZipFile in = new ZipFile(raw.toFile()); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(time);
                zip.putNextEntry(copy);
                try (InputStream part = in.getInputStream(entry)) {
                    if (entry.getName().equals("docProps/core.xml")) {
                        String xml = new String(part.readAllBytes(), StandardCharsets.UTF_8);
                        zip.write(CREATED.matcher(xml).replaceAll("$1" + FIXED_TIME + "$2")
                                .getBytes(StandardCharsets.UTF_8));
                    } else {
                        part.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
        }
    }

    /** A cell as the CSV writes it: the machine code of a labelled value, numbers plain. */
    private static String code(Object cell) {
        return cell instanceof Coded coded ? coded.code() : text(cell);
    }

    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Figure figure) {
            return figure.value() == null ? "" : figure.value().toPlainString();
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
