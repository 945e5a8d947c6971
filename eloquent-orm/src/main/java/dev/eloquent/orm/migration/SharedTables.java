package dev.eloquent.orm.migration;

import dev.eloquent.api.Blueprint;
import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.SchemaBuilder;

import java.util.function.Consumer;

/** Creates the migrator's own tables on first use, when two runners may race to create them. */
final class SharedTables {
    private SharedTables() {
    }

    static void ensure(Eloquent db, String connection, String table, Consumer<Blueprint> columns) {
        SchemaBuilder schema = db.schema(connection);
        if (schema.hasTable(table)) {
            return;
        }
        try {
            schema.createIfNotExists(table, columns);
        } catch (EloquentException e) {
            // PostgreSQL refuses one of two concurrent CREATE TABLE IF NOT EXISTS; the other runner made it.
            if (!schema.hasTable(table)) {
                throw e;
            }
        }
    }
}
