package dev.eloquent.driver.pg;

import dev.eloquent.sql.SqlFailure;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/**
 * Value-free descriptions of PostgreSQL errors, from the server's structured fields (constraint, column,
 * table). The DETAIL field is never read: it quotes the row ("Failing row contains (...)") or the key
 * ("Key (email)=(...) already exists"). The primary message is passed on only for the classes whose
 * messages name objects rather than values (syntax and access rules, transaction state, resources).
 */
final class PgFailures {
    private PgFailures() {
    }

    static SqlFailure describe(SQLException error) {
        String state = error.getSQLState();
        String id = SqlFailure.code(state, 0);
        ServerErrorMessage server = error instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        if (server == null || state == null) {
            return new SqlFailure(id, SqlFailure.reasonOfState(state), "23505".equals(state), null);
        }
        String constraint = server.getConstraint();
        String column = server.getColumn();
        return switch (state) {
            case "23505" -> new SqlFailure(id, constraint == null ? "violates a unique key" : "unique index " + constraint,
                    true, constraint);
            case "23502" -> new SqlFailure(id, column == null ? "violates NOT NULL" : "violates NOT NULL on column " + column,
                    false, null);
            case "23503" -> named(id, "violates foreign key", constraint);
            case "23514" -> named(id, "violates check constraint", constraint);
            case "23P01" -> named(id, "violates exclusion constraint", constraint);
            case "22001" -> new SqlFailure(id, "value too long for the column's type" + datatype(server), false, null);
            case "22003" -> new SqlFailure(id, "numeric value out of range" + datatype(server), false, null);
            case "22P02", "22007", "22008" -> new SqlFailure(id, "a value is not valid for its type" + datatype(server),
                    false, null);
            default -> safeClass(state) && server.getMessage() != null
                    ? new SqlFailure(id, server.getMessage(), false, null)
                    : new SqlFailure(id, SqlFailure.reasonOfState(state), false, null);
        };
    }

    private static SqlFailure named(String id, String reason, String name) {
        return new SqlFailure(id, name == null ? reason : reason + " " + name, false, name);
    }

    private static String datatype(ServerErrorMessage server) {
        return server.getDatatype() == null ? "" : " (" + server.getDatatype() + ")";
    }

    /** Classes whose primary messages name objects (relations, columns, savepoints), not values. */
    private static boolean safeClass(String state) {
        return switch (state.substring(0, 2)) {
            case "08", "0A", "25", "3B", "40", "42", "53", "55", "57" -> true;
            default -> false;
        };
    }
}
