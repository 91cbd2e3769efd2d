package cn.ipf.app.subsidy.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * 银行回盘文件 the agent bank's result file of a payment batch, checked against the batch: one line per batch line,
 * each PAID with its value date and the bank's reference or FAILED with the reason, the same claim reference and
 * amount as sent, and paid + failed equal to the batch total to the fen. A file with any problem is refused whole: the
 * check answers every problem (row, column, code, message) or, when there is none, every line's outcome.
 */
public final class PaymentResultFile {

    /** The columns of a result file, in order (the first row of the file). */
    public static final List<String> HEADER = List.of("行号", "申报编号", "金额(元)", "结果", "入账日期", "银行流水号",
            "失败原因");

    /** PAID or FAILED: what the bank did with one transfer. */
    public enum Result {
        PAID, FAILED
    }

    /** A line as the batch sent it. */
    public record Sent(int lineNo, String claimReference, BigDecimal amount) {
    }

    /** A line's outcome, once the whole file is accepted. */
    public record Outcome(int lineNo, Result result, LocalDate valueDate, String bankReference,
            String failureReason) {
    }

    /** One problem of the file: row is the file's row number (1 = the header), column the header's name or null. */
    public record Problem(int row, String column, String code, String message, String messageEn) {
    }

    /** Either problems (the file is refused) or one outcome per sent line, in line order. */
    public record Check(List<Problem> problems, List<Outcome> outcomes, BigDecimal paid, BigDecimal failed) {

        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    private static final Pattern AMOUNT = Pattern.compile("\\d{1,17}(\\.\\d{1,2})?");
    private static final Pattern LINE_NO = Pattern.compile("\\d{1,9}");
    private static final Pattern SERIAL_DATE = Pattern.compile("\\d{5}(\\.0+)?");
    /** How an XLSX number cell of more than 15 significant digits reads (see XlsxTable): not exact, so refused. */
    private static final Pattern INEXACT_NUMBER = Pattern.compile("[-+]?\\d(\\.\\d+)?[Ee][-+]?\\d+");
    /**
     * Failure reasons that say nothing about the payee's account (the bank's system, a timeout): such a line may go
     * out again as sent. Any reason naming the account, or unknown, needs the payee's corrected account.
     */
    private static final List<String> RETRYABLE = List.of("SYSTEM_ERROR", "TIMEOUT", "BANK_BUSY", "系统错误",
            "系统异常", "系统繁忙", "超时");
    private static final List<String> ACCOUNT_WORDS = List.of("ACCOUNT", "户名", "账号", "账户", "帐号", "帐户",
            "销户", "冻结");
    /** Spreadsheet serial dates count days from 1899-12-30. */
    private static final LocalDate SERIAL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final int MAX_TEXT = 200;
    private static final int MAX_REFERENCE = 64;

    private PaymentResultFile() {
    }

