package dev.eloquent.testkit;

import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.QueryEvent;
import dev.eloquent.api.QueryListener;
import dev.eloquent.orm.Eloquent;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the statements one connection receives, through the query events every driver sends: how the
 * relation kit proves that eager loading costs one query per relation, whatever the number of parents.
 */
public final class StatementCounter implements QueryListener {
    private final ConnectionName connection;
    private final AtomicInteger count = new AtomicInteger();

    private StatementCounter(ConnectionName connection) {
        this.connection = connection;
    }

    /** Starts counting the statements sent to the named connection (as the env contract names it: "pg", "mongo"). */
    public static StatementCounter on(Eloquent db, String connection) {
        StatementCounter counter = new StatementCounter(db.connections().connection(connection).name());
        db.listen(counter);
        return counter;
    }

    @Override
    public void statement(QueryEvent event) {
        if (event.connection().equals(connection)) {
            count.incrementAndGet();
        }
    }

    /** The statements counted since the last call, and starts again from zero. */
    public int take() {
        return count.getAndSet(0);
    }
}
