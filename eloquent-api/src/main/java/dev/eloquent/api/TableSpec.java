package dev.eloquent.api;

import java.util.List;
import java.util.Optional;

/** A table as a schema change creates it: columns in order, the primary key columns, and its foreign keys. */
public record TableSpec(String name, List<ColumnSpec> columns, List<ForeignKey> foreignKeys) {
    public TableSpec {
        Identifiers.check(name, "table");
        columns = List.copyOf(columns);
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        if (columns.isEmpty()) {
            throw new EloquentException("table '" + name + "' has no columns");
        }
        for (ForeignKey key : foreignKeys) {
            for (String column : key.columns()) {
                if (columns.stream().noneMatch(c -> c.name().equals(column))) {
                    throw new EloquentException("foreign key " + key.name() + " of table '" + name + "' names column '"
                            + column + "' but no such column");
                }
            }
        }
    }

    /** A table without foreign keys. */
    public TableSpec(String name, List<ColumnSpec> columns) {
        this(name, columns, List.of());
    }

    public List<ColumnSpec> primaryKey() {
        return columns.stream().filter(ColumnSpec::primary).toList();
    }

    public Optional<ColumnSpec> column(String column) {
        return columns.stream().filter(c -> c.name().equals(column)).findFirst();
    }

    public Optional<ColumnSpec> autoIncrementColumn() {
        return columns.stream().filter(ColumnSpec::autoIncrement).findFirst();
    }
}
