package dev.eloquent.orm.migration;

import dev.eloquent.orm.SchemaBuilder;

/**
 * One step of a schema's history: {@code up} applies it, {@code down} undoes it, both on the schema
 * builder of the connection the migration runs on. An application lists its migrations in order
 * ({@link dev.eloquent.orm.EloquentApplication#migrations()}); each connection keeps a ledger of the ones
 * applied.
 */
public interface Migration {
    void up(SchemaBuilder schema);

    void down(SchemaBuilder schema);

    /** The connection this migration always runs on (its {@code _test} twin in test mode), or null for the targeted one. */
    default String connection() {
        return null;
    }

    /** The name recorded in the ledger; it must not change once applied. */
    default String name() {
        return getClass().getSimpleName();
    }
}
