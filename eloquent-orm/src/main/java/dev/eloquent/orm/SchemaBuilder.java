package dev.eloquent.orm;

import dev.eloquent.api.Blueprint;
import dev.eloquent.api.Capability;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.SchemaChange;

import java.util.function.Consumer;

/** Creates and drops tables on one connection: {@code db.schema().create("posts", t -> { t.increments("id"); t.string("title"); })}. */
public final class SchemaBuilder {
    private final DatabaseConnection connection;

    SchemaBuilder(DatabaseConnection connection) {
        connection.require(Capability.SCHEMA);
        this.connection = connection;
    }

    public void create(String table, Consumer<Blueprint> columns) {
        connection.execute(new SchemaChange.CreateTable(build(table, columns), false));
    }

    public void createIfNotExists(String table, Consumer<Blueprint> columns) {
        connection.execute(new SchemaChange.CreateTable(build(table, columns), true));
    }

    public void drop(String table) {
        connection.execute(new SchemaChange.DropTable(table, false));
    }

    public void dropIfExists(String table) {
        connection.execute(new SchemaChange.DropTable(table, true));
    }

    public boolean hasTable(String table) {
        return connection.hasTable(table);
    }

    private static dev.eloquent.api.TableSpec build(String table, Consumer<Blueprint> columns) {
        Blueprint blueprint = new Blueprint();
        columns.accept(blueprint);
        return blueprint.build(table);
    }
}
