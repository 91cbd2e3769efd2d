package cn.ipf.app.shared.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report workbook a person can hand on, read back cell by cell; the CSV of the same rows stays for machines. */
class ReportSheetTest {

    private static final Caption CAPTION = new Caption("测试报告", "威海市", "2025年3月", "元",
            ZonedDateTime.of(2025, 4, 1, 8, 30, 0, 0, ZoneId.of("Asia/Shanghai")), LocalDate.of(2025, 3, 31));
    private static final List<Column> COLUMNS = List.of(Column.text("指标"), Column.text("名称", 20),
            Column.mixed("本期"), Column.count("笔数"), Column.percent("同比"));

    private static List<List<Object>> rows() {
        Coded amount = new Coded("PLEDGE_FINANCING_AMOUNT", "质押融资金额(元)");
        Coded loans = new Coded("PLEDGED_LOANS", "质押贷款笔数(笔)");
        return List.of(
                Arrays.asList(amount, "甲区", new Figure(new BigDecimal("1234567.89"), Column.Format.AMOUNT), 3L,
                        new BigDecimal("0.1234")),
                Arrays.asList(amount, "乙区", new Figure(new BigDecimal("10.01"), Column.Format.AMOUNT), 4L, null),
                Arrays.asList(loans, "甲区", new Figure(new BigDecimal("7"), Column.Format.COUNT), 7L, null));
    }

    @Test
    void theWorkbookHasCaptionChineseLabelsFormatsFrozenHeaderAndTotalsThatAddUp() throws Exception {
        Path file = TableFile.write(true, CAPTION, List.of(new TableFile.Sheet("区县", COLUMNS, rows(),
                Totals.byGroup(0))));
        try {
            ReportWorkbook.Sheet s = ReportWorkbook.read(file).sheet("区县");
            assertThat(s.text("A1")).isEqualTo("测试报告（区县）");
            assertThat(s.text("A2")).isEqualTo("区域：威海市　　期间：2025年3月　　单位：元");
            assertThat(s.text("A3")).isEqualTo("生成时间：2025-04-01 08:30:00（Asia/Shanghai）　　数据截至：2025-03-31");
            assertThat(s.merged()).contains("A1:E1", "A2:E2", "A3:E3");
            assertThat(s.row(4)).containsExactly("指标", "名称", "本期", "笔数", "同比");
            assertThat(s.frozenRows()).isEqualTo(4);
            assertThat(s.widths().get(1)).isEqualTo(20.0);
            assertThat(s.widths().get(2)).isGreaterThanOrEqualTo(16.0);

            // the lines: names instead of codes, thousands separators, a percentage
            assertThat(s.text("A5")).isEqualTo("质押融资金额(元)");
            assertThat(s.number("C5")).isEqualByComparingTo("1234567.89");
            assertThat(s.format("C5")).isEqualTo("#,##0.00");
            assertThat(s.format("D5")).isEqualTo("#,##0");
            assertThat(s.format("E5")).isEqualTo("0.00%");
            // a subtotal per indicator: exactly the sum of its lines, in their format; the ratio is not added
            assertThat(s.text("A7")).isEqualTo("小计：质押融资金额(元)");
            assertThat(s.number("C7")).isEqualByComparingTo(s.number("C5").add(s.number("C6")));
            assertThat(s.format("C7")).isEqualTo("#,##0.00");
            assertThat(s.number("D7")).isEqualByComparingTo("7");
            assertThat(s.text("E7")).isNull();
            assertThat(s.text("A8")).isEqualTo("质押贷款笔数(笔)");
            assertThat(s.text("A9")).isEqualTo("小计：质押贷款笔数(笔)");
            assertThat(s.number("C9")).isEqualByComparingTo("7");
            assertThat(s.format("C9")).isEqualTo("#,##0");
            assertThat(s.lastRow()).isEqualTo(9);
            assertThat(s.cells().values()).noneMatch(c -> c.text().matches("[A-Z_]{6,}"));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aGrandTotalAddsUpEveryLine() throws Exception {
        Path file = TableFile.write(true, CAPTION, List.of(new TableFile.Sheet("合计", COLUMNS, rows(),
                Totals.grand("笔"))));
        try {
            ReportWorkbook.Sheet s = ReportWorkbook.read(file).sheet("合计");
            assertThat(s.text("A8")).isEqualTo("合计（3 笔）");
            assertThat(s.number("D8")).isEqualByComparingTo("14");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theCsvKeepsCodesAndPlainNumbersAndSaysSoFirst() throws Exception {
        Path file = TableFile.write(false, CAPTION, List.of(new TableFile.Sheet("区县", COLUMNS, rows(),
                Totals.byGroup(0))));
        try {
            List<String> lines = List.of(Files.readString(file, StandardCharsets.UTF_8).substring(1).split("\r\n"));
            assertThat(lines.get(0)).startsWith("# 测试报告").contains("machine-readable");
            assertThat(lines.subList(1, lines.size())).containsExactly("指标,名称,本期,笔数,同比",
                    "PLEDGE_FINANCING_AMOUNT,甲区,1234567.89,3,0.1234", "PLEDGE_FINANCING_AMOUNT,乙区,10.01,4,",
                    "PLEDGED_LOANS,甲区,7,7,");
        } finally {
            Files.delete(file);
        }
    }
}
