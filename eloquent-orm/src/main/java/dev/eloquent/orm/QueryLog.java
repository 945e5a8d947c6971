package dev.eloquent.orm;

import dev.eloquent.api.QueryEvent;
import dev.eloquent.api.QueryListener;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one listener each connection of an {@link Eloquent} reports to: it logs every statement at DEBUG
 * (slow ones at WARNING) to {@code System.Logger} "dev.eloquent.queries" and hands the event to the
 * application's listeners. Logs never carry bound values; a listener gets them only if it asks.
 */
final class QueryLog implements QueryListener {
    static final String LOGGER_NAME = "dev.eloquent.queries";

    private final System.Logger logger;
    private final Duration slowThreshold;
    private final List<QueryListener> listeners = new CopyOnWriteArrayList<>();

    /** @param slowThreshold statements taking at least this long are logged at WARNING; null for never */
    QueryLog(Duration slowThreshold) {
        this(System.getLogger(LOGGER_NAME), slowThreshold);
    }

    QueryLog(System.Logger logger, Duration slowThreshold) {
        this.logger = logger;
        this.slowThreshold = slowThreshold;
    }

    void add(QueryListener listener) {
        if (listener == null) {
            throw new NullPointerException("listener");
        }
        listeners.add(listener);
    }

    /** Drivers collect bound values only while some listener wants them. */
    @Override
    public boolean wantsBindings() {
        for (QueryListener listener : listeners) {
            if (listener.wantsBindings()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void statement(QueryEvent event) {
        QueryEvent withoutValues = event.bindings().isEmpty() ? event
                : new QueryEvent(event.connection(), event.statement(), List.of(), event.duration(), event.rows());
        log(withoutValues);
        for (QueryListener listener : listeners) {
            listener.statement(listener.wantsBindings() ? event : withoutValues);
        }
    }

    private void log(QueryEvent event) {
        boolean slow = slowThreshold != null && event.duration().compareTo(slowThreshold) >= 0;
        Level level = slow ? Level.WARNING : Level.DEBUG;
        if (logger.isLoggable(level)) {
            logger.log(level, (slow ? "slow statement (" : "statement (") + event.duration().toMillis() + " ms, rows "
                    + event.rows() + ") on " + event.connection() + ": " + event.statement());
        }
    }
}
