package dev.eloquent.orm;

import dev.eloquent.api.Condition;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Join;
import dev.eloquent.api.Order;
import dev.eloquent.api.Query;
import dev.eloquent.api.Selection;

/**
 * Counts the values a query binds, so that a key list added to it can be cut to fit the connection's
 * {@link dev.eloquent.api.DatabaseConnection#parameterLimit()} together with them.
 */
final class BoundValues {
    private BoundValues() {
    }

    /**
     * How many keys one statement of this query may add on the connection: its parameter limit less the
     * values the query already binds, at least one. Eager loading and relation aggregates cut key lists by it.
     */
    static int room(DatabaseConnection connection, Query query) {
        return Math.max(1, connection.parameterLimit() - count(query));
    }

    static int count(Query query) {
        int count = query.from().subquery() == null ? 0 : count(query.from().subquery());
        for (Selection selection : query.selections()) {
            count += count(selection.expression());
        }
        for (Join join : query.joins()) {
            count += count(join.on());
        }
        count += count(query.where()) + count(query.having());
        for (Expression group : query.groupBy()) {
            count += count(group);
        }
        for (Order order : query.orders()) {
            count += count(order.expression());
        }
        return count;
    }

    static int count(Condition condition) {
        if (condition instanceof Condition.And and) {
            return and.conditions().stream().mapToInt(BoundValues::count).sum();
        }
        if (condition instanceof Condition.Or or) {
            return or.conditions().stream().mapToInt(BoundValues::count).sum();
        }
        if (condition instanceof Condition.Compare compare) {
            return count(compare.left()) + count(compare.right());
        }
        if (condition instanceof Condition.In in) {
            return count(in.left()) + in.values().size();
        }
        if (condition instanceof Condition.InSubquery in) {
            return count(in.left()) + count(in.subquery());
        }
        if (condition instanceof Condition.Between between) {
            return count(between.expression()) + count(between.low()) + count(between.high());
        }
        if (condition instanceof Condition.Exists exists) {
            return count(exists.subquery());
        }
        if (condition instanceof Condition.Raw raw) {
            return raw.bindings().size();
        }
        return condition instanceof Condition.Null nul ? count(nul.expression()) : 0;
    }

    private static int count(Expression expression) {
        if (expression == null) {
            return 0;
        }
        if (expression instanceof Expression.Value) {
            return 1;
        }
        if (expression instanceof Expression.Subquery sub) {
            return count(sub.query());
        }
        if (expression instanceof Expression.Arithmetic arithmetic) {
            return count(arithmetic.left()) + count(arithmetic.right());
        }
        if (expression instanceof Expression.Aggregate aggregate) {
            return count(aggregate.argument());
        }
        return expression instanceof Expression.Raw raw ? raw.bindings().size() : 0;
    }
}
