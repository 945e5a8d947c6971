package dev.eloquent.orm;

import dev.eloquent.api.Blueprint;
import dev.eloquent.api.Capability;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.TableSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Creates, alters, renames and drops tables on one connection:
 * {@code db.schema().create("posts", t -> { t.increments("id"); t.string("title"); })}. Every change it
 * makes is also recorded ({@link #recorded()}), so a caller can show or checksum what ran.
 * {@link #recording()} makes a builder that only records: for {@code --pretend} and migration checksums.
 */
public final class SchemaBuilder {
    /** Where changes run; null when only recording. */
    private final DatabaseConnection connection;
    /** Where hasTable/hasColumn are asked; null when recording without a connection. */
    private final DatabaseConnection lookups;
    private final List<SchemaChange> recorded = new ArrayList<>();

    SchemaBuilder(DatabaseConnection connection) {
        connection.require(Capability.SCHEMA);
        this.connection = connection;
        this.lookups = connection;
    }

    private SchemaBuilder(DatabaseConnection connection, DatabaseConnection lookups) {
        this.connection = connection;
        this.lookups = lookups;
    }

    /** A builder that records the changes and runs nothing; {@link #hasTable} and {@link #hasColumn} fail on it. */
    public static SchemaBuilder recording() {
        return new SchemaBuilder(null, null);
    }

    /**
     * A builder that records the changes and runs nothing, and answers {@link #hasTable} and
     * {@link #hasColumn} from the connection (read-only), so a migration that asks can be pretended.
     */
    public static SchemaBuilder recording(DatabaseConnection lookups) {
        return new SchemaBuilder(null, lookups);
    }

    /** Whether this builder only records. */
    public boolean isRecording() {
        return connection == null;
    }

    /** The changes made (or, when recording, declared) through this builder, in order. */
    public List<SchemaChange> recorded() {
        return List.copyOf(recorded);
    }

    public void create(String table, Consumer<Blueprint> columns) {
        apply(new SchemaChange.CreateTable(build(table, columns), false));
    }

    public void createIfNotExists(String table, Consumer<Blueprint> columns) {
        apply(new SchemaChange.CreateTable(build(table, columns), true));
    }

    /** Alters an existing table: adds, drops, renames and changes columns, indexes and foreign keys. */
    public void table(String table, Consumer<TableAlteration> changes) {
        TableAlteration alteration = new TableAlteration(dev.eloquent.api.Identifiers.check(table, "table"));
        changes.accept(alteration);
        // Everything is built (and validated) before the first change runs.
        alteration.build().forEach(this::apply);
    }

    public void rename(String from, String to) {
        apply(new SchemaChange.RenameTable(from, to));
    }

    public void drop(String table) {
        apply(new SchemaChange.DropTable(table, false));
    }

    public void dropIfExists(String table) {
        apply(new SchemaChange.DropTable(table, true));
    }

    public boolean hasTable(String table) {
        return lookups().hasTable(table);
    }

    public boolean hasColumn(String table, String column) {
        return lookups().hasColumn(table, column);
    }

    private DatabaseConnection lookups() {
        if (lookups == null) {
            throw new EloquentException("a recording schema builder has no connection to ask; record with"
                    + " SchemaBuilder.recording(connection) to answer hasTable/hasColumn");
        }
        return lookups;
    }

    /** Makes one change as it was recorded (a {@link dev.eloquent.orm.migration.GeneratedMigration} replays its changes so). */
    public void apply(SchemaChange change) {
        if (connection != null) {
            connection.execute(change);
        }
        recorded.add(change);
    }

    private static TableSpec build(String table, Consumer<Blueprint> columns) {
        Blueprint blueprint = new Blueprint();
        columns.accept(blueprint);
        return blueprint.build(table);
    }
}
