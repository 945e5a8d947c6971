package dev.eloquent.api;

import java.util.Locale;
import java.util.Objects;

/** One sort key of a {@link Query}: any expression (a column, an aggregate, random, raw SQL) and a direction. */
public record Order(Expression expression, boolean descending) {
    public Order {
        Objects.requireNonNull(expression, "expression");
    }

    /** Sorts by a column ({@code name} or {@code table.name}), direction {@code asc} or {@code desc}. */
    public static Order of(String column, String direction) {
        return new Order(Expression.column(column), descending(direction));
    }

    /** Whether a direction word means descending; anything but asc/desc (any case) is refused. */
    public static boolean descending(String direction) {
        String d = direction == null ? "" : direction.trim().toLowerCase(Locale.ROOT);
        if (!d.equals("asc") && !d.equals("desc")) {
            throw new EloquentException("'" + direction + "' is not a sort direction; use asc or desc");
        }
        return d.equals("desc");
    }

    public static Order random() {
        return new Order(new Expression.Random(), false);
    }
}
