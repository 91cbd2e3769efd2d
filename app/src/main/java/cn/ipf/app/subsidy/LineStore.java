package cn.ipf.app.subsidy;

import cn.ipf.app.shared.persistence.UtcInstantTypeHandler;
import cn.ipf.app.subsidy.policy.InterestSubsidyCalculator.Line;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.stereotype.Component;

/**
 * The job's writes, one JDBC batch per table and chunk, in the chunk's transaction: with
 * {@code rewriteBatchedStatements=true} on the JDBC URL, Connector/J sends each batch as multi-row INSERTs.
 */
@Component
class LineStore {

    /** A computed claim: one enterprise's lines of one run. */
    record ClaimDraft(long enterpriseId, BigDecimal total, int lineCount) {
    }

    /** A line of a claim, numbered in cap order. */
    record LineDraft(long enterpriseId, int lineNo, long loanId, Line line) {
    }

    /** The loan gates of a loan as the run established them. */
    record LoanGateDraft(long loanId, boolean admitted, String sizeClass, boolean blacklisted, boolean pledged,
            boolean firstPledgeInvention, boolean otherFiscalSubsidy, BigDecimal annualRate, String gate) {
    }

    /** A dry run's total for one enterprise and bank. */
    record DryTotal(long enterpriseId, long bankId, int lineCount, BigDecimal amountBeforeCap, BigDecimal amount) {
    }

    private static final UtcInstantTypeHandler INSTANTS = new UtcInstantTypeHandler();

    private final JdbcTemplate jdbc;

    LineStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void claims(long programmeId, long runId, long ruleVersionId, LocalDate declareBy, Instant now,
            List<ClaimDraft> claims) {
        batch("INSERT INTO subsidy_claim (programme_id, run_id, enterprise_id, kind, status, rule_version_id,"
                + " total_amount, line_count, declare_by, created_at, updated_at)"
                + " VALUES (?, ?, ?, 'INTEREST', 'COMPUTED', ?, ?, ?, ?, ?, ?)", claims, (ps, c) -> {
                    ps.setLong(1, programmeId);
                    ps.setLong(2, runId);
                    ps.setLong(3, c.enterpriseId());
                    ps.setLong(4, ruleVersionId);
                    ps.setBigDecimal(5, c.total());
                    ps.setInt(6, c.lineCount());
                    ps.setObject(7, declareBy);
                    INSTANTS.setParameter(ps, 8, now, null);
                    INSTANTS.setParameter(ps, 9, now, null);
                });
    }

    void loanGates(long runId, List<LoanGateDraft> gates) {
        batch("INSERT INTO subsidy_run_loan (run_id, loan_id, admitted, size_class, blacklisted,"
                + " pledged_by_disbursement, first_pledge_invention, other_fiscal_subsidy, annual_rate, gate)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", gates, (ps, g) -> {
                    ps.setLong(1, runId);
                    ps.setLong(2, g.loanId());
                    ps.setBoolean(3, g.admitted());
                    ps.setString(4, g.sizeClass());
                    ps.setBoolean(5, g.blacklisted());
                    ps.setBoolean(6, g.pledged());
                    ps.setBoolean(7, g.firstPledgeInvention());
                    ps.setBoolean(8, g.otherFiscalSubsidy());
                    ps.setBigDecimal(9, g.annualRate());
                    ps.setString(10, g.gate());
                });
    }

    void lines(long runId, List<LineDraft> lines) {
        batch("INSERT INTO subsidy_line (run_id, enterprise_id, line_no, payment_id, loan_id, active_marker,"
                + " cap_marker, paid_date, cap_year, reason, days, days_in_window, lpr_month, lpr, reference_rate,"
                + " by_interest, by_rate, amount_before_cap, cap_remaining_before, amount, rules_version)"
                + " VALUES (?, ?, ?, ?, ?, 1, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lines, (ps, d) -> {
                    Line l = d.line();
                    ps.setLong(1, runId);
                    ps.setLong(2, d.enterpriseId());
                    ps.setInt(3, d.lineNo());
                    ps.setLong(4, l.payment().id());
                    ps.setLong(5, d.loanId());
                    ps.setObject(6, l.payment().paidDate());
                    ps.setInt(7, l.payment().paidDate().getYear());
                    ps.setString(8, l.reason().name());
                    ps.setInt(9, l.days());
                    ps.setInt(10, l.daysInWindow());
                    ps.setString(11, l.lprMonth() == null ? null : l.lprMonth().toString());
                    decimal(ps, 12, l.lpr());
                    decimal(ps, 13, l.reference());
                    decimal(ps, 14, l.byInterest());
                    decimal(ps, 15, l.byRate());
                    ps.setBigDecimal(16, l.amountBeforeCap());
                    decimal(ps, 17, l.capRemainingBefore());
                    ps.setBigDecimal(18, l.amount());
                    ps.setInt(19, l.rulesVersion());
                });
    }

    void dryTotals(long runId, List<DryTotal> totals) {
        batch("INSERT INTO subsidy_dry_run_total (run_id, enterprise_id, bank_id, line_count, amount_before_cap,"
                + " amount) VALUES (?, ?, ?, ?, ?, ?)", totals, (ps, t) -> {
                    ps.setLong(1, runId);
                    ps.setLong(2, t.enterpriseId());
                    ps.setLong(3, t.bankId());
                    ps.setInt(4, t.lineCount());
                    ps.setBigDecimal(5, t.amountBeforeCap());
                    ps.setBigDecimal(6, t.amount());
                });
    }

    private <T> void batch(String sql, List<T> rows, ParameterizedPreparedStatementSetter<T> setter) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows, rows.size(), setter);
        }
    }

    private static void decimal(PreparedStatement ps, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DECIMAL);
        } else {
            ps.setBigDecimal(index, value);
        }
    }
}
