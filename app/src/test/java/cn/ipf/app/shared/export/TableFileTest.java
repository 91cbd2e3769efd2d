package cn.ipf.app.shared.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The shared writer of every CSV and XLSX export keeps hostile text as text and numbers as numbers. */
class TableFileTest {

    static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";
    static final String CMD = "+cmd|' /C calc'!A0";

    private static final List<String> HEADER = List.of("名称", "金额(元)", "次数");

    private static List<TableFile.Sheet> sheets() {
        List<List<Object>> rows = List.of(
                Arrays.asList(HYPERLINK, new BigDecimal("-1250.00"), 3),
                Arrays.asList(CMD, new BigDecimal("10.50"), -2),
                Arrays.asList("@SUM(A1)", null, 0));
        return List.of(new TableFile.Sheet("企业", HEADER, rows), new TableFile.Sheet("-参数", HEADER, rows));
    }

    @Test
    void csvNeutralisesFormulaTextAndKeepsNumbersPlain() throws Exception {
        Path file = TableFile.write(false, sheets());
        try {
            String csv = Files.readString(file, StandardCharsets.UTF_8).substring(1);
            assertThat(csv).isEqualTo(String.join("\r\n",
                    "企业", "名称,金额(元),次数",
                    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-1250.00,3",
                    "'+cmd|' /C calc'!A0,10.50,-2",
                    "'@SUM(A1),,0",
                    "",
                    "'-参数", "名称,金额(元),次数",
                    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-1250.00,3",
                    "'+cmd|' /C calc'!A0,10.50,-2",
                    "'@SUM(A1),,0", ""));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void xlsxWritesTextAsStringCellsNeverFormulasAndAmountsAsNumbers() throws Exception {
        Path file = TableFile.write(true, sheets());
        try {
            Map<String, String> parts = parts(file);
            for (String sheet : List.of("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml")) {
                String xml = parts.get(sheet);
                assertThat(xml).as("no formula in %s", sheet).doesNotContain("<f>").doesNotContain("<f ");
                // the amount is a number cell with the exact value
                assertThat(xml).contains("<v>-1250.00</v>");
                // every cell of the name column (A2..A4) is a string cell
                for (String ref : List.of("A2", "A3", "A4")) {
                    assertThat(xml).containsPattern("<c r=\"" + ref + "\"[^>]* t=\"(s|inlineStr|str)\"");
                }
            }
            assertThat(parts.getOrDefault("xl/sharedStrings.xml", "") + parts.get("xl/worksheets/sheet1.xml"))
                    .as("the text is kept exactly (XML-escaped), without a leading apostrophe")
                    .contains("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)")
                    .contains("+cmd|&apos; /C calc&apos;!A0");
        } finally {
            Files.delete(file);
        }
    }

    private static Map<String, String> parts(Path xlsx) throws Exception {
        Map<String, String> parts = new HashMap<>();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    parts.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return parts;
    }
}
