package dev.eloquent.orm;

import dev.eloquent.api.Capability;
import dev.eloquent.api.Condition;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Operator;
import dev.eloquent.api.Order;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Query;
import dev.eloquent.api.Write;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The fluent query builder of one model class: {@code db.query(User.class).where("age", ">=", 18).orderBy("name").limit(20).get()}.
 * Column names are checked against the model's schema as they are added, values are cast to the
 * column's type and always bound, and operators come from a fixed list.
 */
public final class ModelQuery<M extends Model<M>> {
    private final Eloquent db;
    private final ModelType<M> type;
    private Condition wheres = Condition.TRUE;
    private final List<Order> orders = new ArrayList<>();
    private Integer limit;
    private Integer offset;

    ModelQuery(Eloquent db, ModelType<M> type) {
        this.db = db;
        this.type = type;
    }

    // ---- conditions ----

    /** {@code column = value}; a null value means IS NULL. */
    public ModelQuery<M> where(String column, Object value) {
        return where(column, "=", value);
    }

    /** {@code column operator value}, operator one of =, !=, <>, <, <=, >, >=, like, not like. */
    public ModelQuery<M> where(String column, String operator, Object value) {
        return add(false, compare(column, operator, value));
    }

    public ModelQuery<M> orWhere(String column, Object value) {
        return orWhere(column, "=", value);
    }

    public ModelQuery<M> orWhere(String column, String operator, Object value) {
        return add(true, compare(column, operator, value));
    }

    /** A parenthesised group: {@code where(q -> q.where("a", 1).orWhere("b", 2))}. */
    public ModelQuery<M> where(Consumer<ModelQuery<M>> group) {
        return add(false, group(group));
    }

    public ModelQuery<M> orWhere(Consumer<ModelQuery<M>> group) {
        return add(true, group(group));
    }

    public ModelQuery<M> whereIn(String column, Collection<?> values) {
        return add(false, new Condition.In(Expression.column(column), castAll(column, values), false));
    }

    public ModelQuery<M> whereNotIn(String column, Collection<?> values) {
        return add(false, new Condition.In(Expression.column(column), castAll(column, values), true));
    }

    public ModelQuery<M> whereNull(String column) {
        type.column(column);
        return add(false, new Condition.Null(Expression.column(column), false));
    }

    public ModelQuery<M> whereNotNull(String column) {
        type.column(column);
        return add(false, new Condition.Null(Expression.column(column), true));
    }

    private Condition compare(String column, String operator, Object value) {
        Operator op = Operator.parse(operator);
        Object bound = op == Operator.LIKE || op == Operator.NOT_LIKE ? checkPattern(column, value)
                : type.cast(column, value);
        if (bound == null) {
            return new Condition.Null(Expression.column(column), op == Operator.NE);
        }
        return new Condition.Compare(Expression.column(column), op, Expression.value(bound));
    }

    private Object checkPattern(String column, Object value) {
        type.column(column);
        if (!(value instanceof CharSequence)) {
            throw new EloquentException("like on " + type.table() + "." + column + " needs a text pattern, got "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        return value.toString();
    }

    private List<Object> castAll(String column, Collection<?> values) {
        List<Object> cast = new ArrayList<>(values.size());
        for (Object value : values) {
            cast.add(type.cast(column, value));
        }
        return cast;
    }

    private Condition group(Consumer<ModelQuery<M>> group) {
        ModelQuery<M> inner = new ModelQuery<>(db, type);
        group.accept(inner);
        return inner.wheres;
    }

    private ModelQuery<M> add(boolean or, Condition condition) {
        wheres = or ? Condition.or(wheres, condition) : Condition.and(wheres, condition);
        return this;
    }

    // ---- order and paging ----

    public ModelQuery<M> orderBy(String column) {
        return orderBy(column, "asc");
    }

    /** Sorts by a column, direction {@code asc} or {@code desc}. */
    public ModelQuery<M> orderBy(String column, String direction) {
        type.column(column);
        orders.add(Order.of(column, direction));
        return this;
    }

    public ModelQuery<M> orderByDesc(String column) {
        return orderBy(column, "desc");
    }

    public ModelQuery<M> limit(int limit) {
        if (limit < 0) {
            throw new EloquentException("limit must not be negative, got " + limit);
        }
        this.limit = limit;
        return this;
    }

    public ModelQuery<M> offset(int offset) {
        if (offset < 0) {
            throw new EloquentException("offset must not be negative, got " + offset);
        }
        this.offset = offset;
        return this;
    }

    /** The neutral description a driver compiles. */
    public Query toQuery() {
        return Query.from(type.table()).withWhere(wheres).withOrders(orders).withLimit(limit).withOffset(offset);
    }

    // ---- results ----

    public List<M> get() {
        DatabaseConnection connection = connection();
        return type.hydrate(connection.select(toQuery()).drain(), db, connection.supports(Capability.DOCUMENTS));
    }

    public Optional<M> first() {
        Integer previous = limit;
        limit = 1;
        try {
            List<M> found = get();
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } finally {
            limit = previous;
        }
    }

    public M firstOrFail() {
        return first().orElseThrow(() -> new ModelNotFoundException("no " + type.name() + " in " + type.table()
                + " on connection '" + connection().name() + "' matches " + describeWheres()));
    }

    /** The model with this primary key, within the query's other conditions. */
    public Optional<M> find(Object key) {
        Condition previous = wheres;
        try {
            return where(type.keyName(), key).first();
        } finally {
            wheres = previous;
        }
    }

    public M findOrFail(Object key) {
        return find(key).orElseThrow(() -> new ModelNotFoundException("no " + type.name() + " with "
                + type.keyName() + " " + key + " in " + type.table() + " on connection '" + connection().name() + "'"));
    }

    public long count() {
        Query query = toQuery();
        if (query.paged()) {
            // A paged count counts the page: read the page's keys and count them.
            Query keys = query.selecting(Expression.column(type.keyName()));
            return connection().select(keys).drain().size();
        }
        Object[] row = connection().select(query.withOrders(List.of()).selecting(Expression.countAll())).drain().values().get(0);
        return ((Number) row[0]).longValue();
    }

    public boolean exists() {
        return !connection().select(toQuery().withLimit(1)).drain().isEmpty();
    }

    /** Updates every matching row at once, without loading models; returns how many. */
    public long update(Map<String, ?> values) {
        Map<String, Object> cast = new java.util.LinkedHashMap<>();
        values.forEach((column, value) -> cast.put(column, type.cast(column, value)));
        if (type.timestamps() && !cast.containsKey(ModelType.UPDATED_AT)) {
            cast.put(ModelType.UPDATED_AT, db.now());
        }
        if (limit != null || offset != null) {
            throw new EloquentException("update() acts on every matching row; remove limit/offset from the query");
        }
        List<Write.Assignment> assignments = new ArrayList<>();
        cast.forEach((column, value) -> assignments.add(new Write.Assignment(column, Expression.value(value))));
        return connection().write(new Write.Update(toQuery().conditionsOnly(), assignments)).affected();
    }

    /** Deletes every matching row at once; returns how many. */
    public long delete() {
        if (limit != null || offset != null) {
            throw new EloquentException("delete() acts on every matching row; remove limit/offset from the query");
        }
        return connection().write(new Write.Delete(toQuery().conditionsOnly())).affected();
    }

    private DatabaseConnection connection() {
        return db.connectionFor(type);
    }

    /** The conditions with their values left out: values may be secrets and do not belong in messages. */
    private String describeWheres() {
        return wheres.isTrue() ? "(no conditions)" : Describe.condition(wheres);
    }
}
