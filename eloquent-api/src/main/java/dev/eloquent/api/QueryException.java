package dev.eloquent.api;

/**
 * A statement the database refused. The message names the connection, the table, the database's error
 * code or SQL state and the statement's shape; never a bound value, and the database's own exception
 * (whose text may quote values, as PostgreSQL's "Failing row contains (...)" does) is not kept as a cause.
 */
public class QueryException extends EloquentException {
    private final String connection;
    private final String table;
    private final String sqlState;

    public QueryException(String message, String connection, String table, String sqlState) {
        super(message);
        this.connection = connection;
        this.table = table;
        this.sqlState = sqlState;
    }

    /** The connection's name, such as {@code pg_test}. */
    public String connection() {
        return connection;
    }

    /** The table the statement wrote or read first, or null when not known. */
    public String table() {
        return table;
    }

    /** The SQL state (SQL drivers) or server error code (MongoDB), or null. */
    public String sqlState() {
        return sqlState;
    }
}
