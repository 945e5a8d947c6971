package dev.eloquent.api;

import java.util.List;

/** A change to a database's schema, described neutrally for a driver to compile. */
public sealed interface SchemaChange {
    /** The table the change acts on (for a rename, its old name): what failures and events name. */
    String tableName();

    record CreateTable(TableSpec table, boolean ifNotExists) implements SchemaChange {
        @Override
        public String tableName() {
            return table.name();
        }
    }

    record DropTable(String table, boolean ifExists) implements SchemaChange {
        public DropTable {
            Identifiers.check(table, "table");
        }

        @Override
        public String tableName() {
            return table;
        }
    }

    record RenameTable(String from, String to) implements SchemaChange {
        public RenameTable {
            Identifiers.check(from, "table");
            Identifiers.check(to, "table");
        }

        @Override
        public String tableName() {
            return from;
        }
    }

    /** Column changes to one table, applied in order. */
    record AlterTable(String table, List<ColumnChange> changes) implements SchemaChange {
        public AlterTable {
            Identifiers.check(table, "table");
            changes = List.copyOf(changes);
            if (changes.isEmpty()) {
                throw new EloquentException("altering table '" + table + "' needs at least one change");
            }
        }

        @Override
        public String tableName() {
            return table;
        }
    }

    /** An index over the columns in order; {@code name} null takes {@link SchemaNames#index}. */
    record CreateIndex(String table, String name, List<String> columns, boolean unique) implements SchemaChange {
        public CreateIndex {
            Identifiers.check(table, "table");
            columns = SchemaNames.checkColumns(columns, "index on table " + table);
            name = Identifiers.check(name == null ? SchemaNames.index(table, columns, unique) : name, "index");
        }

        @Override
        public String tableName() {
            return table;
        }
    }

    record DropIndex(String table, String name) implements SchemaChange {
        public DropIndex {
            Identifiers.check(table, "table");
            Identifiers.check(name, "index");
        }

        @Override
        public String tableName() {
            return table;
        }
    }

    /** A foreign key; {@code name} null takes {@link SchemaNames#foreignKey}, {@code onDelete} null is NO ACTION. */
    record AddForeignKey(String table, String name, List<String> columns, String refTable, List<String> refColumns,
                         ReferentialAction onDelete) implements SchemaChange {
        public AddForeignKey {
            Identifiers.check(table, "table");
            columns = SchemaNames.checkColumns(columns, "foreign key on table " + table);
            name = name == null ? SchemaNames.foreignKey(table, columns) : name;
            ForeignKey checked = new ForeignKey(name, columns, refTable, refColumns, onDelete);
            refColumns = checked.refColumns();
            onDelete = checked.onDelete();
        }

        public ForeignKey foreignKey() {
            return new ForeignKey(name, columns, refTable, refColumns, onDelete);
        }

        @Override
        public String tableName() {
            return table;
        }
    }

    record DropForeignKey(String table, String name) implements SchemaChange {
        public DropForeignKey {
            Identifiers.check(table, "table");
            Identifiers.check(name, "foreign key");
        }

        @Override
        public String tableName() {
            return table;
        }
    }
}
