package dev.eloquent.cli;

import dev.eloquent.api.ColumnChange;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.TableSpec;
import dev.eloquent.orm.Connection;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.Model;
import dev.eloquent.orm.MongoModel;
import dev.eloquent.orm.migration.GeneratedMigration;
import dev.eloquent.orm.migration.Migration;
import dev.eloquent.orm.migration.SchemaDiff;
import dev.eloquent.orm.migration.SchemaReplay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Model-first migrations: for each model, the migrations of its connection are replayed without a
 * database ({@link SchemaReplay}), compared with the model's declared schema ({@link SchemaDiff}), and the
 * difference becomes a {@link GeneratedMigration} together with the Java source that declares the same
 * changes. Each generated migration joins the list the next model is compared against, and the names
 * take consecutive seconds from {@code now}, so a run of {@code --all} lists them in the order made.
 */
final class ModelMigrations {
    /** What generation found for one model: a migration and its source, or nothing to do (with why not). */
    record Outcome(String model, String table, GeneratedMigration migration, String source, SchemaDiff.Plan plan) {
        boolean nothingToDo() {
            return migration == null;
        }
    }

    private final Eloquent db;
    private final List<Migration> migrations;
    private final Generators.Target target;
    private final boolean dropMissing;
    private final LocalDateTime now;
    private int made;

    ModelMigrations(Eloquent db, List<Migration> migrations, Generators.Target target, boolean dropMissing,
                    LocalDateTime now) {
        this.db = db;
        this.migrations = new ArrayList<>(migrations);
        this.target = target;
        this.dropMissing = dropMissing;
        this.now = now;
    }

    /** The migrations so far: the application's, then those generated, in order. */
    List<Migration> migrations() {
        return List.copyOf(migrations);
    }

