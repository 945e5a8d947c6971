package dev.eloquent.driver.mysql;

import dev.eloquent.sql.SqlFailure;

import java.sql.SQLException;

/**
 * Value-free descriptions of MySQL/MariaDB errors. The servers' messages often quote the value that
 * failed ({@code Duplicate entry 'secret' for key 'users.email'}), so such a message is not passed on: only
 * the names it ends with (a key, a column, a constraint) are cut out of it, by their fixed positions. The
 * one exception is the few errors whose messages name objects only (a missing table, database or column,
 * access denied), passed on whole.
 */
final class MysqlFailures {
    private MysqlFailures() {
    }

    static SqlFailure describe(SQLException error) {
        int code = error.getErrorCode();
        String message = error.getMessage() == null ? "" : error.getMessage();
        String state = error.getSQLState();
        String id = SqlFailure.code(state, code);
        return switch (code) {
            // ER_DUP_ENTRY, ER_DUP_ENTRY_WITH_KEY_NAME: "Duplicate entry '<value>' for key '<table.key>'"
            case 1062, 1586 -> {
                String key = lastQuoted(message, "for key '", '\'');
                if (key != null && key.indexOf('.') >= 0) {
                    key = key.substring(key.lastIndexOf('.') + 1); // MySQL 8 prefixes the table
                }
                yield new SqlFailure(id, key == null ? "violates a unique key" : "unique index " + key, true, key);
            }
            case 1048 -> column(id, "violates NOT NULL on column ", message, "Column '");
            case 1364 -> column(id, "no value and no default for column ", message, "Field '");
            case 1406 -> column(id, "value too long for column ", message, "for column '");
            case 1264, 1690 -> column(id, "value out of range for column ", message, "for column '");
            case 1265, 1292, 1366, 1367 -> column(id, "value does not fit the type of column ", message, "for column '");
            case 1451, 1452 -> constraint(id, "violates foreign key ", message, "CONSTRAINT `", '`');
            case 3819 -> constraint(id, "violates check constraint ", message, "Check constraint '", '\'');
            case 4025 -> constraint(id, "violates check constraint ", message, "CONSTRAINT `", '`');
            // Names only: "Table 'db.t' doesn't exist", "Unknown column 'c' in 'where clause'".
            case 1146, 1054, 1049, 1044, 1045, 1142, 1143 -> new SqlFailure(id, message, false, null);
            case 1064 -> new SqlFailure(id, "SQL syntax error", false, null);
            case 1205 -> new SqlFailure(id, "lock wait timeout exceeded", false, null);
            case 1213 -> new SqlFailure(id, "deadlock; retry the transaction", false, null);
            case 3024, 1969 -> new SqlFailure(id, "the statement ran longer than its time limit", false, null);
            default -> new SqlFailure(id, SqlFailure.reasonOfState(state), "23000".equals(state) && code == 0, null);
        };
    }

    private static SqlFailure column(String id, String reason, String message, String opening) {
        String column = lastQuoted(message, opening, '\'');
        return new SqlFailure(id, column == null ? reason.strip() : reason + column, false, null);
    }

    private static SqlFailure constraint(String id, String reason, String message, String opening, char closing) {
        String name = lastQuoted(message, opening, closing);
        return new SqlFailure(id, name == null ? reason.strip() : reason + name, false, name);
    }

    /**
     * The text between the last {@code opening} and the next {@code closing}: the names these messages
     * end with come after the value, so the last occurrence is the name even when the value contains it.
     */
    private static String lastQuoted(String message, String opening, char closing) {
        int start = message.lastIndexOf(opening);
        if (start < 0) {
            return null;
        }
        start += opening.length();
        int end = message.indexOf(closing, start);
        if (end <= start) {
            return null;
        }
        String name = message.substring(start, end);
        // A name is an identifier; anything else (a message of another shape) is not passed on.
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$')) {
                return null;
            }
        }
        return name;
    }
}
