package dev.eloquent.api;

/** A change to a database's schema, described neutrally for a driver to compile. */
public sealed interface SchemaChange {
    record CreateTable(TableSpec table, boolean ifNotExists) implements SchemaChange {
    }

    record DropTable(String table, boolean ifExists) implements SchemaChange {
        public DropTable {
            Identifiers.check(table, "table");
        }
    }
}
