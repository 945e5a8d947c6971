package dev.eloquent.orm;

import dev.eloquent.api.Capability;
import dev.eloquent.api.Condition;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Operator;
import dev.eloquent.api.Order;
import dev.eloquent.api.Query;
import dev.eloquent.api.Where;

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
    private final List<Where> wheres = new ArrayList<>();
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
        return add(false, new Condition.In(column, castAll(column, values), false));
    }

    public ModelQuery<M> whereNotIn(String column, Collection<?> values) {
        return add(false, new Condition.In(column, castAll(column, values), true));
    }

    public ModelQuery<M> whereNull(String column) {
        type.column(column);
        return add(false, new Condition.Null(column, false));
    }

    public ModelQuery<M> whereNotNull(String column) {
        type.column(column);
        return add(false, new Condition.Null(column, true));
    }

    private Condition compare(String column, String operator, Object value) {
        Operator op = Operator.parse(operator);
        Object bound = op == Operator.LIKE || op == Operator.NOT_LIKE ? checkPattern(column, value)
                : type.cast(column, value);
        return new Condition.Compare(column, op, bound);
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
        return new Condition.Group(inner.wheres);
    }

    private ModelQuery<M> add(boolean or, Condition condition) {
        wheres.add(new Where(or, condition));
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
        return new Query(type.table(), List.of(), wheres, orders, limit, offset);
    }

    // ---- results ----

    public List<M> get() {
        DatabaseConnection connection = connection();
        return type.hydrate(connection.select(toQuery()), db, connection.supports(Capability.DOCUMENTS));
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
        return where(type.keyName(), key).first();
    }

    public M findOrFail(Object key) {
        return find(key).orElseThrow(() -> new ModelNotFoundException("no " + type.name() + " with "
                + type.keyName() + " " + key + " in " + type.table() + " on connection '" + connection().name() + "'"));
    }

    public long count() {
        return connection().count(toQuery());
    }

    public boolean exists() {
        return connection().exists(toQuery());
    }

    /** Updates every matching row at once, without loading models; returns how many. */
    public long update(Map<String, ?> values) {
        Map<String, Object> cast = new java.util.LinkedHashMap<>();
        values.forEach((column, value) -> cast.put(column, type.cast(column, value)));
        if (type.timestamps() && !cast.containsKey(ModelType.UPDATED_AT)) {
            cast.put(ModelType.UPDATED_AT, db.now());
        }
        return connection().update(toQuery().conditionsOnly(), cast);
    }

    /** Deletes every matching row at once; returns how many. */
    public long delete() {
        if (limit != null || offset != null) {
            throw new EloquentException("delete() acts on every matching row; remove limit/offset from the query");
        }
        return connection().delete(toQuery());
    }

    private DatabaseConnection connection() {
        return db.connectionFor(type);
    }

    /** The conditions with their values left out: values may be secrets and do not belong in messages. */
    private String describeWheres() {
        if (wheres.isEmpty()) {
            return "(no conditions)";
        }
        StringBuilder text = new StringBuilder();
        describe(wheres, text);
        return text.toString();
    }

    private static void describe(List<Where> wheres, StringBuilder text) {
        for (int i = 0; i < wheres.size(); i++) {
            Where where = wheres.get(i);
            if (i > 0) {
                text.append(where.or() ? " or " : " and ");
            }
            Condition condition = where.condition();
            if (condition instanceof Condition.Compare c) {
                text.append(c.column()).append(' ').append(c.operator().symbol()).append(" ?");
            } else if (condition instanceof Condition.In in) {
                text.append(in.column()).append(in.negated() ? " not in (...)" : " in (...)");
            } else if (condition instanceof Condition.Null n) {
                text.append(n.column()).append(n.negated() ? " is not null" : " is null");
            } else if (condition instanceof Condition.Group g) {
                text.append('(');
                describe(g.wheres(), text);
                text.append(')');
            }
        }
    }
}
