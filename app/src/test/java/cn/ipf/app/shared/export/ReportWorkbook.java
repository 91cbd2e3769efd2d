package cn.ipf.app.shared.export;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An XLSX read back as a spreadsheet program shows it, for tests that check an export cell by cell: each sheet's
 * cells by reference (A1) with their text, number and number format, the frozen rows, the merged ranges and the
 * column widths.
 */
public final class ReportWorkbook {

    /** A cell: the text shown before formatting (string or number digits), the number if it is one, its format. */
    public record Cell(String text, BigDecimal number, String format) {
    }

    /** One sheet. */
    public record Sheet(String name, Map<String, Cell> cells, int frozenRows, List<String> merged,
            Map<Integer, Double> widths) {

        public String text(String ref) {
            Cell c = cells.get(ref);
            return c == null ? null : c.text();
        }

        public BigDecimal number(String ref) {
            Cell c = cells.get(ref);
            return c == null ? null : c.number();
        }

        public String format(String ref) {
            Cell c = cells.get(ref);
            return c == null ? null : c.format();
        }

        /** The texts of a 1-based row, from column A up to its last cell. */
        public List<String> row(int row) {
            List<String> out = new ArrayList<>();
            for (int c = 0; c < 64; c++) {
                String t = text(ref(c, row));
                if (t != null) {
                    while (out.size() < c) {
                        out.add("");
                    }
                    out.add(t);
                }
            }
            return out;
        }

        /** The exact sum of the numbers in a column from one 1-based row to another, both included. */
        public BigDecimal sum(String column, int from, int to) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int r = from; r <= to; r++) {
                BigDecimal n = number(column + r);
                sum = n == null ? sum : sum.add(n);
            }
            return sum;
        }

        /** The last row that has a cell. */
        public int lastRow() {
            return cells.keySet().stream().mapToInt(r -> Integer.parseInt(r.replaceAll("[A-Z]", ""))).max()
                    .orElse(0);
        }
    }

    private final List<Sheet> sheets;

    private ReportWorkbook(List<Sheet> sheets) {
        this.sheets = sheets;
    }

    public List<Sheet> sheets() {
        return sheets;
    }

    public Sheet sheet(String name) {
        return sheets.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no sheet " + name + " in " + sheets.stream().map(Sheet::name)
                        .toList()));
    }

    public static String ref(int column, int row) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString() + row;
    }

    /** Keeps an export under target/exports, to be rendered and looked at (LibreOffice → PDF → PNG). */
    public static void keep(String name, byte[] xlsx) throws Exception {
        Path dir = Path.of("target", "exports");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), xlsx);
    }

    public static ReportWorkbook read(byte[] xlsx) throws Exception {
        Path file = Files.createTempFile("report-", ".xlsx");
        try {
            Files.write(file, xlsx);
            return read(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public static ReportWorkbook read(Path xlsx) throws Exception {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    parts.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        List<String> shared = new ArrayList<>();
        if (parts.containsKey("xl/sharedStrings.xml")) {
            NodeList items = xml(parts.get("xl/sharedStrings.xml")).getElementsByTagName("si");
            for (int i = 0; i < items.getLength(); i++) {
                shared.add(items.item(i).getTextContent());
            }
        }
        Document styles = xml(parts.get("xl/styles.xml"));
        Map<String, String> formatCodes = new HashMap<>();
        NodeList numFmts = styles.getElementsByTagName("numFmt");
        for (int i = 0; i < numFmts.getLength(); i++) {
            Element f = (Element) numFmts.item(i);
            formatCodes.put(f.getAttribute("numFmtId"), f.getAttribute("formatCode"));
        }
        List<String> xfFormats = new ArrayList<>();
        NodeList xfs = ((Element) styles.getElementsByTagName("cellXfs").item(0)).getElementsByTagName("xf");
        for (int i = 0; i < xfs.getLength(); i++) {
            String id = ((Element) xfs.item(i)).getAttribute("numFmtId");
            xfFormats.add(formatCodes.getOrDefault(id, "0".equals(id) ? "General" : "builtin " + id));
        }
        NodeList names = xml(parts.get("xl/workbook.xml")).getElementsByTagName("sheet");
        List<Sheet> sheets = new ArrayList<>();
        for (int s = 0; s < names.getLength(); s++) {
            Document sheet = xml(parts.get("xl/worksheets/sheet" + (s + 1) + ".xml"));
            Map<String, Cell> cells = new LinkedHashMap<>();
            NodeList cs = sheet.getElementsByTagName("c");
            for (int i = 0; i < cs.getLength(); i++) {
                Element c = (Element) cs.item(i);
                NodeList v = c.getElementsByTagName("v");
                NodeList t = c.getElementsByTagName("t");
                String type = c.getAttribute("t");
                String style = c.getAttribute("s");
                String format = xfFormats.get(style.isEmpty() ? 0 : Integer.parseInt(style));
                if (v.getLength() == 0 && t.getLength() == 0) {
                    continue;
                }
                String raw = v.getLength() > 0 ? v.item(0).getTextContent() : t.item(0).getTextContent();
                if ("s".equals(type)) {
                    cells.put(c.getAttribute("r"), new Cell(shared.get(Integer.parseInt(raw)), null, format));
                } else if ("inlineStr".equals(type) || "str".equals(type) || "b".equals(type)) {
                    cells.put(c.getAttribute("r"), new Cell(raw, null, format));
                } else {
                    cells.put(c.getAttribute("r"), new Cell(raw, new BigDecimal(raw), format));
                }
            }
            NodeList panes = sheet.getElementsByTagName("pane");
            int frozen = panes.getLength() == 0 ? 0
                    : (int) Double.parseDouble(((Element) panes.item(0)).getAttribute("ySplit"));
            List<String> merged = new ArrayList<>();
            NodeList ms = sheet.getElementsByTagName("mergeCell");
            for (int i = 0; i < ms.getLength(); i++) {
                merged.add(((Element) ms.item(i)).getAttribute("ref"));
            }
            Map<Integer, Double> widths = new HashMap<>();
            NodeList cols = sheet.getElementsByTagName("col");
            for (int i = 0; i < cols.getLength(); i++) {
                Element col = (Element) cols.item(i);
                for (int c = Integer.parseInt(col.getAttribute("min")); c <= Integer.parseInt(col.getAttribute("max"));
                        c++) {
                    widths.put(c - 1, Double.parseDouble(col.getAttribute("width")));
                }
            }
            sheets.add(new Sheet(((Element) names.item(s)).getAttribute("name"), cells, frozen, merged, widths));
        }
        return new ReportWorkbook(sheets);
    }

    private static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }
}
