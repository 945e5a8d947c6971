package dev.eloquent.driver.mysql;

import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.Lock;
import dev.eloquent.sql.SqlDialect;
import dev.eloquent.sql.SqlFailure;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * MySQL and MariaDB. Tables are utf8mb4 with a binary collation, so that equality, unique indexes and
 * sorting compare exactly as on PostgreSQL and SQLite; {@code like} lower-cases both sides instead.
 * Timestamps are DATETIME(6) (microseconds, years 1000 to 9999); TIMESTAMP_TZ is DATETIME(6) holding
 * UTC, because MySQL's TIMESTAMP ends in 2038 and converts through the session's time zone. DDL is not
 * transactional here.
 */
final class MysqlDialect extends SqlDialect {
    static final String COLLATION = "utf8mb4_bin";
    /** MySQL has no OFFSET without LIMIT; this is the documented "all the rest" count. */
    private static final String NO_LIMIT = "18446744073709551615";
    /** Text that means the same in every sql_mode when quoted as it is: dates, times, numbers, plain words. */
    private static final java.util.regex.Pattern PLAIN_TEXT = java.util.regex.Pattern.compile("[A-Za-z0-9 .:_+-]*");
    private static final java.time.format.DateTimeFormatter DATETIME =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    @Override
    public String name() {
        return "mysql";
    }


    @Override
    public String quote(String identifier) {
        return '`' + identifier + '`';
    }

    @Override
    public boolean insertReturning() {
        return false;
    }

    @Override
    public String emptyInsert(String quotedTable) {
        return "INSERT INTO " + quotedTable + " () VALUES ()";
    }

    @Override
    public String columnType(ColumnSpec column) {
        return switch (column.type()) {
            // Signed, as on the other databases: a foreign key column declared integer() or bigInteger()
            // must have exactly the referenced key's type and sign on MySQL.
            case INCREMENTS -> "INT";
            case BIG_INCREMENTS -> "BIGINT";
            case INTEGER -> "INT";
            case BIG_INTEGER -> "BIGINT";
            case STRING -> "VARCHAR(" + column.length() + ")";
            // LONGTEXT: TEXT holds only 64 KB, less than 70,000 characters.
            case TEXT -> "LONGTEXT";
            case BOOLEAN -> "TINYINT(1)";
            case DECIMAL -> "DECIMAL(" + column.precision() + ", " + column.scale() + ")";
            case DOUBLE -> "DOUBLE";
            // MySQL's native JSON; on MariaDB an alias of LONGTEXT with a json_valid CHECK.
            case JSON -> "JSON";
            case DATE -> "DATE";
            case TIMESTAMP, TIMESTAMP_TZ -> "DATETIME(6)";
            case UUID -> "CHAR(36)";
        };
    }

    @Override
    public String autoIncrementColumn(ColumnSpec column) {
        return quote(column.name()) + " " + columnType(column) + " NOT NULL AUTO_INCREMENT PRIMARY KEY";
    }

    @Override
    public String tablesQuery() {
        return "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'";
    }

    @Override
    public String columnsQuery() {
        return "SELECT column_name, column_type, is_nullable = 'YES' FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position";
    }

    /**
     * Without the primary key and without the indexes InnoDB adds by itself for a foreign key (named after the
     * key): the schema declares neither.
     */
    @Override
    public String indexesQuery() {
        return "SELECT index_name, column_name, non_unique = 0 FROM information_schema.statistics"
                + " WHERE table_schema = DATABASE() AND table_name = ? AND index_name <> 'PRIMARY'"
                + " AND index_name NOT IN (SELECT constraint_name FROM information_schema.referential_constraints"
                + " WHERE constraint_schema = DATABASE() AND table_name = ?) ORDER BY index_name, seq_in_index";
    }

    @Override
    public String foreignKeysQuery() {
        return "SELECT k.constraint_name, k.constraint_name, k.column_name, k.referenced_table_name,"
                + " k.referenced_column_name, r.delete_rule FROM information_schema.key_column_usage k"
                + " JOIN information_schema.referential_constraints r ON r.constraint_schema = k.constraint_schema"
                + " AND r.constraint_name = k.constraint_name AND r.table_name = k.table_name"
                + " WHERE k.table_schema = DATABASE() AND k.table_name = ? AND k.referenced_table_name IS NOT NULL"
                + " ORDER BY k.constraint_name, k.ordinal_position";
    }

    /**
     * {@code tinyint(1)} is how MySQL keeps a boolean, and MariaDB's JSON is LONGTEXT (with a CHECK), so TEXT
     * and JSON are one family here; MariaDB writes display widths ({@code int(11)}), which are dropped.
     */
    @Override
    public String typeFamily(String type) {
        if (type.trim().toLowerCase(java.util.Locale.ROOT).startsWith("tinyint(1)")) {
            return "boolean";
        }
        return reduceType(type, java.util.Map.of("json", "longtext", "integer", "int", "numeric", "decimal",
                "bool", "boolean", "double precision", "double", "real", "double"));
    }

    @Override
    public String tableExistsQuery() {
        return "SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?";
    }

    @Override
    public String columnExistsQuery() {
        return "SELECT 1 FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?"
                + " AND column_name = ?";
    }

    @Override
    public String renameTable(String quotedFrom, String quotedTo) {
        return "RENAME TABLE " + quotedFrom + " TO " + quotedTo;
    }

