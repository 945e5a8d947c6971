package dev.eloquent.orm.migration;

import java.time.Duration;
import java.util.List;

/**
 * One migration a command applied or rolled back (or, when pretending, would have): on which connection,
 * in which batch, how long it took, and the schema changes it made, each described as text.
 */
public record MigrationRun(String connection, String migration, int batch, Duration took, List<String> statements) {
    public MigrationRun {
        statements = List.copyOf(statements);
    }
}
