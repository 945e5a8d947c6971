package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which attributes {@code fill}/{@code create} may set, read once from a model's {@code fillable()} and
 * {@code guarded()}. Nothing declared: every attribute (so a model without declarations behaves as
 * before). A fillable set: only those. A guarded set: all but those, {@code "*"} guarding all. An
 * attribute in both is fillable (as in Laravel, the fillable list is asked first).
 */
final class MassAssignment {
    static final MassAssignment OPEN = new MassAssignment(Set.of(), Set.of());

    private final Set<String> fillable;
    private final Set<String> guarded;

    private MassAssignment(Set<String> fillable, Set<String> guarded) {
        this.fillable = fillable;
        this.guarded = guarded;
    }

    /** The declarations, each name checked against the schema so that a misspelling fails at registration. */
    static MassAssignment of(ModelType<?> type, Set<String> fillable, Set<String> guarded) {
        Set<String> f = fillable == null ? Set.of() : Set.copyOf(fillable);
        Set<String> g = guarded == null ? Set.of() : Set.copyOf(guarded);
        for (String name : f) {
            check(type, "fillable", name);
        }
        for (String name : g) {
            if (!name.equals("*")) {
                check(type, "guarded", name);
            }
        }
        return f.isEmpty() && g.isEmpty() ? OPEN : new MassAssignment(f, g);
    }

    private static void check(ModelType<?> type, String list, String name) {
        try {
            type.column(name);
        } catch (EloquentException e) {
            throw new EloquentException(list + "() of " + type.name() + ": " + e.getMessage(), e);
        }
    }

    boolean allowed(String column) {
        if (fillable.contains(column)) {
            return true;
        }
        if (guarded.contains("*") || guarded.contains(column)) {
            return false;
        }
        return fillable.isEmpty();
    }

    /**
     * Sets the allowed attributes on the model. The others are dropped, or, when {@code strict}, nothing is
     * set and the call fails naming them (names only: the values may be anything a request carried).
     */
    <M extends Model<M>> void fill(M model, Map<String, ?> values, boolean strict) {
        if (this == OPEN) {
            values.forEach(model::set);
            return;
        }
        List<String> refused = new ArrayList<>();
        values.keySet().forEach(column -> {
            if (!allowed(column)) {
                refused.add(column);
            }
        });
        if (strict && !refused.isEmpty()) {
            refused.sort(null);
            throw new MassAssignmentException(model.getClass().getSimpleName() + ": " + refused
                    + (refused.size() == 1 ? " is" : " are") + " not mass assignable; add "
                    + (refused.size() == 1 ? "it" : "them") + " to fillable() or set "
                    + (refused.size() == 1 ? "it" : "them") + " with set(...) or forceFill(...)");
        }
        values.forEach((column, value) -> {
            if (allowed(column)) {
                model.set(column, value);
            }
        });
    }
}
