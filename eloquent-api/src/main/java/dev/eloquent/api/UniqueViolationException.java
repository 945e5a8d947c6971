package dev.eloquent.api;

/**
 * A write refused because a row with the same key already exists (a primary key or unique index), the
 * same type on every driver. Names the table and, where the database says, the index; never the value.
 */
public class UniqueViolationException extends QueryException {
    private final String index;

    public UniqueViolationException(String message, String connection, String table, String sqlState, String index) {
        super(message, connection, table, sqlState);
        this.index = index;
    }

    /** The constraint or index that refused the row, or null when the database does not say. */
    public String index() {
        return index;
    }
}
