package dev.eloquent.orm.migration;

import dev.eloquent.api.EloquentException;

import java.util.List;

/**
 * A migration failed: the message names it, its connection, what the database said, and the migrations
 * of the same run that did apply (they stay in the ledger, so a re-run continues after them).
 */
public final class MigrationFailedException extends EloquentException {
    private final String connection;
    private final String migration;
    private final List<String> applied;

    /** {@code cause} is kept only when it is the project's own exception, whose text carries no value. */
    MigrationFailedException(String connection, String migration, List<String> applied, String detail,
                             RuntimeException cause) {
        super("migration " + migration + " failed on connection '" + connection + "': "
                + (cause instanceof EloquentException ? cause.getMessage() : cause.getClass().getName())
                + "; " + detail + "; applied before it in this run: " + (applied.isEmpty() ? "none" : applied),
                cause instanceof EloquentException ? cause : null);
        this.connection = connection;
        this.migration = migration;
        this.applied = List.copyOf(applied);
    }

    public String connection() {
        return connection;
    }

    public String migration() {
        return migration;
    }

    /** The migrations of this run applied before the failure, in order. */
    public List<String> applied() {
        return applied;
    }
}
