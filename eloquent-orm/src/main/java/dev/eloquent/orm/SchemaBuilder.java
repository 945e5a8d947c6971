package dev.eloquent.orm;

import dev.eloquent.api.Blueprint;
import dev.eloquent.api.Capability;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.SchemaChange;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Creates and drops tables on one connection: {@code db.schema().create("posts", t -> { t.increments("id"); t.string("title"); })}. */
public final class SchemaBuilder {
    private final DatabaseConnection connection;
    /** Non-null in recording mode: the changes asked for, in order, none sent anywhere. */
    private final List<SchemaChange> recorded;

    SchemaBuilder(DatabaseConnection connection) {
        connection.require(Capability.SCHEMA);
        this.connection = connection;
        this.recorded = null;
    }

    private SchemaBuilder() {
        this.connection = null;
        this.recorded = new ArrayList<>();
    }

    /**
     * A schema builder with no connection that records the changes it is asked for (for pretending and
     * for migration checksums). {@link #hasTable} answers false in this mode.
     */
    public static SchemaBuilder recording() {
        return new SchemaBuilder();
    }

    /** The changes recorded so far, in order (recording mode only). */
    public List<SchemaChange> recorded() {
        if (recorded == null) {
            throw new dev.eloquent.api.EloquentException("this schema builder applies changes; only SchemaBuilder.recording() records them");
        }
        return List.copyOf(recorded);
    }

    private void execute(SchemaChange change) {
        if (recorded != null) {
            recorded.add(change);
        } else {
            connection.execute(change);
        }
    }

    public void create(String table, Consumer<Blueprint> columns) {
        execute(new SchemaChange.CreateTable(build(table, columns), false));
    }

    public void createIfNotExists(String table, Consumer<Blueprint> columns) {
        execute(new SchemaChange.CreateTable(build(table, columns), true));
    }

    public void drop(String table) {
        execute(new SchemaChange.DropTable(table, false));
    }

    public void dropIfExists(String table) {
        execute(new SchemaChange.DropTable(table, true));
    }

    public boolean hasTable(String table) {
        return recorded == null && connection.hasTable(table);
    }

    private static dev.eloquent.api.TableSpec build(String table, Consumer<Blueprint> columns) {
        Blueprint blueprint = new Blueprint();
        columns.accept(blueprint);
        return blueprint.build(table);
    }
}
