package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The relations to load with a query's results, as a tree: {@code with("albums.tracks", "albums.artist")}
 * is {@code albums} with two children. Each node keeps the constraints given for it; the nodes of one
 * level are loaded one query each (per chunk of keys), whatever the number of parents.
 */
final class EagerLoads {
    private static final class Node {
        final List<Consumer<AbstractModelQuery<?, ?>>> constraints = new ArrayList<>();
        final EagerLoads children = new EagerLoads();
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();

    /** Adds a dotted path; the constraint, if any, applies to its last relation. */
    void add(String path, Consumer<AbstractModelQuery<?, ?>> constraint) {
        if (path == null || path.isBlank()) {
            throw new EloquentException("with(...) needs a relation name, such as \"albums\" or \"albums.tracks\"");
        }
        EagerLoads level = this;
        Node node = null;
        for (String name : path.trim().split("\\.", -1)) {
            if (name.isBlank()) {
                throw new EloquentException("relation path '" + path + "' has an empty name: write it as \"a.b\"");
            }
            node = level.nodes.computeIfAbsent(name, n -> new Node());
            level = node.children;
        }
        if (constraint != null) {
            node.constraints.add(constraint);
        }
    }

    boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** Adds the other tree's paths and constraints to this one. */
    void merge(EagerLoads other) {
        other.nodes.forEach((name, theirs) -> {
            Node mine = nodes.computeIfAbsent(name, n -> new Node());
            mine.constraints.addAll(theirs.constraints);
            mine.children.merge(theirs.children);
        });
    }

    EagerLoads copy() {
        EagerLoads copy = new EagerLoads();
        copy.merge(this);
        return copy;
    }

    /**
     * Loads every relation of the tree onto the models, which are of one class: one query per relation
     * (per chunk of keys), the next level on everything the previous one loaded.
     */
    <M extends Model<M>> void loadInto(List<M> models) {
        if (models.isEmpty() || nodes.isEmpty()) {
            return;
        }
        M first = models.get(0);
        for (M model : models) {
            if (model.getClass() != first.getClass()) {
                throw new EloquentException("relations load onto models of one class: " + first.getClass().getSimpleName()
                        + " and " + model.getClass().getSimpleName() + " were given together");
            }
        }
        ModelType<M> type = first.type();
        nodes.forEach((name, node) -> {
            EagerRelation<M> relation = type.relations().eager(first, name);
            Consumer<AbstractModelQuery<?, ?>> constraint = query -> node.constraints.forEach(c -> c.accept(query));
            relation.eagerLoad(models, name, constraint, node.children);
        });
    }
}
