package dev.eloquent.api;

import java.util.List;

/**
 * A foreign key: {@code columns} of the owning table reference {@code refColumns} of {@code refTable}.
 * Declared in a {@link Blueprint} or added with {@link SchemaChange.AddForeignKey}.
 */
public record ForeignKey(String name, List<String> columns, String refTable, List<String> refColumns,
                         ReferentialAction onDelete) {
    public ForeignKey {
        Identifiers.check(name, "foreign key");
        columns = SchemaNames.checkColumns(columns, "foreign key " + name);
        Identifiers.check(refTable, "table");
        refColumns = SchemaNames.checkColumns(refColumns, "foreign key " + name);
        if (columns.size() != refColumns.size()) {
            throw new EloquentException("foreign key " + name + " has " + columns.size() + " columns but references "
                    + refColumns.size());
        }
        if (onDelete == null) {
            onDelete = ReferentialAction.NO_ACTION;
        }
    }
}
