package dev.eloquent.driver.mongo;

import dev.eloquent.api.Condition;
import dev.eloquent.api.Capability;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Operator;
import org.bson.BsonRegularExpression;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a {@link Condition} tree to a MongoDB query filter, one node to one operator. Every user
 * value goes in as the operand of an explicit operator ({@code $eq}, {@code $in}, ...) after
 * {@link MongoValues#toBson}, so {@code Map.of("$gt", "")} is a literal document, never an operator.
 * The filters keep SQL's three-valued meaning, so one query means the same on every driver:
 * {@code !=}, {@code not like}, {@code not in} and {@code not between} never match a null or missing
 * field. A comparison that is not "field operator value" (two columns, arithmetic) compiles to
 * {@code $expr}, with every field it reads required to be non-null.
 */
final class MongoFilters {
    private MongoFilters() {
    }

    static Document filter(Condition condition, Scope scope) {
        if (condition instanceof Condition.And and) {
            return all(and.conditions(), scope);
        }
        if (condition instanceof Condition.Or or) {
            if (or.conditions().isEmpty()) {
                return matchNothing();
            }
            if (or.conditions().size() == 1) {
                return filter(or.conditions().get(0), scope);
            }
            List<Document> alternatives = new ArrayList<>();
            or.conditions().forEach(c -> alternatives.add(filter(c, scope)));
            return new Document("$or", alternatives);
        }
        if (condition instanceof Condition.Compare compare) {
            return compare(compare, scope);
        }
        if (condition instanceof Condition.In in) {
            return in(in, scope);
        }
        if (condition instanceof Condition.Null isNull) {
            // {$eq: null} matches a missing field too: a document without the field reads as null.
            String field = field(isNull.expression(), scope);
            if (field == null) {
                throw new EloquentException("is null applies to a column or an aggregate on mongo, not to "
                        + isNull.expression());
            }
            return new Document(field, new Document(isNull.negated() ? "$ne" : "$eq", null));
        }
        if (condition instanceof Condition.Between between) {
            return between(between, scope);
        }
        if (condition instanceof Condition.InSubquery || condition instanceof Condition.Exists) {
            throw MongoConnection.unclaimed(Capability.SUBQUERIES);
        }
        if (condition instanceof Condition.Raw) {
            throw MongoConnection.unclaimed(Capability.RAW_SQL);
        }
        throw new EloquentException("the mongo compiler does not know the condition " + condition.getClass().getSimpleName());
    }

    private static Document all(List<Condition> conditions, Scope scope) {
        if (conditions.isEmpty()) {
            return new Document();
        }
        if (conditions.size() == 1) {
            return filter(conditions.get(0), scope);
        }
        List<Document> each = new ArrayList<>();
        conditions.forEach(c -> each.add(filter(c, scope)));
        return new Document("$and", each);
    }

    /** The field a column or an aggregate is held in, or null for any other expression. */
    private static String field(Expression expression, Scope scope) {
        if (expression instanceof Expression.Column column) {
            return scope.field(column);
        }
        if (expression instanceof Expression.Aggregate aggregate) {
            return scope.aggregate(aggregate);
        }
        return null;
    }

    private static Document compare(Condition.Compare compare, Scope scope) {
        Operator operator = compare.operator();
        String field = field(compare.left(), scope);
        if (field != null && compare.right() instanceof Expression.Value value) {
            return compare(field, compare.left().toString(), operator, value.value());
        }
        field = field(compare.right(), scope);
        if (field != null && compare.left() instanceof Expression.Value value
                && !operator.isLike()) {
            return compare(field, compare.right().toString(), flip(operator), value.value());
        }
        if (operator.isLike()) {
            throw new EloquentException("like on mongo compares a column with a text pattern, not "
                    + compare.left() + " with " + compare.right());
        }
        Set<String> fields = new LinkedHashSet<>();
        String context = compare.left() + " " + operator.symbol() + " " + compare.right();
        Object left = MongoExpressions.expression(compare.left(), scope, context, fields);
        Object right = MongoExpressions.expression(compare.right(), scope, context, fields);
        return expr(fields, new Document(expressionOperator(operator), List.of(left, right)));
    }

    /** {@code field operator value}, the value always the operand of an explicit operator. */
    private static Document compare(String field, String name, Operator operator, Object value) {
        if (value == null) {
            throw new EloquentException(name + " " + operator.symbol()
                    + " null compares with nothing; use whereNull or whereNotNull");
        }
        if (operator.isLike()) {
            if (!(value instanceof String pattern)) {
                throw new EloquentException(name + " " + operator.symbol() + " needs a text pattern, got a "
                        + value.getClass().getSimpleName());
            }
            BsonRegularExpression regex = like(pattern, operator.isCaseSensitive());
            return !operator.isNegatedLike()
                    ? new Document(field, new Document("$regex", new Param(regex.getPattern())).append("$options", regex.getOptions()))
                    : notNull(field, new Document("$not", new Param(regex)));
        }
        Param operand = MongoValues.operand(field, value);
        return switch (operator) {
            case EQ -> equal(field, operand);
            case NE -> notNull(field, new Document("$ne", operand));
            case LT -> new Document(field, new Document("$lt", operand));
            case LE -> new Document(field, new Document("$lte", operand));
            case GT -> new Document(field, new Document("$gt", operand));
            case GE -> new Document(field, new Document("$gte", operand));
            case LIKE, NOT_LIKE, LIKE_CASE_SENSITIVE, NOT_LIKE_CASE_SENSITIVE ->
                    throw new IllegalStateException("handled above");
        };
    }

    /**
     * {@code field = value}. A scalar (text, number, boolean, date, UUID, ObjectId, Decimal128) is written
     * {@code {field: value}}, which MongoDB defines as the same test as {@code $eq}: only a document (whose
     * keys could read as operators) or an array needs the explicit operator to stay data. The plain form is
     * also the one mongo-java-server's indexes answer (it scans every document for {@code $eq}: a find by
     * key on 10,000 documents cost 24x the raw driver's {@code Filters.eq}).
     */
    private static Document equal(String field, Param operand) {
        return operand.value() instanceof Map<?, ?> || operand.value() instanceof List<?>
                ? new Document(field, new Document("$eq", operand))
                : new Document(field, operand);
    }

    /** {@code value < column} is {@code column > value}. */
    private static Operator flip(Operator operator) {
        return switch (operator) {
            case LT -> Operator.GT;
            case LE -> Operator.GE;
            case GT -> Operator.LT;
            case GE -> Operator.LE;
            default -> operator;
        };
    }

    private static String expressionOperator(Operator operator) {
        return switch (operator) {
            case EQ -> "$eq";
            case NE -> "$ne";
            case LT -> "$lt";
            case LE -> "$lte";
            case GT -> "$gt";
            case GE -> "$gte";
            case LIKE, NOT_LIKE, LIKE_CASE_SENSITIVE, NOT_LIKE_CASE_SENSITIVE ->
                    throw new IllegalStateException("like has no $expr form here");
        };
    }

    /**
     * {@code $expr}, and each field it reads present and not null: in MongoDB's expressions null equals
     * null and sorts below every number, where SQL's comparison with NULL is unknown.
     */
    private static Document expr(Set<String> fields, Document expression) {
        List<Document> all = new ArrayList<>();
        fields.forEach(f -> all.add(new Document(f, new Document("$ne", null))));
        all.add(new Document("$expr", expression));
        return all.size() == 1 ? all.get(0) : new Document("$and", all);
    }

    private static Document in(Condition.In in, Scope scope) {
        String field = field(in.left(), scope);
        if (field == null) {
            throw new EloquentException("in applies to a column or an aggregate on mongo, not to " + in.left());
        }
        List<Object> values = new ArrayList<>(in.values().size());
        boolean hasNull = false;
        for (Object value : in.values()) {
            if (value == null) {
                hasNull = true; // SQL: x IN (.., NULL) never matches through the NULL
            } else {
                values.add(MongoValues.operand(field, value));
            }
        }
        if (in.negated()) {
            if (hasNull) {
                return matchNothing(); // x NOT IN (.., NULL) is never true in SQL
            }
            return values.isEmpty() ? new Document() : notNull(field, new Document("$nin", values));
        }
        return values.isEmpty() ? matchNothing() : new Document(field, new Document("$in", values));
    }

    private static Document between(Condition.Between between, Scope scope) {
        String field = field(between.expression(), scope);
        if (field != null && between.low() instanceof Expression.Value low && between.high() instanceof Expression.Value high) {
            String name = between.expression().toString();
            if (low.value() == null || high.value() == null) {
                throw new EloquentException(name + " between null compares with nothing; give both ends");
            }
            Param from = MongoValues.operand(field, low.value());
            Param to = MongoValues.operand(field, high.value());
            if (!between.negated()) {
                return new Document(field, new Document("$gte", from).append("$lte", to));
            }
            // $lt and $gt never match null or a missing field (MongoDB compares within a type), as in SQL.
            return new Document("$or", List.of(new Document(field, new Document("$lt", from)),
                    new Document(field, new Document("$gt", to))));
        }
        Set<String> fields = new LinkedHashSet<>();
        String context = between.expression() + " between";
        Object value = MongoExpressions.expression(between.expression(), scope, context, fields);
        Object low = MongoExpressions.expression(between.low(), scope, context, fields);
        Object high = MongoExpressions.expression(between.high(), scope, context, fields);
        Document inside = new Document("$and", List.of(new Document("$gte", List.of(value, low)),
                new Document("$lte", List.of(value, high))));
        Document outside = new Document("$or", List.of(new Document("$lt", List.of(value, low)),
                new Document("$gt", List.of(value, high))));
        return expr(fields, between.negated() ? outside : inside);
    }

    /** The operator, and the field present and not null: what SQL's three-valued logic gives. */
    private static Document notNull(String field, Document operator) {
        return new Document("$and", List.of(new Document(field, operator),
                new Document(field, new Document("$ne", null))));
    }

    static Document matchNothing() {
        return new Document(MongoValues.ID, new Document("$in", List.of()));
    }

    /**
     * A LIKE pattern as an anchored regular expression: % is any run of characters, _ exactly one, and
     * everything else is quoted, so a pattern can never smuggle in regex syntax. Case-insensitive, as
     * MySQL's default collation and the SQLite driver are for ASCII.
     */
    static BsonRegularExpression like(String pattern) {
        return like(pattern, false);
    }

    /** The like pattern as an anchored regular expression; case-insensitive ({@code i}) unless asked. */
    static BsonRegularExpression like(String pattern, boolean caseSensitive) {
        StringBuilder regex = new StringBuilder("^");
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '%' || c == '_') {
                regex.append(quote(literal));
                literal.setLength(0);
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        regex.append(quote(literal)).append('$');
        return new BsonRegularExpression(regex.toString(), caseSensitive ? "s" : "is");
    }

    private static String quote(CharSequence literal) {
        StringBuilder quoted = new StringBuilder();
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c < 128 && !Character.isLetterOrDigit(c) && c != ' ') { // beyond ASCII, PCRE reads every character literally
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.toString();
    }
}