    @Override
    public String dropIndex(String quotedTable, String quotedIndex) {
        return "DROP INDEX " + quotedIndex + " ON " + quotedTable;
    }

    @Override
    public String dropForeignKey(String quotedTable, String quotedName) {
        return "ALTER TABLE " + quotedTable + " DROP FOREIGN KEY " + quotedName;
    }

    /** MODIFY COLUMN restates the whole column: type, nullability, default and checks, as ADD COLUMN writes them. */
    @Override
    public List<String> changeColumn(String quotedTable, ColumnSpec column, String definition, String defaultLiteral) {
        return List.of("ALTER TABLE " + quotedTable + " MODIFY COLUMN " + definition);
    }

    @Override
    public String tableOptions() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=" + COLLATION;
    }

    @Override
    public String inlineIndex(String quotedIndex, String quotedColumn) {
        return "INDEX " + quotedIndex + " (" + quotedColumn + ")";
    }

    @Override
    public String limitOffset(Integer limit, Integer offset) {
        if (limit == null && offset != null && offset > 0) {
            return " LIMIT " + NO_LIMIT + " OFFSET " + offset;
        }
        return super.limitOffset(limit, offset);
    }

    /**
     * {@code like} lower-cases both sides: the binary collation would otherwise make LIKE case-sensitive.
     * The case-sensitive variant names the binary collation, so it holds on tables made elsewhere too.
     */
    @Override
    public String like(String left, String pattern, boolean negated, boolean caseSensitive) {
        String operator = negated ? " NOT LIKE " : " LIKE ";
        if (caseSensitive) {
            return left + operator + pattern + " COLLATE " + COLLATION;
        }
        return "LOWER(" + left + ")" + operator + "LOWER(" + pattern + ")";
    }

    /** Error 1093 ("can't specify target table for update in FROM clause") otherwise. */
    @Override
    public boolean materializesSubqueriesOfWriteTarget() {
        return true;
    }

    @Override
    public String random() {
        return "RAND()";
    }

    /** MariaDB has no FOR SHARE; LOCK IN SHARE MODE is understood by both servers. */
    @Override
    public String lock(Lock lock) {
        return lock == Lock.SHARED ? " LOCK IN SHARE MODE" : super.lock(lock);
    }

    @Override
    public int maxParameters() {
        return 65_535;
    }

    /**
     * A cursor with its own connection streams row by row (Connector/J's streaming result,
     * {@code Integer.MIN_VALUE}). Inside a transaction the rows are read at once instead: a streaming
     * result blocks every other statement on its connection until it is read to the end.
     */
    @Override
    public int fetchSize(boolean ownConnection) {
        return ownConnection ? Integer.MIN_VALUE : 0;
    }

    /** MySQL's messages quote the failing value ("Duplicate entry 'x'"): only names are taken from them. */
    @Override
    public SqlFailure failure(SQLException error) {
        return MysqlFailures.describe(error);
    }

    @Override
    public String columnChecks(ColumnSpec column) {
        // TINYINT(1) would accept 2..127; MySQL 8.0.16+ and MariaDB enforce CHECK.
        return column.type() == dev.eloquent.api.ColumnType.BOOLEAN
                ? " CHECK (" + quote(column.name()) + " IN (0, 1))" : "";
    }

    /**
     * MySQL's own upsert. It fires on any unique key of the table, not only {@code uniqueBy}; VALUES()
     * is understood by MariaDB and MySQL 8 alike (MySQL 8.0.20+ merely warns).
     */
    @Override
    public String upsertClause(List<String> quotedUniqueBy, List<String> quotedUpdate) {
        StringJoiner sets = new StringJoiner(", ", " ON DUPLICATE KEY UPDATE ", "");
        if (quotedUpdate.isEmpty()) {
            // Keeps the existing row: a no-op assignment is MySQL's "do nothing".
            sets.add(quotedUniqueBy.get(0) + " = " + quotedUniqueBy.get(0));
        }
        quotedUpdate.forEach(c -> sets.add(c + " = VALUES(" + c + ")"));
        return sets.toString();
    }

    /**
     * Text that is more than letters, digits and date punctuation is written as hex bytes with a
     * character set introducer ({@code _utf8mb4 X'5C27'}): MySQL reads backslashes in quoted strings as
     * escapes unless the session's sql_mode has NO_BACKSLASH_ESCAPES, so no quoting is byte-exact in
     * every mode, while a hex literal is. NUL is stored like any other character here.
     */
    @Override
    protected String textLiteral(String text) {
        if (PLAIN_TEXT.matcher(text).matches()) {
            return "'" + text + "'";
        }
        StringBuilder hex = new StringBuilder("_utf8mb4 X'");
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.append('\'').toString();
    }

    /**
     * Dates and times are bound as ISO text, which both servers parse exactly. Connector/J drops the
     * microseconds of a bound LocalDateTime on MariaDB 10.x, whose handshake reports version
     * "5.5.5-10.x" (older than MySQL 5.6.4's fractional seconds). Zoned values are stored in UTC.
     */
    @Override
    public Object toJdbc(Object value) {
        if (value instanceof LocalDateTime local) {
            return DATETIME.format(local);
        }
        if (value instanceof java.time.LocalDate date) {
            return date.toString();
        }
        if (value instanceof OffsetDateTime offset) {
            return DATETIME.format(offset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        if (value instanceof ZonedDateTime zoned) {
            return DATETIME.format(zoned.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        if (value instanceof Instant instant) {
            return DATETIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        return value;
    }
}
