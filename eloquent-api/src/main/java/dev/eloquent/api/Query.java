package dev.eloquent.api;

import java.util.List;

/**
 * The neutral description of a read (or of the rows an update or delete touches) that the ORM builds
 * and a driver compiles. Immutable; every identifier in it has passed {@link Identifiers#check}.
 *
 * @param columns the columns to return; empty means all
 * @param limit   at most this many rows, or null for no limit
 * @param offset  skip this many rows, or null
 */
public record Query(String table, List<String> columns, List<Where> wheres, List<Order> orders,
                    Integer limit, Integer offset) {
    public Query {
        Identifiers.check(table, "table");
        columns = List.copyOf(columns);
        columns.forEach(c -> Identifiers.check(c, "column"));
        wheres = List.copyOf(wheres);
        orders = List.copyOf(orders);
        if (limit != null && limit < 0) {
            throw new EloquentException("limit must not be negative, got " + limit);
        }
        if (offset != null && offset < 0) {
            throw new EloquentException("offset must not be negative, got " + offset);
        }
    }

    public static Query table(String table) {
        return new Query(table, List.of(), List.of(), List.of(), null, null);
    }

    public Query where(Condition condition) {
        List<Where> more = new java.util.ArrayList<>(wheres);
        more.add(Where.and(condition));
        return new Query(table, columns, more, orders, limit, offset);
    }

    /** The same query without ordering and paging: what count, update and delete act on. */
    public Query conditionsOnly() {
        return new Query(table, List.of(), wheres, List.of(), null, null);
    }
}