    /**
     * Checks the rows of the file (the header first) against the lines sent; a value date must fall between the day
     * the batch was made and {@code today}.
     */
    public static Check check(List<Sent> sent, BigDecimal batchTotal, List<List<String>> rows, LocalDate batchDay,
            LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (rows.isEmpty() || !HEADER.equals(trimmed(rows.get(0), HEADER.size()))) {
            problems.add(new Problem(1, null, "HEADER_MISMATCH", "表头应为：" + String.join(",", HEADER),
                    "the header must be: " + String.join(",", HEADER)));
            return new Check(problems, List.of(), BigDecimal.ZERO, BigDecimal.ZERO);
        }
        Map<Integer, Sent> byLine = new HashMap<>();
        sent.forEach(s -> byLine.put(s.lineNo(), s));
        Map<Integer, Outcome> outcomes = new HashMap<>();
        Map<String, Integer> references = new HashMap<>();
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal failed = BigDecimal.ZERO;
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 1; i < rows.size(); i++) {
            List<String> cells = trimmed(rows.get(i), HEADER.size());
            if (cells.stream().allMatch(String::isEmpty)) {
                continue;
            }
            int row = i + 1;
            int before = problems.size();
            String lineText = cells.get(0);
            if (!LINE_NO.matcher(lineText).matches() || !byLine.containsKey(Integer.parseInt(lineText))) {
                problems.add(new Problem(row, HEADER.get(0), "LINE_UNKNOWN", "批次中没有行号 " + lineText,
                        "the batch has no line " + lineText));
                continue;
            }
            Sent line = byLine.get(Integer.parseInt(lineText));
            if (outcomes.containsKey(line.lineNo())) {
                problems.add(new Problem(row, HEADER.get(0), "LINE_DUPLICATE", "行号 " + lineText + " 重复",
                        "line " + lineText + " appears twice"));
                continue;
            }
            if (!line.claimReference().equals(cells.get(1))) {
                problems.add(new Problem(row, HEADER.get(1), "CLAIM_REFERENCE_MISMATCH", "该行的申报编号应为 "
                        + line.claimReference(), "the claim reference of this line is " + line.claimReference()));
            }
            BigDecimal amount = null;
            if (!AMOUNT.matcher(cells.get(2)).matches()) {
                problems.add(new Problem(row, HEADER.get(2), "AMOUNT_INVALID", "金额应为最多两位小数的正数",
                        "the amount must be a positive number with at most two decimals"));
            } else {
                amount = new BigDecimal(cells.get(2));
                sum = sum.add(amount);
                if (amount.compareTo(line.amount()) != 0) {
                    problems.add(new Problem(row, HEADER.get(2), "AMOUNT_MISMATCH", "该行发送金额为 "
                            + line.amount().toPlainString(), "this line was sent for "
                            + line.amount().toPlainString()));
                }
            }
            Result result = result(cells.get(3));
            if (result == null) {
                problems.add(new Problem(row, HEADER.get(3), "RESULT_INVALID", "结果应为 PAID 或 FAILED",
                        "the result must be PAID or FAILED"));
            }
            LocalDate valueDate = null;
            String reference = cells.get(5);
            String reason = cells.get(6);
            if (result == Result.PAID) {
                valueDate = date(cells.get(4));
                if (valueDate == null) {
                    problems.add(new Problem(row, HEADER.get(4), "VALUE_DATE_INVALID", "入账日期应为 yyyy-MM-dd",
                            "the value date must be yyyy-MM-dd"));
                } else if (valueDate.isBefore(batchDay) || valueDate.isAfter(today)) {
                    problems.add(new Problem(row, HEADER.get(4), "VALUE_DATE_OUT_OF_RANGE", "入账日期应在 " + batchDay
                            + " 至 " + today + " 之间", "the value date must be between " + batchDay + " and "
                            + today));
                }
                if (reference.isEmpty() || reference.length() > MAX_REFERENCE) {
                    problems.add(new Problem(row, HEADER.get(5), "BANK_REFERENCE_INVALID",
                            "付款成功的行须有银行流水号（不超过 64 个字符）",
                            "a paid line needs the bank's reference (at most 64 characters)"));
                } else if (INEXACT_NUMBER.matcher(reference).matches()) {
                    problems.add(new Problem(row, HEADER.get(5), "CELL_NOT_EXACT",
                            "银行流水号是超过 15 位有效数字的数字单元格，无法精确读取；请将该列设为文本后重新导出",
                            "the bank reference is a number cell of more than 15 significant digits and cannot be "
                                    + "read exactly; format the column as text and export it again"));
                } else if (references.putIfAbsent(reference, row) != null) {
                    problems.add(new Problem(row, HEADER.get(5), "BANK_REFERENCE_DUPLICATE", "银行流水号 "
                            + reference + " 与第 " + references.get(reference) + " 行重复", "the bank reference "
                            + reference + " is also on row " + references.get(reference)));
                }
            } else if (result == Result.FAILED && (reason.isEmpty() || reason.length() > MAX_TEXT)) {
                problems.add(new Problem(row, HEADER.get(6), "FAILURE_REASON_INVALID",
                        "付款失败的行须有失败原因（不超过 200 个字符）",
                        "a failed line needs the reason (at most 200 characters)"));
            }
            if (problems.size() > before) {
                // still counted as seen, so a later duplicate or the missing-line check stays accurate
                outcomes.put(line.lineNo(), null);
                continue;
            }
            outcomes.put(line.lineNo(), new Outcome(line.lineNo(), result, valueDate,
                    result == Result.PAID ? reference : null, result == Result.FAILED ? reason : null));
            if (result == Result.PAID) {
                paid = paid.add(amount);
            } else {
                failed = failed.add(amount);
            }
        }
        for (Sent line : sent) {
            if (!outcomes.containsKey(line.lineNo())) {
                problems.add(new Problem(rows.size() + 1, HEADER.get(0), "LINE_MISSING", "缺少行号 " + line.lineNo()
                        + "（" + line.claimReference() + "）", "line " + line.lineNo() + " ("
                        + line.claimReference() + ") is missing"));
            }
        }
        if (sum.compareTo(batchTotal) != 0) {
            problems.add(new Problem(rows.size() + 1, HEADER.get(2), "TOTAL_MISMATCH", "成功 + 失败合计 "
                    + sum.toPlainString() + " 不等于批次总额 " + batchTotal.toPlainString(), "paid + failed "
                    + sum.toPlainString() + " is not the batch total " + batchTotal.toPlainString()));
        }
        if (!problems.isEmpty()) {
            return new Check(problems, List.of(), BigDecimal.ZERO, BigDecimal.ZERO);
        }
        List<Outcome> ordered = sent.stream().map(s -> outcomes.get(s.lineNo())).toList();
        return new Check(List.of(), ordered, paid, failed);
    }

    /**
     * Whether a failed line may be re-issued as it was sent (no corrected account): only when its reason names a
     * bank-side cause (system error, timeout, busy) and nothing about the account.
     */
    public static boolean retryAllowed(String reason) {
        String upper = reason.toUpperCase(java.util.Locale.ROOT);
        return RETRYABLE.stream().anyMatch(upper::contains) && ACCOUNT_WORDS.stream().noneMatch(upper::contains);
    }

    private static Result result(String text) {
        return switch (text.toUpperCase(java.util.Locale.ROOT)) {
            case "PAID", "成功" -> Result.PAID;
            case "FAILED", "失败" -> Result.FAILED;
            default -> null;
        };
    }

    /** ISO date text, or a spreadsheet serial date (a date cell read as its number). */
    private static LocalDate date(String text) {
        if (SERIAL_DATE.matcher(text).matches()) {
            return SERIAL_EPOCH.plusDays(Long.parseLong(text.split("\\.")[0]));
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The row cut or padded to the header's width, each cell trimmed. */
    private static List<String> trimmed(List<String> row, int width) {
        List<String> out = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            out.add(i < row.size() && row.get(i) != null ? row.get(i).strip() : "");
        }
        return out;
    }
}
