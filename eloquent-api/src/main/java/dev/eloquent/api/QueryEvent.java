package dev.eloquent.api;

import java.time.Duration;
import java.util.List;

/**
 * One statement a connection ran: its connection, its text (SQL with {@code ?} placeholders, or the shape
 * of a MongoDB command with values left out), how long it took and how many rows it returned or affected
 * (-1 when not known, as for a cursor closed early or DDL). {@code bindings} is empty unless a listener
 * asked for values ({@link QueryListener#wantsBindings()}).
 */
public record QueryEvent(ConnectionName connection, String statement, List<Object> bindings, Duration duration,
                         long rows) {
    public QueryEvent {
        bindings = Lists.copy(bindings);
    }

    @Override
    public String toString() {
        return "QueryEvent[" + connection + ", " + statement + ", " + duration.toNanos() / 1_000 + " µs, rows " + rows + "]";
    }
}
