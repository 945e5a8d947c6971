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
}
