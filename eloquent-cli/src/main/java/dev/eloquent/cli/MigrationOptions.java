package dev.eloquent.cli;

import picocli.CommandLine.Option;

/** Options of every migrate:* command. */
public final class MigrationOptions {
    @Option(names = "--all-migrations", description = "rollback: every batch; run: also generate the migrations"
            + " the models need (arrives with model-first generation; runs what exists until then).")
    boolean allMigrations;

    @Option(names = "--pretend", description = "Print the statements; change nothing.")
    boolean pretend;
}
