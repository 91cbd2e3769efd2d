package cn.ipf.app.shared.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class XlsxTableTest {

    @Test
    void readsTheFirstSheetOfAWorkbookAsTheSameTableAsACsv() throws Exception {
        Path file = TableFile.write(true, "loans", List.of("uscc", "amount", "paidOn"),
                List.of(List.of("91370202MA3C4D5E6X", new BigDecimal("2000.50"), "2025-03-20"),
                        List.of("公司，\"甲\"", new BigDecimal("1000000"), "")));
        byte[] bytes = Files.readAllBytes(file);
        Files.delete(file);
        assertThat(XlsxTable.isWorkbook(bytes)).isTrue();
        UploadedTable t = XlsxTable.parse(bytes).orElseThrow();
        assertThat(t.header()).containsExactly("uscc", "amount", "paidOn");
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0)).isEqualTo(new UploadedTable.Row(1, List.of("91370202MA3C4D5E6X", "2000.50",
                "2025-03-20")));
        assertThat(t.rows().get(1).cells().get(0)).isEqualTo("公司，\"甲\"");
        assertThat(new BigDecimal(t.rows().get(1).cells().get(1))).isEqualByComparingTo("1000000");
    }

    @Test
    void readsInlineStringsBooleansAndDateSerials() throws Exception {
        String sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>admittedOn</t></is></c>"
                + "<c r=\"C1\" t=\"inlineStr\"><is><t>highTech</t></is></c></row>"
                + "<row r=\"3\"><c r=\"A3\"><v>45659</v></c><c r=\"C3\" t=\"b\"><v>1</v></c></row>"
                + "</sheetData></worksheet>";
        UploadedTable t = XlsxTable.parse(zip(sheet)).orElseThrow();
        assertThat(t.header()).containsExactly("admittedOn", "", "highTech");
        assertThat(t.rows()).containsExactly(new UploadedTable.Row(1, List.of("45659", "", "true")));
    }

    @Test
    void refusesWhatIsNotAWorkbookAndADoctype() throws Exception {
        assertThat(XlsxTable.isWorkbook("a,b\n".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(XlsxTable.parse("PK\u0003\u0004junk".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(XlsxTable.parse(zip("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&e;</t></is></c></row>"
                + "</sheetData></worksheet>"))).isEmpty();
    }

    @Test
    void columnLettersCountFromZero() {
        assertThat(XlsxTable.column("A1")).isZero();
        assertThat(XlsxTable.column("Z9")).isEqualTo(25);
        assertThat(XlsxTable.column("AB12")).isEqualTo(27);
    }

    private static byte[] zip(String sheetXml) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(sheetXml.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void aNumberCellIsItsExactDigitsUpToFifteenAndScientificBeyond() {
        assertThat(XlsxTable.number("802880200012345")).isEqualTo("802880200012345");
        assertThat(XlsxTable.number("8.02880200012345E+14")).isEqualTo("802880200012345");
        assertThat(XlsxTable.number("2000.50")).isEqualTo("2000.50");
        assertThat(XlsxTable.number("1.5E-2")).isEqualTo("0.015");
        assertThat(XlsxTable.number("6222020000000002")).as("16 digits: a spreadsheet kept 15")
                .isEqualTo("6.222020000000002E+15");
        assertThat(XlsxTable.number("2026120712345678901")).isEqualTo("2.026120712345678901E+18");
        assertThat(XlsxTable.number("1.2345678901234567E+19")).isEqualTo("1.2345678901234567E+19");
    }
}
