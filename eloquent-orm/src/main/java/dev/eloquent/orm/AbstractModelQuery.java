package dev.eloquent.orm;

import dev.eloquent.api.Condition;
import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.Cursor;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Query;
import dev.eloquent.api.TableRef;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What every query of one model class shares, whether it is a plain {@link ModelQuery} or a
 * {@link Relation}'s query. The query builder of one model class: {@code db.query(User.class).where("age", ">=", 18).orderBy("name").limit(20).get()}.
 * Rows are models. The model's own columns (unqualified, or qualified with its table) are checked against
 * its schema as they are named and values compared with or written to them are cast to the column's type;
 * columns of joined tables are named {@code table.column} and checked for spelling only.
 */
public abstract class AbstractModelQuery<Q extends AbstractModelQuery<Q, M>, M extends Model<M>> extends QueryBuilder<Q, M> {
    final ModelType<M> type;
    /** The relations to load with the results. */
    private EagerLoads eagerLoads = new EagerLoads();
    /** Relation aggregates that run as a second query after the read (across connections, on MongoDB). */
    private List<RelationAggregate> lateAggregates = new ArrayList<>();
    /** Every relation aggregate's alias and function, to give counts and exists one Java type on all paths. */
    private Map<String, String> aggregateAliases = new LinkedHashMap<>();
    /** The global scopes this query keeps (immutable, so clones share it). */
    private ScopeChoice scopeChoice = ScopeChoice.ALL;

    AbstractModelQuery(Eloquent db, ModelType<M> type) {
        super(db, TableRef.table(type.table()));
        this.type = type;
    }

    // ---- eager loading ----

    /**
     * Loads these relations with the results, one query per relation (per chunk of keys) whatever the
     * number of rows: {@code with("albums", "albums.tracks", "manager")}.
     */
    public Q with(String... relations) {
        for (String relation : relations) {
            eagerLoads.add(relation, null);
        }
        return self();
    }

    /** Loads the relation with the results, its query constrained: {@code with("albums", q -> q.where("released", ">", 1970))}. */
    public Q with(String relation, Consumer<AbstractModelQuery<?, ?>> constraint) {
        eagerLoads.add(relation, constraint);
        return self();
    }

    /** Loads the relation with the results, named by its method: {@code with(Artist::albums)}. */
    public Q with(Function<M, ? extends Relationship<?>> relation) {
        return with(relationName(relation), (Consumer<AbstractModelQuery<?, ?>>) null);
    }

    private String relationName(Function<M, ? extends Relationship<?>> relation) {
        M prototype = prototype();
        return type.relations().nameOf(prototype, relation.apply(prototype));
    }

    /** An unsaved model of the class bound to this query's instance: what relations are asked of to build queries. */
    M prototype() {
        M model = type.newInstance();
        model.bind(db, type);
        return model;
    }

    /** The relations to load, taken out of this query (eager loading then runs them once for all its chunks). */
    EagerLoads takeEagerLoads() {
        EagerLoads taken = eagerLoads;
        eagerLoads = new EagerLoads();
        return taken;
    }

    @Override
    List<M> read(dev.eloquent.api.Query query) {
        List<M> models = readWithoutRelations(query);
        markLoadedTogether(models);
        eagerLoads.loadInto(models);
        lateAggregates.forEach(aggregate -> aggregate.loadInto(models));
        RelationAggregate.normalize(models, aggregateAliases);
        return models;
    }

    /** The rows as models, with no relation loaded. */
    List<M> readWithoutRelations(dev.eloquent.api.Query query) {
        return super.read(query);
    }

    /** Models read together by one query: lazy loading a relation of one of them is the N+1 the guard stops. */
    static <T extends Model<T>> void markLoadedTogether(List<T> models) {
        if (models.size() > 1) {
            models.forEach(Model::markLoadedTogether);
        }
    }

    @Override
    public Q clone() {
        Q copy = super.clone();
        AbstractModelQuery<Q, M> query = copy;
        query.eagerLoads = eagerLoads.copy();
        query.lateAggregates = new ArrayList<>(lateAggregates);
        query.aggregateAliases = new LinkedHashMap<>(aggregateAliases);
        return copy;
    }

    // ---- relation existence ----

    /** Rows with at least one related row: {@code has("albums")}; a dotted path for nested relations. */
    public Q has(String relation) {
        return RelationConditions.has(self(), false, relation, ">=", 1, null);
    }

    /** Rows with a number of related rows: {@code has("albums", ">=", 2)}. */
    public Q has(String relation, String operator, int count) {
        return RelationConditions.has(self(), false, relation, operator, count, null);
    }

