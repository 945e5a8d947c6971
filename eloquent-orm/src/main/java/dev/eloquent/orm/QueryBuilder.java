package dev.eloquent.orm;

import dev.eloquent.api.AggregateFunction;
import dev.eloquent.api.Capabilities;
import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.Condition;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.Cursor;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Join;
import dev.eloquent.api.Lock;
import dev.eloquent.api.Operator;
import dev.eloquent.api.Order;
import dev.eloquent.api.Query;
import dev.eloquent.api.ReadScope;
import dev.eloquent.api.Selection;
import dev.eloquent.api.TableRef;
import dev.eloquent.api.Write;
import dev.eloquent.api.WriteResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The fluent query builder, in Laravel's manner: mutable, each method returns the builder, {@link #clone()}
 * copies it. Conditions are kept as a sequence and turned into a {@link Condition} tree once, when the
 * query is built ({@link Clauses}: {@code and} binds tighter than {@code or}, groups stay groups). Column
 * names are checked as they are added, values are always bound, operators come from a fixed list, and
 * the statement is checked against the connection's capabilities before it is sent.
 *
 * <p>{@link ModelQuery} returns models; {@link TableQuery} returns rows as maps.
 *
 * @param <Q> the builder's own type, so that chained calls keep it
 * @param <R> what a row becomes
 */
public abstract class QueryBuilder<Q extends QueryBuilder<Q, R>, R> implements Cloneable {
    final Eloquent db;
    private TableRef from;
    private List<Selection> selections = new ArrayList<>();
    private boolean distinct;
    private List<Join> joins = new ArrayList<>();
    private Clauses<Condition> wheres = new Clauses<>();
    private List<Expression> groups = new ArrayList<>();
    private Clauses<HavingTerm> havings = new Clauses<>();
    private List<OrderTerm> orders = new ArrayList<>();
    private Integer limit;
    private Integer offset;
    private Lock lock = Lock.NONE;
    /** Whether this query's reads go to the primary even where the connection has read replicas. */
    private boolean onPrimary;
    /**
     * The builders the subqueries in this query came from, by identity (see {@link SubqueryPlan}); null
     * until the first one, as most queries have none (an empty IdentityHashMap is 64 slots, copied by every clone).
     */
    private Map<Query, QueryBuilder<?, ?>> subqueries;

    QueryBuilder(Eloquent db, TableRef from) {
        this.db = db;
        this.from = from;
    }

    /** A having item, resolved when the query is built, since the selections it may name can come later. */
    private record HavingTerm(String expression, Operator operator, Object value, Condition raw) {
    }

    /** An order item: a name resolved when the query is built (alias, aggregate or column), or a fixed order. */
    private record OrderTerm(String name, boolean descending, Order fixed) {
    }

    // ---- what subclasses decide ----

    @SuppressWarnings("unchecked")
    Q self() {
        return (Q) this;
    }

    /** The connection this query runs on, opened on first use. */
    abstract DatabaseConnection connection();

    /** The connection's name, known without opening it. */
    abstract ConnectionName connectionName();

    /** The key column {@code find}, {@code chunkById} and {@code lazy} use. */
    abstract String keyName();

    /** Every key column (several for a model with a composite key). */
    abstract List<String> keyNames();

    /** A reader for rows of a result with these columns (whatever the connection: the selection decided them). */
    abstract RowReader<R> reader(List<String> columns);

    /** A row's key, for {@code chunkById}. */
    abstract Object keyOf(R row);

    /** What the rows are, for messages: {@code "User in users"}, {@code "row of playlist_track"}. */
    abstract String describeRows();

    /** Checks a column named by the application; a model checks it against its schema. */
    void checkColumn(Expression.Column column) {
    }

    /** A value compared with a column, as the column holds it; a model converts it (never rounds or refuses its size). */
    Object bindValue(Expression.Column column, Object value) {
        return value;
    }

    /** A value written to a column; a model applies the value rules (docs/values.md: round, refuse, truncate). */
    Object writeValue(Expression.Column column, Object value) {
        return value == null ? null : bindValue(column, value);
    }

    /** A value read from a column of a result, as the application sees it; a model converts it. */
    Object readColumn(String column, Object raw) {
        return raw;
    }

    /** The declared column, or null when nothing is declared (tables, undeclared models). */
    ColumnSpec declared(String column) {
        return null;
    }

    /** A row about to be inserted: a model casts its values. */
    Map<String, Object> insertRow(Map<String, ?> row) {
        Map<String, Object> copy = new LinkedHashMap<>();
        row.forEach((column, value) -> copy.put(column, writeValue(writable(column), value)));
        return copy;
    }

    /** A row about to be upserted: a model also fills in its timestamps. */
    Map<String, Object> upsertRow(Map<String, ?> row) {
        return insertRow(row);
    }

    /** The columns an upsert updates on existing rows: a model adds {@code updated_at}. */
    List<String> upsertUpdates(List<String> updateColumns) {
        return updateColumns;
    }

    /** Assignments of an update, about to be sent: a model touches {@code updated_at}. */
    void touch(Map<String, Expression> assignments) {
    }

    // ---- conditions ----

    /** {@code column = value}; a null value means {@code IS NULL}. */
    public Q where(String column, Object value) {
        return where(column, "=", value);
    }

    /** {@code column operator value}, operator one of {@code = != <> < <= > >= like not like}. */
    public Q where(String column, String operator, Object value) {
        return addWhere(false, compare(column, operator, value));
    }

    /** A parenthesised group: {@code where(q -> q.where("a", 1).orWhere("b", 2))}. */
    public Q where(Consumer<Q> group) {
        return addGroup(false, group, false);
    }

    public Q orWhere(String column, Object value) {
        return orWhere(column, "=", value);
    }

