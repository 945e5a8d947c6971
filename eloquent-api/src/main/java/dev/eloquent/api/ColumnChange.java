package dev.eloquent.api;

/** One change to a column inside {@link SchemaChange.AlterTable}. */
public sealed interface ColumnChange {
    /**
     * Adds a column; an increments or primary column cannot be added to an existing table. A NOT NULL
     * column needs a default: the existing rows must get a value, and the databases disagree otherwise
     * (SQLite refuses, PostgreSQL refuses once the table has rows, MySQL silently writes 0 or '').
     */
    record AddColumn(ColumnSpec column) implements ColumnChange {
        public AddColumn {
            if (column.autoIncrement() || column.primary()) {
                throw new EloquentException("column '" + column.name() + "' cannot be added as a primary key or"
                        + " increments column to an existing table");
            }
            if (!column.nullable() && !column.hasDefault()) {
                throw new EloquentException("column '" + column.name() + "' is added NOT NULL without a default, so"
                        + " the existing rows would have no value: make it nullable() or give it a defaultValue()");
            }
        }
    }

    record DropColumn(String name) implements ColumnChange {
        public DropColumn {
            Identifiers.check(name, "column");
        }
    }

    record RenameColumn(String from, String to) implements ColumnChange {
        public RenameColumn {
            Identifiers.check(from, "column");
            Identifiers.check(to, "column");
        }
    }

    /**
     * Gives an existing column (named by the spec) a new type, nullability and default. Unique and index
     * flags of the spec are not applied here: indexes change with {@link SchemaChange.CreateIndex} and
     * {@link SchemaChange.DropIndex}.
     */
    record ChangeColumn(ColumnSpec column) implements ColumnChange {
        public ChangeColumn {
            if (column.autoIncrement() || column.primary()) {
                throw new EloquentException("column '" + column.name() + "' cannot be changed into a primary key or"
                        + " increments column");
            }
        }
    }
}
