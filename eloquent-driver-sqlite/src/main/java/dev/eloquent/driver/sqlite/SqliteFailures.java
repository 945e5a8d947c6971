package dev.eloquent.driver.sqlite;

import dev.eloquent.sql.SqlFailure;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;

/**
 * Descriptions of SQLite errors by their extended result codes ({@code SQLITE_CONSTRAINT_UNIQUE}). SQLite's
 * own messages name tables, columns and constraints, never bound values (a trigger's RAISE text aside,
 * which the schema's author wrote), so the part after the code is passed on.
 */
final class SqliteFailures {
    private SqliteFailures() {
    }

    static SqlFailure describe(SQLException error) {
        if (!(error instanceof SQLiteException sqlite)) {
            return new SqlFailure(SqlFailure.code(error.getSQLState(), error.getErrorCode()),
                    SqlFailure.reasonOfState(error.getSQLState()), false, null);
        }
        SQLiteErrorCode code = sqlite.getResultCode();
        String detail = detail(error.getMessage());
        boolean unique = code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
        String reason = switch (code) {
            case SQLITE_BUSY, SQLITE_BUSY_RECOVERY, SQLITE_LOCKED ->
                    "the database stayed locked by another connection for longer than the busy timeout";
            case SQLITE_BUSY_SNAPSHOT -> "another connection wrote after this transaction began reading; retry it";
            default -> detail;
        };
        return new SqlFailure(code.name(), reason, unique, null);
    }

    /**
     * sqlite-jdbc writes {@code [CODE] description (message)}: the message in the last parentheses, else
     * whatever follows the bracket.
     */
    private static String detail(String message) {
        if (message == null) {
            return "";
        }
        int open = message.indexOf('(');
        if (open >= 0 && message.endsWith(")")) {
            return message.substring(open + 1, message.length() - 1);
        }
        int bracket = message.indexOf("] ");
        return bracket >= 0 ? message.substring(bracket + 2) : message;
    }
}
