package dev.eloquent.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The neutral, immutable description of a read (and of the rows an update or delete touches) that the
 * ORM builds and a driver compiles: {@code SELECT [DISTINCT] selections FROM from joins WHERE where
 * GROUP BY groupBy HAVING having ORDER BY orders LIMIT limit OFFSET offset [lock]}. One {@code with...}
 * method per part. Every identifier in it has passed {@link Identifiers#check}; every value is an
 * {@link Expression.Value}, bound by the compiler.
 *
 * @param selections what to return; empty means every column ({@code *})
 * @param where      {@link Condition#TRUE} for no WHERE clause
 * @param having     {@link Condition#TRUE} for no HAVING clause
 * @param limit      at most this many rows, or null
 * @param offset     skip this many rows, or null
 */
public record Query(TableRef from, List<Selection> selections, boolean distinct, List<Join> joins, Condition where,
                    List<Expression> groupBy, Condition having, List<Order> orders, Integer limit, Integer offset,
                    Lock lock) {
    public Query {
        Objects.requireNonNull(from, "from");
        selections = List.copyOf(selections);
        joins = List.copyOf(joins);
        where = where == null ? Condition.TRUE : where;
        groupBy = List.copyOf(groupBy);
        having = having == null ? Condition.TRUE : having;
        orders = List.copyOf(orders);
        if (limit != null && limit < 0) {
            throw new EloquentException("limit must not be negative, got " + limit);
        }
        if (offset != null && offset < 0) {
            throw new EloquentException("offset must not be negative, got " + offset);
        }
        lock = lock == null ? Lock.NONE : lock;
    }

    /** Every column of a table, no conditions. */
    public static Query from(String table) {
        return from(TableRef.table(table));
    }

    public static Query from(TableRef from) {
        return new Query(from, List.of(), false, List.of(), Condition.TRUE, List.of(), Condition.TRUE, List.of(),
                null, null, Lock.NONE);
    }

    /** The table's name; fails for a query that reads from a subquery. */
    public String table() {
        if (from.name() == null) {
            throw new EloquentException("this query reads from a subquery, not a table");
        }
        return from.name();
    }

    public Query withFrom(TableRef from) {
        return new Query(from, selections, distinct, joins, where, groupBy, having, orders, limit, offset, lock);
    }

    public Query withSelections(List<Selection> selections) {
        return new Query(from, selections, distinct, joins, where, groupBy, having, orders, limit, offset, lock);
    }

    public Query withDistinct(boolean distinct) {
        return new Query(from, selections, distinct, joins, where, groupBy, having, orders, limit, offset, lock);
    }

    public Query withJoins(List<Join> joins) {
        return new Query(from, selections, distinct, joins, where, groupBy, having, orders, limit, offset, lock);
    }

    public Query withWhere(Condition where) {
        return new Query(from, selections, distinct, joins, where, groupBy, having, orders, limit, offset, lock);
    }

    public Query withGroupBy(List<Expression> groupBy) {
        return new Query(from, selections, distinct, joins, where, groupBy, having, orders, limit, offset, lock);
    }

    public Query withHaving(Condition having) {
        return new Query(from, selections, distinct, joins, where, groupBy, having, orders, limit, offset, lock);
    }

    public Query withOrders(List<Order> orders) {
        return new Query(from, selections, distinct, joins, where, groupBy, having, orders, limit, offset, lock);
    }

    public Query withLimit(Integer limit) {
        return new Query(from, selections, distinct, joins, where, groupBy, having, orders, limit, offset, lock);
    }

    public Query withOffset(Integer offset) {
        return new Query(from, selections, distinct, joins, where, groupBy, having, orders, limit, offset, lock);
    }

    public Query withLock(Lock lock) {
        return new Query(from, selections, distinct, joins, where, groupBy, having, orders, limit, offset, lock);
    }

    /** This query's where, AND the condition (the condition kept as one group). */
    public Query where(Condition condition) {
        return withWhere(Condition.and(where, condition));
    }

    /** Shorthand for {@code where(column = value)}. */
    public Query whereEquals(String column, Object value) {
        return where(new Condition.Compare(Expression.column(column), Operator.EQ, Expression.value(value)));
    }

    /** The same rows without selection, ordering, paging or lock: what an update or delete acts on. */
    public Query conditionsOnly() {
        return new Query(from, List.of(), false, joins, where, List.of(), Condition.TRUE, List.of(), null, null, Lock.NONE);
    }

    /** The query with these expressions selected instead, for aggregates ({@code SELECT COUNT(*) ...}). */
    public Query selecting(Expression... expressions) {
        List<Selection> list = new ArrayList<>();
        for (Expression expression : expressions) {
            list.add(Selection.of(expression));
        }
        return withSelections(list);
    }

    /** Whether the query has a limit or an offset. */
    public boolean paged() {
        return limit != null || offset != null;
    }
}
