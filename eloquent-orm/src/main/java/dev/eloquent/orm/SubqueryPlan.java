package dev.eloquent.orm;

import dev.eloquent.api.Capability;
import dev.eloquent.api.Condition;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Join;
import dev.eloquent.api.Query;
import dev.eloquent.api.Selection;
import dev.eloquent.api.TableRef;

import java.util.List;
import java.util.Map;

/**
 * Rewrites {@code whereIn(column, subquery)} into a two-query plan where the subquery cannot run inside
 * the outer statement: when the outer connection does not claim {@link Capability#SUBQUERIES} (MongoDB),
 * or when the subquery was built on another connection. The inner query runs first, on its own
 * connection, and its values feed an ordinary {@code IN} list. Every other subquery stays in the tree,
 * for the capability walk to accept or refuse. That list is bound on the outer connection, so it may not
 * hold more values than the outer connection's {@link DatabaseConnection#parameterLimit()}: past it the
 * plan fails, saying so, rather than letting the database refuse the statement with its own message (or
 * silently cutting the list, which would change the answer).
 */
final class SubqueryPlan {
    /** Which builder each subquery came from (by identity): its connection and how to read its values. */
    private final Map<Query, QueryBuilder<?, ?>> sources;
    private final DatabaseConnection outer;
    private final ConnectionName outerName;

    SubqueryPlan(Map<Query, QueryBuilder<?, ?>> sources, DatabaseConnection outer, ConnectionName outerName) {
        this.sources = sources;
        this.outer = outer;
        this.outerName = outerName;
    }

    Query apply(Query query) {
        if (sources.isEmpty()) {
            return query; // the common case: nothing to rewrite, no walk
        }
        TableRef from = query.from();
        if (from.subquery() != null) {
            from = TableRef.sub(apply(from.subquery()), from.alias());
        }
        List<Join> joins = query.joins().stream()
                .map(j -> new Join(j.kind(), j.table(), condition(j.on()))).toList();
        List<Selection> selections = query.selections().stream()
                .map(s -> new Selection(expression(s.expression()), s.alias())).toList();
        return query.withFrom(from).withSelections(selections).withJoins(joins)
                .withWhere(condition(query.where())).withHaving(condition(query.having()));
    }

    private Condition condition(Condition condition) {
        if (condition instanceof Condition.And and) {
            return and.conditions().isEmpty() ? and : new Condition.And(and.conditions().stream().map(this::condition).toList());
        }
        if (condition instanceof Condition.Or or) {
            return new Condition.Or(or.conditions().stream().map(this::condition).toList());
        }
        if (condition instanceof Condition.InSubquery in) {
            if (runsSeparately(in.subquery())) {
                return new Condition.In(in.left(), values(in.subquery()), in.negated());
            }
            return new Condition.InSubquery(in.left(), apply(in.subquery()), in.negated());
        }
        if (condition instanceof Condition.Exists exists) {
            return new Condition.Exists(apply(exists.subquery()), exists.negated());
        }
        if (condition instanceof Condition.Compare compare) {
            return new Condition.Compare(expression(compare.left()), compare.operator(), expression(compare.right()));
        }
        return condition;
    }

    private Expression expression(Expression expression) {
        if (expression instanceof Expression.Subquery sub) {
            return new Expression.Subquery(apply(sub.query()));
        }
        return expression;
    }

    private boolean runsSeparately(Query subquery) {
        QueryBuilder<?, ?> source = sources.get(subquery);
        boolean foreign = source != null && !source.connectionName().equals(outerName);
        return foreign || !outer.supports(Capability.SUBQUERIES);
    }

    /** The first column of every row of the subquery, read on the subquery's own connection. */
    private List<Object> values(Query subquery) {
        QueryBuilder<?, ?> source = sources.get(subquery);
        if (source == null) {
            throw new IllegalStateException("a whereIn subquery was not registered with its builder");
        }
        List<Object> values = source.columnValues(subquery);
        int limit = outer.parameterLimit();
        if (values.size() > limit) {
            // Counts and connection names only: the keys are data and stay out of messages.
            throw new EloquentException("whereIn with a subquery run first (another connection, or one without"
                    + " subqueries): the subquery on connection '" + source.connectionName() + "' returned "
                    + values.size() + " keys, more than the " + limit + " values connection '" + outerName
                    + "' binds in one statement; narrow the subquery (or the whereHas constraint), or read the keys"
                    + " yourself and query them in chunks (whereIn on each piece)");
        }
        return values;
    }
}
