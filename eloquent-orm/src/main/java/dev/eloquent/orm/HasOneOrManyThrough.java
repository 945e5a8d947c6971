package dev.eloquent.orm;

import dev.eloquent.api.Capability;
import dev.eloquent.api.Condition;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Join;
import dev.eloquent.api.Operator;
import dev.eloquent.api.Query;
import dev.eloquent.api.Selection;
import dev.eloquent.api.TableRef;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The related rows are reached through an intermediate table: an artist's tracks are the tracks of the
 * artist's albums ({@code through.firstKey = parent.localKey}, {@code related.secondKey =
 * through.secondLocalKey}), in Laravel's argument order.
 *
 * <p>Where the related and through tables share a connection that joins, the query is the related table
 * joined with the through table and {@link #relatedColumn()} is {@code through.firstKey}: one statement
 * for a lazy or eager load, EXISTS and correlated counts for {@code whereHas}/{@code withCount}. The
 * through key is read under an alias only to match rows to parents and is taken out of every model read,
 * so it never becomes an attribute that a save would write back.
 *
 * <p>Elsewhere (MongoDB has no joins, or the through model lives on another connection) the through rows
 * are read first and the related rows by their keys: two statements per load (per chunk), and
 * {@code whereHas} as two nested key lists; {@code withCount}, {@code withSum}, {@code withMin}/{@code withMax}
 * and {@code withExists} group the related rows by through key and add them up per parent in memory.
 * {@code has} with a count and {@code withAvg} need the join and are refused there.
 */
public abstract class HasOneOrManyThrough<P extends Model<P>, R extends Model<R>, T, Q extends HasOneOrManyThrough<P, R, T, Q>>
        extends Relation<P, R, T, Q> {
    /** The alias the joined query reads the through key under. */
    static final String THROUGH_KEY = "eloquent_through_key";

    private final ModelType<?> through;
    private final String firstKey;
    private final String secondKey;
    private final String localKey;
    private final String secondLocalKey;
    /** The parent value of each model read, by identity; one map for the clones an eager load reads with. */
    private final Map<R, Object> parentOf = Collections.synchronizedMap(new IdentityHashMap<>());
    /** Without joins: the parent value of each through row, by its secondLocalKey, as the through query read it. */
    private final Map<Object, Object> parentOfThrough = Collections.synchronizedMap(new HashMap<>());

    HasOneOrManyThrough(P parent, Class<R> related, Class<? extends Model<?>> through, String firstKey, String secondKey,
                        String localKey, String secondLocalKey) {
        super(parent, related);
        this.through = throughType(parent.db(), through);
        this.firstKey = firstKey;
        this.secondKey = secondKey;
        this.localKey = localKey;
        this.secondLocalKey = secondLocalKey;
        // Misspelt keys fail where the relation is declared.
        this.through.column(firstKey);
        this.through.column(secondLocalKey);
        type.column(secondKey);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ModelType<?> throughType(Eloquent db, Class<? extends Model<?>> through) {
        return db.typeOf((Class) through);
    }

    /** Whether the related table can be joined with the through table: one connection that joins. */
    boolean joined() {
        return db.connectionNameOf(through).equals(connectionName()) && connection().supports(Capability.JOINS);
    }

    @Override
    String parentColumn() {
        return localKey;
    }

    @Override
    Expression.Column relatedColumn() {
        return joined() ? new Expression.Column(through.table(), firstKey) : new Expression.Column(reference(), secondKey);
    }

    @Override
    Object relatedValue(R model) {
        return parentOf.get(model);
    }

    @Override
    Query shape(Query query) {
        if (!joined()) {
            return query;
        }
        List<Join> joins = new ArrayList<>(query.joins());
        joins.add(new Join(Join.Kind.INNER, TableRef.table(through.table()), new Condition.Compare(
                new Expression.Column(through.table(), secondLocalKey), Operator.EQ,
                new Expression.Column(reference(), secondKey))));
        return query.withJoins(joins);
    }

    /** Without joins: the through rows of these parents first, then {@code related.secondKey IN (their keys)}. */
    @Override
    Condition constraintFor(List<Object> values) {
        if (joined()) {
            return super.constraintFor(values);
        }
        List<Object> keys = new ArrayList<>();
        if (!values.isEmpty()) {
            ModelQuery<?> query = new ModelQuery<>(db, through);
            int room = Math.max(1, query.connection().parameterLimit());
            for (List<Object> chunk : RelationKeys.chunks(values, room)) {
                List<Map<String, Object>> rows = new ModelQuery<>(db, through).whereIn(firstKey, chunk)
                        .whereNotNull(secondLocalKey).select(firstKey, secondLocalKey).rows();
                for (Map<String, Object> row : rows) {
                    Object key = RelationKeys.normalize(row.get(secondLocalKey));
                    parentOfThrough.put(key, RelationKeys.normalize(row.get(firstKey)));
                    keys.add(row.get(secondLocalKey));
                }
            }
        }
        Expression.Column column = new Expression.Column(reference(), secondKey);
        List<Object> bound = new ArrayList<>(keys.size());
        keys.forEach(key -> bound.add(bindValue(column, key)));
        return new Condition.In(column, bound, false);
    }

    /** Reads the through key with the joined rows, then takes it out of each model into {@link #parentOf}. */
    @Override
    List<R> readWithoutRelations(Query query) {
        boolean joined = joined();
        Query read = query;
        if (joined) {
            List<Selection> selections = new ArrayList<>(query.selections());
            if (selections.isEmpty()) {
                selections.add(Selections.parse(reference() + ".*"));
            }
            selections.add(new Selection(new Expression.Column(through.table(), firstKey), THROUGH_KEY));
            read = query.withSelections(selections);
        }
        List<R> models = super.readWithoutRelations(read);
        for (R model : models) {
            Object value = joined ? model.takeLoaded(THROUGH_KEY)
                    : parentOfThrough.get(RelationKeys.normalize(model.get(secondKey)));
            if (value != null) {
                parentOf.put(model, value);
            }
        }
        return models;
    }

    /** Without joins: the parents' values of the through rows whose keys the related rows hold. */
    @Override
    QueryBuilder<?, ?> parentValuesQuery() {
        if (joined()) {
            return super.parentValuesQuery();
        }
        String key = reference() + "." + secondKey;
        QueryBuilder<?, ?> related = ofAnyParent().select(key).whereNotNull(key);
        return new ModelQuery<>(db, through).select(firstKey).whereNotNull(firstKey).whereIn(secondLocalKey, related);
    }

    /** The key of find and chunkById, qualified: the through table joined in may have a column of the same name. */
    @Override
    String keyColumn() {
        return reference() + "." + keyName();
    }

    @Override
    void checkSeparateCounts(String method) {
        if (!joined()) {
            throw withoutJoins(method);
        }
    }

    /** Without joins, aggregates are grouped by through key and combined per parent: all but an average combine. */
    @Override
    void checkSeparateAggregate(String function, String method) {
        if (function.equals("avg")) {
            checkSeparateCounts(method);
        }
    }

    @Override
    Object parentOfRelatedValue(Object value) {
        return joined() ? value : parentOfThrough.get(value);
    }

    @Override
    Q correlate(Expression.Column outerColumn) {
        if (!joined()) {
            throw withoutJoins("whereHas/withCount");
        }
        return super.correlate(outerColumn);
    }

    private EloquentException withoutJoins(String method) {
        return new EloquentException(method + " on a relation of " + type.name() + " through " + through.name()
                + " needs " + type.table() + " joined with " + through.table()
                + " on one connection; connection '" + connectionName() + "' (driver " + connection().driverName()
                + ") cannot: test existence with has/whereHas, or eager load the relation and count in memory");
    }

    public String firstKey() {
        return firstKey;
    }

    public String secondKey() {
        return secondKey;
    }
}
