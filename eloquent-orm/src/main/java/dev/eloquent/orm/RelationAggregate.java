package dev.eloquent.orm;


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
    private final String selected;
    private final String alias;

    RelationAggregate(Relation<?, ?, ?, ?> relation, String selected, String alias) {
        this.relation = relation;
        this.selected = selected;
        this.alias = alias;
    }

    @SuppressWarnings("unchecked")
    <M extends Model<M>> void loadInto(List<M> models) {
        Relation<M, ?, ?, ?> query = (Relation<M, ?, ?, ?>) relation;
        Map<Object, List<M>> byValue = RelationKeys.group(models, query::parentValue);
        Map<Object, Object> results = new HashMap<>();
        if (!byValue.isEmpty()) {
            int room = Math.max(1, query.connection().parameterLimit() - BoundValues.count(query.unconstrained()));
            for (List<Object> chunk : RelationKeys.chunks(new ArrayList<>(byValue.keySet()), room)) {
                results.putAll(query.clone().forParentValues(chunk).aggregateByParent(selected));
            }
        }
        for (M model : models) {
            Object value = RelationKeys.normalize(query.parentValue(model));
            model.putLoaded(alias, value == null ? null : results.get(value));
        }
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
