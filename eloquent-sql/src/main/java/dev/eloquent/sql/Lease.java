package dev.eloquent.sql;

import java.sql.Connection;

/**
 * A JDBC connection lent for one statement or cursor: this thread's transaction connection (kept when
 * the statement ends), or one borrowed from the pool (returned when it ends).
 */
final class Lease {
    final Connection connection;
    /** The transaction the connection belongs to, or null for a connection of the statement's own. */
    final Transaction transaction;
    /** Whether auto-commit was turned off for this statement alone (PostgreSQL streaming): commit at the end. */
    boolean autoCommitOff;
    /** The read replica the connection came from, or null for the primary. */
    ReadReplicas.Member replica;

    Lease(Connection connection, Transaction transaction) {
        this.connection = connection;
        this.transaction = transaction;
    }

    boolean owned() {
        return transaction == null;
    }
}