    /** Rows with at least one related row matching the constraint. */
    public Q whereHas(String relation, Consumer<AbstractModelQuery<?, ?>> constraint) {
        return RelationConditions.has(self(), false, relation, ">=", 1, constraint);
    }

    /** Rows with a number of related rows matching the constraint. */
    public Q whereHas(String relation, Consumer<AbstractModelQuery<?, ?>> constraint, String operator, int count) {
        return RelationConditions.has(self(), false, relation, operator, count, constraint);
    }

    public Q orHas(String relation) {
        return RelationConditions.has(self(), true, relation, ">=", 1, null);
    }

    public Q orWhereHas(String relation, Consumer<AbstractModelQuery<?, ?>> constraint) {
        return RelationConditions.has(self(), true, relation, ">=", 1, constraint);
    }

    /** Rows without any related row. */
    public Q doesntHave(String relation) {
        return RelationConditions.has(self(), false, relation, "<", 1, null);
    }

    /** Rows without a related row matching the constraint. */
    public Q whereDoesntHave(String relation, Consumer<AbstractModelQuery<?, ?>> constraint) {
        return RelationConditions.has(self(), false, relation, "<", 1, constraint);
    }

    public Q orDoesntHave(String relation) {
        return RelationConditions.has(self(), true, relation, "<", 1, null);
    }

    public Q orWhereDoesntHave(String relation, Consumer<AbstractModelQuery<?, ?>> constraint) {
        return RelationConditions.has(self(), true, relation, "<", 1, constraint);
    }

    /** Rows with a related row whose column compares so: {@code whereRelation("albums", "released", "<", 1970)}. */
    public Q whereRelation(String relation, String column, String operator, Object value) {
        return whereHas(relation, query -> query.where(column, operator, value));
    }

    public Q whereRelation(String relation, String column, Object value) {
        return whereRelation(relation, column, "=", value);
    }

    public Q orWhereRelation(String relation, String column, String operator, Object value) {
        return orWhereHas(relation, query -> query.where(column, operator, value));
    }

    /**
     * Rows whose morphTo parent is of one of these classes and matches the constraint (null: any):
     * {@code whereHasMorph("commentable", List.of(Album.class, Track.class), q -> q.where("title", "like", "K%"))}.
     * The constraint runs on each class's query, so it names columns all of them have; the overload that
     * also takes the class tells them apart.
     */
    public Q whereHasMorph(String relation, List<Class<? extends Model<?>>> types, Consumer<AbstractModelQuery<?, ?>> constraint) {
        return RelationConditions.hasMorph(self(), false, relation, types, constraint == null ? null : (q, t) -> constraint.accept(q));
    }

    /** As above, the constraint given each class's query and the class: {@code (q, type) -> q.where(type == Album.class ? "title" : "name", ...)}. */
    public Q whereHasMorph(String relation, List<Class<? extends Model<?>>> types,
                           java.util.function.BiConsumer<AbstractModelQuery<?, ?>, Class<?>> constraint) {
        return RelationConditions.hasMorph(self(), false, relation, types, constraint);
    }

    /** Rows whose morphTo parent is of one of these classes and exists. */
    public Q hasMorph(String relation, List<Class<? extends Model<?>>> types) {
        return RelationConditions.hasMorph(self(), false, relation, types, null);
    }

    public Q orWhereHasMorph(String relation, List<Class<? extends Model<?>>> types, Consumer<AbstractModelQuery<?, ?>> constraint) {
        return RelationConditions.hasMorph(self(), true, relation, types, constraint == null ? null : (q, t) -> constraint.accept(q));
    }

    // ---- relation aggregates ----

    /**
     * Adds {@code <relation>_count} to every row: the number of related rows ({@code "albums as total"}
     * names it {@code total}). One correlated subquery on one SQL connection; a second, grouped query
     * elsewhere.
     */
    public Q withCount(String... relations) {
        for (String relation : relations) {
            RelationConditions.aggregate(self(), relation, "count", null, null);
        }
        return self();
    }

    /** {@code <relation>_count} of the related rows matching the constraint. */
    public Q withCount(String relation, Consumer<AbstractModelQuery<?, ?>> constraint) {
        return RelationConditions.aggregate(self(), relation, "count", null, constraint);
    }

    /** {@code <relation>_sum_<column>}: null for a row without related rows, as SQL's SUM gives. */
    public Q withSum(String relation, String column) {
        return RelationConditions.aggregate(self(), relation, "sum", column, null);
    }

