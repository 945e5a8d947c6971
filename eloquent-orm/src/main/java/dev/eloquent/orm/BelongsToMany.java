package dev.eloquent.orm;

import dev.eloquent.api.Capability;
import dev.eloquent.api.Condition;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Join;
import dev.eloquent.api.Operator;
import dev.eloquent.api.Query;
import dev.eloquent.api.Selection;
import dev.eloquent.api.TableRef;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Many to many through a pivot table: {@code public BelongsToMany<Playlist, Track> tracks() { return
 * belongsToMany(Track.class, "playlist_track", "playlist_id", "track_id"); }}. The pivot holds the parent's
 * key in {@code foreignPivotKey} and the related model's key in {@code relatedPivotKey}; its columns read
 * with a model are on {@link Model#pivot()}, never among the model's attributes (a save does not write them).
 * <p>
 * Where the related table and the pivot are on one connection that joins, the query is the related table
 * joined with the pivot, so a relation costs one statement, eager loading one per chunk of parents, and
 * whereHas/withCount are one correlated subquery. Elsewhere (MongoDB, or the related model on another
 * connection than the parent, whose connection holds the pivot) it is two queries: the pivot rows first,
 * then the related rows by key, matched in memory in the pivot's order.
 */
public final class BelongsToMany<P extends Model<P>, R extends Model<R>>
        extends Relation<P, R, List<R>, BelongsToMany<P, R>> {
    /** The prefix pivot columns are read under in the joined form, before they are moved to {@link Model#pivot()}. */
    static final String PIVOT_PREFIX = "pivot_";

    private final String table;
    private final String foreignPivotKey;
    private final String relatedPivotKey;
    private final String parentKey;
    private final String relatedKey;
    private final ConnectionName pivotConnection;
    /** Whether the pivot can be joined: same connection as the related table, and it joins. */
    private final boolean joined;
    private List<String> pivotColumns = new ArrayList<>();
    private boolean timestamps;
    /** The pivot table's own conditions and order (wherePivot, orderByPivot): the first query of the two-query form. */
    private TableQuery pivotQuery;
    /** The pivot rows the last two-query build read, which its read matches the related rows with. */
    private List<Map<String, Object>> pivotRows;
    /** The last two-query build's {@code relatedKey IN (pivot values)}, which its read cuts into chunks. */
    private Condition.In keyCondition;

    BelongsToMany(P parent, Class<R> related, String table, String foreignPivotKey, String relatedPivotKey,
                  String parentKey, String relatedKey) {
        super(parent, related);
        this.table = table;
        this.foreignPivotKey = foreignPivotKey;
        this.relatedPivotKey = relatedPivotKey;
        this.parentKey = parentKey;
        this.relatedKey = relatedKey;
        parent.type().column(parentKey);
        type.column(relatedKey); // a misspelt key fails where the relation is declared
        this.pivotConnection = db.connectionNameOf(parent.type());
        this.joined = pivotConnection.equals(connectionName()) && connection().supports(Capability.JOINS);
        this.pivotQuery = pivotDatabase().table(table);
    }

    // ---- what the kind says ----

    @Override
    String parentColumn() {
        return parentKey;
    }

    @Override
    Expression.Column relatedColumn() {
        return new Expression.Column(table, foreignPivotKey);
    }

    @Override
    List<R> result(List<R> related) {
        return related;
    }

    @Override
    Object relatedValue(R model) {
        return model.pivot().get(foreignPivotKey);
    }

    /** The joined form: the pivot joined on the related key, and its columns selected under {@link #PIVOT_PREFIX}. */
    @Override
    Query shape(Query query) {
        if (!joined) {
            return query;
        }
        Condition on = new Condition.Compare(new Expression.Column(reference(), relatedKey), Operator.EQ,
                new Expression.Column(table, relatedPivotKey));
        List<Join> joins = new ArrayList<>(query.joins());
        joins.add(new Join(Join.Kind.INNER, TableRef.table(table), on));
        List<Selection> selections = new ArrayList<>(query.selections());
        // Counts and EXISTS (whereHas, withCount) select an aggregate, and a two-query whereHas a pivot column:
        // the pivot columns stay out of those; a selection of the related columns gets them, for matching.
        boolean columnsOnly = selections.stream().allMatch(s -> s.expression() instanceof Expression.Column column
                && !table.equals(column.qualifier()));
        if (selections.isEmpty()) {
            selections.add(Selection.of(new Expression.Column(reference(), "*")));
        }
        if (columnsOnly) {
            allPivotColumns().forEach(c -> selections.add(new Selection(new Expression.Column(table, c), PIVOT_PREFIX + c)));
        }
        return query.withJoins(joins).withSelections(selections);
    }

    /** The base's signature and what tells two pivots apart: the table's other key, its columns and conditions. */
    @Override
    public Object signature() {
        return List.of(super.signature(), relatedPivotKey, relatedKey, allPivotColumns(), pivotQuery.toQuery());
    }

    // ---- the pivot's columns and constraints ----

    /** Reads these pivot columns with each model, besides the two keys: {@code withPivot("position")}. */
    public BelongsToMany<P, R> withPivot(String... columns) {
        for (String column : columns) {
            pivotQuery.column(column); // spelling
            if (!pivotColumns.contains(column)) {
                pivotColumns.add(column);
            }
        }
        return this;
    }

    /** The pivot has {@code created_at}/{@code updated_at}: read with the models, set by attach, sync and updateExistingPivot. */
    public BelongsToMany<P, R> withTimestamps() {
        timestamps = true;
        return this;
    }

    /** Only the related rows whose pivot row's column compares so: {@code wherePivot("position", "<=", 2)}. */
    public BelongsToMany<P, R> wherePivot(String column, String operator, Object value) {
        if (joined) {
            where(pivotPath(column), operator, value);
        }
        pivotQuery.where(pivotPath(column), operator, value);
        return this;
    }

    public BelongsToMany<P, R> wherePivot(String column, Object value) {
        return wherePivot(column, "=", value);
    }

    public BelongsToMany<P, R> wherePivotIn(String column, Collection<?> values) {
        if (joined) {
            whereIn(pivotPath(column), values);
        }
        pivotQuery.whereIn(pivotPath(column), values);
        return this;
    }

    public BelongsToMany<P, R> wherePivotNotIn(String column, Collection<?> values) {
        if (joined) {
            whereNotIn(pivotPath(column), values);
        }
        pivotQuery.whereNotIn(pivotPath(column), values);
        return this;
    }

    public BelongsToMany<P, R> wherePivotNull(String column) {
        if (joined) {
            whereNull(pivotPath(column));
        }
        pivotQuery.whereNull(pivotPath(column));
        return this;
    }

    /**
     * Orders by a pivot column: {@code orderByPivot("position")}. In the two-query form the pivot's order
     * comes first and the related query's own order breaks no ties (each pivot row is one result).
     */
    public BelongsToMany<P, R> orderByPivot(String column, String direction) {
        if (joined) {
            orderBy(pivotPath(column), direction);
        }
        pivotQuery.orderBy(pivotPath(column), direction);
        return this;
    }

    public BelongsToMany<P, R> orderByPivot(String column) {
        return orderByPivot(column, "asc");
    }

    private String pivotPath(String column) {
        return table + "." + column;
    }

    private List<String> allPivotColumns() {
        List<String> columns = new ArrayList<>(List.of(foreignPivotKey, relatedPivotKey));
        pivotColumns.stream().filter(c -> !columns.contains(c)).forEach(columns::add);
        if (timestamps) {
            for (String column : List.of(ModelType.CREATED_AT, ModelType.UPDATED_AT)) {
                if (!columns.contains(column)) {
                    columns.add(column);
                }
            }
        }
        return columns;
    }

    /** The pivot table's name (not {@code table()}, which is the related model's table this query reads). */
    public String pivotTable() {
        return table;
    }

    public String foreignPivotKey() {
        return foreignPivotKey;
    }

    public String relatedPivotKey() {
        return relatedPivotKey;
    }

    // ---- reads ----

    /**
     * The two-query form reads the pivot rows of the parents now and returns the related query by their
     * keys; the joined form is the base's query.
     */
    @Override
    public Query toQuery() {
        if (joined) {
            return super.toQuery();
        }
        Query query = unconstrained();
        List<Object> parents = constrainedParentValues();
        if (parents == null) {
            return query; // any parent's related rows: the inner half of a two-query whereHas
        }
        pivotRows = readPivot(parents);
        Expression.Column key = new Expression.Column(reference(), relatedKey);
        Set<Object> keys = new LinkedHashSet<>();
        pivotRows.forEach(row -> {
            Object value = RelationKeys.normalize(row.get(relatedPivotKey));
            if (value != null) {
                keys.add(value);
            }
        });
        List<Object> bound = new ArrayList<>(keys.size());
        keys.forEach(value -> bound.add(bindValue(key, value)));
        keyCondition = new Condition.In(key, bound, false);
        return query.withWhere(Condition.and(query.where(), keyCondition));
    }

    /** The pivot rows of these parents, in the pivot's order, each with the pivot columns read. */
    private List<Map<String, Object>> readPivot(List<Object> parents) {
        if (parents.isEmpty()) {
            return new ArrayList<>();
        }
        TableQuery query = pivotQuery.clone().select(allPivotColumns().stream().map(this::pivotPath).toArray(String[]::new));
        List<Map<String, Object>> rows = new ArrayList<>();
        int room = BoundValues.room(query.connection(), query.toQuery());
        for (List<Object> chunk : RelationKeys.chunks(parents, room)) {
            rows.addAll(query.clone().whereIn(pivotPath(foreignPivotKey), chunk).get());
        }
        return rows;
    }

    @Override
    List<R> readWithoutRelations(Query query) {
        if (joined) {
            List<R> models = super.readWithoutRelations(query);
            List<String> columns = allPivotColumns();
            models.forEach(model -> model.takePivot(columns, PIVOT_PREFIX));
            return models;
        }
        List<Map<String, Object>> pivot = pivotRows == null ? List.of() : pivotRows;
        Condition.In keys = keyCondition;
        pivotRows = null;
        keyCondition = null;
        if (pivot.isEmpty() || keys == null) {
            return new ArrayList<>();
        }
        // Paging applies to the matched rows (one per pivot row), so it is done here, not by the related query;
        // the keys are cut into chunks that fit the related connection's parameter limit.
        Query all = query.withLimit(null).withOffset(null);
        int room = Math.max(1, connection().parameterLimit() - (BoundValues.count(all) - keys.values().size()));
        List<R> related = new ArrayList<>();
        for (List<Object> chunk : RelationKeys.chunks(keys.values(), room)) {
            Query part = chunk.size() == keys.values().size() ? all
                    : all.withWhere(replace(all.where(), keys, new Condition.In(keys.left(), chunk, false)));
            related.addAll(super.readWithoutRelations(part));
        }
        List<R> matched = match(related, pivot);
        int from = query.offset() == null ? 0 : Math.min(query.offset(), matched.size());
        int to = query.limit() == null ? matched.size() : Math.min(matched.size(), from + query.limit());
        return new ArrayList<>(matched.subList(from, to));
    }

    /** The condition with {@code from} (found by identity among the top-level AND terms) replaced. */
    private static Condition replace(Condition condition, Condition from, Condition to) {
        if (condition == from) {
            return to;
        }
        if (condition instanceof Condition.And and) {
            return new Condition.And(and.conditions().stream().map(c -> c == from ? to : c).toList());
        }
        return condition;
    }

    /**
     * One model per pivot row, with its pivot columns: in the pivot's order when it is ordered, else in
     * the related query's order. A model related to several parents is copied for each.
     */
    private List<R> match(List<R> related, List<Map<String, Object>> pivot) {
        List<R> matched = new ArrayList<>();
        Set<R> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.function.BiConsumer<R, Map<String, Object>> add = (model, row) -> {
            R copy = used.add(model) ? model : copyOf(model);
            copy.setPivot(row);
            matched.add(copy);
        };
        if (pivotQuery.toQuery().orders().isEmpty()) {
            Map<Object, List<Map<String, Object>>> rowsByKey = RelationKeys.group(pivot, row -> row.get(relatedPivotKey));
            for (R model : related) {
                rowsByKey.getOrDefault(RelationKeys.normalize(model.get(relatedKey)), List.of())
                        .forEach(row -> add.accept(model, row));
            }
        } else {
            Map<Object, List<R>> byKey = RelationKeys.group(related, model -> model.get(relatedKey));
            for (Map<String, Object> row : pivot) {
                List<R> models = byKey.get(RelationKeys.normalize(row.get(relatedPivotKey)));
                if (models != null) {
                    add.accept(models.get(0), row);
                }
            }
        }
        return matched;
    }

    private R copyOf(R model) {
        R copy = type.newInstance();
        copy.loadingAttributes().putAll(model.attributes());
        copy.loaded(db, type);
        return copy;
    }

    @Override
    public BelongsToMany<P, R> clone() {
        BelongsToMany<P, R> copy = super.clone();
        copy.pivotColumns = new ArrayList<>(pivotColumns);
        copy.pivotQuery = pivotQuery.clone();
        copy.pivotRows = null;
        copy.keyCondition = null;
        return copy;
    }

    // ---- has and aggregates without joins ----

    /**
     * The two-query whereHas: the pivot's parent keys whose related key is among the related rows that
     * match (the related query runs first, then the pivot's, then the outer one).
     */
    @Override
    QueryBuilder<?, ?> parentValuesQuery() {
        if (joined) {
            return super.parentValuesQuery();
        }
        String path = pivotPath(foreignPivotKey);
        BelongsToMany<P, R> related = clone().ofAnyParent();
        related.select(reference() + "." + relatedKey);
        return pivotQuery.clone().reorder().select(path).whereNotNull(path).whereIn(pivotPath(relatedPivotKey), related);
    }

    /** The two-query count: the related models of a chunk of parents, counted per parent in memory. */
    @Override
    Map<Object, Object> aggregateByParent(String selected) {
        if (joined) {
            return super.aggregateByParent(selected);
        }
        if (!selected.equals("count(*)")) {
            throw new EloquentException("a " + selected.substring(0, selected.indexOf('(')) + " of belongsToMany "
                    + type.name() + " needs the pivot " + table + " and " + type.table()
                    + " on one connection that joins; use withCount, or load the relation and compute it");
        }
        Map<Object, Object> counts = new HashMap<>();
        for (R model : readWithoutRelations(toQuery())) {
            counts.merge(RelationKeys.normalize(relatedValue(model)), 1L, (a, b) -> (Long) a + (Long) b);
        }
        return counts;
    }

    // ---- writes to the pivot ----

    /** The result of {@link #sync} and {@link #toggle}: the related keys attached, detached and updated. */
    public record Changes(List<Object> attached, List<Object> detached, List<Object> updated) {
    }

    /** Inserts pivot rows for these related keys (one key, a collection, or models), in one statement. */
    public void attach(Object ids) {
        attach(ids, Map.of());
    }

    /**
     * As {@link #attach(Object)}, with these pivot columns on every row. Attaching a pair that is already
     * there fails as the database reports it: a {@code UniqueViolationException} where the pivot's key is
     * the pair (as {@code playlist_track}'s is); use {@link #syncWithoutDetaching} to add only the missing.
     */
    public void attach(Object ids, Map<String, ?> attributes) {
        Map<Object, Map<String, ?>> records = new LinkedHashMap<>();
        keys(ids).forEach(key -> records.put(key, attributes));
        insertPivot(records);
    }

    /** Deletes the pivot rows of these related keys (and the wherePivot conditions); returns how many. */
    public long detach(Object ids) {
        List<Object> keys = keys(ids);
        if (keys.isEmpty()) {
            return 0;
        }
        return ownPivot().whereIn(pivotPath(relatedPivotKey), keys).delete();
    }

    /** Deletes every pivot row of the parent (that matches the wherePivot conditions); returns how many. */
    public long detach() {
        return ownPivot().delete();
    }

    /** Sets the pivot columns of one related key's row; returns the rows changed. */
    public long updateExistingPivot(Object id, Map<String, ?> attributes) {
        Map<String, Object> values = new LinkedHashMap<>(attributes);
        if (timestamps) {
            values.putIfAbsent(ModelType.UPDATED_AT, db.now());
        }
        return ownPivot().where(pivotPath(relatedPivotKey), RelationKeys.normalize(key(id))).update(values);
    }

    /**
     * Makes the related keys exactly these: detaches the others, attaches the missing, and updates the
     * pivot columns given per key ({@code Map<id, Map<column, value>>}) of those already attached. In one
     * transaction where the connection has transactions.
     */
    public Changes sync(Object ids) {
        return sync(ids, true);
    }

    /** As {@link #sync(Object)}, detaching nothing. */
    public Changes syncWithoutDetaching(Object ids) {
        return sync(ids, false);
    }

    private Changes sync(Object ids, boolean detaching) {
        Map<Object, Map<String, ?>> records = records(ids);
        return inTransaction(() -> {
            Map<Object, Map<String, Object>> current = currentPivot();
            List<Object> detached = new ArrayList<>();
            if (detaching) {
                current.keySet().stream().filter(key -> !records.containsKey(key)).forEach(detached::add);
                detach(detached);
            }
            Map<Object, Map<String, ?>> missing = new LinkedHashMap<>();
            List<Object> updated = new ArrayList<>();
            records.forEach((key, attributes) -> {
                Map<String, Object> row = current.get(key);
                if (row == null) {
                    missing.put(key, attributes);
                } else if (attributes.entrySet().stream().anyMatch(e -> !sameValue(row.get(e.getKey()), e.getValue()))
                        && updateExistingPivot(key, attributes) > 0) {
                    updated.add(key);
                }
            });
            insertPivot(missing);
            return new Changes(new ArrayList<>(missing.keySet()), detached, updated);
        });
    }

    /** Detaches the keys that are attached and attaches the others; in one transaction where there are transactions. */
    public Changes toggle(Object ids) {
        Map<Object, Map<String, ?>> records = records(ids);
        return inTransaction(() -> {
            Map<Object, Map<String, Object>> current = currentPivot();
            List<Object> detached = records.keySet().stream().filter(current::containsKey).toList();
            Map<Object, Map<String, ?>> missing = new LinkedHashMap<>(records);
            detached.forEach(missing::remove);
            detach(detached);
            insertPivot(missing);
            return new Changes(new ArrayList<>(missing.keySet()), new ArrayList<>(detached), List.of());
        });
    }

    private static boolean sameValue(Object stored, Object given) {
        return Objects.equals(RelationKeys.normalize(stored), RelationKeys.normalize(given))
                || (stored != null && given != null && stored.toString().equals(given.toString()));
    }

    /** The parent's pivot rows by related key (normalized), read with every pivot column. */
    private Map<Object, Map<String, Object>> currentPivot() {
        Map<Object, Map<String, Object>> current = new LinkedHashMap<>();
        for (Map<String, Object> row : ownPivot().get()) {
            current.putIfAbsent(RelationKeys.normalize(row.get(relatedPivotKey)), row);
        }
        return current;
    }

    private void insertPivot(Map<Object, Map<String, ?>> records) {
        if (records.isEmpty()) {
            return;
        }
        Object owner = parentKeyValue();
        Object now = timestamps ? db.now() : null;
        List<Map<String, Object>> rows = new ArrayList<>();
        records.forEach((key, attributes) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(foreignPivotKey, owner);
            row.put(relatedPivotKey, key);
            row.putAll(attributes);
            if (timestamps) {
                row.putIfAbsent(ModelType.CREATED_AT, now);
                row.putIfAbsent(ModelType.UPDATED_AT, now);
            }
            rows.add(row);
        });
        pivotDatabase().table(table).insert(rows);
    }

    /** The pivot rows of the parent, with the wherePivot conditions, for writes. */
    private TableQuery ownPivot() {
        return pivotQuery.clone().reorder().where(pivotPath(foreignPivotKey), parentKeyValue());
    }

    private Object parentKeyValue() {
        Object key = RelationKeys.normalize(parentValue(parent));
        if (key == null) {
            throw new EloquentException("save the " + parent.getClass().getSimpleName() + " before attaching related "
                    + type.name() + " models: its " + parentKey + " is not set yet");
        }
        return key;
    }

    private <T> T inTransaction(Supplier<T> work) {
        Database database = pivotDatabase();
        return database.connection().supports(Capability.TRANSACTIONS) ? database.transaction(work) : work.get();
    }

    private Database pivotDatabase() {
        return new Database(db, pivotConnection);
    }

    /** Ids as a map of key to pivot columns: a {@code Map<id, Map<column, value>>}, or keys with none. */
    private Map<Object, Map<String, ?>> records(Object ids) {
        Map<Object, Map<String, ?>> records = new LinkedHashMap<>();
        if (ids instanceof Map<?, ?> map) {
            map.forEach((id, attributes) -> {
                if (!(attributes instanceof Map<?, ?> columns)) {
                    throw new EloquentException("sync takes related keys, or a map of each key to its pivot columns");
                }
                @SuppressWarnings("unchecked")
                Map<String, ?> typed = (Map<String, ?>) columns;
                records.put(RelationKeys.normalize(key(id)), typed);
            });
            return records;
        }
        keys(ids).forEach(key -> records.put(key, Map.of()));
        return records;
    }

    private List<Object> keys(Object ids) {
        List<Object> keys = new ArrayList<>();
        if (ids instanceof Collection<?> collection) {
            collection.forEach(id -> keys.add(RelationKeys.normalize(key(id))));
        } else {
            keys.add(RelationKeys.normalize(key(ids)));
        }
        return keys;
    }

    /** A related key, or the key of a related model (which must have been saved). */
    private Object key(Object id) {
        Object key = id instanceof Model<?> model ? model.get(relatedKey) : id;
        if (key == null) {
            throw new EloquentException("attach, detach and sync on " + type.name() + " need saved models or their "
                    + relatedKey + " values, not null");
        }
        return key;
    }
}
