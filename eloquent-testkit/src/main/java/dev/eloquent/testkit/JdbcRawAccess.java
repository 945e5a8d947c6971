package dev.eloquent.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link RawAccess} through plain JDBC: a connection per call, no Eloquent code involved. */
public final class JdbcRawAccess implements RawAccess {
    /** Opens a plain JDBC connection. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ConnectionSource source;
    private final char quote;

    /** @param quote the identifier quote of the database: {@code "} or {@code `} */
    public JdbcRawAccess(ConnectionSource source, char quote) {
        this.source = source;
        this.quote = quote;
    }

    /**
     * Raw access through {@code DriverManager} to a URL; for callers that should not need to read the
     * java.sql module themselves (application modules' tests).
     */
    public static JdbcRawAccess of(String url, String user, String password, char quote) {
        return new JdbcRawAccess(() -> java.sql.DriverManager.getConnection(url, user, password), quote);
    }

    private String quoted(String identifier) {
        return quote + identifier + quote;
    }

    @Override
    public List<Map<String, Object>> rows(String table) {
        return rowsOrderedBy(table, "id");
    }

    @Override
    public List<Map<String, Object>> rowsOrderedBy(String table, String... columns) {
        StringBuilder sql = new StringBuilder("SELECT * FROM ").append(quoted(table));
        for (int i = 0; i < columns.length; i++) {
            sql.append(i == 0 ? " ORDER BY " : ", ").append(quoted(columns[i]));
        }
        try {
            return select(sql.toString());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("raw read of " + table + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs SQL text written by hand (the kit's reference answer for a builder query), with {@code ?}
     * bindings; column labels in lower case, values as the JDBC driver returns them.
     */
    public List<Map<String, Object>> select(String sql, Object... bindings) {
        try (Connection connection = source.open();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < bindings.length; i++) {
                statement.setObject(i + 1, bindings[i]);
            }
            try (ResultSet results = statement.executeQuery()) {
                ResultSetMetaData meta = results.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (results.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), results.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("raw query failed: " + e.getMessage() + " in: " + sql, e);
        }
    }

    /** The identifier quote of this database, for hand-written SQL that must quote a name. */
    public char quote() {
        return quote;
    }

    /** Runs SQL text as it is (DDL or DML), outside Eloquent: the second path for cases that write by hand. */
    public void execute(String sql) {
        try (Connection connection = source.open(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("raw statement failed: " + e.getMessage(), e);
        }
    }

    /**
     * The names of the table's indexes (lower-cased), as JDBC's metadata reports them; primary keys and
     * unnamed entries are left out.
     */
    public java.util.Set<String> indexes(String table) {
        try (Connection connection = source.open();
             ResultSet results = connection.getMetaData().getIndexInfo(connection.getCatalog(), null, table, false, false)) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            while (results.next()) {
                String name = results.getString("INDEX_NAME");
                if (name != null && !name.equalsIgnoreCase("primary") && !name.endsWith("_pkey")
                        && !name.startsWith("sqlite_autoindex")) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("raw read of the indexes of " + table + " failed: " + e.getMessage(), e);
        }
    }

    /** A column's declared size (a string's length) and whether it is nullable, as JDBC's metadata reports them. */
    public Map<String, Object> columnInfo(String table, String column) {
        try (Connection connection = source.open();
             ResultSet results = connection.getMetaData().getColumns(connection.getCatalog(), null, table, column)) {
            if (!results.next()) {
                throw new IllegalStateException("no column " + table + "." + column);
            }
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("size", results.getInt("COLUMN_SIZE"));
            info.put("nullable", results.getInt("NULLABLE") == java.sql.DatabaseMetaData.columnNullable);
            info.put("type", results.getString("TYPE_NAME").toLowerCase(Locale.ROOT));
            return info;
        } catch (SQLException e) {
            throw new IllegalStateException("raw read of column " + table + "." + column + " failed: " + e.getMessage(), e);
        }
    }

    /** The table's columns in order, as the database reports them (lower-cased). */
    public List<String> columns(String table) {
        try (Connection connection = source.open();
             PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + quoted(table) + " WHERE 1 = 0");
             ResultSet results = statement.executeQuery()) {
            ResultSetMetaData meta = results.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            return columns;
        } catch (SQLException e) {
            throw new IllegalStateException("raw read of the columns of " + table + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean hasTable(String table) {
        try (Connection connection = source.open();
             ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
                     table, new String[] {"TABLE"})) {
            return tables.next();
        } catch (SQLException e) {
            throw new IllegalStateException("raw lookup of table " + table + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void update(String table, long id, String column, Object value) {
        try (Connection connection = source.open();
             PreparedStatement statement = connection.prepareStatement(
                     "UPDATE " + quoted(table) + " SET " + quoted(column) + " = ? WHERE " + quoted("id") + " = ?")) {
            statement.setObject(1, value);
            statement.setLong(2, id);
            if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("raw update of " + table + " id " + id + " touched no row");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("raw update of " + table + " failed: " + e.getMessage(), e);
        }
    }
}