    public Q withAvg(String relation, String column) {
        return RelationConditions.aggregate(self(), relation, "avg", column, null);
    }

    public Q withMin(String relation, String column) {
        return RelationConditions.aggregate(self(), relation, "min", column, null);
    }

    public Q withMax(String relation, String column) {
        return RelationConditions.aggregate(self(), relation, "max", column, null);
    }

    /** {@code <relation>_exists}: whether the row has a related row, a Boolean. */
    public Q withExists(String relation) {
        return RelationConditions.aggregate(self(), relation, "exists", null, null);
    }

    void addLateAggregate(RelationAggregate aggregate) {
        lateAggregates.add(aggregate);
    }

    void addAggregateAlias(String alias, String function) {
        aggregateAliases.put(alias, function);
    }

    @Override
    DatabaseConnection connection() {
        return db.connectionFor(type);
    }

    @Override
    ConnectionName connectionName() {
        return db.connectionNameOf(type);
    }

    @Override
    String keyName() {
        return type.keyName();
    }

    @Override
    String createdAtColumn() {
        return type.createdAt() != null ? type.createdAt() : super.createdAtColumn();
    }

    @Override
    List<String> keyNames() {
        return type.keyNames();
    }

    @Override
    RowReader<M> reader(List<String> columns) {
        return type.reader(columns, db);
    }

    /** A model with a schema reads its declared columns for "every column" ({@link ModelType#rowsOf}). */
    @Override
    Query rowsOf(Query query) {
        return type.rowsOf(query);
    }

    @Override
    Object keyOf(M row) {
        return row.get(type.keyName());
    }

    @Override
    String describeRows() {
        return type.name() + " in " + type.table();
    }

    /** Whether the column is the model's own: unqualified, or qualified with its table's name. */
    private boolean own(Expression.Column column) {
        return column.qualifier() == null || column.qualifier().equals(type.table()) || column.qualifier().equals(reference());
    }

    @Override
    void checkColumn(Expression.Column column) {
        if (own(column) && !column.name().equals("*")) {
            type.column(column.name());
        }
    }

    @Override
    Object bindValue(Expression.Column column, Object value) {
        return own(column) ? type.cast(column.name(), value) : value;
    }

    @Override
    Object writeValue(Expression.Column column, Object value) {
        return own(column) ? type.castForWrite(column.name(), value) : value;
    }

    /** A model's row to insert: its values under the value rules, and no NOT NULL column left without one. */
    @Override
    Map<String, Object> insertRow(Map<String, ?> row) {
        Map<String, Object> values = super.insertRow(row);
        type.checkInsert(values);
        return values;
    }

    @Override
    Object readColumn(String column, Object raw) {
        return type.read(column, raw);
    }

    @Override
    ColumnSpec declared(String column) {
        return type.spec() == null ? null : type.spec().column(column).orElse(null);
    }

    /** As {@link #insertRow}, with the timestamps filled in before the NOT NULL check (they may be NOT NULL). */
    @Override
    Map<String, Object> upsertRow(Map<String, ?> row) {
        Map<String, Object> values = super.insertRow(row);
        LocalDateTime now = db.now();
        if (type.createdAt() != null) {
            values.putIfAbsent(type.createdAt(), now);
        }
        if (type.updatedAt() != null) {
            values.putIfAbsent(type.updatedAt(), now);
        }
        type.checkInsert(values);
        return values;
    }

    @Override
    List<String> upsertUpdates(List<String> updateColumns) {
        if (type.updatedAt() == null || updateColumns.contains(type.updatedAt())) {
            return updateColumns;
        }
        List<String> updates = new ArrayList<>(updateColumns);
        updates.add(type.updatedAt());
        return updates;
    }

    @Override
    void touch(Map<String, Expression> assignments) {
        if (type.updatedAt() != null && !assignments.containsKey(type.updatedAt())) {
            assignments.put(type.updatedAt(), Expression.value(db.now()));
        }
    }

    // ---- scopes and soft deletes (issue 11) ----

    /**
     * The query as built, with the global scopes it keeps ANDed as one group with its own conditions:
     * {@code where(a).orWhere(b)} on a model with a scope {@code s} reads {@code (a or b) and s}. Every read,
     * aggregate, paging, chunk, update and delete goes through here, and so does a relation's query (eager
     * loads, whereHas and withCount subqueries included).
     */
    @Override
    public Query toQuery() {
        Query query = super.toQuery();
        Condition scoped = type.scopes().condition(this, scopeChoice);
        return scoped.isTrue() ? query : query.withWhere(Condition.and(query.where(), scoped));
    }

