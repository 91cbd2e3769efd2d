package cn.ipf.app.job;

import cn.ipf.batch.JobLaunchLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * The job launch lock as a named database lock ({@code GET_LOCK}, MariaDB and MySQL alike): it belongs to one
 * connection, so that connection is kept from taking to releasing, outside any transaction.
 */
@Component
class JobNameLocks implements JobLaunchLock {

    private static final int WAIT_SECONDS = 30;

    private final DataSource dataSource;

    JobNameLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Held> hold(String jobName) {
        // lock names are at most 64 characters; job names are short
        String lock = "ipf-job:" + jobName;
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (!call(connection, "SELECT GET_LOCK(?, " + WAIT_SECONDS + ")", lock)) {
                connection.close();
                return Optional.empty();
            }
            Connection held = connection;
            return Optional.of(() -> release(held, lock));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DataAccessResourceFailureException("lock of job " + jobName, e);
        }
    }

    private static void release(Connection connection, String lock) {
        try (connection) {
            call(connection, "SELECT RELEASE_LOCK(?)", lock);
        } catch (SQLException e) {
            // closing the connection ends its session, which releases the lock too
        }
    }

    private static boolean call(Connection connection, String sql, String lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, lock);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // already broken
            }
        }
    }
}
