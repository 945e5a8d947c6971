package dev.eloquent.sql;

/**
 * What a dialect makes of a failed statement, without any value: the error's code as the database
 * names it, a reason built from structured fields (a constraint, a column) and whether a unique key
 * refused the row. The database's own message may quote the value that failed, so the reason holds it
 * only where a dialect knows that the error's message names objects and never values (a missing table,
 * SQLite's constraint names); otherwise the reason is built from structured fields or the code alone.
 *
 * @param code            {@code SQL state 23505}, {@code error 1062 (SQL state 23000)}
 * @param reason          such as {@code violates NOT NULL on column name}; empty when nothing safe is known
 * @param uniqueViolation whether a primary key or unique index refused the row
 * @param index           the constraint or index that refused it, or null
 */
public record SqlFailure(String code, String reason, boolean uniqueViolation, String index) {
    public SqlFailure {
        reason = reason == null ? "" : reason;
    }

    /** {@code SQL state X}, or {@code error N} when the driver gives no state. */
    public static String code(String sqlState, int errorCode) {
        if (sqlState == null) {
            return "error " + errorCode;
        }
        return errorCode == 0 ? "SQL state " + sqlState : "error " + errorCode + " (SQL state " + sqlState + ")";
    }

    /**
     * A value-free reason from the standard SQL state alone, for dialects that know nothing more.
     * Only the class of the state is read (its first two characters).
     */
    public static String reasonOfState(String sqlState) {
        if (sqlState == null || sqlState.length() < 2) {
            return "";
        }
        if (sqlState.equals("23505")) {
            return "violates a unique key";
        }
        if (sqlState.equals("23502")) {
            return "violates NOT NULL";
        }
        if (sqlState.equals("23503")) {
            return "violates a foreign key";
        }
        if (sqlState.equals("23514")) {
            return "violates a check constraint";
        }
        if (sqlState.equals("40001") || sqlState.equals("40P01")) {
            return "the transaction was chosen as a deadlock or serialization victim; retry it";
        }
        return switch (sqlState.substring(0, 2)) {
            case "08" -> "the connection to the database failed";
            case "22" -> "a value does not fit its column's type";
            case "23" -> "violates a constraint";
            case "25" -> "invalid transaction state";
            case "40" -> "the transaction was rolled back by the database";
            case "42" -> "syntax error or access rule violation";
            case "53" -> "the database ran out of resources";
            case "57" -> "the statement was cancelled or timed out";
            default -> "";
        };
    }

    /** The reason, or the code alone when there is none: what a message says after "failed: ". */
    public String describe() {
        return reason.isEmpty() ? code : code + ": " + reason;
    }
}
