package dev.eloquent.api;

import java.util.List;
import java.util.Optional;

/** A table as a schema change creates it: columns in order, the primary key columns, and its foreign keys. */
public record TableSpec(String name, List<ColumnSpec> columns, List<ForeignKey> foreignKeys, List<IndexSpec> indexes) {
    public TableSpec {
        Identifiers.check(name, "table");
        columns = List.copyOf(columns);
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        if (columns.isEmpty()) {
            throw new EloquentException("table '" + name + "' has no columns");
        }
        for (ForeignKey key : foreignKeys) {
            checkColumns(name, columns, "foreign key " + key.name(), key.columns());
        }
        for (IndexSpec index : indexes) {
            checkColumns(name, columns, "index " + index.name(), index.columns());
        }
    }

    /** A table without foreign keys or indexes over several columns. */
    public TableSpec(String name, List<ColumnSpec> columns) {
        this(name, columns, List.of(), List.of());
    }

    private static void checkColumns(String table, List<ColumnSpec> columns, String owner, List<String> names) {
        for (String column : names) {
            if (columns.stream().noneMatch(c -> c.name().equals(column))) {
                throw new EloquentException(owner + " of table '" + table + "' names column '" + column
                        + "' but no such column");
            }
        }
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
