package dev.eloquent.orm;

import java.util.HashSet;
import java.util.Set;

/**
 * Which global scopes one query keeps: all by default, minus those removed by name
 * ({@code withoutGlobalScope}) or all of them ({@code withoutGlobalScopes}); {@code onlyTrashed} swaps
 * the soft-delete scope for its opposite. Immutable, so a cloned query shares it safely.
 */
record ScopeChoice(boolean none, Set<String> removed, boolean onlyTrashed) {
    static final ScopeChoice ALL = new ScopeChoice(false, Set.of(), false);

    boolean keeps(String name) {
        return !none && !removed.contains(name);
    }

    ScopeChoice without(String name) {
        Set<String> names = new HashSet<>(removed);
        names.add(name);
        return new ScopeChoice(none, Set.copyOf(names), onlyTrashed && !name.equals(ModelScopes.ONLY_TRASHED));
    }

    /** Lifts every global scope; an {@code onlyTrashed()} asked for stays, since it is the caller's own filter. */
    ScopeChoice withoutAll() {
        return new ScopeChoice(true, removed, onlyTrashed);
    }

    ScopeChoice trashedOnly() {
        return without(ModelScopes.SOFT_DELETES).withOnlyTrashed();
    }

    private ScopeChoice withOnlyTrashed() {
        return new ScopeChoice(none, removed, true);
    }
}
