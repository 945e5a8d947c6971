package dev.eloquent.orm;

import dev.eloquent.api.Condition;
import dev.eloquent.api.Expression;

import java.util.stream.Collectors;

/**
 * Conditions as text for error messages, with every value left out: where values may be secrets, and
 * the records' own {@code toString} would print the values of an {@code In}.
 */
final class Describe {
    private Describe() {
    }

    static String condition(Condition condition) {
        if (condition instanceof Condition.And and) {
            return and.conditions().isEmpty() ? "(no conditions)" : join(and, " and ");
        }
        if (condition instanceof Condition.Or or) {
            return or.conditions().isEmpty() ? "(nothing)" : join(or, " or ");
        }
        if (condition instanceof Condition.Compare c) {
            return expression(c.left()) + " " + c.operator().symbol() + " " + expression(c.right());
        }
        if (condition instanceof Condition.In in) {
            return expression(in.left()) + (in.negated() ? " not in (...)" : " in (...)");
        }
        if (condition instanceof Condition.InSubquery in) {
            return expression(in.left()) + (in.negated() ? " not in (subquery)" : " in (subquery)");
        }
        if (condition instanceof Condition.Null n) {
            return expression(n.expression()) + (n.negated() ? " is not null" : " is null");
        }
        if (condition instanceof Condition.Between b) {
            return expression(b.expression()) + (b.negated() ? " not between ? and ?" : " between ? and ?");
        }
        if (condition instanceof Condition.Exists e) {
            return (e.negated() ? "not exists" : "exists") + " (subquery)";
        }
        if (condition instanceof Condition.Raw raw) {
            return (raw.negated() ? "not " : "") + "(" + raw.sql() + ")";
        }
        return condition.getClass().getSimpleName();
    }

    /** Expressions print without values already ({@link Expression.Value} prints {@code ?}). */
    static String expression(Expression expression) {
        return expression.toString();
    }

    private static String join(Condition node, String separator) {
        var children = node instanceof Condition.And and ? and.conditions() : ((Condition.Or) node).conditions();
        return children.stream().map(c -> c instanceof Condition.And || c instanceof Condition.Or
                ? "(" + condition(c) + ")" : condition(c)).collect(Collectors.joining(separator));
    }
}