    /** The registered model of this simple name, or null. */
    static Class<? extends Model<?>> model(Eloquent db, String simpleName) {
        return models(db).stream().filter(m -> m.getSimpleName().equals(simpleName)).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    static List<Class<? extends Model<?>>> models(Eloquent db) {
        List<Class<? extends Model<?>>> models = new ArrayList<>();
        db.models().forEach(m -> models.add((Class<? extends Model<?>>) m));
        return models;
    }

    /**
     * Refuses to generate while a migration source written by the generators is not among the
     * application's migrations: the replay would not see it, and the same changes would be generated twice.
     */
    void requireRegistered(List<Migration> registered) {
        Path dir = target.file("X").getParent();
        if (!Files.isDirectory(dir)) {
            return;
        }
        Set<String> names = registered.stream().map(Migration::name).collect(Collectors.toSet());
        List<String> unregistered;
        try (Stream<Path> files = Files.list(dir)) {
            unregistered = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".java"))
                    .map(f -> f.substring(0, f.length() - ".java".length()))
                    .filter(Generators::isMigrationClass).filter(c -> !names.contains(c)).sorted().toList();
        } catch (IOException e) {
            throw new EloquentException("could not list " + dir + ": " + e.getMessage());
        }
        if (!unregistered.isEmpty()) {
            throw new EloquentException("migrations in " + dir + " are not in EloquentApplication.migrations(): "
                    + unregistered + "; add them (new " + unregistered.get(0) + "(), ...) and rebuild before generating"
                    + " again, or the same changes would be generated twice");
        }
    }

    /** The migration a model needs on its connection, or nothing to do. */
    Outcome generate(Class<? extends Model<?>> model) {
        String connection = db.connectionNameOf(model).toString();
        TableSpec declared = db.declaredSchema(model).orElse(null);
        if (declared == null) {
            return new Outcome(model.getSimpleName(), null, null, null, null);
        }
        Map<String, TableSpec> tables = SchemaReplay.replay(db.migrator(migrations).migrationsOf(connection));
        boolean document = MongoModel.class.isAssignableFrom(model);
        SchemaDiff.Plan plan = SchemaDiff.diff(tables.get(declared.name()), declared, document, dropMissing);
        if (plan.isEmpty()) {
            return new Outcome(model.getSimpleName(), declared.name(), null, null, plan);
        }
        String what = plan.up().get(0) instanceof SchemaChange.CreateTable ? "Create" : "Update";
        String base = what + Generators.studly(declared.name()) + (document ? "Indexes" : "Table");
        String cls = Generators.migrationClass(base, now.plusSeconds(made++));
        Connection pin = model.getAnnotation(Connection.class);
        GeneratedMigration migration = new GeneratedMigration(cls, pin == null ? null : pin.value(), plan.up(), plan.down());
        migrations.add(migration);
        return new Outcome(model.getSimpleName(), declared.name(), migration,
                source(cls, model.getSimpleName(), declared.name(), migration.connection(), plan), plan);
    }

    /**
     * Generates for each model in turn and reports it: the file written (with {@code pretend}, the source
     * it would write), or nothing to do, with what was kept or not generated.
     */
    static List<GeneratedMigration> report(List<Class<? extends Model<?>>> models, ModelMigrations generator,
                                           java.io.PrintWriter out, boolean pretend) {
        List<GeneratedMigration> made = new ArrayList<>();
        for (Class<? extends Model<?>> model : models) {
            Outcome outcome = generator.generate(model);
            if (outcome.plan() == null) {
                out.println(outcome.model() + ": nothing to do (it declares no schema())");
                continue;
            }
            if (outcome.nothingToDo()) {
                out.println(outcome.model() + ": nothing to do (table " + outcome.table() + " matches its migrations)");
            } else if (pretend) {
                out.println(outcome.model() + ": would create " + generator.target.file(outcome.migration().name()) + ":");
                outcome.source().lines().forEach(line -> out.println("  | " + line));
                made.add(outcome.migration());
            } else {
                Generators.Generated written = generator.write(outcome);
                out.println("created " + written.file());
                out.println("next: " + written.register());
                made.add(outcome.migration());
            }
            outcome.plan().kept().forEach(kept -> out.println(outcome.model() + ": kept columns of " + kept.tableName()
                    + " the model no longer declares " + columnsOf(kept) + " (pass --drop-missing to drop them)"));
            outcome.plan().notes().forEach(note -> out.println(outcome.model() + ": not generated: " + note));
        }
        return made;
    }

    private static List<String> columnsOf(SchemaChange kept) {
        return ((SchemaChange.AlterTable) kept).changes().stream()
                .map(c -> ((ColumnChange.DropColumn) c).name()).toList();
    }

    /** Writes the outcome's source where the generators write. */
    Generators.Generated write(Outcome outcome) {
        return Generators.write(target, outcome.migration().name(), new StringBuilder(outcome.source()),
                "add new " + outcome.migration().name() + "() at the end of your EloquentApplication.migrations() list");
    }

    private String source(String cls, String model, String table, String pin, SchemaDiff.Plan plan) {
        StringBuilder src = Generators.header(target, "dev.eloquent.orm.SchemaBuilder", "dev.eloquent.orm.migration.Migration");
        src.append("/**\n * Generated by make:migration from model ").append(model).append(" (table ").append(table)
                .append("):\n * what its declared schema has that the migrations before this one do not create.\n")
                .append(" * Its class name is what the ledger records: never rename it once applied. Add it at the END of\n")
                .append(" * your EloquentApplication.migrations() list: new ").append(cls).append("()\n */\n")
                .append("public final class ").append(cls).append(" implements Migration {\n");
        if (pin != null) {
            src.append("    @Override\n    public String connection() {\n        return ").append(MigrationSource.str(pin))
                    .append("; // the connection model ").append(model).append(" is pinned to\n    }\n\n");
        }
        src.append("    @Override\n    public void up(SchemaBuilder schema) {\n");
        plan.notes().forEach(note -> src.append("        // Not generated: ").append(note).append("\n"));
        if (dropsColumns(plan.up())) {
            src.append("        // Drops columns the model no longer declares (--drop-missing). A renamed column also shows as a\n")
                    .append("        // drop plus an add (a rename cannot be told apart): if it was renamed, use t.renameColumn instead.\n");
        }
        src.append(MigrationSource.statements(plan.up()));
        if (!plan.kept().isEmpty()) {
            src.append("        // The model no longer declares these columns; they are kept, since a generated migration drops a\n")
                    .append("        // column only with --drop-missing. A renamed column also shows as a drop plus an add (a rename\n")
                    .append("        // cannot be told apart): rename it with t.renameColumn, or uncomment to drop:\n")
                    .append(MigrationSource.commented(plan.kept()));
        }
        src.append("    }\n\n    @Override\n    public void down(SchemaBuilder schema) {\n")
                .append(MigrationSource.statements(plan.down()));
        if (!plan.keptDown().isEmpty()) {
            src.append("        // If you uncomment the drops in up, uncomment their undo too:\n")
                    .append(MigrationSource.commented(plan.keptDown()));
        }
        return src.append("    }\n}\n").toString();
    }

    private static boolean dropsColumns(List<SchemaChange> changes) {
        return changes.stream().anyMatch(c -> c instanceof SchemaChange.AlterTable alter
                && alter.changes().stream().anyMatch(ColumnChange.DropColumn.class::isInstance));
    }
}
