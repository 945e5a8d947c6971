package dev.eloquent.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which {@link Capability capabilities} a statement needs: the walk the ORM makes before sending it, so a
 * node the connection does not claim is refused by name instead of being compiled wrongly.
 */
public final class Capabilities {
    private Capabilities() {
    }

    public static Set<Capability> required(Query query) {
        Set<Capability> needed = EnumSet.noneOf(Capability.class);
        query(query, needed);
        return needed;
    }

    public static Set<Capability> required(Write write) {
        Set<Capability> needed = EnumSet.noneOf(Capability.class);
        if (write instanceof Write.Update update) {
            query(update.target(), needed);
            update.assignments().forEach(a -> expression(a.value(), needed));
        } else if (write instanceof Write.Delete delete) {
            query(delete.target(), needed);
        } else if (write instanceof Write.Upsert) {
            needed.add(Capability.UPSERT);
        }
        return needed;
    }

    /** Fails with "X is not supported on driver" for the first needed capability the connection lacks. */
    public static void check(DatabaseConnection connection, Set<Capability> needed) {
        for (Capability capability : needed) {
            connection.require(capability);
        }
    }

    private static void query(Query query, Set<Capability> needed) {
        if (query.from().subquery() != null) {
            needed.add(Capability.SUBQUERIES);
            query(query.from().subquery(), needed);
        }
        query.selections().forEach(s -> expression(s.expression(), needed));
        for (Join join : query.joins()) {
            needed.add(Capability.JOINS);
            if (join.table().subquery() != null) {
                needed.add(Capability.SUBQUERIES);
                query(join.table().subquery(), needed);
            }
            condition(join.on(), needed);
        }
        condition(query.where(), needed);
        if (!query.groupBy().isEmpty() || !query.having().isTrue()) {
            needed.add(Capability.AGGREGATES);
        }
        query.groupBy().forEach(e -> expression(e, needed));
        condition(query.having(), needed);
        query.orders().forEach(o -> expression(o.expression(), needed));
        if (query.lock() != Lock.NONE) {
            needed.add(Capability.ROW_LOCKS);
        }
    }

    private static void condition(Condition condition, Set<Capability> needed) {
        if (condition instanceof Condition.And and) {
            and.conditions().forEach(c -> condition(c, needed));
        } else if (condition instanceof Condition.Or or) {
            or.conditions().forEach(c -> condition(c, needed));
        } else if (condition instanceof Condition.Compare compare) {
            expression(compare.left(), needed);
            expression(compare.right(), needed);
        } else if (condition instanceof Condition.In in) {
            expression(in.left(), needed);
        } else if (condition instanceof Condition.InSubquery in) {
            needed.add(Capability.SUBQUERIES);
            expression(in.left(), needed);
            query(in.subquery(), needed);
        } else if (condition instanceof Condition.Null isNull) {
            expression(isNull.expression(), needed);
        } else if (condition instanceof Condition.Between between) {
            expression(between.expression(), needed);
            expression(between.low(), needed);
            expression(between.high(), needed);
        } else if (condition instanceof Condition.Exists exists) {
            needed.add(Capability.SUBQUERIES);
            query(exists.subquery(), needed);
        } else if (condition instanceof Condition.Raw) {
            needed.add(Capability.RAW_SQL);
        }
    }

    private static void expression(Expression expression, Set<Capability> needed) {
        if (expression instanceof Expression.Aggregate aggregate) {
            needed.add(Capability.AGGREGATES);
            if (aggregate.argument() != null) {
                expression(aggregate.argument(), needed);
            }
        } else if (expression instanceof Expression.Subquery subquery) {
            needed.add(Capability.SUBQUERIES);
            query(subquery.query(), needed);
        } else if (expression instanceof Expression.Arithmetic arithmetic) {
            expression(arithmetic.left(), needed);
            expression(arithmetic.right(), needed);
        } else if (expression instanceof Expression.Raw) {
            needed.add(Capability.RAW_SQL);
        }
    }
}
