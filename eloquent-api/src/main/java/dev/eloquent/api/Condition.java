package dev.eloquent.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A predicate tree: {@link And} and {@link Or} nodes over leaves. Precedence is decided once, by whoever
 * builds the tree (the ORM's builder); compilers translate it one to one. Negation lives on the leaves
 * ({@link #negate()} pushes it down by De Morgan's laws, which hold in SQL's three-valued logic), so
 * every compiler keeps SQL's meaning: a NULL satisfies neither {@code x = 1} nor {@code x <> 1}.
 * Values are data, whatever their shape: drivers bind them, never read operators out of them.
 */
public sealed interface Condition {
    /** The condition that matches everything: an empty {@link And}. */
    And TRUE = new And(List.of());

    /** The same condition with its meaning inverted, negation pushed down to the leaves. */
    Condition negate();

    /** Every condition must hold; an empty list holds always. */
    record And(List<Condition> conditions) implements Condition {
        public And {
            conditions = List.copyOf(conditions);
        }

        @Override
        public Condition negate() {
            return new Or(conditions.stream().map(Condition::negate).toList());
        }
    }

    /** At least one condition must hold; an empty list holds never. */
    record Or(List<Condition> conditions) implements Condition {
        public Or {
            conditions = List.copyOf(conditions);
        }

        @Override
        public Condition negate() {
            return new And(conditions.stream().map(Condition::negate).toList());
        }
    }

    /**
     * {@code left operator right}. Comparing with a null value is not this node's job: the builder turns
     * {@code where(x, null)} into {@link Null}, and a compiler refuses a {@code Value(null)} operand.
     */
    record Compare(Expression left, Operator operator, Expression right) implements Condition {
        public Compare {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public Condition negate() {
            return new Compare(left, operator.negate(), right);
        }
    }

    /** {@code left IN (values)} or {@code NOT IN}; an empty list matches nothing (everything when negated). */
    record In(Expression left, List<Object> values, boolean negated) implements Condition {
        public In {
            Objects.requireNonNull(left, "left");
            values = Lists.copy(values);
        }

        @Override
        public Condition negate() {
            return new In(left, values, !negated);
        }

        /** Without the values: they may be personal data or secrets, and toString ends up in logs. */
        @Override
        public String toString() {
            return "In[" + left + (negated ? " not in " : " in ") + values.size() + " values]";
        }
    }

    /** {@code left IN (subquery)} or {@code NOT IN}; the subquery returns one column. */
    record InSubquery(Expression left, Query subquery, boolean negated) implements Condition {
        public InSubquery {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(subquery, "subquery");
        }

        @Override
        public Condition negate() {
            return new InSubquery(left, subquery, !negated);
        }
    }

    /** {@code expression IS NULL} or {@code IS NOT NULL}; on MongoDB a missing field counts as null. */
    record Null(Expression expression, boolean negated) implements Condition {
        public Null {
            Objects.requireNonNull(expression, "expression");
        }

        @Override
        public Condition negate() {
            return new Null(expression, !negated);
        }
    }

    /** {@code expression BETWEEN low AND high} (both ends included) or {@code NOT BETWEEN}. */
    record Between(Expression expression, Expression low, Expression high, boolean negated) implements Condition {
        public Between {
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
        }

        @Override
        public Condition negate() {
            return new Between(expression, low, high, !negated);
        }
    }

    /** {@code EXISTS (subquery)} or {@code NOT EXISTS}. */
    record Exists(Query subquery, boolean negated) implements Condition {
        public Exists {
            Objects.requireNonNull(subquery, "subquery");
        }

        @Override
        public Condition negate() {
            return new Exists(subquery, !negated);
        }
    }

    /** SQL text with {@code ?} bindings, optionally as {@code NOT (sql)}; SQL connections only. */
    record Raw(String sql, List<Object> bindings, boolean negated) implements Condition {
        public Raw {
            Expression.Raw.check(sql);
            bindings = Lists.copy(bindings);
        }

        @Override
        public Condition negate() {
            return new Raw(sql, bindings, !negated);
        }

        /** The SQL text and how many bindings, never their values. */
        @Override
        public String toString() {
            return "Raw[" + (negated ? "not " : "") + sql + ", " + bindings.size() + " bindings]";
        }
    }

    // ---- building ----

    /** {@code a AND b}, flattening nested {@link And}s and dropping {@link #TRUE}. */
    static Condition and(Condition a, Condition b) {
        List<Condition> all = new ArrayList<>();
        addFlat(all, a, And.class);
        addFlat(all, b, And.class);
        return all.size() == 1 ? all.get(0) : new And(all);
    }

    /**
     * {@code a OR b}, flattening nested {@link Or}s. An empty side ({@link #TRUE}, meaning "no conditions
     * yet") is dropped, as a builder's first {@code orWhere} is a plain {@code where}.
     */
    static Condition or(Condition a, Condition b) {
        List<Condition> all = new ArrayList<>();
        addFlat(all, a, Or.class);
        addFlat(all, b, Or.class);
        if (all.isEmpty()) {
            return TRUE; // still no conditions: an empty Or would match nothing
        }
        return all.size() == 1 ? all.get(0) : new Or(all);
    }

    private static void addFlat(List<Condition> all, Condition condition, Class<?> kind) {
        if (condition instanceof And and && and.conditions().isEmpty()) {
            return; // no conditions yet: nothing to add on either side
        }
        if (kind == And.class && condition instanceof And and) {
            all.addAll(and.conditions());
        } else if (kind == Or.class && condition instanceof Or or) {
            all.addAll(or.conditions());
        } else {
            all.add(condition);
        }
    }

    /** Whether this is {@link #TRUE} (an empty {@link And}): no WHERE clause at all. */
    default boolean isTrue() {
        return this instanceof And and && and.conditions().isEmpty();
    }
}
