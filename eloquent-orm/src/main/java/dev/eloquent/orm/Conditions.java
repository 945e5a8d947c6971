package dev.eloquent.orm;

import dev.eloquent.api.Condition;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Operator;

/** Small rules shared by where, having and join conditions. */
final class Conditions {
    private Conditions() {
    }

    /**
     * A comparison with null: {@code = null} is {@code IS NULL} and {@code != null} is {@code IS NOT NULL}
     * (what Laravel does); any other operator with null matches nothing in SQL, so it is refused rather
     * than silently returning no rows.
     */
    static Condition nullCheck(Expression left, Operator operator) {
        if (operator == Operator.EQ) {
            return new Condition.Null(left, false);
        }
        if (operator == Operator.NE) {
            return new Condition.Null(left, true);
        }
        throw new EloquentException("'" + left + " " + operator.symbol() + " null' matches nothing: null compares only"
                + " with = or != (or use whereNull / whereNotNull)");
    }
}
