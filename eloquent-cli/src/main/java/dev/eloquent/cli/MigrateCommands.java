package dev.eloquent.cli;

import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Model;
import dev.eloquent.orm.migration.MigrateOptions;
import dev.eloquent.orm.migration.Migration;
import dev.eloquent.orm.migration.MigrationRun;
import dev.eloquent.orm.migration.MigrationStatus;
import dev.eloquent.orm.migration.Migrator;
import dev.eloquent.orm.migration.SchemaVerify;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** The migrate:* commands; each runs the application's migrations on every targeted connection in turn. */
final class MigrateCommands {
    private MigrateCommands() {
    }

    static Migrator migrator(Session session) {
        return session.db.migrator(session.application.migrations());
    }

    static MigrateOptions options(Session session, MigrationOptions migration) {
        return new MigrateOptions(migration.pretend, session.options.force, session.progress());
    }

    /**
     * What a command did on one connection: each migration already reported its connection, time and
     * (with --pretend) statements through the progress as it ran; this adds "nothing to do".
     */
    static void report(Session session, String target, List<MigrationRun> runs, String verb) {
        if (runs.isEmpty()) {
            session.out.println(session.shown(target) + ": nothing to " + verb);
        }
    }

    @Command(name = "migrate:run", mixinStandardHelpOptions = true,
            description = "Apply the pending migrations on the targeted connections.")
    static final class Run extends DatabaseCommand {
        @Mixin
        MigrationOptions migration;

        @Override
        void run(Session session) {
            Migrator migrator = migration.allMigrations
                    ? session.db.migrator(generate(session, migration.pretend))
                    : migrator(session);
            for (String target : session.targets) {
                report(session, target, migrator.run(target, options(session, migration)), "migrate");
            }
        }
    }

    /**
     * What {@code make:migration --all} would write for the models of each targeted connection, written
     * (with --pretend only shown) and returned after the application's migrations, ready to run in this
     * process: they are {@link dev.eloquent.orm.migration.GeneratedMigration}s of the very changes their
     * sources declare, so nothing has to be compiled first (see docs/migrations.md).
     */
    static List<Migration> generate(Session session, boolean pretend) {
        if (!pretend && session.production()) {
            session.guard("migrate:run --all-migrations", "writes migration sources and runs them on "
                    + shownTargets(session));
        }
        Generators.Target target = Generators.target(Path.of("").toAbsolutePath(), null, null,
                session.db.connections().env(), () -> Optional.of(session.application.getClass().getPackageName()),
                false);
        List<Migration> registered = session.application.migrations();
        ModelMigrations generator = new ModelMigrations(session.db, registered, target, false, LocalDateTime.now());
        generator.requireRegistered(registered);
        for (String connection : session.targets) {
            List<Class<? extends Model<?>>> models = ModelMigrations.models(session.db).stream()
                    .filter(m -> session.db.connectionNameOf(m).equals(session.db.connections().resolve(connection)))
                    .toList();
            ModelMigrations.report(models, generator, session.out, pretend);
        }
        return generator.migrations();
    }

    @Command(name = "migrate:rollback", mixinStandardHelpOptions = true,
            description = "Undo the last batch (or the last N migrations with --step, every batch with --all-migrations).")
    static final class Rollback extends DatabaseCommand {
        @Mixin
        MigrationOptions migration;

        @Option(names = "--step", paramLabel = "N", description = "Roll back the last N migrations instead of the last batch.")
        int step;

        @Override
        void run(Session session) {
            if (step < 0) {
                throw new UsageException("--step must be 1 or more, got " + step);
            }
            Migrator migrator = migrator(session);
            for (String target : session.targets) {
                List<MigrationRun> runs = migration.allMigrations
                        ? migrator.reset(target, options(session, migration))
                        : migrator.rollback(target, step, options(session, migration));
                report(session, target, runs, "roll back");
            }
        }
    }

