package it.expertfeedback.base.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells "the database is not reachable" (the client may retry: 503) and "PostgreSQL refused a value of the request"
 * (the client must change it: 422) apart from real faults, by the exception chain and the SQLSTATE.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** The pool found no connection in time, the server is gone, or it is shutting down / starting up. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // Class 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now.
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            // The server ended the connection under a running transaction (57P01): the pool marks it broken and
            // closes it, then the rollback on it fails with HikariCP's "Connection is closed" (no SQLSTATE), and
            // Spring reports that rollback failure in place of the original 57P01.
            if (t instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(Locale.ROOT).contains("connection is closed")) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 22 ("data exception"): a value PostgreSQL cannot hold, such as a date beyond its range, a NUL
     * character in text or a number too large. Only request values reach the database unchecked like this.
     */
    public static boolean isRejectedValue(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A unique violation (SQLSTATE 23505) of the named constraint or unique index: told by PostgreSQL's own report,
     * not by the exception class, which Spring gives to every integrity error alike (NOT NULL, check, foreign key).
     */
    public static boolean isUniqueViolation(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.postgresql.util.PSQLException psql && "23505".equals(psql.getSQLState())) {
                return psql.getServerErrorMessage() != null
                        && constraint.equals(psql.getServerErrorMessage().getConstraint());
            }
        }
        return false;
    }
}
