package cn.ipf.app.shared.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Uploaded tables read back: what the shared writers write reads back as the same cells. */
class TableReaderTest {

    @Test
    void csvWithByteOrderMarkQuotesAndLineBreaks() {
        String text = "\uFEFFa,\"b,1\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\nlast";
        assertThat(TableReader.read(text.getBytes(StandardCharsets.UTF_8), false)).hasValue(List.of(
                List.of("a", "b,1", "say \"hi\""), List.of("two\nlines", "", "x"), List.of("last")));
    }

    @Test
    void anXlsxWrittenByTableFileReadsBackCellForCell() throws Exception {
        Path file = TableFile.write(true, "明细", List.of("行号", "户名", "金额(元)"), List.of(
                Arrays.<Object>asList("1", "=青岛测试", new BigDecimal("3000.50")),
                Arrays.<Object>asList("2", null, new BigDecimal("12.00"))));
        try {
            List<List<String>> rows = TableReader.read(Files.readAllBytes(file), true).orElseThrow();
            assertThat(rows.get(0)).containsExactly("行号", "户名", "金额(元)");
            assertThat(rows.get(1)).containsExactly("1", "=青岛测试", "3000.50");
            assertThat(rows.get(2).get(0)).isEqualTo("2");
            assertThat(new BigDecimal(rows.get(2).get(2))).isEqualByComparingTo("12");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void bytesThatAreNoWorkbookAreUnreadable() {
        assertThat(TableReader.read("not a zip".getBytes(StandardCharsets.UTF_8), true)).isEmpty();
    }
}