    @Command(name = "migrate:status", mixinStandardHelpOptions = true,
            description = "List each migration with its batch and whether it changed since it was applied;"
                    + " with --verify, also compare the models, the migrations and the live database (exit code 3"
                    + " when they differ).")
    static final class Status extends DatabaseCommand {
        @Mixin
        MigrationOptions migration;

        @Option(names = "--verify", description = "Compare the models' schemas, what the migrations create (replayed"
                + " offline) and the live database's tables, columns, indexes and foreign keys; print each difference"
                + " and exit with 3 when there is one.")
        boolean verify;

        @Override
        void run(Session session) {
            Migrator migrator = migrator(session);
            int differences = 0;
            for (String target : session.targets) {
                session.out.println(session.shown(target) + ":");
                if (verify) {
                    List<String> lines = SchemaVerify.verify(session.db, session.application.migrations(), target);
                    lines.forEach(line -> session.out.println("  differs: " + line));
                    session.out.println(lines.isEmpty() ? "  in step: the database has what the migrations create and the"
                            + " models declare" : "  " + lines.size() + " difference" + (lines.size() == 1 ? "" : "s"));
                    differences += lines.size();
                    continue;
                }
                List<MigrationStatus> statuses = migrator.status(target);
                if (statuses.isEmpty()) {
                    session.out.println("  (no migrations apply to this connection)");
                }
                for (MigrationStatus status : statuses) {
                    session.out.println("  " + (status.batch() == null ? "pending " : "ran     ")
                            + status.migration()
                            + (status.batch() == null ? "" : "  batch " + status.batch() + "  " + status.appliedAt())
                            + (status.checksumChanged() ? "  CHANGED since applied" : ""));
                }
            }
            if (differences > 0) {
                exitCode = EloquentCli.DIFFERS;
            }
        }
    }

    @Command(name = "migrate:fresh", mixinStandardHelpOptions = true,
            description = "Drop every table of the targeted connections and run every migration.")
    static final class Fresh extends DatabaseCommand {
        @Mixin
        MigrationOptions migration;

        @Override
        void run(Session session) {
            if (!migration.pretend) {
                session.guard("migrate:fresh", "drops every table on " + shownTargets(session));
            }
            Migrator migrator = migrator(session);
            for (String target : session.targets) {
                report(session, target, migrator.fresh(target, options(session, migration)), "migrate");
            }
        }
    }

    @Command(name = "migrate:reset", mixinStandardHelpOptions = true,
            description = "Roll back every applied migration on the targeted connections.")
    static final class Reset extends DatabaseCommand {
        @Mixin
        MigrationOptions migration;

        @Override
        void run(Session session) {
            if (!migration.pretend) {
                session.guard("migrate:reset", "rolls back every migration on " + shownTargets(session));
            }
            Migrator migrator = migrator(session);
            for (String target : session.targets) {
                report(session, target, migrator.reset(target, options(session, migration)), "roll back");
            }
        }
    }

    static String shownTargets(Session session) {
        return String.join(", ", session.targets.stream().map(session::shown).toList());
    }

    /** Fails naming the connections with pending migrations and the command that applies them. */
    static void requireNothingPending(Session session, String command) {
        Migrator migrator = migrator(session);
        List<String> pending = session.targets.stream().filter(migrator::hasPending).map(session::shown).toList();
        if (!pending.isEmpty()) {
            throw new EloquentException(command + ": pending migrations on " + String.join(", ", pending)
                    + "; run first: eloquent migrate:run" + flagsOf(session));
        }
    }

    private static String flagsOf(Session session) {
        TargetOptions o = session.options;
        StringBuilder flags = new StringBuilder();
        if (o.allConnections) flags.append(" --all-connections");
        if (o.mysql) flags.append(" --mysql");
        if (o.pg) flags.append(" --pg");
        if (o.sqlite) flags.append(" --sqlite");
        if (o.mongo) flags.append(" --mongo");
        if (o.test) flags.append(" --test");
        return flags.toString();
    }
}
