package dev.eloquent.cli;

import picocli.CommandLine.Option;

/** Options of every migrate:* command. */
public final class MigrationOptions {
    @Option(names = "--all-migrations", description = "rollback: every batch; run: first generate (as"
            + " make:migration --all) the migrations the models of each targeted connection need.")
    boolean allMigrations;

    @Option(names = "--pretend", description = "Print the statements; change nothing.")
    boolean pretend;
}
