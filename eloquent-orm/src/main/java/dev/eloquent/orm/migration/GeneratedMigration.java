package dev.eloquent.orm.migration;

import dev.eloquent.api.SchemaChange;
import dev.eloquent.orm.SchemaBuilder;

import java.util.List;

/**
 * A migration made of recorded schema changes: what model-first generation runs in the same process as it
 * writes the Java source of the migration (see docs/migrations.md). The source declares, through the schema
 * builder, exactly these changes in this order, so once compiled it records the same checksum as this
 * did when it ran.
 */
public final class GeneratedMigration implements Migration {
    private final String name;
    private final String connection;
    private final List<SchemaChange> up;
    private final List<SchemaChange> down;

    public GeneratedMigration(String name, String connection, List<SchemaChange> up, List<SchemaChange> down) {
        this.name = name;
        this.connection = connection;
        this.up = List.copyOf(up);
        this.down = List.copyOf(down);
    }

    @Override
    public void up(SchemaBuilder schema) {
        up.forEach(schema::apply);
    }

    @Override
    public void down(SchemaBuilder schema) {
        down.forEach(schema::apply);
    }

    @Override
    public String connection() {
        return connection;
    }

    @Override
    public String name() {
        return name;
    }

    public List<SchemaChange> upChanges() {
        return up;
    }

    public List<SchemaChange> downChanges() {
        return down;
    }
}
