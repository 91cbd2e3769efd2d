package cn.ipf.app.shared.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads an uploaded table back as rows of text cells: CSV (RFC 4180, UTF-8, an optional byte-order mark, CRLF or LF)
 * or the first sheet of an XLSX workbook (shared and inline strings, numbers as written). Answers empty when the bytes
 * are not a readable file of that kind; the caller refuses the upload then.
 */
public final class TableReader {

    private TableReader() {
    }

    public static Optional<List<List<String>>> read(byte[] bytes, boolean xlsx) {
        return xlsx ? xlsx(bytes) : Optional.of(csv(new String(bytes, StandardCharsets.UTF_8)));
    }

    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int i = !text.isEmpty() && text.charAt(0) == Csv.BOM ? 1 : 0;
        for (; i < text.length(); i++) {
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
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    private static Optional<List<List<String>>> xlsx(byte[] bytes) {
        Path file = null;
        try {
            // read through the central directory: writers may stream entries with data descriptors
            file = Files.createTempFile("upload-", ".xlsx");
            Files.write(file, bytes);
            Map<String, byte[]> parts = new HashMap<>();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (String name : List.of("xl/sharedStrings.xml", "xl/worksheets/sheet1.xml")) {
                    ZipEntry entry = zip.getEntry(name);
                    if (entry != null) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            parts.put(name, in.readAllBytes());
                        }
                    }
                }
            }
            if (!parts.containsKey("xl/worksheets/sheet1.xml")) {
                return Optional.empty();
            }
            List<String> shared = new ArrayList<>();
            if (parts.containsKey("xl/sharedStrings.xml")) {
                NodeList items = parse(parts.get("xl/sharedStrings.xml")).getElementsByTagName("si");
                for (int i = 0; i < items.getLength(); i++) {
                    shared.add(items.item(i).getTextContent());
                }
            }
            NodeList rowNodes = parse(parts.get("xl/worksheets/sheet1.xml")).getElementsByTagName("row");
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r < rowNodes.getLength(); r++) {
                Element rowNode = (Element) rowNodes.item(r);
                int number = rowNode.hasAttribute("r") ? Integer.parseInt(rowNode.getAttribute("r")) : rows.size() + 1;
                while (rows.size() < number - 1) {
                    rows.add(new ArrayList<>());
                }
                rows.add(cells(rowNode, shared));
            }
            return Optional.of(rows);
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            return Optional.empty();
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static List<String> cells(Element rowNode, List<String> shared) {
        NodeList cells = rowNode.getElementsByTagName("c");
        List<String> row = new ArrayList<>();
        for (int c = 0; c < cells.getLength(); c++) {
            Element cell = (Element) cells.item(c);
            int column = cell.hasAttribute("r") ? column(cell.getAttribute("r")) : row.size();
            while (row.size() < column) {
                row.add("");
            }
            String type = cell.getAttribute("t");
            String value;
            if ("inlineStr".equals(type)) {
                value = cell.getElementsByTagName("is").getLength() == 0 ? ""
                        : cell.getElementsByTagName("is").item(0).getTextContent();
            } else {
                NodeList v = cell.getElementsByTagName("v");
                value = v.getLength() == 0 ? "" : v.item(0).getTextContent();
                if ("s".equals(type) && !value.isEmpty()) {
                    value = shared.get(Integer.parseInt(value));
                }
            }
            row.add(value);
        }
        return row;
    }

    /** The zero-based column of a cell reference such as {@code C12}. */
    private static int column(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            column = column * 26 + (reference.charAt(i) - 'A' + 1);
        }
        return column - 1;
    }

    /** An XML part, with DTDs and external entities refused (XXE). */
    private static Document parse(byte[] xml) throws ParserConfigurationException, IOException, SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
