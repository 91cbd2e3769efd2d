package cn.ipf.app.subsidy;

import cn.ipf.app.subsidy.policy.InterestSubsidyCalculator.Line;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The job's writes, in the chunk's transaction, as multi-row INSERTs of up to {@value #ROWS_PER_STATEMENT} rows: the
 * statements {@code rewriteBatchedStatements=true} would have Connector/J build, built here directly. Measured on a
 * million lines, Connector/J's per-value encoding of a rewritten batch took more processor time than the database
 * spent writing (docs/benchmarks.md). Every value is a number, a date, an instant, an enum or a code, written as a SQL
 * literal; any other text is refused, so nothing a user typed is ever quoted into a statement.
 */
@Component
class LineStore {

    /** A computed claim: one enterprise's lines of one run. */
    record ClaimDraft(long enterpriseId, BigDecimal total, int lineCount) {
    }

    /** A line of a claim, numbered in cap order. */
    record LineDraft(long enterpriseId, int lineNo, Line line) {
    }

    /**
     * The loan gates of a loan and its reference rate as the run established them; {@code notAdmittedListingId} is
     * the listing that kept a loan refused by NOT_ADMITTED from being admitted, if that is why.
     */
    record LoanGateDraft(long loanId, boolean admitted, String sizeClass, boolean blacklisted, boolean pledged,
            boolean firstPledgeInvention, boolean otherFiscalSubsidy, BigDecimal annualRate, String gate,
            String lprMonth, BigDecimal lpr, BigDecimal reference, Long notAdmittedListingId) {
    }

    /** A dry run's total for one enterprise and bank. */
    record DryTotal(long enterpriseId, long bankId, int lineCount, BigDecimal amountBeforeCap, BigDecimal amount) {
    }

    static final int ROWS_PER_STATEMENT = 1000;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:-]*");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final JdbcTemplate jdbc;

    LineStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void claims(long programmeId, long runId, long ruleVersionId, LocalDate declareBy, Instant now,
            List<ClaimDraft> claims) {
        insert("subsidy_claim (programme_id, run_id, enterprise_id, kind, status, rule_version_id, total_amount,"
                + " line_count, declare_by, created_at, updated_at)", claims, c -> new Object[] {programmeId, runId,
                    c.enterpriseId(), "INTEREST", "COMPUTED", ruleVersionId, c.total(), c.lineCount(), declareBy, now,
                    now});
    }

    void loanGates(long runId, List<LoanGateDraft> gates) {
        insert("subsidy_run_loan (run_id, loan_id, admitted, size_class, blacklisted, pledged_by_disbursement,"
                + " first_pledge_invention, other_fiscal_subsidy, annual_rate, gate, lpr_month, lpr, reference_rate,"
                + " not_admitted_listing_id)",
                gates, g -> new Object[] {runId, g.loanId(), g.admitted(), g.sizeClass(), g.blacklisted(),
                    g.pledged(), g.firstPledgeInvention(), g.otherFiscalSubsidy(), g.annualRate(), g.gate(),
                    g.lprMonth(), g.lpr(), g.reference(), g.notAdmittedListingId()});
    }

    void lines(long runId, List<LineDraft> lines) {
        insert("subsidy_line (enterprise_id, run_id, line_no, payment_id, active_marker, cap_marker, reason,"
                + " days_in_window, by_interest, by_rate, amount_before_cap, cap_remaining_before, amount)", lines,
                d -> {
                    Line l = d.line();
                    return new Object[] {d.enterpriseId(), runId, d.lineNo(), l.payment().id(), 1, 1,
                        l.reason(), l.daysInWindow(), l.byInterest(), l.byRate(), l.amountBeforeCap(),
                        l.capRemainingBefore(), l.amount()};
                });
    }

    void dryTotals(long runId, List<DryTotal> totals) {
        insert("subsidy_dry_run_total (run_id, enterprise_id, bank_id, line_count, amount_before_cap, amount)",
                totals, t -> new Object[] {runId, t.enterpriseId(), t.bankId(), t.lineCount(), t.amountBeforeCap(),
                    t.amount()});
    }

    private <T> void insert(String into, List<T> rows, Function<T, Object[]> values) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            if (i % ROWS_PER_STATEMENT == 0) {
                if (i > 0) {
                    jdbc.update(sql.toString());
                }
                sql.setLength(0);
                sql.append("INSERT INTO ").append(into).append(" VALUES ");
            } else {
                sql.append(',');
            }
            Object[] row = values.apply(rows.get(i));
            sql.append('(');
            for (int v = 0; v < row.length; v++) {
                if (v > 0) {
                    sql.append(',');
                }
                literal(sql, row[v]);
            }
            sql.append(')');
        }
        if (!rows.isEmpty()) {
            jdbc.update(sql.toString());
        }
    }

    static void literal(StringBuilder sql, Object value) {
        if (value == null) {
            sql.append("NULL");
        } else if (value instanceof BigDecimal d) {
            sql.append(d.toPlainString());
        } else if (value instanceof Long || value instanceof Integer) {
            sql.append(value);
        } else if (value instanceof Boolean b) {
            sql.append(b ? '1' : '0');
        } else if (value instanceof LocalDate date) {
            sql.append('\'').append(date).append('\'');
        } else if (value instanceof Instant instant) {
            sql.append('\'').append(MICROS.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC))).append('\'');
        } else if (value instanceof Enum<?> code) {
            sql.append('\'').append(code.name()).append('\'');
        } else if (value instanceof String code && CODE.matcher(code).matches()) {
            sql.append('\'').append(code).append('\'');
        } else {
            throw new IllegalArgumentException("not a literal the job writes: " + value);
        }
    }
}
