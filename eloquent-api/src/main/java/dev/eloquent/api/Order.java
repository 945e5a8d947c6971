package dev.eloquent.api;

import java.util.Locale;

/** One sort key of a {@link Query}. */
public record Order(String column, boolean descending) {
    public Order {
        Identifiers.check(column, "column");
    }

    public static Order of(String column, String direction) {
        String d = direction == null ? "" : direction.trim().toLowerCase(Locale.ROOT);
        if (!d.equals("asc") && !d.equals("desc")) {
            throw new EloquentException("'" + direction + "' is not a sort direction; use asc or desc");
        }
        return new Order(column, d.equals("desc"));
    }
}