    public Q orWhere(String column, String operator, Object value) {
        return addWhere(true, compare(column, operator, value));
    }

    public Q orWhere(Consumer<Q> group) {
        return addGroup(true, group, false);
    }

    /** {@code NOT (group)}, with SQL's meaning: rows where the group is unknown (null) match neither. */
    public Q whereNot(Consumer<Q> group) {
        return addGroup(false, group, true);
    }

    public Q orWhereNot(Consumer<Q> group) {
        return addGroup(true, group, true);
    }

    /** {@code column IN (values)}; an empty collection matches nothing. */
    public Q whereIn(String column, Collection<?> values) {
        return addWhere(false, in(column, values, false));
    }

    /** {@code column IN (subquery)}; the subquery selects one column. */
    public Q whereIn(String column, QueryBuilder<?, ?> subquery) {
        return addWhere(false, inSubquery(column, subquery, false));
    }

    /** {@code column NOT IN (values)}; an empty collection matches everything. */
    public Q whereNotIn(String column, Collection<?> values) {
        return addWhere(false, in(column, values, true));
    }

    public Q whereNotIn(String column, QueryBuilder<?, ?> subquery) {
        return addWhere(false, inSubquery(column, subquery, true));
    }

    public Q orWhereIn(String column, Collection<?> values) {
        return addWhere(true, in(column, values, false));
    }

    public Q orWhereIn(String column, QueryBuilder<?, ?> subquery) {
        return addWhere(true, inSubquery(column, subquery, false));
    }

    public Q orWhereNotIn(String column, Collection<?> values) {
        return addWhere(true, in(column, values, true));
    }

    public Q orWhereNotIn(String column, QueryBuilder<?, ?> subquery) {
        return addWhere(true, inSubquery(column, subquery, true));
    }

    public Q whereNull(String column) {
        return addWhere(false, new Condition.Null(column(column), false));
    }

    public Q whereNotNull(String column) {
        return addWhere(false, new Condition.Null(column(column), true));
    }

    public Q orWhereNull(String column) {
        return addWhere(true, new Condition.Null(column(column), false));
    }

    public Q orWhereNotNull(String column) {
        return addWhere(true, new Condition.Null(column(column), true));
    }

    /** {@code column BETWEEN low AND high}, both ends included. */
    public Q whereBetween(String column, Object low, Object high) {
        return addWhere(false, between(column, low, high, false));
    }

    public Q whereNotBetween(String column, Object low, Object high) {
        return addWhere(false, between(column, low, high, true));
    }

    public Q orWhereBetween(String column, Object low, Object high) {
        return addWhere(true, between(column, low, high, false));
    }

    /** {@code column LIKE pattern}, ignoring the case of ASCII letters on every driver. */
    public Q whereLike(String column, String pattern) {
        return where(column, "like", pattern);
    }

    /** {@code column LIKE pattern}; with {@code caseSensitive}, letters must match in case on every driver. */
    public Q whereLike(String column, String pattern, boolean caseSensitive) {
        if (!caseSensitive) {
            return whereLike(column, pattern);
        }
        if (pattern == null) {
            throw new EloquentException("whereLike on " + column + " needs a text pattern, got null");
        }
        return addWhere(false, new Condition.Compare(column(column), Operator.LIKE_CASE_SENSITIVE,
                Expression.value(pattern)));
    }

    public Q whereNotLike(String column, String pattern) {
        return where(column, "not like", pattern);
    }

    /** {@code first = second}, two columns. */
    public Q whereColumn(String first, String second) {
        return whereColumn(first, "=", second);
    }

    public Q whereColumn(String first, String operator, String second) {
        return addWhere(false, new Condition.Compare(column(first), Operator.parse(operator), column(second)));
    }

    public Q orWhereColumn(String first, String second) {
        return orWhereColumn(first, "=", second);
    }

    public Q orWhereColumn(String first, String operator, String second) {
        return addWhere(true, new Condition.Compare(column(first), Operator.parse(operator), column(second)));
    }

    /** {@code EXISTS (subquery)}; the subquery may compare its columns with this query's ({@code whereColumn}). */
    public Q whereExists(QueryBuilder<?, ?> subquery) {
        return addWhere(false, new Condition.Exists(sameConnectionSubquery(subquery, "whereExists"), false));
    }

    public Q whereNotExists(QueryBuilder<?, ?> subquery) {
        return addWhere(false, new Condition.Exists(sameConnectionSubquery(subquery, "whereNotExists"), true));
    }

    /** SQL text with {@code ?} bindings (SQL connections only). */
    public Q whereRaw(String sql, Object... bindings) {
        return addWhere(false, new Condition.Raw(sql, Arrays.asList(bindings), false));
    }

    public Q orWhereRaw(String sql, Object... bindings) {
        return addWhere(true, new Condition.Raw(sql, Arrays.asList(bindings), false));
    }

    /** Adds a condition already built. */
    Q addCondition(boolean or, Condition condition) {
        return addWhere(or, condition);
    }

    /**
     * Adds a condition on a subquery of this query's connection (EXISTS, or a count compared with a
     * number), registered like the public subquery methods register theirs.
     */
    Q addSubqueryCondition(boolean or, QueryBuilder<?, ?> subquery, String method, Function<Query, Condition> condition) {
        return addWhere(or, condition.apply(sameConnectionSubquery(subquery, method)));
    }

    private Q addWhere(boolean or, Condition condition) {
        wheres.add(or, condition);
        return self();
    }

    private Q addGroup(boolean or, Consumer<Q> group, boolean negate) {
        Q inner = blank();
        group.accept(inner);
        Condition condition = inner.whereCondition();
        if (condition.isTrue()) {
            return self(); // an empty group adds nothing, as in Laravel
        }
        return addWhere(or, negate ? condition.negate() : condition);
    }

