package dev.eloquent.orm;

import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.EloquentException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * How a model becomes a map for JSON, read once at registration from {@link Model#hidden()},
 * {@link Model#visible()} and {@link Model#appends()}. The order is stable: declared columns in schema
 * order (all of them for a stored model, null when absent; only those set for a new one), then other attributes (an aggregate such as {@code albums_count}) in the order read, then appends,
 * then loaded relations in the order loaded, then {@code pivot}.
 */
final class ModelSerialization<M extends Model<M>> {
    private final List<String> declaredOrder;
    private final Set<String> declared;
    private final Set<String> hidden;
    /** Null: everything not hidden is shown. */
    private final Set<String> visible;
    private final List<Map.Entry<String, Function<M, Object>>> appends;

    private ModelSerialization(List<String> declaredOrder, Set<String> hidden, Set<String> visible,
                               List<Map.Entry<String, Function<M, Object>>> appends) {
        this.declaredOrder = declaredOrder;
        this.declared = Set.copyOf(declaredOrder);
        this.hidden = hidden;
        this.visible = visible;
        this.appends = appends;
    }

    static <M extends Model<M>> ModelSerialization<M> of(ModelType<M> type, M prototype) {
        List<String> order = type.spec() == null ? List.of()
                : type.spec().columns().stream().map(ColumnSpec::name).toList();
        Set<String> hidden = prototype.hidden() == null ? Set.of() : Set.copyOf(prototype.hidden());
        Set<String> visible = prototype.visible() == null ? null : Set.copyOf(prototype.visible());
        Map<String, Function<M, Object>> declaredAppends = prototype.appends() == null ? Map.of() : prototype.appends();
        List<Map.Entry<String, Function<M, Object>>> appends = new ArrayList<>(declaredAppends.entrySet());
        // Map.of iterates in an order that changes between runs: unless the map keeps an order, sort by name.
        if (!(declaredAppends instanceof LinkedHashMap) && !(declaredAppends instanceof SortedMap)) {
            appends.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        }
        Set<String> names = new HashSet<>();
        for (Map.Entry<String, Function<M, Object>> append : appends) {
            if (type.declared(append.getKey()) != null || append.getValue() == null || !names.add(append.getKey())) {
                throw new EloquentException("appends() of " + type.name() + ": " + append.getKey()
                        + " must be a new name (not a declared column) with a function");
            }
        }
        return new ModelSerialization<>(order, hidden, visible, List.copyOf(appends));
    }

    private boolean shown(String name) {
        return !hidden.contains(name) && (visible == null || visible.contains(name));
    }

    Map<String, Object> toMap(M model) {
        Map<String, Object> attributes = model.attributes();
        Map<String, Object> out = new LinkedHashMap<>();
        for (String column : declaredOrder) {
            // A stored model prints every declared column, null when its row has none (a document without the
            // field, which depends on what else a read returned), so it prints the same keys on every driver.
            if ((attributes.containsKey(column) || model.exists()) && shown(column)) {
                out.put(column, Serialization.plain(model.get(column)));
            }
        }
        for (String column : attributes.keySet()) {
            if (!declared.contains(column) && shown(column)) {
                out.put(column, Serialization.plain(model.get(column)));
            }
        }
        for (Map.Entry<String, Function<M, Object>> append : appends) {
            if (shown(append.getKey())) {
                out.put(append.getKey(), Serialization.plain(append.getValue().apply(model)));
            }
        }
        model.getRelations().forEach((name, value) -> {
            if (shown(name)) {
                out.put(name, Serialization.plain(value));
            }
        });
        Map<String, Object> pivot = model.pivot();
        if (!pivot.isEmpty() && shown("pivot")) {
            out.put("pivot", Serialization.plain(pivot));
        }
        return out;
    }
}