    /**
     * Applies a local scope: {@code scope(User::active)}, {@code scope(q -> User.olderThan(q, 30))}. Its
     * conditions are one group ANDed with the query's conditions so far.
     */
    public Q scope(Scope<M> scope) {
        return applyScope(scope::apply);
    }

    /** Lifts one global scope for this query: {@code withoutGlobalScope("published")}. */
    public Q withoutGlobalScope(String name) {
        if (!type.scopes().has(name)) {
            throw new EloquentException(type.name() + " has no global scope '" + name + "'; its global scopes are ["
                    + type.scopes().names() + "]");
        }
        scopeChoice = scopeChoice.without(name);
        return self();
    }

    /** Lifts every global scope (soft deletes included) for this query. */
    public Q withoutGlobalScopes() {
        scopeChoice = scopeChoice.withoutAll();
        return self();
    }

    /** Reads trashed (soft-deleted) rows too. */
    public Q withTrashed() {
        type.scopes().requireDeletedAt("withTrashed()");
        scopeChoice = scopeChoice.without(ModelScopes.SOFT_DELETES).without(ModelScopes.ONLY_TRASHED);
        return self();
    }

    /** Reads trashed rows only. */
    public Q onlyTrashed() {
        type.scopes().requireDeletedAt("onlyTrashed()");
        scopeChoice = scopeChoice.trashedOnly();
        return self();
    }

    /**
     * Deletes every matching row; on a soft-deleting model that is one update setting {@code deleted_at}
     * (and {@code updated_at}) of the matching live rows, which stay in the table. No model events fire
     * for a builder delete, as in Laravel.
     */
    @Override
    public long delete() {
        String deletedAt = type.scopes().deletedAt();
        if (deletedAt == null) {
            return super.delete();
        }
        return update(Map.of(deletedAt, db.now()));
    }

    /** Removes every matching row from the table, soft-deleting model or not. */
    public long forceDelete() {
        return super.delete();
    }

    /** Clears {@code deleted_at} of every matching row, trashed ones included; returns how many matched. */
    public long restore() {
        String deletedAt = type.scopes().requireDeletedAt("restore()");
        Map<String, Object> cleared = new LinkedHashMap<>();
        cleared.put(deletedAt, null);
        return withTrashed().update(cleared);
    }

    // ---- model-only reads and writes ----

    /**
     * The rows as maps in column order, for reports such as grouped aggregates ({@code select("genre_id",
     * "count(*) as tracks").groupBy("genre_id").rows()}); the model's declared columns are converted.
     */
    public List<Map<String, Object>> rows() {
        try (Cursor cursor = run(toQuery())) {
            RowReader<Map<String, Object>> reader = type.mapReader(cursor.columns());
            List<Map<String, Object>> rows = new ArrayList<>();
            Object[] values = null; // one array for the whole result: the reader copies each row out
            while (cursor.hasNext()) {
                values = cursor.next(values);
                rows.add(reader.read(values));
            }
            return rows;
        }
    }

    /** The first model matching the attributes (and this query), or a new one made of both maps and saved. */
    public M firstOrCreate(Map<String, ?> attributes, Map<String, ?> values) {
        return matching(attributes).first().orElseGet(() -> newModel(attributes, values).save());
    }

    public M firstOrCreate(Map<String, ?> attributes) {
        return firstOrCreate(attributes, Map.of());
    }

    /** The first model matching the attributes (and this query), or a new one made of both maps, not saved. */
    public M firstOrNew(Map<String, ?> attributes, Map<String, ?> values) {
        return matching(attributes).first().orElseGet(() -> newModel(attributes, values));
    }

    public M firstOrNew(Map<String, ?> attributes) {
        return firstOrNew(attributes, Map.of());
    }

    /**
     * The first model matching the attributes with the values filled in and saved, or a new one of both
     * saved. Two statements, not atomic: use {@link #upsert} where rows may be written concurrently.
     */
    public M updateOrCreate(Map<String, ?> attributes, Map<String, ?> values) {
        Optional<M> found = matching(attributes).first();
        if (found.isPresent()) {
            return found.get().fill(values).save();
        }
        return newModel(attributes, values).save();
    }

    private Q matching(Map<String, ?> attributes) {
        Q query = clone();
        attributes.forEach(query::where);
        return query;
    }

    private M newModel(Map<String, ?> attributes, Map<String, ?> values) {
        M model = type.newInstance();
        model.bind(db, type);
        Map<String, Object> all = new LinkedHashMap<>(attributes);
        all.putAll(values);
        return model.fill(all);
    }
}