    /** A builder on the same table with no parts, sharing this one's subquery sources: for groups and scopes. */
    Q blank() {
        Q blank = clone();
        QueryBuilder<Q, R> b = blank;
        b.selections = new ArrayList<>();
        b.distinct = false;
        b.joins = new ArrayList<>();
        b.wheres = new Clauses<>();
        b.groups = new ArrayList<>();
        b.havings = new Clauses<>();
        b.orders = new ArrayList<>();
        b.limit = null;
        b.offset = null;
        b.lock = Lock.NONE;
        b.subqueries = subqueries(); // shared: what a group or scope registers is this query's too
        return blank;
    }

    private Condition compare(String column, String operator, Object value) {
        Operator op = Operator.parse(operator);
        Expression.Column left = column(column);
        if (value == null) {
            return Conditions.nullCheck(left, op);
        }
        if (op.isLike()) {
            if (!(value instanceof CharSequence)) {
                throw new EloquentException(op.symbol() + " on " + column + " needs a text pattern, got "
                        + value.getClass().getSimpleName());
            }
            return new Condition.Compare(left, op, Expression.value(value.toString()));
        }
        if (value instanceof QueryBuilder<?, ?>) {
            throw new EloquentException("where on " + column + " takes a value; use whereIn(column, subquery) or"
                    + " whereColumn for a column");
        }
        return new Condition.Compare(left, op, Expression.value(bindValue(left, value)));
    }

    private Condition in(String column, Collection<?> values, boolean negated) {
        Expression.Column left = column(column);
        List<Object> bound = new ArrayList<>(values.size());
        for (Object value : values) {
            bound.add(value == null ? null : bindValue(left, value));
        }
        return new Condition.In(left, bound, negated);
    }

    private Condition inSubquery(String column, QueryBuilder<?, ?> subquery, boolean negated) {
        Expression.Column left = column(column);
        Query inner = subquery.toQuery();
        if (inner.selections().size() != 1) {
            throw new EloquentException("whereIn(" + column + ", subquery): the subquery must select exactly one"
                    + " column, it selects " + (inner.selections().isEmpty() ? "every column" : inner.selections().size()));
        }
        register(inner, subquery);
        return new Condition.InSubquery(left, inner, negated);
    }

    private Condition between(String column, Object low, Object high, boolean negated) {
        Expression.Column left = column(column);
        if (low == null || high == null) {
            throw new EloquentException("whereBetween on " + column + " needs two non-null bounds");
        }
        return new Condition.Between(left, Expression.value(bindValue(left, low)),
                Expression.value(bindValue(left, high)), negated);
    }

    /** The subquery's tree, refused unless it reads this query's connection (only whereIn runs separately). */
    private Query sameConnectionSubquery(QueryBuilder<?, ?> subquery, String method) {
        if (!subquery.connectionName().equals(connectionName())) {
            throw new EloquentException(method + ": the subquery reads connection '" + subquery.connectionName()
                    + "' and this query '" + connectionName() + "'; only whereIn takes a subquery of another"
                    + " connection (it runs first and feeds its values)");
        }
        Query inner = subquery.toQuery();
        register(inner, subquery);
        return inner;
    }

    /** The subquery sources, made on first need (to add one, or to share them with a blank builder). */
    private Map<Query, QueryBuilder<?, ?>> subqueries() {
        if (subqueries == null) {
            subqueries = new IdentityHashMap<>();
        }
        return subqueries;
    }

    /** The subquery sources to read: none is an empty map. */
    private Map<Query, QueryBuilder<?, ?>> sources() {
        return subqueries == null ? Map.of() : subqueries;
    }

    private void register(Query inner, QueryBuilder<?, ?> source) {
        subqueries().putAll(source.sources());
        subqueries().put(inner, source.clone());
    }

    /** The where conditions as one tree. */
    Condition whereCondition() {
        return wheres.build(Function.identity());
    }

    /**
     * Runs a local scope on this builder with the conditions it adds kept as one group, ANDed with the
     * conditions before it as another (Laravel's callScope): {@code where(a).orWhere(b)} and a scope's
     * {@code where(c).orWhere(d)} make {@code (a or b) and (c or d)}. Its other parts (orders, eager loads)
     * apply as they are.
     */
    Q applyScope(Consumer<Q> scope) {
        Clauses<Condition> saved = wheres;
        Condition before = whereCondition();
        wheres = new Clauses<>();
        try {
            scope.accept(self());
        } catch (RuntimeException | Error e) {
            wheres = saved; // a failing scope leaves the query's conditions as they were
            throw e;
        }
        Condition added = whereCondition();
        wheres = new Clauses<>();
        if (!before.isTrue()) {
            wheres.add(false, before);
        }
        if (!added.isTrue()) {
            wheres.add(false, added);
        }
        return self();
    }

    // ---- selection ----

    /**
     * The columns to return, each {@code col}, {@code t.col}, {@code t.*}, {@code col as alias} or an
     * aggregate ({@code count(*)}, {@code count(col)}, {@code count(distinct col)}, {@code sum|avg|min|max(col)})
     * optionally {@code as alias}; replaces earlier selections.
     */
    public Q select(String... columns) {
        selections = new ArrayList<>();
        return addSelect(columns);
    }

    public Q addSelect(String... columns) {
        for (String item : columns) {
            Selection selection = Selections.parse(item);
            checkExpression(selection.expression());
            selections.add(selection);
        }
        return self();
    }

    /** SQL text as a selected expression, with {@code ?} bindings (SQL connections only). */
    public Q selectRaw(String sql, Object... bindings) {
        selections.add(Selection.of(new Expression.Raw(sql, Arrays.asList(bindings))));
        return self();
    }

