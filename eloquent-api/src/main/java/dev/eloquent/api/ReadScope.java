package dev.eloquent.api;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where reads may go when a connection has read replicas (docs/scaling-out.md). Two scopes, both opened
 * by the application around a piece of work and both covering every connection:
 * <ul>
 *   <li>{@link #sticky}: the unit of work of sticky reads. Inside it, once a connection has written,
 *       every later read of the unit on that connection goes to its primary, so the work reads its own
 *       writes (Laravel's {@code sticky}, whose unit is the request). Nested scopes join the outer one;
 *       threads started inside the unit join it too (an executor created inside it, a parallel step),
 *       while threads that existed before do not.</li>
 *   <li>{@link #onPrimary}: every read of this thread inside it goes to the primary (Laravel's
 *       {@code useWritePdo}); the query builder's {@code onPrimary()} runs its statement in this scope.</li>
 * </ul>
 * Connections are told apart by name: two instances of the ORM in one process that use the same
 * connection name share a unit's writes, which only ever sends more reads to the primary.
 *
 * <p>Routing lives here, beside the {@link Query} and not inside it: the query describes what to read and
 * is compiled and compared as such; where it runs is a property of the moment it runs. A connection
 * without replicas ignores both scopes.
 */
public final class ReadScope {
    /** One sticky unit: the connections that wrote in it. Shared with the threads started inside it. */
    private static final class Unit {
        final Set<ConnectionName> wrote = ConcurrentHashMap.newKeySet();
        volatile boolean open = true;
    }

    private static final InheritableThreadLocal<ReadScope> CURRENT = new InheritableThreadLocal<>() {
        @Override
        protected ReadScope childValue(ReadScope parent) {
            // get() on a thread without a scope leaves a null entry, which new threads copy too.
            if (parent == null || parent.unit() == null) {
                return null;
            }
            ReadScope child = new ReadScope();
            child.inherited = parent.unit();
            return child;
        }
    };

    /** The unit this thread opened with its outermost {@link #sticky} call, or joined, while it is inside one. */
    private Unit own;
    /** The unit of the thread that started this one, if it was inside one then. */
    private Unit inherited;
    private int stickyDepth;
    private int primaryDepth;

    private ReadScope() {
    }

    /** Runs the work as one sticky unit: after a write on a connection, its reads in the unit go to the primary. */
    public static <T> T sticky(Supplier<T> work) {
        ReadScope scope = enter();
        if (scope.stickyDepth == 0) {
            Unit joined = scope.inheritedUnit();
            scope.own = joined != null ? joined : new Unit();
        }
        scope.stickyDepth++;
        try {
            return work.get();
        } finally {
            scope.stickyDepth--;
            if (scope.stickyDepth == 0) {
                if (scope.own != scope.inherited) {
                    scope.own.open = false;
                }
                scope.own = null;
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

    /** Called by a connection with replicas before each write: remembered when a sticky unit is open. */
    public static void wrote(ConnectionName connection) {
        ReadScope scope = CURRENT.get();
        Unit unit = scope == null ? null : scope.unit();
        if (unit != null) {
            unit.wrote.add(connection);
        }
    }

    /**
     * Whether a read on the connection must go to its primary: inside {@link #onPrimary}, or, when the
     * connection is sticky, inside a sticky unit in which it wrote.
     */
    public static boolean primaryRequired(ConnectionName connection, boolean sticky) {
        ReadScope scope = CURRENT.get();
        if (scope == null) {
            return false;
        }
        if (scope.primaryDepth > 0) {
            return true;
        }
        Unit unit = sticky ? scope.unit() : null;
        return unit != null && unit.wrote.contains(connection);
    }

    /** Whether this thread is inside a {@link #sticky} unit, its own or one it was started in. */
    public static boolean inStickyScope() {
        ReadScope scope = CURRENT.get();
        return scope != null && scope.unit() != null;
    }

    private Unit unit() {
        return stickyDepth > 0 ? own : inheritedUnit();
    }

    private Unit inheritedUnit() {
        return inherited != null && inherited.open ? inherited : null;
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
        if (scope.stickyDepth == 0 && scope.primaryDepth == 0 && scope.inheritedUnit() == null) {
            CURRENT.remove();
        }
    }
}
