package dev.eloquent.cli;

import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.seed.Seeder;
import dev.eloquent.orm.seed.Seeding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** The db:seed* commands. */
final class SeedCommands {
    private SeedCommands() {
    }

    /** The seeder named by --class (simple or full class name), or the application's first one. */
    static Seeder choose(List<Seeder> seeders, String name) {
        if (seeders.isEmpty()) {
            throw new EloquentException("the application lists no seeders (EloquentApplication.seeders())");
        }
        if (name == null) {
            return seeders.get(0);
        }
        return seeders.stream()
                .filter(s -> s.getClass().getSimpleName().equals(name) || s.getClass().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new UsageException("no seeder named " + name + "; the application lists: "
                        + String.join(", ", seeders.stream().map(s -> s.getClass().getSimpleName()).toList())));
    }

    /**
     * Runs the seeder on each target. A seeder pinned to a connection keeps it: it runs when that
     * connection is targeted and is skipped, saying so, on the others.
     */
    static void seed(Session session, String className) {
        Seeder seeder = choose(session.application.seeders(), className);
        String name = seeder.getClass().getSimpleName();
        for (String target : session.targets) {
            String pin = seeder.connection();
            if (pin != null && !pin.equals(target)) {
                session.out.println(session.shown(target) + ": " + name + " skipped (pinned to " + pin
                        + "; target it with --" + pin + ")");
                continue;
            }
            // Seeding reports each seeder's connection and time (and factories their rows) as they run.
            Seeding.run(session.db, target, seeder, session.progress());
        }
    }

    @Command(name = "db:seed", mixinStandardHelpOptions = true,
            description = "Run a seeder (the application's first, or --class) on the targeted connections.")
    static final class Seed extends DatabaseCommand {
        @Option(names = "--class", paramLabel = "SEEDER", description = "The seeder to run (class simple name).")
        String className;

        @Override
        void run(Session session) {
            seed(session, className);
        }
    }

    @Command(name = "db:seed:fresh", mixinStandardHelpOptions = true,
            description = "migrate:fresh, then db:seed, on the targeted connections.")
    static final class Fresh extends DatabaseCommand {
        @Option(names = "--class", paramLabel = "SEEDER", description = "The seeder to run (class simple name).")
        String className;

        @Override
        void run(Session session) {
            choose(session.application.seeders(), className); // a wrong --class fails before anything is dropped
            session.guard("db:seed:fresh", "drops every table on " + MigrateCommands.shownTargets(session));
            var migrator = MigrateCommands.migrator(session);
            for (String target : session.targets) {
                MigrateCommands.report(session, target, migrator.fresh(target,
                        new dev.eloquent.orm.migration.MigrateOptions(false, session.options.force, session.progress())),
                        "migrate");
            }
            seed(session, className);
        }
    }

    @Command(name = "db:seed:precheck", mixinStandardHelpOptions = true,
            description = "Fail, saying what to run first, when the targeted connections have pending migrations.")
    static final class Precheck extends DatabaseCommand {
        @Override
        void run(Session session) {
            MigrateCommands.requireNothingPending(session, "db:seed:precheck");
            session.out.println("ready to seed: no pending migrations on " + MigrateCommands.shownTargets(session));
        }
    }
}