    /** A scalar subquery as a selected column: {@code selectSub(db.table("albums").select("count(*)")..., "albums")}. */
    public Q selectSub(QueryBuilder<?, ?> subquery, String alias) {
        selections.add(new Selection(new Expression.Subquery(sameConnectionSubquery(subquery, "selectSub")), alias));
        return self();
    }

    public Q distinct() {
        distinct = true;
        return self();
    }

    // ---- joins ----

    /** {@code INNER JOIN table ON first operator second}; {@code table} may be {@code "employees as managers"}. */
    public Q join(String table, String first, String operator, String second) {
        return join(Join.Kind.INNER, table, j -> j.on(first, operator, second));
    }

    public Q join(String table, Consumer<JoinClause> on) {
        return join(Join.Kind.INNER, table, on);
    }

    public Q leftJoin(String table, String first, String operator, String second) {
        return join(Join.Kind.LEFT, table, j -> j.on(first, operator, second));
    }

    public Q leftJoin(String table, Consumer<JoinClause> on) {
        return join(Join.Kind.LEFT, table, on);
    }

    public Q rightJoin(String table, String first, String operator, String second) {
        return join(Join.Kind.RIGHT, table, j -> j.on(first, operator, second));
    }

    public Q rightJoin(String table, Consumer<JoinClause> on) {
        return join(Join.Kind.RIGHT, table, on);
    }

    public Q crossJoin(String table) {
        joins.add(new Join(Join.Kind.CROSS, TableRef.parse(table), Condition.TRUE));
        return self();
    }

    private Q join(Join.Kind kind, String table, Consumer<JoinClause> on) {
        TableRef joined = TableRef.parse(table);
        JoinClause clause = new JoinClause(this::column);
        on.accept(clause);
        joins.add(new Join(kind, joined, clause.condition()));
        return self();
    }

    // ---- grouping ----

    public Q groupBy(String... columns) {
        for (String column : columns) {
            groups.add(column(column));
        }
        return self();
    }

    /**
     * {@code expression operator value} on groups, where the expression is an aggregate item
     * ({@code count(*)}, {@code sum(total)}), the alias of a selected expression (replaced by that
     * expression, which every database accepts) or a grouped column.
     */
    public Q having(String expression, String operator, Object value) {
        havings.add(false, new HavingTerm(expression, Operator.parse(operator), value, null));
        return self();
    }

    public Q orHaving(String expression, String operator, Object value) {
        havings.add(true, new HavingTerm(expression, Operator.parse(operator), value, null));
        return self();
    }

    public Q havingRaw(String sql, Object... bindings) {
        havings.add(false, new HavingTerm(null, null, null, new Condition.Raw(sql, Arrays.asList(bindings), false)));
        return self();
    }

    public Q orHavingRaw(String sql, Object... bindings) {
        havings.add(true, new HavingTerm(null, null, null, new Condition.Raw(sql, Arrays.asList(bindings), false)));
        return self();
    }

    private Condition resolveHaving(HavingTerm term) {
        if (term.raw() != null) {
            return term.raw();
        }
        Expression left = selectedExpression(term.expression());
        if (left == null) {
            left = Selections.expression(term.expression());
            checkExpression(left);
        }
        if (term.value() == null) {
            return Conditions.nullCheck(left, term.operator());
        }
        return new Condition.Compare(left, term.operator(), Expression.value(term.value()));
    }

    /** The expression selected under this alias, or null. */
    private Expression selectedExpression(String alias) {
        for (Selection selection : selections) {
            if (alias.trim().equals(selection.alias())) {
                return selection.expression();
            }
        }
        return null;
    }

    // ---- order and paging ----

    public Q orderBy(String column) {
        return orderBy(column, "asc");
    }

    /** Sorts by a column, a selected alias or an aggregate item, direction {@code asc} or {@code desc}. */
    public Q orderBy(String column, String direction) {
        boolean descending = Order.descending(direction);
        if (column == null || column.isBlank()) {
            throw new EloquentException("orderBy needs a column");
        }
        orders.add(new OrderTerm(column.trim(), descending, null));
        return self();
    }

    public Q orderByDesc(String column) {
        return orderBy(column, "desc");
    }

    /** Newest first by {@code created_at} (a model's renamed creation timestamp). */
    public Q latest() {
        return latest(createdAtColumn());
    }

    /** The column {@link #latest()} and {@link #oldest()} order by. */
    String createdAtColumn() {
        return ModelType.CREATED_AT;
    }

    public Q latest(String column) {
        return orderBy(column, "desc");
    }

    public Q oldest() {
        return oldest(createdAtColumn());
    }

    public Q oldest(String column) {
        return orderBy(column, "asc");
    }

    public Q inRandomOrder() {
        orders.add(new OrderTerm(null, false, Order.random()));
        return self();
    }

    /** SQL text to sort by, with {@code ?} bindings (SQL connections only). */
    public Q orderByRaw(String sql, Object... bindings) {
        orders.add(new OrderTerm(null, false, new Order(new Expression.Raw(sql, Arrays.asList(bindings)), false)));
        return self();
    }

    /** Removes every order. */
    public Q reorder() {
        orders = new ArrayList<>();
        return self();
    }

    /** Replaces every order with this one. */
    public Q reorder(String column, String direction) {
        return reorder().orderBy(column, direction);
    }

    private Order resolveOrder(OrderTerm term) {
        if (term.fixed() != null) {
            return term.fixed();
        }
        if (selectedExpression(term.name()) != null) {
            // ORDER BY an output alias is standard SQL, and what a document store's pipeline can sort on.
            return new Order(new Expression.Column(null, term.name()), term.descending());
        }
        Expression expression = Selections.expression(term.name());
        checkExpression(expression);
        return new Order(expression, term.descending());
    }

