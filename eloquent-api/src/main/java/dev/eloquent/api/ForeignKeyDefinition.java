package dev.eloquent.api;

import java.util.List;

/**
 * A foreign key being declared: {@code t.foreign("artist_id").references("id").on("artists").onDelete("cascade")}.
 * Without {@link #references} it references {@code id}; without {@link #name} it takes {@link SchemaNames#foreignKey}.
 */
public final class ForeignKeyDefinition {
    private final List<String> columns;
    private List<String> refColumns = List.of("id");
    private String refTable;
    private String name;
    private ReferentialAction onDelete = ReferentialAction.NO_ACTION;

    public ForeignKeyDefinition(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    public ForeignKeyDefinition references(String... columns) {
        refColumns = List.of(columns);
        return this;
    }

    public ForeignKeyDefinition on(String table) {
        refTable = table;
        return this;
    }

    /** {@code cascade}, {@code restrict}, {@code set null} or {@code no action}. */
    public ForeignKeyDefinition onDelete(String action) {
        onDelete = ReferentialAction.parse(action);
        return this;
    }

    public ForeignKeyDefinition cascadeOnDelete() {
        onDelete = ReferentialAction.CASCADE;
        return this;
    }

    public ForeignKeyDefinition nullOnDelete() {
        onDelete = ReferentialAction.SET_NULL;
        return this;
    }

    public ForeignKeyDefinition name(String name) {
        this.name = name;
        return this;
    }

    /** The frozen key of {@code table}; fails when the referenced table was not given. */
    public ForeignKey toForeignKey(String table) {
        if (refTable == null) {
            throw new EloquentException("foreign key on " + table + "(" + String.join(", ", columns)
                    + ") needs the referenced table: add .on(\"table\")");
        }
        return new ForeignKey(name == null ? SchemaNames.foreignKey(table, columns) : name, columns, refTable,
                refColumns, onDelete);
    }
}
