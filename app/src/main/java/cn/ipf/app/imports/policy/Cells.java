package cn.ipf.app.imports.policy;

import cn.ipf.app.library.policy.Uscc;
import cn.ipf.app.shared.export.UploadedTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One data row read cell by cell against its kind's columns: every cell that cannot be read or breaks a rule adds a
 * problem naming the row and column, and reads as null, so that one pass reports every error of a row.
 */
public final class Cells {

    /** A whole day number from 1900-03-01 on (61) to the year 2173 (99999), as workbooks store dates. */
    private static final Pattern EXCEL_SERIAL = Pattern.compile("(6[1-9]|[7-9]\\d|[1-9]\\d{2,4})(\\.0+)?");

    private final ImportKind kind;
    private final UploadedTable.Row row;
    private final List<ImportProblem> problems;

    public Cells(ImportKind kind, UploadedTable.Row row, List<ImportProblem> problems) {
        this.kind = kind;
        this.row = row;
        this.problems = problems;
    }

    public ImportKind kind() {
        return kind;
    }

    public int number() {
        return row.number();
    }

    /** Records a problem of this row. */
    public void problem(String column, String code, String zh, String en) {
        problems.add(new ImportProblem(row.number(), column, code, zh, en));
    }

    /** The cell's text, or null (and a REQUIRED problem) when empty. */
    public String text(String column, int maxLength) {
        String s = optional(column);
        if (s == null) {
            problem(column, "REQUIRED", "必填", "required");
        } else if (s.length() > maxLength) {
            problem(column, "TOO_LONG", "最多 " + maxLength + " 个字符", "at most " + maxLength + " characters");
            return null;
        }
        return s;
    }

    /** The cell's text, null when empty. */
    public String optional(String column) {
        int i = kind.columns().indexOf(column);
        String s = i < row.cells().size() ? row.cells().get(i) : "";
        return s.isEmpty() ? null : s;
    }

    public String uscc(String column) {
        String s = text(column, 18);
        if (s == null) {
            return null;
        }
        String upper = s.toUpperCase(Locale.ROOT);
        if (!Uscc.isValid(upper)) {
            problem(column, "USCC_INVALID", "统一社会信用代码格式错误或校验码不正确（GB 32100-2015）",
                    "malformed or wrong check character (GB 32100-2015)");
            return null;
        }
        return upper;
    }

    public LocalDate date(String column, boolean required) {
        String s = required ? text(column, 10) : optional(column);
        if (s == null) {
            return null;
        }
        if (EXCEL_SERIAL.matcher(s).matches()) {
            // a date cell of a workbook holds its serial number: days since 1899-12-30 (Excel's 1900 system)
            return LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(s.substring(0, s.indexOf('.') < 0 ? s.length()
                    : s.indexOf('.'))));
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problem(column, "DATE_INVALID", "日期格式应为 YYYY-MM-DD", "expected a date YYYY-MM-DD");
            return null;
        }
    }

    /** A date not after today. */
    public LocalDate pastDate(String column, boolean required, LocalDate today) {
        LocalDate d = date(column, required);
        if (d != null && d.isAfter(today)) {
            problem(column, "DATE_IN_FUTURE", "不得晚于今天（" + today + "）", "must not be after today (" + today + ")");
            return null;
        }
        return d;
    }

    /** A decimal between min and max with at most {@code places} decimals (2 for yuan, as {@code Yuan} refuses). */
    public BigDecimal decimal(String column, int places, BigDecimal min, BigDecimal max) {
        return decimal(column, text(column, 30), places, min, max);
    }

    /** An amount in yuan given as part of a cell of {@code column} (a list cell such as {@code CODE:amount;...}). */
    public BigDecimal yuanPart(String column, String value, String min) {
        return decimal(column, value.strip(), 2, new BigDecimal(min), new BigDecimal("99999999999999999.99"));
    }

    private BigDecimal decimal(String column, String s, int places, BigDecimal min, BigDecimal max) {
        if (s == null) {
            return null;
        }
        BigDecimal v;
        try {
            v = new BigDecimal(s);
        } catch (NumberFormatException e) {
            problem(column, "NUMBER_INVALID", "应为数字", "expected a number");
            return null;
        }
        if (v.stripTrailingZeros().scale() > places) {
            problem(column, "TOO_MANY_DECIMALS", "最多 " + places + " 位小数", "at most " + places + " decimals");
            return null;
        }
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            problem(column, "OUT_OF_RANGE", "应在 " + min.toPlainString() + " 至 " + max.toPlainString() + " 之间",
                    "must be between " + min.toPlainString() + " and " + max.toPlainString());
            return null;
        }
        return v.setScale(Math.max(places, 0), java.math.RoundingMode.UNNECESSARY);
    }

    /** An amount in yuan (DECIMAL(19,2)), at least {@code min}. */
    public BigDecimal yuan(String column, String min) {
        return decimal(column, 2, new BigDecimal(min), new BigDecimal("99999999999999999.99"));
    }

    public Integer integer(String column, int min, int max) {
        BigDecimal v = decimal(column, 0, BigDecimal.valueOf(min), BigDecimal.valueOf(max));
        return v == null ? null : v.intValueExact();
    }

    /** true / false (also 是 / 否); empty reads false. */
    public boolean bool(String column) {
        String s = optional(column);
        if (s == null || s.equalsIgnoreCase("false") || s.equals("否")) {
            return false;
        }
        if (s.equalsIgnoreCase("true") || s.equals("是")) {
            return true;
        }
        problem(column, "BOOLEAN_INVALID", "应为 true 或 false", "expected true or false");
        return false;
    }
}
