package dev.eloquent.orm;

import dev.eloquent.api.Condition;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Operator;
import dev.eloquent.api.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A relation from a parent model to models of another class (or the same one), and the query of those
 * models: {@code artist.albums().where("released", ">", 1970).orderBy("title").get()}. Every kind is said
 * by two columns, {@link #parentColumn()} on the parent's table and {@link #relatedColumn()} in this query,
 * whose values are equal for related rows; everything else follows from them, as in Laravel:
 * <ul>
 * <li>of one parent, the query gets {@code relatedColumn = parent's value} (no rows when it is null);</li>
 * <li>eager loading gets {@code relatedColumn IN (the parents' values)}, in chunks that fit the connection's
 * parameter limit, and matches the rows to their parents in memory, so N parents cost one query whoever
 * their connections are;</li>
 * <li>{@code whereHas} and {@code withCount} on one SQL connection correlate it with the outer query
 * ({@code relatedColumn = outer.parentColumn}); elsewhere they run it first and feed its values.</li>
 * </ul>
 * The constraint is added when the query is built, never stored among the conditions, so the declared
 * conditions of the relation ({@code hasMany(...).where(...)}) and those added later stay one group.
 *
 * @param <P> the parent model class
 * @param <R> the related model class
 * @param <T> what the relation holds: a list, or one model
 * @param <Q> the relation's own class, for chaining
 */
public abstract class Relation<P extends Model<P>, R extends Model<R>, T, Q extends Relation<P, R, T, Q>>
        extends AbstractModelQuery<Q, R> implements Relationship<T>, EagerRelation<P> {
    final P parent;
    /** An eager load's chunk of parent values; null when the query is of {@link #parent} alone. */
    private List<Object> parentValues;
    /** The outer query's column this one is correlated with (whereHas, withCount); null otherwise. */
    private Expression.Column outer;
    /** Whether the query is of every parent's related rows (the inner half of a two-query whereHas). */
    private boolean detached;

    Relation(P parent, Class<R> related) {
        super(parent.db(), parent.db().typeOf(related));
        this.parent = parent;
    }

    // ---- what each kind says ----

    /** The parent's column whose value the related rows hold: its key for hasMany, the foreign key for belongsTo. */
    abstract String parentColumn();

    /** The column of this query that holds the parent's value, qualified with the table it is read from. */
    abstract Expression.Column relatedColumn();

    /** What the relation holds, from the related models matched to one parent (a list, or the first or null). */
    abstract T result(List<R> related);

    /** The value a parent is matched by. */
    Object parentValue(P model) {
        return model.get(parentColumn());
    }

    /** The value a loaded related model is matched to its parent by. */
    Object relatedValue(R model) {
        return model.get(relatedColumn().name());
    }

    /** The kind's joins and selections (a pivot, an intermediate table) around the query as built; none by default. */
    Query shape(Query query) {
        return query;
    }

    // ---- the query ----

    @Override
    public Query toQuery() {
        Query query = shape(super.toQuery());
        return query.withWhere(Condition.and(query.where(), keyConstraint()));
    }

    private Condition keyConstraint() {
        if (detached) {
            return Condition.TRUE;
        }
        if (outer != null) {
            return new Condition.Compare(relatedColumn(), Operator.EQ, outer);
        }
        if (parentValues != null) {
            return constraintFor(parentValues);
        }
        Object value = parentValue(parent);
        return constraintFor(value == null ? List.of() : java.util.Collections.singletonList(value));
    }

    /**
     * The related rows of these parent values (one for a single parent, a chunk when eager loading; none
     * matches nothing): {@code relatedColumn = value} or {@code IN (values)}. A kind whose rows cannot be
     * named by one column of this query (a through relation without joins) overrides it.
     */
    Condition constraintFor(List<Object> values) {
        Expression.Column column = relatedColumn();
        if (values.size() == 1 && parentValues == null) {
            return new Condition.Compare(column, Operator.EQ, Expression.value(bindValue(column, values.get(0))));
        }
        List<Object> bound = new ArrayList<>(values.size());
        values.forEach(value -> bound.add(bindValue(column, value)));
        return new Condition.In(column, bound, false);
    }

    /**
     * Checks that related rows can be counted per parent value outside one SQL statement ({@code has} with
     * a count, {@code withCount} across connections or on MongoDB); every kind can unless it says otherwise.
     */
    void checkSeparateCounts(String method) {
    }

    /** Checks that a grouped query after the read can compute this aggregate ({@code withCount} and the rest elsewhere than one SQL connection). */
    void checkSeparateAggregate(String function, String method) {
    }

    /**
     * The parent value a value of {@link #relatedColumn()} read by a grouped query belongs to: itself, unless
     * the column holds an intermediate key (a through relation without joins).
     */
    Object parentOfRelatedValue(Object value) {
        return value;
    }

    /** Correlates this query with an outer one: {@code relatedColumn = outerColumn}, for EXISTS and counts. */
    @SuppressWarnings("unchecked")
    Q correlate(Expression.Column outerColumn) {
        this.outer = outerColumn;
        return (Q) this;
    }

    /** Drops the key constraint: the related rows of any parent, whose values a two-query whereHas feeds on. */
    @SuppressWarnings("unchecked")
    Q ofAnyParent() {
        this.detached = true;
        return (Q) this;
    }

    /** Restricts the query to the related rows of these parent values (an eager load's chunk). */
    @SuppressWarnings("unchecked")
    Q forParentValues(List<Object> values) {
        this.parentValues = values;
        return (Q) this;
    }

    /**
     * The parent values the query is of, for a kind that reads them itself (a pivot read first): the eager
     * load's chunk, or the parent's value (none when it is null); null when the query is of any parent or
     * correlated with an outer query.
     */
    List<Object> constrainedParentValues() {
        if (detached || outer != null) {
            return null;
        }
        if (parentValues != null) {
            return parentValues;
        }
        Object value = parentValue(parent);
        return value == null ? List.of() : List.of(value);
    }

    /** The related column as {@code qualifier.name}, as conditions and selections name it. */
    String relatedPath() {
        Expression.Column column = relatedColumn();
        return column.qualifier() + "." + column.name();
    }

    /**
     * The related values of any parent, not null, as one selected column: what a two-query whereHas feeds
     * the outer query with ({@code parent IN (...)}); the caller may group it to compare counts. A kind
     * that cannot select that value in one query (a through relation without joins) overrides it.
     */
    QueryBuilder<?, ?> parentValuesQuery() {
        String path = relatedPath();
        return ofAnyParent().select(path).whereNotNull(path);
    }

    /**
     * The aggregate ({@code count(*)}, {@code sum(col)}, ...) of each parent value this query is restricted
     * to, by one grouped query: how aggregates that cannot be a correlated subquery are read.
     */
    Map<Object, Object> aggregateByParent(String selected) {
        String path = relatedPath();
        String name = relatedColumn().name();
        Map<Object, Object> results = new java.util.HashMap<>();
        select(path, selected + " as " + AGGREGATE).groupBy(path).rows()
                .forEach(row -> results.put(RelationKeys.normalize(row.get(name)), row.get(AGGREGATE)));
        return results;
    }

    private static final String AGGREGATE = "aggregate";

    /** What a relation to at most one model holds: the first model matched, or null. */
    final R firstOrNull(List<R> related) {
        return related.isEmpty() ? null : related.get(0);
    }

    /** The one related model of {@link #parent}, read with a limit of one; null, without a query, when it has no value. */
    final R oneResult() {
        return parentValue(parent) == null ? null : first().orElse(null);
    }

    @Override
    public T getResults() {
        if (parentValue(parent) == null) {
            return result(new ArrayList<>());
        }
        return result(get());
    }

    // ---- eager loading ----

    @Override
    public void eagerLoad(List<P> parents, String name, Consumer<AbstractModelQuery<?, ?>> constraint, EagerLoads nested) {
        Map<Object, List<P>> byValue = RelationKeys.group(parents, this::parentValue);
        List<R> loaded = new ArrayList<>();
        if (!byValue.isEmpty()) {
            Q query = clone();
            constraint.accept(query);
            EagerLoads next = query.takeEagerLoads();
            next.merge(nested);
            int room = BoundValues.room(query.connection(), query.shape(query.unconstrained()));
            for (List<Object> chunk : RelationKeys.chunks(new ArrayList<>(byValue.keySet()), room)) {
                Q part = query.clone().forParentValues(chunk);
                loaded.addAll(part.readWithoutRelations(part.toQuery()));
            }
            markLoadedTogether(loaded);
            next.loadInto(loaded);
        }
        Map<Object, List<R>> byParent = RelationKeys.group(loaded, this::relatedValue);
        for (P model : parents) {
            Object value = RelationKeys.normalize(parentValue(model));
            List<R> mine = value == null ? null : byParent.get(value);
            model.setRelation(name, result(mine == null ? new ArrayList<>() : new ArrayList<>(mine)));
        }
    }

    /** The query as built, before the relation's key constraint: what the kind declared and the caller added. */
    Query unconstrained() {
        return super.toQuery();
    }

    @Override
    public Object signature() {
        return List.of(getClass(), type.type(), parentColumn(), relatedColumn(), shape(unconstrained()));
    }
}