    public Q limit(int limit) {
        if (limit < 0) {
            throw new EloquentException("limit must not be negative, got " + limit);
        }
        this.limit = limit;
        return self();
    }

    public Q take(int count) {
        return limit(count);
    }

    public Q offset(int offset) {
        if (offset < 0) {
            throw new EloquentException("offset must not be negative, got " + offset);
        }
        this.offset = offset;
        return self();
    }

    public Q skip(int count) {
        return offset(count);
    }

    /** Page {@code page} (from 1) of {@code perPage} rows. */
    public Q forPage(int page, int perPage) {
        checkPage(page, perPage);
        return offset(Math.multiplyExact(page - 1, perPage)).limit(perPage);
    }

    /** Locks the rows read until the transaction ends, against writes and other locking reads. */
    public Q lockForUpdate() {
        lock = Lock.UPDATE;
        return self();
    }

    /** Locks the rows read until the transaction ends, against writes. */
    public Q sharedLock() {
        lock = Lock.SHARED;
        return self();
    }

    // ---- read replicas ----

    /**
     * Reads this query on the connection's primary even where it has read replicas (Laravel's
     * {@code useWritePdo}): for a read that must see a write made just before, outside a sticky scope
     * (docs/scaling-out.md). No effect on a connection without replicas. Eager loads of the query are
     * queries of their own and follow the usual rules.
     */
    public Q onPrimary() {
        onPrimary = true;
        return self();
    }

    // ---- the statement ----

    /** The neutral description a driver compiles. */
    public Query toQuery() {
        List<Order> resolved = orders.isEmpty() ? List.of() : new ArrayList<>(orders.size());
        for (OrderTerm order : orders) {
            resolved.add(resolveOrder(order));
        }
        return new Query(from, selections, distinct, joins, whereCondition(), groups,
                havings.isEmpty() ? Condition.TRUE : havings.build(this::resolveHaving), resolved, limit, offset, lock);
    }

