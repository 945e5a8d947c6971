package dev.eloquent.orm;

import dev.eloquent.api.Condition;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Operator;

import java.util.function.Function;

/**
 * The {@code ON} conditions of a join: {@code join("albums", j -> j.on("albums.artist_id", "=", "artists.id")
 * .where("albums.year", ">", 2000))}. Conditions combine as a where's do (and binds tighter than or).
 */
public final class JoinClause {
    private final Function<String, Expression.Column> columns;
    private final Clauses<Condition> conditions = new Clauses<>();

    JoinClause(Function<String, Expression.Column> columns) {
        this.columns = columns;
    }

    /** {@code first operator second}, two columns. */
    public JoinClause on(String first, String operator, String second) {
        conditions.add(false, compareColumns(first, operator, second));
        return this;
    }

    public JoinClause orOn(String first, String operator, String second) {
        conditions.add(true, compareColumns(first, operator, second));
        return this;
    }

    /** {@code column operator value}, the value bound. */
    public JoinClause where(String column, String operator, Object value) {
        conditions.add(false, compareValue(column, operator, value));
        return this;
    }

    public JoinClause where(String column, Object value) {
        return where(column, "=", value);
    }

    public JoinClause orWhere(String column, String operator, Object value) {
        conditions.add(true, compareValue(column, operator, value));
        return this;
    }

    Condition condition() {
        return conditions.build(Function.identity());
    }

    private Condition compareColumns(String first, String operator, String second) {
        return new Condition.Compare(columns.apply(first), Operator.parse(operator), columns.apply(second));
    }

    private Condition compareValue(String column, String operator, Object value) {
        Operator op = Operator.parse(operator);
        Expression.Column left = columns.apply(column);
        if (value == null) {
            return Conditions.nullCheck(left, op);
        }
        if (value instanceof QueryBuilder<?, ?>) {
            throw new EloquentException("join where on " + column + " takes a value; use on(...) to compare columns");
        }
        return new Condition.Compare(left, op, Expression.value(value));
    }
}
