package cn.ipf.app.subsidy;

import cn.ipf.app.shared.persistence.UtcInstantTypeHandler;
import cn.ipf.batch.subsidy.InterestSubsidyRuns;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import javax.sql.DataSource;

/**
 * The interest payments a run computes, streamed from the database on a connection of its own (Connector/J streams
 * only a forward-only result set with fetch size {@link Integer#MIN_VALUE}; anything else would load every row) and
 * handed out one enterprise at a time, in enterprise-id order. At most one enterprise's rows are held in memory.
 */
final class CandidateCursor implements InterestSubsidyRuns.WorkCursor {

    /** One payment with what the calculator needs of its loan. */
    record CandidatePayment(long loanId, String loanRef, long bankId, LocalDate signedOn, LocalDate disbursedOn,
            BigDecimal ipShare, BigDecimal annualRate, boolean otherFiscalSubsidy, long paymentId, int sequenceNo,
            LocalDate accrualStart, LocalDate accrualEnd, BigDecimal principalBalance, BigDecimal interestAmount,
            LocalDate dueDate, LocalDate paidDate) {
    }

    /** One enterprise's payments with the profile its size class is derived from. */
    record EnterprisePayments(long enterpriseId, String industryCode, int employees, BigDecimal annualRevenue,
            BigDecimal totalAssets, List<CandidatePayment> payments) implements InterestSubsidyRuns.EnterpriseWork {
    }

    /**
     * The joins are forced in this order (enterprises by primary-key range, then their loans, then the payments) so
     * that rows come in enterprise order without a sort: the server streams them as it finds them, no temporary
     * table (the optimizer would otherwise start from the handful of region rows and sort everything).
     */
    private static final String SELECT = """
            SELECT e.id, e.industry_code, e.employees, e.annual_revenue, e.total_assets,
                   l.id, l.external_id, l.bank_id, l.contract_signed_on, l.disbursed_on, l.ip_share, l.annual_rate,
                   l.other_fiscal_subsidy,
                   p.id, p.sequence_no, p.accrual_start, p.accrual_end, p.principal_balance, p.interest_amount,
                   p.due_date, p.paid_date
              FROM enterprise e
              STRAIGHT_JOIN region r ON r.code = e.district_code
              STRAIGHT_JOIN loan l ON l.enterprise_id = e.id
              STRAIGHT_JOIN interest_payment p ON p.loan_id = l.id
             WHERE e.id > ? AND e.id <= ?
               AND (r.code = ? OR r.parent_code = ?)
               AND l.disbursed_on IS NOT NULL
               AND p.paid_date BETWEEN ? AND ?
               AND p.created_at <= ?
            """;
    /** A claims run leaves out the payments already in a line that was not rejected. */
    private static final String NOT_IN_A_STANDING_LINE =
            " AND NOT EXISTS (SELECT 1 FROM subsidy_line s WHERE s.payment_id = p.id AND s.active_marker = 1)";
    private static final String ORDER = " ORDER BY e.id";
    private static final UtcInstantTypeHandler INSTANTS = new UtcInstantTypeHandler();

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private boolean rowPending;

    /**
     * Payments of the region's enterprises with ids in (after, to], paid in [paidFrom, paidTo], reported by asOf;
     * for a claims run only those in no standing line.
     */
    CandidateCursor(DataSource dataSource, boolean claimsRun, long after, long to, String regionCode,
            LocalDate paidFrom, LocalDate paidTo, Instant asOf) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            try (Statement session = c.createStatement()) {
                // the server would drop a stream the client has not read from for net_write_timeout (60 s) while a
                // chunk waits on a lock
                session.execute("SET SESSION net_write_timeout = 600");
            }
            PreparedStatement ps = c.prepareStatement(SELECT + (claimsRun ? NOT_IN_A_STANDING_LINE : "") + ORDER,
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(Integer.MIN_VALUE);
            ps.setLong(1, after);
            ps.setLong(2, to);
            ps.setString(3, regionCode);
            ps.setString(4, regionCode);
            ps.setObject(5, paidFrom);
            ps.setObject(6, paidTo);
            INSTANTS.setParameter(ps, 7, asOf, null);
            this.connection = c;
            this.statement = ps;
            this.rows = ps.executeQuery();
            this.rowPending = rows.next();
        } catch (SQLException e) {
            closeQuietly(c);
            throw new IllegalStateException("could not open the subsidy candidates cursor", e);
        }
    }

    @Override
    public boolean hasNext() {
        return rowPending;
    }

    @Override
    public EnterprisePayments next() {
        if (!rowPending) {
            throw new NoSuchElementException();
        }
        try {
            long enterpriseId = rows.getLong(1);
            EnterprisePayments e = new EnterprisePayments(enterpriseId, rows.getString(2), rows.getInt(3),
                    rows.getBigDecimal(4), rows.getBigDecimal(5), new ArrayList<>());
            do {
                e.payments().add(new CandidatePayment(rows.getLong(6), rows.getString(7), rows.getLong(8),
                        rows.getObject(9, LocalDate.class), rows.getObject(10, LocalDate.class),
                        rows.getBigDecimal(11), rows.getBigDecimal(12), rows.getBoolean(13), rows.getLong(14),
                        rows.getInt(15), rows.getObject(16, LocalDate.class), rows.getObject(17, LocalDate.class),
                        rows.getBigDecimal(18), rows.getBigDecimal(19), rows.getObject(20, LocalDate.class),
                        rows.getObject(21, LocalDate.class)));
                rowPending = rows.next();
            } while (rowPending && rows.getLong(1) == enterpriseId);
            return e;
        } catch (SQLException ex) {
            throw new IllegalStateException("reading subsidy candidates failed", ex);
        }
    }

    @Override
    public void close() {
        try {
            // closing a streaming result set early reads (and discards) the rest of it: cancel the query first
            if (rowPending) {
                statement.cancel();
            }
            rows.close();
            statement.close();
        } catch (SQLException e) {
            // the connection is discarded below either way
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
        }
    }
}
