package dev.eloquent.orm;

import dev.eloquent.api.Capability;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.Cursor;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.TableRef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A named connection, as {@code db.on("pg")} gives it: its tables, SQL run by hand (values always bound
 * through {@code ?}) and its transactions. The connection opens on first use.
 */
public final class Database {
    private final Eloquent db;
    private final ConnectionName name;

    Database(Eloquent db, ConnectionName name) {
        this.db = db;
        this.name = name;
    }

    /** The connection's name, such as {@code pg_test} in test mode. */
    public ConnectionName name() {
        return name;
    }

    /** A builder over one table of this connection, rows as maps; {@code table} may be {@code "t as alias"}. */
    public TableQuery table(String table) {
        return new TableQuery(db, name, TableRef.parse(table));
    }

    /** Runs SQL text that returns rows, each a map in column order (SQL connections only). */
    public List<Map<String, Object>> select(String sql, Object... bindings) {
        DatabaseConnection connection = connection();
        connection.require(Capability.RAW_SQL);
        try (Cursor cursor = connection.selectRaw(sql, Arrays.asList(bindings))) {
            List<String> columns = cursor.columns();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (cursor.hasNext()) {
                Object[] values = cursor.next();
                Map<String, Object> row = new LinkedHashMap<>(columns.size() * 2);
                for (int i = 0; i < values.length; i++) {
                    row.put(columns.get(i), values[i]);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** Runs one SQL statement that returns no rows; returns the affected row count (SQL connections only). */
    public long statement(String sql, Object... bindings) {
        DatabaseConnection connection = connection();
        connection.require(Capability.RAW_SQL);
        return connection.statement(sql, Arrays.asList(bindings));
    }

    /**
     * Runs the work in one transaction: commits when it returns, rolls back when it throws. A nested call
     * is a savepoint; a statement that fails inside marks the whole transaction for rollback.
     */
    public <T> T transaction(Supplier<T> work) {
        return connection().transaction(work);
    }

    /** Runs the callback after the current transaction on this connection commits (never if it rolls back); outside one, at once. */
    public void afterCommit(Runnable callback) {
        connection().afterCommit(callback);
    }

    DatabaseConnection connection() {
        return db.connections().connection(name);
    }
}
