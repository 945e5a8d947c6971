package dev.eloquent.driver.mongo;

import dev.eloquent.api.Capability;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import org.bson.Document;

import java.util.List;
import java.util.Set;

/**
 * Compiles an {@link Expression} to MongoDB's aggregation expression language, for {@code $expr}
 * filters, computed selections, group keys, accumulators and computed sort keys. A column is its field
 * path ({@code "$price"}); a value is always wrapped in {@code $literal}, so a string such as
 * {@code "$price"} or a map such as {@code {$gt: ""}} stays data.
 */
final class MongoExpressions {
    private MongoExpressions() {
    }

    /**
     * The expression; {@code fields} collects the field of every column and aggregate it reads, so that a
     * comparison can require them to be non-null, as SQL's three-valued logic does.
     */
    static Object expression(Expression expression, Scope scope, String context, Set<String> fields) {
        if (expression instanceof Expression.Column column) {
            String field = scope.field(column);
            fields.add(field);
            return "$" + field;
        }
        if (expression instanceof Expression.Value value) {
            if (value.value() == null) {
                throw new EloquentException(context + ": a null value compares with nothing; use whereNull or whereNotNull");
            }
            return new Document("$literal", MongoValues.operand(context, value.value()));
        }
        if (expression instanceof Expression.Aggregate aggregate) {
            String field = scope.aggregate(aggregate);
            fields.add(field);
            return "$" + field;
        }
        if (expression instanceof Expression.Arithmetic arithmetic) {
            String operator = switch (arithmetic.operator()) {
                case ADD -> "$add";
                case SUBTRACT -> "$subtract";
                case MULTIPLY -> "$multiply";
                case DIVIDE -> "$divide";
            };
            return new Document(operator, List.of(expression(arithmetic.left(), scope, context, fields),
                    expression(arithmetic.right(), scope, context, fields)));
        }
        if (expression instanceof Expression.Random) {
            return new Document("$rand", new Document());
        }
        throw unsupported(expression);
    }

    static EloquentException unsupported(Expression expression) {
        if (expression instanceof Expression.Subquery) {
            return MongoConnection.unclaimed(Capability.SUBQUERIES);
        }
        if (expression instanceof Expression.Raw) {
            return MongoConnection.unclaimed(Capability.RAW_SQL);
        }
        return new EloquentException("the mongo compiler does not know the expression "
                + expression.getClass().getSimpleName());
    }
}
