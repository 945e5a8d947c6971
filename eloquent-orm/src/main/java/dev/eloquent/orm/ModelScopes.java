package dev.eloquent.orm;

import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.Condition;
import dev.eloquent.api.EloquentException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The global scopes of one model class and its soft-delete column, worked out once at registration from
 * {@link Model#globalScopes()} and {@link SoftDeletes}; {@link Eloquent#addGlobalScope} adds more later.
 * Each query turns the scopes it keeps ({@link ScopeChoice}) into conditions when it is built, so a scope
 * constrains the statement the database runs and is never a filter in memory.
 */
final class ModelScopes<M extends Model<M>> {
    /** The name of the scope that leaves trashed rows out; {@code withoutGlobalScope(SOFT_DELETES)} is {@code withTrashed()}. */
    static final String SOFT_DELETES = "softDeletes";
    /** The name of the scope {@code onlyTrashed()} puts in its place. */
    static final String ONLY_TRASHED = "onlyTrashed";

    private final String modelName;
    /** The soft-delete column; null when the model does not soft delete. */
    private final String deletedAt;
    /** Replaced whole on a change, so a query being built reads one consistent map without locking. */
    private volatile Map<String, Scope<M>> globals;

    ModelScopes(ModelType<M> type, M prototype) {
        this.modelName = type.name();
        Map<String, Scope<M>> declared = new LinkedHashMap<>();
        if (prototype instanceof SoftDeletes soft) {
            deletedAt = soft.deletedAtColumn();
            checkColumn(type, deletedAt);
            declared.put(SOFT_DELETES, query -> query.whereNull(query.reference() + "." + deletedAt));
        } else {
            deletedAt = null;
        }
        Map<String, Scope<M>> own = prototype.globalScopes();
        if (own != null) {
            own.forEach((name, scope) -> declared.put(checkName(name, scope), scope));
        }
        // Declaration order is kept, so statements read in the order the model declares its scopes.
        globals = Collections.unmodifiableMap(declared);
    }

    /** The column must be declared and nullable, or every restore and every live row would fail on write. */
    private static void checkColumn(ModelType<?> type, String column) {
        if (column == null || column.isBlank()) {
            throw new EloquentException(type.name() + " uses soft deletes: deletedAtColumn() must name a column");
        }
        if (type.spec() == null) {
            return;
        }
        ColumnSpec spec = type.declared(column);
        if (spec == null || !spec.nullable()) {
            throw new EloquentException(type.name() + " uses soft deletes: its schema needs a nullable timestamp"
                    + " column " + column + " (t.timestamp(\"" + column + "\").nullable())");
        }
    }

    private String checkName(String name, Scope<M> scope) {
        if (name == null || name.isBlank() || scope == null) {
            throw new EloquentException(modelName + ": a global scope needs a name and a scope");
        }
        if (name.equals(SOFT_DELETES) || name.equals(ONLY_TRASHED)) {
            throw new EloquentException(modelName + ": the global scope name '" + name + "' is reserved for soft deletes");
        }
        return name;
    }

    /** Adds (or replaces) a global scope registered at run time. */
    synchronized void add(String name, Scope<M> scope) {
        checkName(name, scope);
        Map<String, Scope<M>> next = new LinkedHashMap<>(globals);
        next.put(name, scope);
        globals = Collections.unmodifiableMap(next);
    }

    /** The soft-delete column, or null. */
    String deletedAt() {
        return deletedAt;
    }

    boolean softDeletes() {
        return deletedAt != null;
    }

    /** The model's soft-delete column, or an error naming the method that needs one. */
    String requireDeletedAt(String method) {
        if (deletedAt == null) {
            throw new EloquentException(method + ": " + modelName + " does not use soft deletes (implement SoftDeletes"
                    + " and declare a nullable deleted_at timestamp)");
        }
        return deletedAt;
    }

    boolean has(String name) {
        return globals.containsKey(name) || name.equals(ONLY_TRASHED) && deletedAt != null;
    }

    String names() {
        return String.join(", ", globals.keySet());
    }

    /**
     * The conditions of the scopes the query keeps, ANDed, each scope one group of its own: applied to a
     * blank builder of the same table (and alias) that shares the query's subquery sources, so a scope may
     * use whereHas or a subquery too. TRUE when no scope applies.
     */
    Condition condition(AbstractModelQuery<?, M> query, ScopeChoice choice) {
        Condition all = Condition.TRUE;
        if (globals.isEmpty() && !choice.onlyTrashed()) {
            return all; // most models: no iterator, no blank builder per query
        }
        for (Map.Entry<String, Scope<M>> scope : globals.entrySet()) {
            if (choice.keeps(scope.getKey())) {
                all = Condition.and(all, conditionOf(query, scope.getValue()));
            }
        }
        if (choice.onlyTrashed()) {
            all = Condition.and(all, conditionOf(query, q -> q.whereNotNull(q.reference() + "." + deletedAt)));
        }
        return all;
    }

    private Condition conditionOf(AbstractModelQuery<?, M> query, Scope<M> scope) {
        AbstractModelQuery<?, M> part = query.blank();
        scope.apply(part);
        return part.whereCondition();
    }
}