    /** A copy with its own parts: changing one does not change the other. */
    @Override
    @SuppressWarnings("unchecked")
    public Q clone() {
        try {
            QueryBuilder<Q, R> copy = (QueryBuilder<Q, R>) super.clone();
            copy.selections = new ArrayList<>(selections);
            copy.joins = new ArrayList<>(joins);
            copy.wheres = wheres.copy();
            copy.groups = new ArrayList<>(groups);
            copy.havings = havings.copy();
            copy.orders = new ArrayList<>(orders);
            copy.subqueries = subqueries == null ? null : new IdentityHashMap<>(subqueries);
            return (Q) copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** A column named by the application: spelling checked, then {@link #checkColumn}. */
    Expression.Column column(String path) {
        Expression.Column column = Expression.column(path == null ? null : path.trim());
        checkColumn(column);
        return column;
    }

    /** A column written by an insert or update: unqualified, checked. */
    Expression.Column writable(String name) {
        Expression.Column column = column(name);
        if (column.qualifier() != null || column.name().equals("*")) {
            throw new EloquentException("'" + name + "' cannot be written: name a column of " + from.name()
                    + " without a table");
        }
        return column;
    }

    private void checkExpression(Expression expression) {
        if (expression instanceof Expression.Column column && !column.name().equals("*")) {
            checkColumn(column);
        } else if (expression instanceof Expression.Aggregate aggregate && aggregate.argument() != null) {
            checkExpression(aggregate.argument());
        }
    }

    /** The table's reference (alias or name), which qualifies the key when the query has joins. */
    String keyColumn() {
        return joins.isEmpty() ? keyName() : from.reference() + "." + keyName();
    }

    String table() {
        return from.name();
    }

    /** How columns of the queried table are qualified: its alias, else its name. */
    String reference() {
        return from.reference();
    }

    /**
     * Reads the table under an alias: a relation's query correlated with an outer query of the same table
     * (an employee's manager is an employee) needs its own name for the inner table.
     */
    void aliasFrom(String alias) {
        from = new TableRef(from.name(), alias, null);
    }

    /**
     * What a read of "every column" ({@code *}, or nothing selected) selects: here the table's columns as
     * the database has them; a model with a schema names its declared columns instead.
     */
    Query rowsOf(Query query) {
        return query;
    }

    /** Whether nothing was selected, so a row is every column of the table. */
    boolean selectsEverything() {
        return selections.isEmpty();
    }

    /**
     * Reads whose rows the caller takes whole (lists, pages, first rows, columns): the plan (two-query
     * rewrites), the capability walk, then the connection, which may fetch the result at once.
     */
    Cursor run(Query query) {
        return run(query, false);
    }

    /** As {@link #run(Query)}, for a read the caller streams ({@link #cursor()}). */
    Cursor stream(Query query) {
        return run(query, true);
    }

    private Cursor run(Query query, boolean streamed) {
        // The inner queries of a two-query plan run inside the scope too: they are part of this read.
        return onPrimary ? ReadScope.onPrimary(() -> send(query, streamed)) : send(query, streamed);
    }

    private Cursor send(Query query, boolean streamed) {
        DatabaseConnection connection = connection();
        Query planned = new SubqueryPlan(sources(), connection, connectionName()).apply(rowsOf(query));
        Capabilities.check(connection, Capabilities.required(planned));
        return streamed ? connection.select(planned) : connection.selectAll(planned);
    }

    /** Writes: as reads, for the rows an update or delete targets. */
    WriteResult run(Write write) {
        DatabaseConnection connection = connection();
        SubqueryPlan plan = new SubqueryPlan(sources(), connection, connectionName());
        Write planned = write;
        if (write instanceof Write.Update update) {
            planned = new Write.Update(plan.apply(update.target()), update.assignments());
        } else if (write instanceof Write.Delete delete) {
            planned = new Write.Delete(plan.apply(delete.target()));
        }
        Capabilities.check(connection, Capabilities.required(planned));
        return connection.write(planned);
    }

    /** The first selected column of every row of a subquery built here (the inner half of a two-query plan). */
    List<Object> columnValues(Query query) {
        String name = query.selections().isEmpty() ? null : query.selections().get(0).resultName();
        List<Object> values = new ArrayList<>();
        try (Cursor cursor = run(query)) {
            int index = position(cursor.columns(), name, 0);
            while (cursor.hasNext()) {
                values.add(readColumn(name, cursor.next()[index]));
            }
        }
        return values;
    }

    private static int position(List<String> columns, String name, int fallback) {
        int index = name == null ? -1 : columns.indexOf(name);
        return index >= 0 ? index : fallback;
    }

    // ---- reads ----

    public List<R> get() {
        return read(toQuery());
    }

    List<R> read(Query query) {
        try (Cursor cursor = run(query)) {
            RowReader<R> reader = reader(cursor.columns());
            List<R> rows = new ArrayList<>();
            Object[] values = null; // one array for the whole result: the reader copies each row out
            while (cursor.hasNext()) {
                values = cursor.next(values);
                rows.add(reader.read(values));
            }
            return rows;
        }
    }

    public Optional<R> first() {
        List<R> rows = read(toQuery().withLimit(limit == null ? 1 : Math.min(limit, 1)));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public R firstOrFail() {
        return first().orElseThrow(this::notFound);
    }

    /** The only matching row: none fails with {@link ModelNotFoundException}, two or more with {@link MultipleRecordsFoundException}. */
    public R sole() {
        List<R> rows = read(toQuery().withLimit(limit == null ? 2 : Math.min(limit, 2)));
        if (rows.isEmpty()) {
            throw notFound();
        }
        if (rows.size() > 1) {
            throw new MultipleRecordsFoundException("sole() found more than one " + describeRows() + " on connection '"
                    + connectionName() + "' matching " + Describe.condition(whereCondition()));
        }
        return rows.get(0);
    }

    private ModelNotFoundException notFound() {
        return new ModelNotFoundException("no " + describeRows() + " on connection '" + connectionName()
                + "' matches " + Describe.condition(whereCondition()));
    }

    /** The row with this key, within the query's other conditions; the builder itself is not changed. */
    public Optional<R> find(Object key) {
        return clone().findHere(key);
    }

    /** {@link #find} on this builder itself, for one made for this call alone ({@code Eloquent.find}): no copy. */
    Optional<R> findHere(Object key) {
        return where(keyColumn(), key).first();
    }

    /**
     * The row with this key, or {@link ModelNotFoundException}. The key is left out of the message, as
     * every value is (a key can be personal data, and messages end up in logs): the caller has it.
     */
    public R findOrFail(Object key) {
        return find(key).orElseThrow(() -> new ModelNotFoundException("no " + describeRows() + " with the given "
                + keyName() + " on connection '" + connectionName() + "'"));
    }

    /** The rows with these keys, within the query's other conditions. */
    public List<R> findMany(Collection<?> keys) {
        if (keys.isEmpty()) {
            return new ArrayList<>();
        }
        return clone().whereIn(keyColumn(), keys).get();
    }

    /** One column of the first row, or null when nothing matches. */
    public Object value(String column) {
        Selection selection = Selections.parse(column);
        checkExpression(selection.expression());
        Query query = toQuery().withSelections(List.of(selection)).withLimit(1);
        try (Cursor cursor = run(query)) {
            if (!cursor.hasNext()) {
                return null;
            }
            String name = selection.resultName();
            return readColumn(name, cursor.next()[position(cursor.columns(), name, 0)]);
        }
    }

    /** One column of every matching row, in order. */
    public List<Object> pluck(String column) {
        Selection selection = Selections.parse(column);
        checkExpression(selection.expression());
        Query query = toQuery().withSelections(List.of(selection));
        List<Object> values = new ArrayList<>();
        try (Cursor cursor = run(query)) {
            String name = selection.resultName();
            int index = position(cursor.columns(), name, 0);
            while (cursor.hasNext()) {
                values.add(readColumn(name, cursor.next()[index]));
            }
        }
        return values;
    }

    /** {@code keyColumn -> valueColumn} of every matching row, in order; a later row wins a repeated key. */
    public Map<Object, Object> pluck(String valueColumn, String keyColumn) {
        Selection value = Selections.parse(valueColumn);
        Selection key = Selections.parse(keyColumn);
        checkExpression(value.expression());
        checkExpression(key.expression());
        Query query = toQuery().withSelections(List.of(value, key));
        Map<Object, Object> values = new LinkedHashMap<>();
        try (Cursor cursor = run(query)) {
            int valueIndex = position(cursor.columns(), value.resultName(), 0);
            int keyIndex = position(cursor.columns(), key.resultName(), 1);
            while (cursor.hasNext()) {
                Object[] row = cursor.next();
                values.put(readColumn(key.resultName(), row[keyIndex]), readColumn(value.resultName(), row[valueIndex]));
            }
        }
        return values;
    }

    // ---- aggregates ----

    /**
     * How many rows the query returns. On a paged, grouped or distinct query that is the number of rows
     * (of the page, of groups) it returns: see {@link #aggregate}.
     */
    public long count() {
        return Aggregates.toLong(aggregate(AggregateFunction.COUNT, null));
    }

    /** How many rows have a non-null value in the column. */
    public long count(String column) {
        return Aggregates.toLong(aggregate(AggregateFunction.COUNT, column(column)));
    }

    /** The sum of the column's values; 0 when no row matches. */
    public BigDecimal sum(String column) {
        Expression.Column argument = column(column);
        BigDecimal sum = Aggregates.toDecimal(aggregate(AggregateFunction.SUM, argument));
        return Aggregates.declaredScale(sum == null ? BigDecimal.ZERO : sum, declared(argument));
    }

    /** The average of the column's non-null values; null when there are none. */
    public BigDecimal avg(String column) {
        return Aggregates.toDecimal(aggregate(AggregateFunction.AVG, column(column)));
    }

    /** The smallest value, as the column's Java type when it is declared; null when there is none. */
    public Object min(String column) {
        Expression.Column argument = column(column);
        return readColumn(argument.name(), aggregate(AggregateFunction.MIN, argument));
    }

    public Object max(String column) {
        Expression.Column argument = column(column);
        return readColumn(argument.name(), aggregate(AggregateFunction.MAX, argument));
    }

    public boolean exists() {
        if (Integer.valueOf(0).equals(limit)) {
            return false;
        }
        try (Cursor cursor = run(toQuery().withLimit(1))) {
            return cursor.hasNext();
        }
    }

    public boolean doesntExist() {
        return !exists();
    }

    /** Columns of other tables are not declared here: only the model's own. */
    private ColumnSpec declared(Expression.Column column) {
        return column.qualifier() == null || column.qualifier().equals(from.reference()) ? declared(column.name()) : null;
    }

    /** One aggregate over this query's rows; see {@link AggregatePlan} for paged and grouped queries. */
    private Object aggregate(AggregateFunction function, Expression.Column argument) {
        return new AggregatePlan(this).aggregate(toQuery(), function, argument);
    }

    /** The reference (alias or table name) of what the query reads from, for qualifying its columns. */
    String fromReference() {
        return from.reference();
    }

    // ---- paging and streaming ----

    /** Page {@code page} (from 1) of {@code perPage} rows, with the total: two statements (one when nothing matches). */
    public Page<R> paginate(int perPage, int page) {
        checkPage(page, perPage);
        QueryBuilder<Q, R> all = clone();
        all.limit = null;
        all.offset = null;
        long total = all.count();
        List<R> items = total == 0 ? List.of() : clone().forPage(page, perPage).get();
        return new Page<>(items, total, perPage, page);
    }

    /** Page {@code page} of {@code perPage} rows, and whether more follow: one statement, no count. */
    public Slice<R> simplePaginate(int perPage, int page) {
        checkPage(page, perPage);
        List<R> rows = clone().offset(Math.multiplyExact(page - 1, perPage)).limit(perPage + 1).get();
        boolean more = rows.size() > perPage;
        return new Slice<>(more ? rows.subList(0, perPage) : rows, perPage, page, more);
    }

    private static void checkPage(int page, int perPage) {
        if (page < 1 || perPage < 1) {
            throw new EloquentException("pages are numbered from 1 and hold at least 1 row, got page " + page
                    + " of " + perPage);
        }
    }

    /**
     * Reads the rows {@code size} at a time (by offset, in the query's order, the key's when it has none)
     * and hands each chunk to the callback until it returns false or the rows run out.
     */
    public void chunk(int size, Function<List<R>, Boolean> callback) {
        Chunks.byOffset(this, size, callback);
    }

    /**
     * Reads the rows {@code size} at a time in key order, each chunk after the last key seen: safe while
     * the callback updates or deletes the rows it gets. Any orderBy is replaced by the key's.
     */
    public void chunkById(int size, Function<List<R>, Boolean> callback) {
        Chunks.byKey(this, size, callback);
    }

    /** The rows as a stream read in chunks of 1000 by key; close it (try-with-resources) when stopping early. */
    public Stream<R> lazy() {
        return lazy(1000);
    }

    public Stream<R> lazy(int chunkSize) {
        return Chunks.lazy(this, chunkSize);
    }

    /**
     * The rows as a stream over one driver cursor, one row in memory at a time. The cursor holds a
     * database connection until the stream ends or is closed: use try-with-resources.
     */
    public Stream<R> cursor() {
        Cursor cursor = stream(toQuery());
        try {
            return Chunks.stream(cursor, reader(cursor.columns()));
        } catch (RuntimeException e) {
            cursor.close();
            throw e;
        }
    }

    /** For {@link Chunks}: a copy ready to page, with no limit/offset (refused) and the given order. */
    QueryBuilder<Q, R> pageable(String method, boolean byKey) {
        if (limit != null || offset != null) {
            throw new EloquentException(method + " pages the query itself; remove limit/offset");
        }
        QueryBuilder<Q, R> copy = clone();
        if (byKey) {
            copy.orders = new ArrayList<>(List.of(new OrderTerm(null, false, new Order(Expression.column(keyColumn()), false))));
        } else if (orders.isEmpty()) {
            copy.orders = new ArrayList<>(List.of(new OrderTerm(keyColumn(), false, null)));
        }
        return copy;
    }

    /** For {@link Chunks}: {@code size} rows of this query, starting {@code offset} rows in. */
    List<R> page(int offset, int size) {
        return read(toQuery().withOffset(offset == 0 ? null : offset).withLimit(size));
    }

    /** For {@link Chunks}: the next {@code size} rows after the key (null for the first chunk), in key order. */
    List<R> pageAfter(Object lastKey, int size) {
        Query query = toQuery().withLimit(size);
        if (lastKey != null) {
            Expression.Column key = Expression.column(keyColumn());
            query = query.where(new Condition.Compare(key, Operator.GT, Expression.value(lastKey)));
        }
        return read(query);
    }

    // ---- writes ----

    /** Inserts one row; returns how many were inserted. */
    public long insert(Map<String, ?> row) {
        return insert(List.of(row));
    }

    /**
     * Inserts the rows. Consecutive rows with the same columns go in one statement (the driver splits it
     * where its parameter limit requires); a row with other columns starts the next statement, so a column
     * a row leaves out gets its default, never a null. Returns how many rows were inserted.
     */
    public long insert(List<? extends Map<String, ?>> rows) {
        long inserted = 0;
        List<Map<String, Object>> run = new ArrayList<>();
        for (Map<String, ?> row : rows) {
            Map<String, Object> prepared = insertRow(row);
            if (!run.isEmpty() && !run.get(0).keySet().equals(prepared.keySet())) {
                inserted += run(insertOf(run, null)).affected();
                run = new ArrayList<>();
            }
            run.add(prepared);
        }
        if (!run.isEmpty()) {
            inserted += run(insertOf(run, null)).affected();
        }
        return inserted;
    }

    /** Inserts one row and returns its generated key. */
    public Object insertGetId(Map<String, ?> row) {
        WriteResult result = run(insertOf(List.of(insertRow(row)), keyName()));
        if (result.generatedKeys().isEmpty() || result.generatedKeys().get(0) == null) {
            throw new EloquentException("connection '" + connectionName() + "' generated no key for " + table() + "."
                    + keyName());
        }
        return readColumn(keyName(), result.generatedKeys().get(0));
    }

    /** One insert statement of prepared rows, which must all have the same columns. */
    private Write.Insert insertOf(List<Map<String, Object>> rows, String returning) {
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        List<List<Object>> values = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            if (!row.keySet().equals(rows.get(0).keySet())) {
                throw new EloquentException("every row upserted into " + table() + " needs the same columns: the first"
                        + " has " + columns + ", another " + row.keySet());
            }
            List<Object> ordered = new ArrayList<>(columns.size());
            for (String column : columns) {
                ordered.add(row.get(column));
            }
            values.add(ordered);
        }
        return new Write.Insert(table(), columns, values, returning);
    }

    /** Sets the columns of every matching row at once; returns how many rows matched. */
    public long update(Map<String, ?> values) {
        Map<String, Expression> assignments = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Expression.Column column = writable(name);
            assignments.put(column.name(), Expression.value(writeValue(column, value)));
        });
        return update("update()", assignments);
    }

    /** Adds 1 to the column of every matching row, in one statement ({@code col = col + 1}). */
    public long increment(String column) {
        return increment(column, 1);
    }

    public long increment(String column, Number amount) {
        return increment(column, amount, Map.of());
    }

    /** Adds the amount to the column and sets the extra columns, in one statement. */
    public long increment(String column, Number amount, Map<String, ?> extra) {
        return addTo(column, amount, false, extra);
    }

    public long decrement(String column) {
        return decrement(column, 1);
    }

    public long decrement(String column, Number amount) {
        return decrement(column, amount, Map.of());
    }

    public long decrement(String column, Number amount, Map<String, ?> extra) {
        return addTo(column, amount, true, extra);
    }

    private long addTo(String name, Number amount, boolean subtract, Map<String, ?> extra) {
        Expression.Column column = writable(name);
        Map<String, Expression> assignments = new LinkedHashMap<>();
        assignments.put(column.name(), Aggregates.increment(column, amount(column, amount), subtract));
        extra.forEach((other, value) -> {
            Expression.Column target = writable(other);
            assignments.put(target.name(), Expression.value(writeValue(target, value)));
        });
        return update(subtract ? "decrement()" : "increment()", assignments);
    }

    /** The amount as the column holds it (an integer column refuses 1.5). */
    Number amount(Expression.Column column, Number amount) {
        if (amount == null) {
            throw new EloquentException("increment of " + column + " needs an amount");
        }
        Object bound = bindValue(column, amount);
        if (!(bound instanceof Number number)) {
            throw new EloquentException("increment of " + column + ": the column is not numeric");
        }
        return number;
    }

    private long update(String method, Map<String, Expression> assignments) {
        refuseShapedWrite(method);
        touch(assignments);
        List<Write.Assignment> list = new ArrayList<>();
        assignments.forEach((column, value) -> list.add(new Write.Assignment(column, value)));
        return run(new Write.Update(toQuery().conditionsOnly(), list)).affected();
    }

    /** Deletes every matching row at once; returns how many. */
    public long delete() {
        refuseShapedWrite("delete()");
        return run(new Write.Delete(toQuery().conditionsOnly())).affected();
    }

    /**
     * Updates and deletes act on every matching row. Paging and ordering them would mean different
     * things on different databases (MySQL honours LIMIT in UPDATE, PostgreSQL has none), so they are
     * refused the same way everywhere; so are joins and groups, which no write statement takes.
     */
    private void refuseShapedWrite(String method) {
        if (limit != null || offset != null || !orders.isEmpty()) {
            throw new EloquentException(method + " acts on every matching row; remove limit/offset/orderBy");
        }
        if (!joins.isEmpty() || !groups.isEmpty() || !havings.isEmpty()) {
            throw new EloquentException(method + " takes no joins, groupBy or having; filter the rows with"
                    + " whereIn(column, subquery) or whereExists instead");
        }
    }

    /**
     * Inserts each row or, where a row with the same {@code uniqueBy} values (a primary key or unique index)
     * exists, updates only {@code updateColumns} of it; one statement per batch. Returns the driver's
     * affected count (MySQL counts an updated row twice).
     */
    public long upsert(List<? extends Map<String, ?>> rows, List<String> uniqueBy, List<String> updateColumns) {
        uniqueBy.forEach(this::writable);
        updateColumns.forEach(this::writable);
        if (rows.isEmpty()) {
            return 0;
        }
        List<Map<String, Object>> prepared = new ArrayList<>(rows.size());
        rows.forEach(row -> prepared.add(upsertRow(row)));
        Write.Insert insert = insertOf(prepared, null);
        return run(new Write.Upsert(insert, uniqueBy, upsertUpdates(updateColumns))).affected();
    }
}
