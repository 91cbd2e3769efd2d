package cn.ipf.app.shared.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The first sheet of an uploaded workbook (Office Open XML, as Excel, WPS or LibreOffice save it) read as the same
 * table as a CSV: every cell as the text it holds (shared and inline strings, booleans as true/false; a date cell is
 * its serial number, which the reader of the column turns into a date). A number cell reads as its exact digits when
 * it has at most 15 significant digits (what a spreadsheet keeps exactly); a longer one reads in scientific notation
 * (1.2345678901234567E+19), so that a reader expecting an account number or a reference can refuse it rather than
 * take digits the spreadsheet has already rounded. DTDs are refused and the unpacked
 * size is bounded, so a crafted file cannot reach outside or exhaust memory.
 */
public final class XlsxTable {

    /** The most a workbook may unpack to. */
    static final long MAX_UNPACKED = 64L * 1024 * 1024;
    private static final int MAX_COLUMNS = 16_384;
    /** A spreadsheet keeps 15 significant digits of a number. */
    private static final int EXACT_DIGITS = 15;

    private XlsxTable() {
    }

    /** True when the bytes are a ZIP archive (an XLSX), as opposed to CSV text. */
    public static boolean isWorkbook(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /** The table, or empty when the workbook cannot be read or its first sheet is empty. */
    public static Optional<UploadedTable> parse(byte[] bytes) {
        try {
            byte[] shared = null;
            byte[] sheet = null;
            long total = 0;
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    boolean wanted = e.getName().equals("xl/sharedStrings.xml")
                            || e.getName().equals("xl/worksheets/sheet1.xml");
                    byte[] content = read(zip, MAX_UNPACKED - total);
                    total += content.length;
                    if (wanted && e.getName().endsWith("sharedStrings.xml")) {
                        shared = content;
                    } else if (wanted) {
                        sheet = content;
                    }
                }
            }
            if (sheet == null) {
                return Optional.empty();
            }
            return table(rows(sheet, shared == null ? List.of() : strings(shared)));
        } catch (IOException | XMLStreamException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] read(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            if (out.size() + n > limit) {
                throw new IOException("workbook unpacks to more than " + MAX_UNPACKED + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static XMLStreamReader xml(byte[] content) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory.createXMLStreamReader(new ByteArrayInputStream(content));
    }

    /** The shared strings, each the text of all its runs. */
    private static List<String> strings(byte[] content) throws XMLStreamException {
        List<String> strings = new ArrayList<>();
        XMLStreamReader r = xml(content);
        StringBuilder current = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamReader.START_ELEMENT && r.getLocalName().equals("si")) {
                current = new StringBuilder();
            } else if (event == XMLStreamReader.START_ELEMENT && r.getLocalName().equals("t") && current != null) {
                current.append(r.getElementText());
            } else if (event == XMLStreamReader.START_ELEMENT && r.getLocalName().equals("rPh")) {
                skip(r, "rPh"); // phonetic hints are not part of the text
            } else if (event == XMLStreamReader.END_ELEMENT && r.getLocalName().equals("si")) {
                strings.add(current.toString());
                current = null;
            }
        }
        return strings;
    }

    private static void skip(XMLStreamReader r, String element) throws XMLStreamException {
        while (r.hasNext()) {
            if (r.next() == XMLStreamReader.END_ELEMENT && r.getLocalName().equals(element)) {
                return;
            }
        }
    }

    /** Rows by their 1-based row number, each its cells by 0-based column. */
    private static TreeMap<Integer, TreeMap<Integer, String>> rows(byte[] sheet, List<String> shared)
            throws XMLStreamException {
        TreeMap<Integer, TreeMap<Integer, String>> rows = new TreeMap<>();
        XMLStreamReader r = xml(sheet);
        int rowNo = 0;
        int column = -1;
        String type = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event != XMLStreamReader.START_ELEMENT) {
                continue;
            }
            switch (r.getLocalName()) {
                case "row" -> {
                    String at = r.getAttributeValue(null, "r");
                    rowNo = at == null ? rowNo + 1 : Integer.parseInt(at);
                    column = -1;
                }
                case "c" -> {
                    String ref = r.getAttributeValue(null, "r");
                    column = ref == null ? column + 1 : column(ref);
                    type = r.getAttributeValue(null, "t");
                }
                case "v" -> {
                    String v = r.getElementText();
                    String text = "s".equals(type) ? shared.get(Integer.parseInt(v.strip()))
                            : "b".equals(type) ? ("1".equals(v.strip()) ? "true" : "false")
                            : type == null || "n".equals(type) ? number(v.strip()) : v;
                    rows.computeIfAbsent(rowNo, k -> new TreeMap<>()).put(column, text);
                }
                case "t" -> {
                    if ("inlineStr".equals(type)) {
                        rows.computeIfAbsent(rowNo, k -> new TreeMap<>()).merge(column, r.getElementText(),
                                String::concat);
                    }
                }
                default -> {
                }
            }
        }
        return rows;
    }

    /**
     * A number cell's text: as written when it has at most 15 significant digits (plain digits if written with an
     * exponent), scientific notation beyond (see above).
     */
    static String number(String v) {
        BigDecimal n;
        try {
            n = new BigDecimal(v);
        } catch (NumberFormatException e) {
            return v;
        }
        BigDecimal exact = n.stripTrailingZeros();
        if (n.signum() == 0 || exact.precision() <= EXACT_DIGITS) {
            boolean exponent = v.indexOf('E') >= 0 || v.indexOf('e') >= 0;
            return !exponent ? v : (exact.scale() < 0 ? exact.setScale(0) : exact).toPlainString();
        }
        String digits = exact.unscaledValue().abs().toString();
        int exponent = exact.precision() - exact.scale() - 1;
        return (exact.signum() < 0 ? "-" : "") + digits.charAt(0) + "." + digits.substring(1) + "E"
                + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    /** The 0-based column of a cell reference such as "AB12"; refused past XFD, the last column Excel has. */
    static int column(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            if (column > MAX_COLUMNS) {
                // the rows are padded up to their last cell: a forged reference must not make that billions long
                throw new IllegalArgumentException("cell reference beyond column XFD: " + ref);
            }
        }
        return column - 1;
    }

    private static Optional<UploadedTable> table(TreeMap<Integer, TreeMap<Integer, String>> rows) {
        List<List<String>> lines = new ArrayList<>();
        for (TreeMap<Integer, String> cells : rows.values()) {
            List<String> line = new ArrayList<>();
            for (int c = 0; c <= cells.lastKey(); c++) {
                line.add(cells.getOrDefault(c, "").strip());
            }
            if (line.stream().anyMatch(s -> !s.isBlank())) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        List<UploadedTable.Row> data = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            data.add(new UploadedTable.Row(i, List.copyOf(lines.get(i))));
        }
        return Optional.of(new UploadedTable(List.copyOf(lines.get(0)), data));
    }
}
