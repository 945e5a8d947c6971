package dev.eloquent.orm;

import dev.eloquent.api.ColumnType;

import java.util.EnumSet;
import java.util.Set;

/**
 * The declared column types each typed getter of {@link Model} reads. Constants, because a getter runs
 * once per column per row: a varargs array and its {@code List.of} copy made there cost more than the
 * rest of a read's per-row work put together (about 500 bytes a row over six getters).
 */
final class ReadableTypes {
    static final Set<ColumnType> STRING = EnumSet.of(ColumnType.STRING, ColumnType.TEXT, ColumnType.JSON, ColumnType.UUID);
    static final Set<ColumnType> INTEGER = EnumSet.of(ColumnType.INTEGER, ColumnType.INCREMENTS);
    static final Set<ColumnType> LONG = EnumSet.of(ColumnType.INTEGER, ColumnType.BIG_INTEGER, ColumnType.INCREMENTS,
            ColumnType.BIG_INCREMENTS);
    static final Set<ColumnType> BOOLEAN = EnumSet.of(ColumnType.BOOLEAN);
    static final Set<ColumnType> DECIMAL = EnumSet.of(ColumnType.DECIMAL, ColumnType.DOUBLE, ColumnType.INTEGER,
            ColumnType.BIG_INTEGER, ColumnType.INCREMENTS, ColumnType.BIG_INCREMENTS);
    /** Not decimal columns: a double would silently lose their digits (use getDecimal). */
    static final Set<ColumnType> DOUBLE = EnumSet.of(ColumnType.DOUBLE, ColumnType.INTEGER);
    static final Set<ColumnType> DATE = EnumSet.of(ColumnType.DATE);
    static final Set<ColumnType> TIMESTAMP = EnumSet.of(ColumnType.TIMESTAMP, ColumnType.TIMESTAMP_TZ);
    static final Set<ColumnType> TIMESTAMP_TZ = EnumSet.of(ColumnType.TIMESTAMP_TZ);
    static final Set<ColumnType> UUID = EnumSet.of(ColumnType.UUID);

    private ReadableTypes() {
    }
}
