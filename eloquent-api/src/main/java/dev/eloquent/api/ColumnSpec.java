package dev.eloquent.api;

/**
 * One column of a {@link TableSpec}. Built with {@link Blueprint}; immutable.
 *
 * @param length    for {@link ColumnType#STRING}, the maximum length; otherwise 0
 * @param precision for {@link ColumnType#DECIMAL}, total digits; otherwise 0
 * @param scale     for {@link ColumnType#DECIMAL}, digits after the point; otherwise 0
 * @param defaultValue the default, already of the column's Java type; meaningful when {@code hasDefault}
 */
public record ColumnSpec(String name, ColumnType type, int length, int precision, int scale,
                         boolean nullable, boolean hasDefault, Object defaultValue,
                         boolean unique, boolean index, boolean primary) {
    public ColumnSpec {
        Identifiers.check(name, "column");
    }

    public boolean autoIncrement() {
        return type.autoIncrement();
    }

    /**
     * The declared type as the schema builder spells it, for messages: {@code decimal(12, 2)},
     * {@code string(100)}, {@code timestampTz}.
     */
    public String declaredType() {
        return switch (type) {
            case INCREMENTS -> "increments";
            case BIG_INCREMENTS -> "bigIncrements";
            case INTEGER -> "integer";
            case BIG_INTEGER -> "bigInteger";
            case STRING -> "string(" + length + ")";
            case TEXT -> "text";
            case BOOLEAN -> "bool";
            case DECIMAL -> "decimal(" + precision + ", " + scale + ")";
            case DOUBLE -> "doublePrecision";
            case JSON -> "json";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMP_TZ -> "timestampTz";
            case UUID -> "uuid";
        };
    }
}
