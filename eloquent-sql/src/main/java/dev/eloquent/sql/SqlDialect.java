package dev.eloquent.sql;

import dev.eloquent.api.Capability;
import dev.eloquent.api.ColumnSpec;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * What one SQL database does differently. The defaults are standard SQL; a driver overrides what its
 * database does otherwise. Everything else (compiling, binding, executing, pooling) is shared.
 */
public abstract class SqlDialect {
    /** The driver name, used in messages ("not supported on sqlite"). */
    public abstract String name();

    /** The column's type in DDL, without modifiers. */
    public abstract String columnType(ColumnSpec column);

    /** The full definition of an auto-increment primary key column. */
    public abstract String autoIncrementColumn(ColumnSpec column);

    /** SQL that returns one row when a table exists; its one parameter is the table name. */
    public abstract String tableExistsQuery();

    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TRANSACTIONS, Capability.JOINS, Capability.RAW_SQL, Capability.SCHEMA);
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

    /** The LIKE operator; {@code like} matches case-insensitively for ASCII on every driver. */
    public String like(boolean negated) {
        return negated ? "NOT LIKE" : "LIKE";
    }

    /** Extra column constraints that make the database enforce what the type promises (length, JSON validity). */
    public String columnChecks(ColumnSpec column) {
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

    /** A column default as a DDL literal (DDL cannot bind parameters); strings are quoted and escaped. */
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
        if (bound instanceof Number) {
            return bound.toString();
        }
        return "'" + bound.toString().replace("'", "''") + "'";
    }

    /** Whether schema changes can run inside a transaction and roll back. */
    public boolean transactionalDdl() {
        return capabilities().contains(Capability.TRANSACTIONAL_DDL);
    }
}
