package dev.eloquent.orm.migration;

import dev.eloquent.api.Capability;
import dev.eloquent.api.ColumnChange;
import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.ForeignKey;
import dev.eloquent.api.IndexSpec;
import dev.eloquent.api.LiveTable;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.TableSpec;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.Model;
import dev.eloquent.orm.MongoModel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code migrate:status --verify}: on one connection, compares the models' declared schemas with what the
 * migrations create (offline, {@link SchemaReplay} and {@link SchemaDiff}, as model-first generation does)
 * and what the migrations create with the live database ({@link DatabaseConnection#inspect}). Each difference
 * is one line naming the table, column, index or key and what differs; never a value (defaults are said to
 * differ, not shown). The ledger's view comes first: pending migrations, applied ones the application no longer
 * lists, and applied ones whose {@code up} changed. An empty list means all of it is in step.
 *
 * <p>What is compared with the database, and how tolerantly: tables; columns by type family (the declared
 * types the driver stores under the live type, so MySQL's {@code int(11)} is {@code integer()} and PostgreSQL's
 * {@code character varying} is {@code string(n)}; sizes are not compared) and nullability; indexes and foreign
 * keys by what they cover (columns, uniqueness, referenced table and columns, ON DELETE with RESTRICT and NO
 * ACTION as one), not by name, because databases name a UNIQUE column's index themselves. The primary key's
 * index is not an index here. On a document connection only collections and their indexes are compared, and
 * collections no migration creates are not reported (a collection appears with its first document).
 */
public final class SchemaVerify {
    private SchemaVerify() {
    }

    /** The differences on the connection (null: the default), in the order of the tables' migrations. */
    public static List<String> verify(Eloquent db, List<Migration> migrations, String connection) {
        ConnectionName name = connection == null ? db.connections().defaultName() : db.connections().resolve(connection);
        Migrator migrator = db.migrator(migrations);
        Map<String, TableSpec> replayed = SchemaReplay.replay(migrator.migrationsOf(name.toString()));
        DatabaseConnection live = db.connections().connection(name);
        boolean document = live.supports(Capability.DOCUMENTS);
        List<String> lines = new ArrayList<>();
        Set<String> listed = new HashSet<>(migrator.migrationsOf(name.toString()).stream().map(Migration::name).toList());
        for (MigrationStatus status : migrator.status(name.toString())) {
            if (!status.applied()) {
                lines.add("migration " + status.migration() + ": pending, not applied to the database (migrate:run)");
            } else if (!listed.contains(status.migration())) {
                lines.add("migration " + status.migration() + ": applied (in the ledger), but the application no longer"
                        + " lists it");
            } else if (status.checksumChanged()) {
                lines.add("migration " + status.migration() + ": changed since it was applied (write a new migration"
                        + " instead)");
            }
        }
        for (Class<?> type : db.models()) {
            @SuppressWarnings("unchecked")
            Class<? extends Model<?>> model = (Class<? extends Model<?>>) type;
            if (db.connectionNameOf(model).equals(name)) {
                db.declaredSchema(model).ifPresent(declared -> againstMigrations(lines, model.getSimpleName(),
                        replayed.get(declared.name()), declared, MongoModel.class.isAssignableFrom(model)));
            }
        }
        for (TableSpec expected : replayed.values()) {
            LiveTable table = live.inspect(expected.name()).orElse(null);
            if (table == null) {
                lines.add((document ? "collection " : "table ") + expected.name()
                        + ": created by the migrations, missing in the database");
                continue;
            }
            if (!document) {
                columns(lines, expected, table);
            }
            indexes(lines, expected, table);
            foreignKeys(lines, expected, table);
        }
        if (!document) {
            Set<String> known = new HashSet<>(replayed.keySet());
            known.add(MigrationLedger.TABLE);
            known.add(MigrationLock.TABLE);
            live.tables().stream().filter(t -> !known.contains(t)).sorted()
                    .forEach(t -> lines.add("table " + t + ": in the database, created by no migration"));
        }
        return lines;
    }

    // ---- the models against the migrations (offline) ----

    /**
     * What make:migration would generate for the model, said as differences. A column the model no longer
     * declares is kept by generation ("nothing to do"), so it is no difference here either.
     */
    private static void againstMigrations(List<String> lines, String model, TableSpec replayed, TableSpec declared,
                                          boolean document) {
        String fix = " (make:migration " + model + ")";
        SchemaDiff.Plan plan = SchemaDiff.diff(replayed, declared, document, false);
        String table = declared.name();
        for (SchemaChange change : plan.up()) {
            if (change instanceof SchemaChange.CreateTable) {
                lines.add("table " + table + ": model " + model + " declares it, no migration creates it" + fix);
            } else if (change instanceof SchemaChange.AlterTable alter) {
                for (ColumnChange c : alter.changes()) {
                    if (c instanceof ColumnChange.AddColumn add) {
                        lines.add("column " + table + "." + add.column().name() + ": model " + model
                                + " declares it, the migrations do not create it" + fix);
                    } else if (c instanceof ColumnChange.ChangeColumn changed) {
                        ColumnSpec old = replayed.column(changed.column().name()).orElseThrow();
                        lines.add("column " + table + "." + old.name() + ": model " + model + " declares "
                                + shape(changed.column(), old) + ", the migrations create " + shape(old, changed.column()) + fix);
                    }
                }
            } else if (change instanceof SchemaChange.CreateIndex index) {
                lines.add("index " + index.name() + " on " + table + " " + index.columns() + ": model " + model
                        + " declares it, the migrations do not create it" + fix);
            } else if (change instanceof SchemaChange.DropIndex index) {
                lines.add("index " + index.name() + " on " + table + ": created by the migrations, model " + model
                        + " does not declare it" + fix);
            } else if (change instanceof SchemaChange.AddForeignKey key) {
                lines.add("foreign key " + key.name() + " on " + table + ": model " + model
                        + " declares it, the migrations do not create it" + fix);
            } else if (change instanceof SchemaChange.DropForeignKey key) {
                lines.add("foreign key " + key.name() + " on " + table + ": created by the migrations, model " + model
                        + " does not declare it" + fix);
            }
        }
        // What a generated migration cannot do (a NOT NULL column without a default, a key column) is a difference too.
        plan.notes().forEach(note -> lines.add("table " + table + ": model " + model + ": " + note));
    }

    /** A column's type and nullability, and that its default differs from the other's (never the default itself). */
    private static String shape(ColumnSpec column, ColumnSpec other) {
        boolean defaultDiffers = column.hasDefault() != other.hasDefault()
                || !java.util.Objects.equals(column.defaultValue(), other.defaultValue());
        return column.declaredType() + (column.nullable() ? " nullable" : " not null")
                + (defaultDiffers ? (column.hasDefault() ? " with a default" : " without a default") : "");
    }

    // ---- the migrations against the database ----

    private static void columns(List<String> lines, TableSpec expected, LiveTable table) {
        for (ColumnSpec column : expected.columns()) {
            String where = "column " + expected.name() + "." + column.name() + ": ";
            LiveTable.Column live = table.column(column.name()).orElse(null);
            if (live == null) {
                lines.add(where + "created by the migrations, missing in the database");
                continue;
            }
            if (!live.family().contains(column.type())) {
                lines.add(where + "type " + live.type() + " in the database, the migrations create "
                        + column.declaredType());
            }
            if (live.nullable() != column.nullable()) {
                lines.add(where + (live.nullable() ? "nullable" : "not null") + " in the database, "
                        + (column.nullable() ? "nullable" : "not null") + " in the migrations");
            }
        }
        table.columns().stream().filter(c -> expected.column(c.name()).isEmpty()).forEach(c -> lines.add("column "
                + expected.name() + "." + c.name() + ": in the database (" + c.type() + "), not created by the migrations"));
    }

    private static void indexes(List<String> lines, TableSpec expected, LiveTable table) {
        List<String> key = expected.primaryKey().stream().map(ColumnSpec::name).toList();
        List<LiveTable.Index> live = new ArrayList<>(table.indexes().stream()
                .filter(i -> !i.columns().equals(key)).toList());
        List<IndexSpec> missing = new ArrayList<>();
        for (IndexSpec index : SchemaDiff.indexesOf(expected).values()) {
            LiveTable.Index same = live.stream().filter(i -> i.columns().equals(index.columns()) && i.unique() == index.unique())
                    .findFirst().orElse(null);
            if (same != null) {
                live.remove(same);
            } else {
                missing.add(index);
            }
        }
        for (IndexSpec index : missing) {
            String where = "index " + index.name() + " on " + expected.name() + " " + index.columns() + ": ";
            LiveTable.Index other = live.stream().filter(i -> i.columns().equals(index.columns())).findFirst().orElse(null);
            if (other != null) {
                live.remove(other);
                lines.add(where + (index.unique() ? "unique" : "not unique") + " in the migrations, "
                        + (other.unique() ? "unique" : "not unique") + " in the database");
            } else {
                lines.add(where + "created by the migrations, missing in the database");
            }
        }
        live.forEach(i -> lines.add("index " + i.name() + " on " + expected.name() + " " + i.columns()
                + ": in the database, not created by the migrations"));
    }

    private static void foreignKeys(List<String> lines, TableSpec expected, LiveTable table) {
        List<LiveTable.Key> live = new ArrayList<>(table.foreignKeys());
        for (ForeignKey key : expected.foreignKeys()) {
            String where = "foreign key " + key.name() + " on " + expected.name() + " " + key.columns() + " -> "
                    + key.refTable() + key.refColumns() + ": ";
            LiveTable.Key same = live.stream().filter(k -> k.columns().equals(key.columns())
                    && k.refTable().equals(key.refTable()) && k.refColumns().equals(key.refColumns())).findFirst().orElse(null);
            if (same == null) {
                lines.add(where + "created by the migrations, missing in the database");
                continue;
            }
            live.remove(same);
            if (!action(same.onDelete()).equals(action(key.onDelete().sql()))) {
                lines.add(where + "ON DELETE " + key.onDelete().sql() + " in the migrations, " + same.onDelete()
                        + " in the database");
            }
        }
        live.forEach(k -> lines.add("foreign key " + (k.name() == null ? "" : k.name() + " ") + "on " + expected.name()
                + " " + k.columns() + " -> " + k.refTable() + k.refColumns() + ": in the database, not created by the migrations"));
    }

    /** RESTRICT and NO ACTION differ only in when a deferred check fires; MariaDB reports one for the other. */
    private static String action(String action) {
        String upper = action.trim().toUpperCase(java.util.Locale.ROOT).replace('_', ' ');
        return upper.equals("RESTRICT") ? "NO ACTION" : upper;
    }
}
