package dev.eloquent.orm;

import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.TableRef;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A builder over a table without a model, {@code db.table("playlist_track")}: the same methods as
 * {@link ModelQuery}, rows as maps in column order, values as the driver returns them. Nothing is
 * declared, so column names are checked for spelling only and values are not converted. The key
 * column for {@code find}, {@code chunkById} and {@code lazy} is {@code id}.
 */
public final class TableQuery extends QueryBuilder<TableQuery, Map<String, Object>> {
    private static final String KEY = "id";
    private final ConnectionName connection;

    TableQuery(Eloquent db, ConnectionName connection, TableRef table) {
        super(db, table);
        this.connection = connection;
    }

    @Override
    DatabaseConnection connection() {
        return db.connections().connection(connection);
    }

    @Override
    ConnectionName connectionName() {
        return connection;
    }

    @Override
    String keyName() {
        return KEY;
    }

    @Override
    List<String> keyNames() {
        return List.of(KEY);
    }

    @Override
    RowReader<Map<String, Object>> reader(List<String> columns) {
        String[] names = columns.toArray(new String[0]);
        int capacity = names.length * 2;
        return values -> {
            Map<String, Object> row = new LinkedHashMap<>(capacity);
            for (int i = 0; i < names.length; i++) {
                row.put(names[i], values[i]);
            }
            return row;
        };
    }

    @Override
    Object keyOf(Map<String, Object> row) {
        return row.get(KEY);
    }

    @Override
    String describeRows() {
        return "row of " + table();
    }

    /**
     * Updates the rows matching {@code attributes} with {@code values}, or inserts one row of both when none
     * matches. Returns true when it inserted. Two statements, not atomic: use {@link #upsert} (one statement)
     * where rows may be written concurrently.
     */
    public boolean updateOrInsert(Map<String, ?> attributes, Map<String, ?> values) {
        TableQuery matching = clone();
        attributes.forEach(matching::where);
        if (matching.exists()) {
            if (!values.isEmpty()) {
                matching.update(values);
            }
            return false;
        }
        Map<String, Object> row = new LinkedHashMap<>(attributes);
        row.putAll(values);
        insert(row);
        return true;
    }
}
