package dev.eloquent.cli;

import picocli.CommandLine.Option;

/** The options every database command shares: which connections, test mode, confirmation, verbosity. */
public final class TargetOptions {
    @Option(names = "--test", description = "Use the test twins (DB_TEST_CONNECTION by default; X_test for --X).")
    boolean test;

    @Option(names = "--mysql", description = "Target the mysql connection.")
    boolean mysql;

    @Option(names = "--pg", description = "Target the pg connection.")
    boolean pg;

    @Option(names = "--sqlite", description = "Target the sqlite connection.")
    boolean sqlite;

    @Option(names = "--mongo", description = "Target the mongo connection (never included otherwise).")
    boolean mongo;

    @Option(names = "--all-connections", description = "Target every SQL connection whose driver is on the path (not MongoDB).")
    boolean allConnections;

    @Option(names = "--force", description = "Go on despite a changed migration checksum; required in production.")
    boolean force;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of failures.")
    boolean verbose;

    Targeting.Flags flags() {
        return new Targeting.Flags(mysql, pg, sqlite, mongo, allConnections);
    }
}
