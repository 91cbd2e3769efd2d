package cn.ipf.app.shared.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadedTableTest {

    private static UploadedTable parse(String text) {
        return UploadedTable.parse(text.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    @Test
    void readsHeaderAndRowsWithQuotesBomAndCrLf() {
        UploadedTable t = parse("\uFEFFa,b,c\r\n1,\"x, \"\"y\"\"\",3\r\n\r\n 4 ,,6\n");
        assertThat(t.header()).containsExactly("a", "b", "c");
        assertThat(t.rows()).containsExactly(new UploadedTable.Row(1, List.of("1", "x, \"y\"", "3")),
                new UploadedTable.Row(2, List.of("4", "", "6")));
    }

    @Test
    void keepsANewlineInsideQuotesAndReadsALastLineWithoutNewline() {
        UploadedTable t = parse("a,b\n\"line1\nline2\",z");
        assertThat(t.rows()).containsExactly(new UploadedTable.Row(1, List.of("line1\nline2", "z")));
    }

    @Test
    void refusesAnUnterminatedQuoteAndAnEmptyFile() {
        assertThat(UploadedTable.parse("a,b\n\"open,1\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(UploadedTable.parse(new byte[0])).isEmpty();
        assertThat(UploadedTable.parse(" \n\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
