package cn.ipf.app.shared.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void textThatWouldStartAFormulaGetsAnApostrophe() {
        assertThat(Csv.neutralised("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(Csv.neutralised("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(Csv.neutralised("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(Csv.neutralised("@SUM(1+1)")).isEqualTo("'@SUM(1+1)");
        assertThat(Csv.neutralised("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(Csv.neutralised("\r=1+1")).isEqualTo("'\r=1+1");
        assertThat(Csv.neutralised("-")).isEqualTo("'-");
    }

    @Test
    void numbersAndOrdinaryTextStayAsTheyAre() {
        assertThat(Csv.neutralised("-1250.00")).isEqualTo("-1250.00");
        assertThat(Csv.neutralised("+12")).isEqualTo("+12");
        assertThat(Csv.neutralised("0.35")).isEqualTo("0.35");
        assertThat(Csv.neutralised("青岛测试科技有限公司")).isEqualTo("青岛测试科技有限公司");
        assertThat(Csv.neutralised("a=b")).isEqualTo("a=b");
        assertThat(Csv.neutralised("2026-11-30")).isEqualTo("2026-11-30");
        assertThat(Csv.neutralised("")).isEmpty();
    }

    @Test
    void aLineQuotesTheNeutralisedCell() throws IOException {
        StringBuilder out = new StringBuilder();
        Csv.line(out, List.of("=HYPERLINK(\"http://x\",\"y\")", "-5.00", "\rx"));
        assertThat(out).hasToString("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5.00,\"'\rx\"\r\n");
    }
}
