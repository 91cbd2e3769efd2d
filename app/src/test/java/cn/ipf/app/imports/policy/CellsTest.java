package cn.ipf.app.imports.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.library.policy.Uscc;
import cn.ipf.app.shared.export.UploadedTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private final List<ImportProblem> problems = new ArrayList<>();

    private Cells row(String... cells) {
        return new Cells(ImportKind.PAID_SUBSIDIES, new UploadedTable.Row(7, List.of(cells)), problems);
    }

    private List<String> codes() {
        return problems.stream().map(p -> p.column() + ":" + p.code()).toList();
    }

    @Test
    void readsAValidRow() {
        String first17 = "91370202MA3C4D5E6";
        String uscc = first17 + Uscc.checkCharacter(first17);
        Cells c = row(uscc.toLowerCase(), "INTEREST", "2025", "2025-03-20", "2000.5", "TX-1");
        assertThat(c.uscc("uscc")).isEqualTo(uscc);
        assertThat(c.integer("capYear", 2000, 2026)).isEqualTo(2025);
        assertThat(c.pastDate("paidOn", true, TODAY)).isEqualTo(LocalDate.of(2025, 3, 20));
        assertThat(c.yuan("amount", "0.01")).isEqualTo(new BigDecimal("2000.50"));
        assertThat(problems).isEmpty();
    }

    @Test
    void reportsEveryBadCellOfTheRowWithRowAndColumn() {
        Cells c = row("91370202MA3C4D5E6X", "INTEREST", "1999", "2026-03-02", "0.001", "");
        assertThat(c.uscc("uscc")).isNull();
        assertThat(c.integer("capYear", 2000, 2026)).isNull();
        assertThat(c.pastDate("paidOn", true, TODAY)).isNull();
        assertThat(c.yuan("amount", "0.01")).isNull();
        assertThat(c.text("reference", 64)).isNull();
        assertThat(codes()).containsExactly("uscc:USCC_INVALID", "capYear:OUT_OF_RANGE", "paidOn:DATE_IN_FUTURE",
                "amount:TOO_MANY_DECIMALS", "reference:REQUIRED");
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.row()).isEqualTo(7);
            assertThat(p.messageZh()).isNotBlank();
            assertThat(p.messageEn()).isNotBlank();
        });
    }

    @Test
    void readsDatesNumbersAndFlagsStrictly() {
        Cells c = row("", "yes", "20x5", "2025-02-30", "-1", "");
        assertThat(c.bool("kind")).isFalse();
        assertThat(c.integer("capYear", 2000, 2026)).isNull();
        assertThat(c.date("paidOn", true)).isNull();
        assertThat(c.yuan("amount", "0.01")).isNull();
        assertThat(c.optional("uscc")).isNull();
        assertThat(codes()).containsExactly("kind:BOOLEAN_INVALID", "capYear:NUMBER_INVALID", "paidOn:DATE_INVALID",
                "amount:OUT_OF_RANGE");
    }

    @Test
    void aSpreadsheetDateCellIsReadAsTheDateItShows() {
        List<ImportProblem> problems = new ArrayList<>();
        Cells c = new Cells(ImportKind.ENTERPRISES, new UploadedTable.Row(1, List.of("", "", "", "", "", "", "", "", "",
                "", "45659")), problems);
        assertThat(c.date("admittedOn", true)).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(problems).isEmpty();
    }
}
