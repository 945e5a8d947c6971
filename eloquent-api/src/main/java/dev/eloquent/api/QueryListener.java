package dev.eloquent.api;

/** Receives a {@link QueryEvent} after every statement of a connection, on the thread that ran it. */
@FunctionalInterface
public interface QueryListener {
    void statement(QueryEvent event);

    /** Whether events should carry bound values. Off unless the application opts in: values may be secrets. */
    default boolean wantsBindings() {
        return false;
    }
}
