package dev.eloquent.api;

import java.util.List;
import java.util.Set;

/**
 * A table (a collection on MongoDB) as the database has it now, read from its catalog by
 * {@link DatabaseConnection#inspect}: what {@code migrate:status --verify} compares with the schema the
 * migrations produce. Names are the database's own: an index the database named itself (a UNIQUE column's
 * constraint) keeps that name, which is why indexes and keys are compared by what they cover, not by name.
 * A collection has no columns here: collections are schemaless.
 */
public record LiveTable(String name, List<Column> columns, List<Index> indexes, List<Key> foreignKeys) {
    public LiveTable {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /**
     * @param type   the database's name of the column's type ({@code character varying}, {@code int(11)}), for messages
     * @param family the declared types this database stores under that type (its family): on MySQL
     *               {@code tinyint(1)} is {@link ColumnType#BOOLEAN}, on SQLite {@code TEXT} is both
     *               {@link ColumnType#TEXT} and {@link ColumnType#JSON}; empty for a type no declared type maps to
     */
    public record Column(String name, String type, boolean nullable, Set<ColumnType> family) {
        public Column {
            family = Set.copyOf(family);
        }
    }

    /** An index other than the primary key's, with its columns in order. */
    public record Index(String name, List<String> columns, boolean unique) {
        public Index {
            columns = List.copyOf(columns);
        }
    }

    /**
     * A foreign key; {@code name} is null where the database keeps none (SQLite's catalog does not).
     *
     * @param onDelete the action as SQL spells it ({@code CASCADE}, {@code NO ACTION}, ...)
     */
    public record Key(String name, List<String> columns, String refTable, List<String> refColumns, String onDelete) {
        public Key {
            columns = List.copyOf(columns);
            refColumns = List.copyOf(refColumns);
        }
    }

    public java.util.Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
