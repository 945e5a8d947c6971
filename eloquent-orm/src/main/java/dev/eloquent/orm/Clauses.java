package dev.eloquent.orm;

import dev.eloquent.api.Condition;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The conditions of a where, having or join clause in the order they were added, each joined to the
 * ones before it by {@code and} or {@code or}. {@link #build} turns the sequence into a tree with SQL's
 * precedence ({@code and} binds tighter than {@code or}), which is how Laravel's flat SQL reads: {@code
 * where(a).orWhere(b).where(c)} means {@code a or (b and c)}, and {@code where(a).where(b).orWhere(c)}
 * means {@code (a and b) or c}. A group (a closure) is one item, so it stays a group; a scope added
 * later ANDs with the whole tree, never regrouping it.
 *
 * @param <T> what an item is before resolution: a {@link Condition}, or a having term whose aliases are
 *            resolved only when the query is built (selections may be added after the having)
 */
final class Clauses<T> {
    private record Entry<T>(boolean or, T item) {
    }

    private final List<Entry<T>> entries = new ArrayList<>();

    void add(boolean or, T item) {
        entries.add(new Entry<>(or, item));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    Clauses<T> copy() {
        Clauses<T> copy = new Clauses<>();
        copy.entries.addAll(entries);
        return copy;
    }

    /** The tree: runs of and-joined items, or-ed together. */
    Condition build(Function<T, Condition> resolve) {
        Condition any = null;
        Condition run = Condition.TRUE;
        for (Entry<T> entry : entries) {
            Condition condition = resolve.apply(entry.item());
            if (entry.or() && any == null && run.isTrue()) {
                run = condition; // a leading orWhere is a plain where
            } else if (entry.or()) {
                any = any == null ? run : Condition.or(any, run);
                run = condition;
            } else {
                run = Condition.and(run, condition);
            }
        }
        if (any == null) {
            return run;
        }
        return Condition.or(any, run);
    }
}
