package dev.eloquent.api;

import java.util.List;
import java.util.Optional;

/** A table as a schema change creates it: columns in order, and the primary key columns. */
public record TableSpec(String name, List<ColumnSpec> columns) {
    public TableSpec {
        Identifiers.check(name, "table");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new EloquentException("table '" + name + "' has no columns");
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
