package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;

import java.math.BigDecimal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A relation aggregate ({@code withCount}, {@code withSum}, ...) that cannot be a correlated subquery
 * (the relation is on another connection, or on MongoDB): after the parents are read, one grouped query per
 * chunk of their values ({@code select related, count(*) ... where related in (...) group by related}), and
 * the results are put on the parents in memory.
 */
final class RelationAggregate {
    private final Relation<?, ?, ?, ?> relation;
    private final String function;
    private final String selected;
    private final String alias;

    RelationAggregate(Relation<?, ?, ?, ?> relation, String function, String selected, String alias) {
        this.relation = relation;
        this.function = function;
        this.selected = selected;
        this.alias = alias;
    }

    @SuppressWarnings("unchecked")
    <M extends Model<M>> void loadInto(List<M> models) {
        Relation<M, ?, ?, ?> query = (Relation<M, ?, ?, ?>) relation;
        Map<Object, List<M>> byValue = RelationKeys.group(models, query::parentValue);
        Map<Object, Object> results = new HashMap<>();
        if (!byValue.isEmpty()) {
            int room = BoundValues.room(query.connection(), query.unconstrained());
            for (List<Object> chunk : RelationKeys.chunks(new ArrayList<>(byValue.keySet()), room)) {
                // By related value; a through relation without joins groups by an intermediate key, which
                // parentOfRelatedValue turns into its parent's, so several groups may add up to one parent.
                query.clone().forParentValues(chunk).aggregateByParent(selected).forEach((value, aggregate) -> {
                    Object parent = query.parentOfRelatedValue(value);
                    if (parent != null) {
                        results.merge(parent, aggregate, this::combine);
                    }
                });
            }
        }
        for (M model : models) {
            Object value = RelationKeys.normalize(query.parentValue(model));
            model.putLoaded(alias, value == null ? null : results.get(value));
        }
    }

    /**
     * Two groups' results for one parent (a through relation without joins groups by intermediate key):
     * counts and sums add up, minimums and maximums compare; nulls (no rows) give way.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object combine(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return switch (function) {
            case "min" -> ((Comparable) normalizedNumber(a)).compareTo(normalizedNumber(b)) <= 0 ? a : b;
            case "max" -> ((Comparable) normalizedNumber(a)).compareTo(normalizedNumber(b)) >= 0 ? a : b;
            default -> {
                if (a instanceof Number x && b instanceof Number y) {
                    BigDecimal sum = new BigDecimal(x.toString()).add(new BigDecimal(y.toString()));
                    yield (a instanceof Long || a instanceof Integer) && (b instanceof Long || b instanceof Integer)
                            ? (Object) sum.longValueExact() : sum;
                }
                throw new EloquentException("with" + function + " adds up numbers only");
            }
        };
    }

    /** Numbers compare as decimals whatever their Java types; other values (dates, text) as they are. */
    private static Object normalizedNumber(Object value) {
        return value instanceof Number number ? new BigDecimal(number.toString()) : value;
    }

    /**
     * Gives counts one Java type on every path and driver (a Long, 0 when nothing is related) and exists a
     * Boolean; sums and the rest keep the database's type, null when nothing is related.
     */
    static <M extends Model<M>> void normalize(List<M> models, Map<String, String> aliases) {
        if (aliases.isEmpty()) {
            return;
        }
        for (M model : models) {
            aliases.forEach((alias, function) -> {
                Object value = model.get(alias);
                if (function.equals("count")) {
                    model.putLoaded(alias, value == null ? 0L : ((Number) value).longValue());
                } else if (function.equals("exists")) {
                    model.putLoaded(alias, value != null && ((Number) value).longValue() > 0);
                }
            });
        }
    }
}
