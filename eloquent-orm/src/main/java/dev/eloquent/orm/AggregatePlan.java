package dev.eloquent.orm;

import dev.eloquent.api.AggregateFunction;
import dev.eloquent.api.Capability;
import dev.eloquent.api.Cursor;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Lock;
import dev.eloquent.api.Query;
import dev.eloquent.api.Selection;
import dev.eloquent.api.TableRef;

import java.util.ArrayList;
import java.util.List;

/**
 * How an aggregate ({@code count}, {@code sum}, ...) of a builder's query is read. A plain query aggregates
 * in the database ({@code SELECT SUM(c) ... WHERE ...}); with {@code distinct()} the aggregate takes
 * DISTINCT, as in Laravel. A paged or grouped query aggregates over the rows it returns (the page, the
 * groups), one rule on every driver: as a derived table where the connection claims subqueries, otherwise
 * by reading those rows (only the key, or the aggregated column) and aggregating in memory. Only
 * {@code count()} is defined on a grouped query; per-group aggregates are selected ({@code
 * select("genre_id", "sum(total) as total").groupBy("genre_id")}) and read with {@code get()}.
 */
final class AggregatePlan {
    /** The alias of the derived table, and of the aggregated column inside it. */
    private static final String ROWS = "aggregate_rows";
    static final String VALUE = "aggregate_value";

    private final QueryBuilder<?, ?> builder;

    AggregatePlan(QueryBuilder<?, ?> builder) {
        this.builder = builder;
    }

    Object aggregate(Query built, AggregateFunction function, Expression.Column argument) {
        Query query = built.withOrders(List.of()).withLock(Lock.NONE);
        boolean grouped = !query.groupBy().isEmpty() || !query.having().isTrue();
        if (grouped && argument != null) {
            throw new EloquentException(function.sql() + "(" + argument + ") on a grouped query is ambiguous: select '"
                    + function.sql() + "(col) as alias' with groupBy and read the per-group rows with get()");
        }
        boolean overRows = grouped || query.paged()
                || (query.distinct() && argument == null && !query.selections().isEmpty());
        if (!overRows) {
            Expression.Aggregate aggregate = new Expression.Aggregate(function, argument, query.distinct() && argument != null);
            return scalar(query.withDistinct(false).withSelections(List.of(Selection.of(aggregate))));
        }
        if (builder.connection().supports(Capability.SUBQUERIES)) {
            Expression outerArgument = argument == null ? null : new Expression.Column(null, VALUE);
            return scalar(Query.from(TableRef.sub(rows(query, argument, grouped), ROWS))
                    .selecting(new Expression.Aggregate(function, outerArgument, false)));
        }
        Query rows = argument == null && !grouped ? keysOnly(query) : rows(query, argument, grouped);
        try (Cursor cursor = builder.run(rows)) {
            int index = argument == null ? -1 : Math.max(0, cursor.columns().indexOf(VALUE));
            return Aggregates.inMemory(function, index, cursor);
        }
    }

    /** The rows to aggregate over: the group keys, the aggregated column, or the rows as selected. */
    private Query rows(Query query, Expression.Column argument, boolean grouped) {
        if (grouped) {
            List<Selection> keys = new ArrayList<>();
            for (int i = 0; i < query.groupBy().size(); i++) {
                keys.add(new Selection(query.groupBy().get(i), "group_" + i));
            }
            return query.withSelections(keys);
        }
        if (argument != null) {
            return query.withSelections(List.of(new Selection(argument, VALUE)));
        }
        if (query.selections().isEmpty() && !query.joins().isEmpty()) {
            // Joined tables share column names, which a derived table refuses: keep the main table's columns.
            return query.withSelections(List.of(Selection.of(new Expression.Column(builder.fromReference(), "*"))));
        }
        return query;
    }

    /** A paged count read in memory needs only each row's key columns (unless the rows are distinct as selected). */
    private Query keysOnly(Query query) {
        if (!query.selections().isEmpty() || query.distinct() || !query.joins().isEmpty()) {
            return rows(query, null, false);
        }
        List<String> keys = builder.keyNames();
        return query.withSelections(keys.stream().map(k -> Selection.of(new Expression.Column(null, k))).toList());
    }

    private Object scalar(Query query) {
        try (Cursor cursor = builder.run(query)) {
            return cursor.hasNext() ? cursor.next()[0] : null;
        }
    }
}
