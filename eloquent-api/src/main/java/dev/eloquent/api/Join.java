package dev.eloquent.api;

import java.util.Objects;

/** One join of a {@link Query}: its kind, what it joins and the {@code ON} condition ({@link Condition#TRUE} for CROSS). */
public record Join(Kind kind, TableRef table, Condition on) {
    public enum Kind { INNER, LEFT, RIGHT, CROSS }

    public Join {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        on = on == null ? Condition.TRUE : on;
        if (kind != Kind.CROSS && on.isTrue()) {
            throw new EloquentException(kind.name().toLowerCase(java.util.Locale.ROOT) + " join of " + table
                    + " needs an on condition");
        }
    }
}
