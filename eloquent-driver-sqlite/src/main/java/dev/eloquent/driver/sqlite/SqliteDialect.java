package dev.eloquent.driver.sqlite;

import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Lock;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.sql.SchemaReader;
import dev.eloquent.sql.SqlCompiler;
import dev.eloquent.sql.SqlDialect;
import dev.eloquent.sql.SqlFailure;
import org.sqlite.core.CoreResultSet;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.UUID;

/**
 * SQLite stores values loosely, so this dialect decides the stored form of every type: booleans as
 * 0/1, dates and timestamps as ISO text that sorts in time order, decimals as text bound to a NUMERIC
 * column (SQLite keeps up to 15 digits as REAL and longer ones as text, exactly), UUIDs as text. CHECK
 * constraints make SQLite refuse what MySQL and PostgreSQL refuse: over-long strings, invalid JSON,
 * booleans other than 0 and 1.
 */
final class SqliteDialect extends SqlDialect {
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter();

    @Override
    public String name() {
        return "sqlite";
    }

    /**
     * Backticks, not double quotes: SQLite reads a double-quoted name that matches no column as a string
     * literal, so {@code where "no_such_column" = ?} would compare a constant and match every row or none
     * instead of failing. A backticked (or bracketed) name never falls back; identifiers are checked
     * before they get here, so they contain no backtick.
     */
    @Override
    public String quote(String identifier) {
        return '`' + identifier + '`';
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public String columnType(ColumnSpec column) {
        return switch (column.type()) {
            case INCREMENTS, BIG_INCREMENTS, INTEGER -> "INTEGER";
            case BIG_INTEGER -> "BIGINT";
            case STRING -> "VARCHAR(" + column.length() + ")";
            case TEXT, JSON -> "TEXT";
            case BOOLEAN -> "BOOLEAN";
            case DECIMAL -> "NUMERIC(" + column.precision() + ", " + column.scale() + ")";
            case DOUBLE -> "DOUBLE";
            case DATE -> "DATE";
            case TIMESTAMP -> "DATETIME";
            // UTC text: SQLite has no zoned type; Values reads text without an offset as UTC.
            case TIMESTAMP_TZ -> "DATETIME";
            case UUID -> "CHAR(36)";
        };
    }

    @Override
    public String autoIncrementColumn(ColumnSpec column) {
        // AUTOINCREMENT: ids of deleted rows are never handed out again.
        return quote(column.name()) + " INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL";
    }

    @Override
    public String tablesQuery() {
        return "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
    }

    @Override
    public String columnsQuery() {
        return "SELECT name, type, \"notnull\" = 0 FROM pragma_table_info(?) ORDER BY cid";
    }

    /** The primary key's automatic index (origin pk) is left out; a UNIQUE column's (origin u) is an index. */
    @Override
    public String indexesQuery() {
        return "SELECT il.name, ii.name, il.\"unique\" FROM pragma_index_list(?) il, pragma_index_info(il.name) ii"
                + " WHERE il.origin <> 'pk' ORDER BY il.name, ii.seqno";
    }

    /** SQLite's catalog keeps no key names (they live only in the CREATE TABLE text): the id groups a key's rows. */
    @Override
    public String foreignKeysQuery() {
        return "SELECT id, NULL, \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq";
    }

    /** Declared type names are kept as written; the usual spellings of one type are one family. */
    @Override
    public String typeFamily(String type) {
        return reduceType(type, java.util.Map.of("int", "integer", "character varying", "varchar", "bool", "boolean",
                "decimal", "numeric", "double precision", "double", "real", "double"));
    }

    @Override
    public String tableExistsQuery() {
        return "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?";
    }

    /** The table-valued form of PRAGMA table_info, which takes the table name as a bound parameter. */
    @Override
    public String columnExistsQuery() {
        return "SELECT 1 FROM pragma_table_info(?) WHERE name = ?";
    }

    /**
     * A changed column and an added or dropped foreign key rebuild the table ({@link SqliteRebuild}),
     * which reads its live definition; everything else compiles as usual.
     */
    @Override
    public List<String> schemaStatements(SchemaChange change, SqlCompiler compiler, SchemaReader reader) {
        return SqliteRebuild.needed(change) ? new SqliteRebuild(this, compiler, reader).statements(change)
                : compiler.schema(change);
    }

    @Override
    public void checkSchema(SchemaChange change, SchemaReader reader) {
        if (SqliteRebuild.needed(change)) {
            new SqliteRebuild(this, null, reader).check(change);
        }
    }

    /** Reached only when compiling without a connection: the rebuild needs the table as it is. */
    @Override
    public List<String> changeColumn(String quotedTable, ColumnSpec column, String definition, String defaultLiteral) {
        throw rebuildNeedsTheTable("changing column " + column.name());
    }

    @Override
    public String addForeignKey(String quotedTable, String constraint) {
        throw rebuildNeedsTheTable("adding a foreign key");
    }

    @Override
    public String dropForeignKey(String quotedTable, String quotedName) {
        throw rebuildNeedsTheTable("dropping a foreign key");
    }

    private static EloquentException rebuildNeedsTheTable(String what) {
        return new EloquentException(what + " on sqlite rebuilds the table from its current definition, so it"
                + " is compiled only through a connection (execute or describe), not by the compiler alone");
    }

    @Override
    public String limitOffset(Integer limit, Integer offset) {
        if (limit == null && offset != null && offset > 0) {
            return " LIMIT -1 OFFSET " + offset;
        }
        return super.limitOffset(limit, offset);
    }

    /**
     * SQLite's LIKE ignores ASCII case by itself. GLOB is its case-sensitive LIKE: the pattern's wildcards
     * ({@code %}, {@code _}) are translated and GLOB's own ({@code * ? [}) escaped inside the statement,
     * so the bound value stays the pattern as given.
     */
    @Override
    public String like(String left, String pattern, boolean negated, boolean caseSensitive) {
        if (!caseSensitive) {
            return left + (negated ? " NOT LIKE " : " LIKE ") + pattern;
        }
        String glob = "replace(replace(replace(replace(replace(" + pattern
                + ", '[', '[[]'), '*', '[*]'), '?', '[?]'), '%', '*'), '_', '?')";
        return (negated ? "NOT (" : "(") + left + " GLOB " + glob + ")";
    }

    /** No lock clause: write transactions begin IMMEDIATE, so a transaction that reads holds the write lock. */
    @Override
    public String lock(Lock lock) {
        return "";
    }

    /**
     * BEGIN IMMEDIATE: the transaction takes the write lock as it begins, waiting up to the busy timeout.
     * A DEFERRED transaction that reads and then writes fails at once with SQLITE_BUSY when another
     * connection wrote in between, whatever the timeout. Transactions are run with SQL, not with JDBC's
     * auto-commit switch, because sqlite-jdbc begins the next transaction as soon as one commits, which
     * would hold the write lock between transactions.
     */
    @Override
    public void begin(Connection connection) throws SQLException {
        run(connection, "BEGIN IMMEDIATE");
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        run(connection, "COMMIT");
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        run(connection, "ROLLBACK");
    }

    @Override
    public SqlFailure failure(SQLException error) {
        return SqliteFailures.describe(error);
    }

    @Override
    public String columnChecks(ColumnSpec column) {
        String name = quote(column.name());
        return switch (column.type()) {
            case STRING -> " CHECK (length(" + name + ") <= " + column.length() + ")";
            case JSON -> " CHECK (" + name + " IS NULL OR json_valid(" + name + "))";
            case BOOLEAN -> " CHECK (" + name + " IN (0, 1))";
            default -> "";
        };
    }

    /** Every value is read as stored: dates and timestamps are text that {@link dev.eloquent.api.Values} parses. */
    @Override
    public Class<?> readAs(int jdbcType, String typeName) {
        return null;
    }

    /**
     * The names sqlite-jdbc read when the statement ran ({@code cols}, public on its exported core
     * package). Its metadata asks the native library again for every label, each time through a new
     * direct buffer and two copies: about a tenth of a find by key's allocation. Anything unexpected
     * (another wrapper, a later sqlite-jdbc without the field filled) falls back to the metadata.
     */
    @Override
    public String[] columnLabels(ResultSet results) throws SQLException {
        if (results.isWrapperFor(CoreResultSet.class)) {
            String[] names = results.unwrap(CoreResultSet.class).cols;
            if (names != null) {
                return names.clone();
            }
        }
        return super.columnLabels(results);
    }

    /** Values are converted from what SQLite stores by the value rules, never by column type. */
    @Override
    public boolean readsColumnTypes() {
        return false;
    }

    @Override
    public Object toJdbc(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof LocalDateTime dateTime) {
            return TIMESTAMP.format(dateTime);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof Instant instant) {
            return TIMESTAMP.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
        if (value instanceof OffsetDateTime offset) {
            return TIMESTAMP.format(offset.atZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        return value;
    }
}
