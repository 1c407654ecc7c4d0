package org.bulletinsearch.catalog.database;

import java.sql.SQLException;

/**
 * Tells a database failure that will pass (the server is down, restarting, overloaded, or the
 * transaction lost a race) from one that never will (the data itself is refused).
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * Whether the database refused the data itself: SQLState class 22 (data exception, e.g. a NUL
     * character, a value too long) or 23 (integrity constraint violation). Retrying such a write can
     * never succeed.
     */
    public static boolean isRefusedForGood(Throwable failure) {
        String state = sqlState(failure);
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /**
     * Whether the failure means the database cannot be reached or served the request for now:
     * connection exceptions (class 08), server shutting down or starting (57P0x), insufficient
     * resources (53), serialization failures and deadlocks (40001, 40P01), or no connection
     * obtained from the pool in time.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
                        || state.equals("40001") || state.equals("40P01"))) {
                    return true;
                }
                String message = String.valueOf(sql.getMessage()).toLowerCase();
                if (message.contains("acquisition timeout") || message.contains("connection is closed")
                        || message.contains("connection has been closed")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The SQLState of the first SQLException in the cause chain that has one. */
    public static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
