package dev.eloquent.driver.mongo;

import dev.eloquent.api.Condition;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Order;
import dev.eloquent.api.Query;
import dev.eloquent.api.Where;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles the neutral {@link Query} to a MongoDB filter and sort. Every user value goes in as the
 * operand of an explicit operator ({@code $eq}, {@code $in}, ...) after {@link MongoValues#toBson}, so a
 * value such as {@code Map.of("$gt", "")} is a literal document, never an operator. The filters follow
 * SQL's semantics so that one query means the same on every driver: {@code !=}, {@code not like} and
 * {@code not in} never match a null or missing field, as NULL never satisfies them in SQL.
 */
final class MongoQueries {
    private MongoQueries() {
    }

    static Bson filter(Query query) {
        return wheres(query.wheres());
    }

    static Bson sort(Query query) {
        Document sort = new Document();
        for (Order order : query.orders()) {
            sort.append(order.column(), order.descending() ? -1 : 1);
        }
        return sort;
    }

    /** SQL precedence: AND binds tighter than OR, so {@code a and b or c} is {@code (a and b) or c}. */
    private static Document wheres(List<Where> wheres) {
        List<List<Document>> alternatives = new ArrayList<>();
        for (Where where : wheres) {
            if (alternatives.isEmpty() || where.or()) {
                alternatives.add(new ArrayList<>());
            }
            alternatives.get(alternatives.size() - 1).add(condition(where.condition()));
        }
        if (alternatives.isEmpty()) {
            return new Document();
        }
        List<Document> ors = new ArrayList<>();
        for (List<Document> all : alternatives) {
            ors.add(all.size() == 1 ? all.get(0) : new Document("$and", all));
        }
        return ors.size() == 1 ? ors.get(0) : new Document("$or", ors);
    }

    private static Document condition(Condition condition) {
        if (condition instanceof Condition.Compare compare) {
            return compare(compare);
        }
        if (condition instanceof Condition.In in) {
            String field = in.column();
            if (in.values().isEmpty()) {
                return in.negated() ? new Document() : matchNothing();
            }
            List<Object> values = new ArrayList<>(in.values().size());
            for (Object value : in.values()) {
                values.add(operand(field, value));
            }
            return in.negated() ? notNull(field, new Document("$nin", values))
                    : new Document(field, new Document("$in", values));
        }
        if (condition instanceof Condition.Null isNull) {
            // {$eq: null} matches a missing field too: a document without the field reads as null.
            return new Document(isNull.column(), new Document(isNull.negated() ? "$ne" : "$eq", null));
        }
        if (condition instanceof Condition.Group group) {
            return wheres(group.wheres());
        }
        throw new EloquentException("unknown condition " + condition.getClass().getSimpleName());
    }

    private static Document compare(Condition.Compare compare) {
        String field = compare.column();
        Object value = compare.value();
        if (value == null) {
            return switch (compare.operator()) {
                case EQ -> new Document(field, new Document("$eq", null));
                case NE -> new Document(field, new Document("$ne", null));
                default -> throw new EloquentException(field + " " + compare.operator().symbol()
                        + " null compares with nothing; use whereNull or whereNotNull");
            };
        }
        Object operand = operand(field, value);
        return switch (compare.operator()) {
            case EQ -> new Document(field, new Document("$eq", operand));
            case NE -> notNull(field, new Document("$ne", operand));
            case LT -> new Document(field, new Document("$lt", operand));
            case LE -> new Document(field, new Document("$lte", operand));
            case GT -> new Document(field, new Document("$gt", operand));
            case GE -> new Document(field, new Document("$gte", operand));
            case LIKE -> new Document(field, like((String) value));
            case NOT_LIKE -> notNull(field, new Document("$not", like((String) value)));
        };
    }

    private static Object operand(String field, Object value) {
        return MongoValues.ID.equals(field) ? MongoValues.objectId(value) : MongoValues.toBson(field, value);
    }

    /** The operator, and the field present and not null: what SQL's three-valued logic gives. */
    private static Document notNull(String field, Document operator) {
        return new Document("$and", List.of(new Document(field, operator),
                new Document(field, new Document("$ne", null))));
    }

    private static Document matchNothing() {
        return new Document(MongoValues.ID, new Document("$in", List.of()));
    }

    /**
     * A LIKE pattern as an anchored regular expression: % is any run of characters, _ exactly one, and
     * everything else is quoted, so a pattern can never smuggle in regex syntax. Case-insensitive, as
     * MySQL's default collation and the SQLite driver are for ASCII.
     */
    static org.bson.BsonRegularExpression like(String pattern) {
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
        return new org.bson.BsonRegularExpression(regex.toString(), "is");
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

    /** The values of an update as a {@code $set} document (a {@code $set} operand is always data). */
    static Document set(Map<String, ?> values) {
        Document set = new Document();
        values.forEach((field, value) -> set.append(field, MongoValues.ID.equals(field)
                ? MongoValues.objectId(value) : MongoValues.toBson(field, value)));
        return new Document("$set", set);
    }
}
