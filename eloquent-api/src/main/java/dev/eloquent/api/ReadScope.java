package dev.eloquent.api;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where this thread's reads may go when a connection has read replicas (docs/scaling-out.md). Two
 * scopes, both opened by the application around a piece of work and both thread-wide (they cover every
 * connection; work handed to another thread is outside them):
 * <ul>
 *   <li>{@link #sticky}: the unit of work of sticky reads. Inside it, once a connection has written,
 *       every later read of the scope on that connection goes to its primary, so the work reads its own
 *       writes (Laravel's {@code sticky}, whose unit is the request). Nested scopes join the outer one.</li>
 *   <li>{@link #onPrimary}: every read inside goes to the primary (Laravel's {@code useWritePdo}); the
 *       query builder's {@code onPrimary()} runs its statement in this scope.</li>
 * </ul>
 * Routing lives here, beside the {@link Query} and not inside it: the query describes what to read and
 * is compiled and compared as such; where it runs is a property of the moment it runs. A connection
 * without replicas ignores both scopes.
 */
public final class ReadScope {
    private static final ThreadLocal<ReadScope> CURRENT = new ThreadLocal<>();

    private int stickyDepth;
    private int primaryDepth;
    /** The connections (by identity: two instances may share a name) that wrote inside the sticky scope. */
    private final Set<Object> wrote = Collections.newSetFromMap(new IdentityHashMap<>());

    private ReadScope() {
    }

    /** Runs the work as one sticky unit: after a write on a connection, its reads in the unit go to the primary. */
    public static <T> T sticky(Supplier<T> work) {
        ReadScope scope = enter();
        scope.stickyDepth++;
        try {
            return work.get();
        } finally {
            scope.stickyDepth--;
            if (scope.stickyDepth == 0) {
                scope.wrote.clear();
            }
            leave(scope);
        }
    }

    /** Runs the work with every read of this thread on the primary. */
    public static <T> T onPrimary(Supplier<T> work) {
        ReadScope scope = enter();
        scope.primaryDepth++;
        try {
            return work.get();
        } finally {
            scope.primaryDepth--;
            leave(scope);
        }
    }

    /** Called by a connection with replicas before each write: remembered when a sticky scope is open. */
    public static void wrote(Object connection) {
        ReadScope scope = CURRENT.get();
        if (scope != null && scope.stickyDepth > 0) {
            scope.wrote.add(connection);
        }
    }

    /**
     * Whether a read on the connection must go to its primary: inside {@link #onPrimary}, or, when the
     * connection is sticky, inside a sticky scope in which it wrote.
     */
    public static boolean primaryRequired(Object connection, boolean sticky) {
        ReadScope scope = CURRENT.get();
        return scope != null && (scope.primaryDepth > 0 || sticky && scope.wrote.contains(connection));
    }

    /** Whether this thread is inside a {@link #sticky} scope. */
    public static boolean inStickyScope() {
        ReadScope scope = CURRENT.get();
        return scope != null && scope.stickyDepth > 0;
    }

    private static ReadScope enter() {
        ReadScope scope = CURRENT.get();
        if (scope == null) {
            scope = new ReadScope();
            CURRENT.set(scope);
        }
        return scope;
    }

    private static void leave(ReadScope scope) {
        if (scope.stickyDepth == 0 && scope.primaryDepth == 0) {
            CURRENT.remove();
        }
    }
}
