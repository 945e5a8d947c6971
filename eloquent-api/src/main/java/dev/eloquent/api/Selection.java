package dev.eloquent.api;

import java.util.Objects;

/** One selected expression of a {@link Query} and the name it is returned under (null: the driver's own). */
public record Selection(Expression expression, String alias) {
    public Selection {
        Objects.requireNonNull(expression, "expression");
        if (alias != null) {
            Identifiers.check(alias, "alias");
        }
    }

    public static Selection of(Expression expression) {
        return new Selection(expression, null);
    }

    /** The column a result row holds this selection under: the alias, else the column's name. */
    public String resultName() {
        if (alias != null) {
            return alias;
        }
        return expression instanceof Expression.Column column ? column.name() : null;
    }
}
