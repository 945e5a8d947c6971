package dev.eloquent.api;

/** A column being declared in a {@link Blueprint}; its modifiers chain. */
public final class ColumnDefinition {
    private final String name;
    private final ColumnType type;
    private int length;
    private int precision;
    private int scale;
    private boolean nullable;
    private boolean hasDefault;
    private Object defaultValue;
    private boolean unique;
    private boolean index;
    private boolean primary;

    ColumnDefinition(String name, ColumnType type) {
        this.name = name;
        this.type = type;
    }

    String name() {
        return name;
    }

    ColumnDefinition sized(int length, int precision, int scale) {
        this.length = length;
        this.precision = precision;
        this.scale = scale;
        return this;
    }

    public ColumnDefinition nullable() {
        nullable = true;
        return this;
    }

    /** The column's default; it is converted to the column's Java type now, so a bad default fails here. */
    public ColumnDefinition defaultValue(Object value) {
        hasDefault = true;
        defaultValue = value;
        return this;
    }

    public ColumnDefinition unique() {
        unique = true;
        return this;
    }

    public ColumnDefinition index() {
        index = true;
        return this;
    }

    public ColumnDefinition primary() {
        primary = true;
        return this;
    }

    ColumnSpec toSpec(String table) {
        if (primary && nullable) {
            throw new EloquentException("column '" + table + "." + name + "' cannot be both primary and nullable");
        }
        if (type.autoIncrement() && hasDefault) {
            throw new EloquentException("column '" + table + "." + name + "' is an increments column and cannot have a default");
        }
        ColumnSpec declared = new ColumnSpec(name, type, length, precision, scale, nullable, false, null,
                unique, index, primary);
        Object converted = null;
        if (hasDefault) {
            if (defaultValue == null && !nullable) {
                throw new EloquentException("column '" + table + "." + name + "' has a null default but is not nullable");
            }
            try {
                // The same value rules as every write: a default is rounded, cut or refused as a value would be.
                converted = Values.write(table, declared, defaultValue);
            } catch (EloquentException e) {
                throw new EloquentException("default of column " + e.getMessage());
            }
        }
        return new ColumnSpec(name, type, length, precision, scale, nullable, hasDefault, converted,
                unique, index, primary);
    }
}
