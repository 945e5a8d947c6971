package dev.eloquent.sql;

import dev.eloquent.api.Capability;
import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.Lock;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What one SQL database does differently. The defaults are standard SQL; a driver overrides what its
 * database does otherwise. Everything else (compiling, binding, executing, pooling) is shared.
 */
public abstract class SqlDialect {
    /** The driver name, used in messages ("... on sqlite"). */
    public abstract String name();

    /** The column's type in DDL, without modifiers. */
    public abstract String columnType(ColumnSpec column);

    /** The full definition of an auto-increment primary key column. */
    public abstract String autoIncrementColumn(ColumnSpec column);

    /** SQL that returns one row when a table exists; its one parameter is the table name. */
    public abstract String tableExistsQuery();

    /** A query with no bindings whose first column is the name of every table of the current database or schema. */
    public String tablesQuery() {
        throw new dev.eloquent.api.EloquentException(name() + " cannot list its tables");
    }

    /** What every SQL driver offers, plus transactional DDL where {@link #transactionalDdl()} says so. */
    public Set<Capability> capabilities() {
        Set<Capability> capabilities = EnumSet.of(Capability.TRANSACTIONS, Capability.JOINS, Capability.SUBQUERIES,
                Capability.AGGREGATES, Capability.RAW_SQL, Capability.ROW_LOCKS, Capability.SCHEMA, Capability.UPSERT);
        if (transactionalDdl()) {
            capabilities.add(Capability.TRANSACTIONAL_DDL);
        }
        return capabilities;
    }

    public String quote(String identifier) {
        return '"' + identifier + '"';
    }

    /** Whether INSERT ... RETURNING hands back generated keys (otherwise JDBC's getGeneratedKeys is used). */
    public boolean insertReturning() {
        return true;
    }

    public String emptyInsert(String quotedTable) {
        return "INSERT INTO " + quotedTable + " DEFAULT VALUES";
    }

    /**
     * The most bound parameters one statement may carry; a multi-row insert is split into batches below
     * it. 32766 is SQLite's limit, the smallest of the three.
     */
    public int maxParameters() {
        return 32_766;
    }

    /** LIMIT/OFFSET clause with a leading space, or empty. Both are validated integers, not user text. */
    public String limitOffset(Integer limit, Integer offset) {
        StringBuilder sql = new StringBuilder();
        if (limit != null) {
            sql.append(" LIMIT ").append(limit);
        }
        if (offset != null && offset > 0) {
            sql.append(" OFFSET ").append(offset);
        }
        return sql.toString();
    }

    /**
     * Whether an UPDATE or DELETE must read its own table in an IN subquery through a derived table
     * ({@code IN (SELECT * FROM (subquery) AS rows)}), as MySQL requires.
     */
    public boolean materializesSubqueriesOfWriteTarget() {
        return false;
    }

    /** A random number per row: what random order sorts by. */
    public String random() {
        return "RANDOM()";
    }

    /** The row-lock clause a read ends with, with a leading space, or empty for {@link Lock#NONE}. */
    public String lock(Lock lock) {
        return switch (lock) {
            case NONE -> "";
            case SHARED -> " FOR SHARE";
            case UPDATE -> " FOR UPDATE";
        };
    }

    /**
     * The whole {@code like} predicate over two compiled operands (say a quoted column and {@code ?}).
     * {@code like} ignores ASCII case on every driver; {@code caseSensitive} asks for letters to match
     * exactly. Standard SQL's LIKE is case-sensitive, so the default lower-cases both sides for the
     * case-insensitive form; a dialect with a native form (ILIKE, SQLite's LIKE) overrides.
     */
    public String like(String left, String pattern, boolean negated, boolean caseSensitive) {
        String operator = negated ? " NOT LIKE " : " LIKE ";
        return caseSensitive ? left + operator + pattern : "LOWER(" + left + ")" + operator + "LOWER(" + pattern + ")";
    }

    /**
     * The JDBC fetch size of a statement that may return many rows, so that it streams instead of
     * reading every row at once (0 for the driver's default).
     *
     * @param ownConnection whether the cursor has its connection to itself (it is not inside a transaction)
     */
    public int fetchSize(boolean ownConnection) {
        return 1_000;
    }

