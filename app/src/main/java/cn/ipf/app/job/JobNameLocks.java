package cn.ipf.app.job;

import cn.ipf.batch.JobLaunchLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * The job launch lock as a named database lock ({@code GET_LOCK}, MariaDB and MySQL alike): it belongs to one
 * connection, so that connection is kept from taking to releasing, outside any transaction. Waiting is polling
 * from here, for 30 s at most.
 */
@Component
class JobNameLocks implements JobLaunchLock {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long RETRY_MILLIS = 50;

    private final DataSource dataSource;

    JobNameLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Held> hold(String jobName) {
        // lock names are at most 64 characters; job names are short
        String lock = "ipf-job:" + jobName;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Optional<Held> held = tryHold(lock);
            if (held.isPresent() || System.nanoTime() > deadline) {
                return held;
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** Without waiting in the database: a waiter would hold a pooled connection the lock's holder may need. */
    private Optional<Held> tryHold(String lock) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (!call(connection, "SELECT GET_LOCK(?, 0)", lock)) {
                connection.close();
                return Optional.empty();
            }
            Connection held = connection;
            return Optional.of(() -> release(held, lock));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DataAccessResourceFailureException("lock " + lock, e);
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