    /** Whether the JDBC driver streams rows only with auto-commit off (PostgreSQL's cursor-based fetch). */
    public boolean streamsInTransactionOnly() {
        return false;
    }

    /**
     * Begins a transaction on a connection that is in auto-commit mode. The default is JDBC's
     * {@code setAutoCommit(false)}; {@link #commit} and {@link #rollback} end it and return the connection
     * to auto-commit.
     */
    public void begin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
    }

    public void commit(Connection connection) throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
    }

    public void rollback(Connection connection) throws SQLException {
        connection.rollback();
        connection.setAutoCommit(true);
    }

    /**
     * Runs transaction control SQL ({@code SAVEPOINT x}, {@code BEGIN IMMEDIATE}): text this library
     * wrote, with no values.
     */
    protected static void run(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * What a failed statement tells without values: its SQL state or error code and a reason built from
     * the database's structured fields (constraint, column). The default keeps only the SQL state: a
     * database's message may quote the value that failed, so a dialect adds only what it knows is safe.
     */
    public SqlFailure failure(SQLException error) {
        String state = error.getSQLState();
        return new SqlFailure(SqlFailure.code(state, error.getErrorCode()), SqlFailure.reasonOfState(state),
                "23505".equals(state), null);
    }

    /** Extra column constraints that make the database enforce what the type promises (length, JSON validity). */
    public String columnChecks(ColumnSpec column) {
        return "";
    }

    /**
     * An index declared inside CREATE TABLE, such as {@code INDEX `t_c_index` (`c`)} (the compiler puts
     * {@code UNIQUE} before it for a unique index; {@code quotedColumn} may be several quoted columns), or {@code null} to
     * create it with a separate CREATE INDEX statement (the default). Inside the table it needs no
     * {@code IF NOT EXISTS}, which MySQL 8 lacks for indexes, and it is created with the table or not at all.
     */
    public String inlineIndex(String quotedIndex, String quotedColumn) {
        return null;
    }

    /**
     * What follows a multi-row INSERT to make it an upsert: standard {@code ON CONFLICT ... DO UPDATE}
     * (PostgreSQL, SQLite). {@code EXCLUDED} is the row that was proposed for insertion.
     *
     * @param quotedUniqueBy the conflict target: a primary key or unique index, quoted
     * @param quotedUpdate   the columns to overwrite on conflict, quoted; empty means keep the existing row
     */
    public String upsertClause(List<String> quotedUniqueBy, List<String> quotedUpdate) {
        String target = " ON CONFLICT (" + String.join(", ", quotedUniqueBy) + ")";
        if (quotedUpdate.isEmpty()) {
            return target + " DO NOTHING";
        }
        StringJoiner sets = new StringJoiner(", ", target + " DO UPDATE SET ", "");
        quotedUpdate.forEach(c -> sets.add(c + " = EXCLUDED." + c));
        return sets.toString();
    }

    /**
     * The labels of a result's columns, in order, read once when its cursor opens. By default from the
     * result's metadata; a dialect whose driver already holds them without that cost overrides this.
     */
    public String[] columnLabels(ResultSet results) throws SQLException {
        ResultSetMetaData meta = results.getMetaData();
        String[] labels = new String[meta.getColumnCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = meta.getColumnLabel(i + 1);
        }
        return labels;
    }

    /**
     * Whether {@link #readAs} looks at the column types. A dialect whose {@code readAs} ignores them says no,
     * and cursors do not ask the driver for them: sqlite-jdbc runs a regex per column for each, a large part
     * of a find by key's cost.
     */
    public boolean readsColumnTypes() {
        return true;
    }

    /**
     * The class to read a column with ({@code ResultSet.getObject(i, type)}), or {@code null} for plain
     * {@code getObject}. By default dates and timestamps are read as java.time values directly, so that
     * neither the JVM's time zone nor java.sql.Date's Julian calendar can move them. Decided once per
     * result set and column, not per row.
     *
     * @param jdbcType  the column's {@link java.sql.Types} code
     * @param typeName  the database's own type name, such as {@code timestamptz}
     */
    public Class<?> readAs(int jdbcType, String typeName) {
        return switch (jdbcType) {
            case java.sql.Types.DATE -> java.time.LocalDate.class;
            case java.sql.Types.TIMESTAMP -> java.time.LocalDateTime.class;
            case java.sql.Types.TIMESTAMP_WITH_TIMEZONE -> java.time.OffsetDateTime.class;
            default -> null;
        };
    }

    /** Text after CREATE TABLE's closing parenthesis, with a leading space (MySQL's engine and charset), or empty. */
    public String tableOptions() {
        return "";
    }

    /** Converts a Java value to what this database's JDBC driver binds faithfully. */
    public Object toJdbc(Object value) {
        return value;
    }

    /**
     * Converts what JDBC's getObject returned to a plain Java value: java.sql dates and times become
     * java.time values, driver-specific wrappers are removed by overrides.
     */
    public Object fromJdbc(Object raw) {
        if (raw instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (raw instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (raw instanceof java.sql.Time time) {
            return time.toLocalTime();
        }
        return raw;
    }

    /**
     * A value as a DDL literal (DDL cannot bind parameters), such as a column default. Text must come
     * back byte for byte whatever the session's settings: the standard form doubles single quotes and
     * treats backslashes as ordinary characters (SQLite); a dialect whose strings know escapes overrides
     * {@link #textLiteral}. Fails, without showing the value, for text this dialect cannot write.
     */
    public String literal(Object value) {
        Object bound = toJdbc(value);
        if (bound == null) {
            return "NULL";
        }
        if (bound instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (bound instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (bound instanceof Number number) {
            return numberLiteral(number);
        }
        String text = bound.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    throw new dev.eloquent.api.EloquentException("text with an unpaired UTF-16 surrogate cannot be"
                            + " written as a literal: it is not valid Unicode");
                }
                i++;
            }
        }
        return textLiteral(text);
    }

    /**
     * A number as DDL text. The number's text is re-read as a decimal before it is written, so that
     * only digits, a sign, a point and an exponent reach the statement, whatever a {@link Number}
     * subclass prints; NaN and the infinities, which no SQL numeric literal spells, are refused.
     */
    private String numberLiteral(Number number) {
        if ((number instanceof Double d && !Double.isFinite(d)) || (number instanceof Float f && !Float.isFinite(f))) {
            throw new dev.eloquent.api.EloquentException("NaN and infinity cannot be written as a literal on " + name());
        }
        try {
            return new BigDecimal(number.toString()).toString();
        } catch (NumberFormatException notANumber) {
            // The text is not shown: it is the value.
            throw new dev.eloquent.api.EloquentException("a " + number.getClass().getSimpleName()
                    + " whose text is not a number cannot be written as a literal on " + name());
        }
    }

    /**
     * Text as a string literal. The default is standard SQL: quotes doubled, every other character as
     * it is; NUL refused, because SQLite's and PostgreSQL's text cannot hold it (it would end or break
     * the statement rather than be stored).
     */
    protected String textLiteral(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new dev.eloquent.api.EloquentException("text containing NUL (U+0000) cannot be stored as a literal on "
                    + name());
        }
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * The literal after {@code DEFAULT} in a column's definition. A value this dialect cannot write fails
     * naming the table and column (the value is never shown).
     */
    public String defaultLiteral(String table, ColumnSpec column) {
        try {
            return literal(column.defaultValue());
        } catch (dev.eloquent.api.EloquentException e) {
            throw new dev.eloquent.api.EloquentException("default of column " + table + "." + column.name() + " ("
                    + column.declaredType() + "): " + e.getMessage());
        }
    }

    /**
     * A catalog query for {@link dev.eloquent.api.DatabaseConnection#inspect}: one row per column of the table,
     * in order: (name, the database's type name, whether it is nullable). Every {@code ?} is the table's name.
     * Null (the default): this dialect cannot read a table's definition.
     */
    public String columnsQuery() {
        return null;
    }

    /**
     * Rows (index name, column, whether unique) of every index of the table except the primary key's, ordered
     * by index and position in it. Every {@code ?} is the table's name.
     */
    public String indexesQuery() {
        return null;
    }

    /**
     * Rows (key id, key name or null, column, referenced table, referenced column, ON DELETE action) of the
     * table's foreign keys, ordered by key and position; the id groups the rows of one key. Every {@code ?} is
     * the table's name.
     */
    public String foreignKeysQuery() {
        return null;
    }

    /**
     * A type name reduced so that the spellings of one type compare equal: what {@link #columnType} writes and
     * what the catalog reports ({@code int(11)} and {@code INT}). The default lowers the case and removes sizes
     * in parentheses; dialects add their synonyms.
     */
    public String typeFamily(String type) {
        return reduceType(type, java.util.Map.of());
    }

    /**
     * A type name reduced for comparison: lower case, without its size or precision in parentheses, single
     * spaces; then one of the synonyms. {@code VARCHAR(120)} and {@code varchar(255)} are one family: sizes
     * are not compared (see docs/migrations.md).
     */
    protected static String reduceType(String type, java.util.Map<String, String> synonyms) {
        String reduced = type.toLowerCase(java.util.Locale.ROOT).replaceAll("\\([^)]*\\)", " ").trim()
                .replaceAll("\\s+", " ");
        return synonyms.getOrDefault(reduced, reduced);
    }

    /** SQL that returns one row when a table has a column; its parameters are the table and column names. */
    public String columnExistsQuery() {
        return "SELECT 1 FROM information_schema.columns WHERE table_name = ? AND column_name = ?";
    }

    /** Renames a table (quoted names): standard {@code ALTER TABLE ... RENAME TO}. */
    public String renameTable(String quotedFrom, String quotedTo) {
        return "ALTER TABLE " + quotedFrom + " RENAME TO " + quotedTo;
    }

    /** Drops an index (quoted names): standard {@code DROP INDEX name}; MySQL also names the table. */
    public String dropIndex(String quotedTable, String quotedIndex) {
        return "DROP INDEX " + quotedIndex;
    }

    /** Adds a foreign key given as its {@code CONSTRAINT ... FOREIGN KEY ...} clause. */
    public String addForeignKey(String quotedTable, String constraint) {
        return "ALTER TABLE " + quotedTable + " ADD " + constraint;
    }

    public String dropForeignKey(String quotedTable, String quotedName) {
        return "ALTER TABLE " + quotedTable + " DROP CONSTRAINT " + quotedName;
    }

    /**
     * The statements that give an existing column a new type, nullability and default. The default is
     * standard SQL's {@code ALTER COLUMN}, in one statement so that it applies whole.
     *
     * @param definition    the column's full definition as ADD COLUMN would write it (name, type, NULL, DEFAULT, checks)
     * @param defaultLiteral the default as a literal, or null when the column has none (any old default is dropped)
     */
    public List<String> changeColumn(String quotedTable, ColumnSpec column, String definition, String defaultLiteral) {
        String name = quote(column.name());
        String type = columnType(column);
        return List.of("ALTER TABLE " + quotedTable
                + " ALTER COLUMN " + name + " SET DATA TYPE " + type
                + ", ALTER COLUMN " + name + (column.nullable() ? " DROP NOT NULL" : " SET NOT NULL")
                + ", ALTER COLUMN " + name + (defaultLiteral == null ? " DROP DEFAULT" : " SET DEFAULT " + defaultLiteral));
    }

    /**
     * The statements of one schema change on this database. The default compiles it alone; a dialect
     * whose database cannot alter something in place overrides this to read the live table and write
     * the statements that rebuild it. {@link SqlConnection} asks here both to run a change and to
     * describe it, so {@code --pretend} prints what would run.
     */
    public List<String> schemaStatements(dev.eloquent.api.SchemaChange change, SqlCompiler compiler, SchemaReader reader) {
        return compiler.schema(change);
    }

    /**
     * Runs after the statements of {@link #schemaStatements} have run, in the same transaction, to fail
     * (with a value-free {@link dev.eloquent.api.EloquentException}) when the result breaks something
     * the statements could not check themselves; the failure rolls the change back. Not called when
     * describing. The default checks nothing.
     */
    public void checkSchema(dev.eloquent.api.SchemaChange change, SchemaReader reader) {
    }

    /** Whether schema changes can run inside a transaction and roll back. */
    public boolean transactionalDdl() {
        return false;
    }
}
