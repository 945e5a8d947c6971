package dev.eloquent.sql.golden;

import dev.eloquent.api.AggregateFunction;
import dev.eloquent.api.ArithmeticOperator;
import dev.eloquent.api.Condition;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Join;
import dev.eloquent.api.Lock;
import dev.eloquent.api.Operator;
import dev.eloquent.api.Order;
import dev.eloquent.api.Query;
import dev.eloquent.api.Selection;
import dev.eloquent.api.TableRef;
import dev.eloquent.api.Write;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements every SQL dialect's golden test compiles: one case per node of the query tree and per
 * write, by name. Each dialect's test holds the expected SQL text of every case; the parameters are the
 * same on every dialect (plain strings and integers, which no dialect converts), so they live here.
 * Shared with the driver modules through eloquent-sql's test jar.
 */
public final class GoldenCases {
    /** A node to compile (a {@link Query} or a {@link Write}) and the parameters it must bind, in order. */
    public record Case(Object node, List<Object> parameters) {
    }

    private GoldenCases() {
    }

    /** Every case by name, in a stable order. */
    public static Map<String, Case> all() {
        Map<String, Case> cases = new LinkedHashMap<>();
        Query tracks = Query.from("tracks");

        // ---- selection ----
        cases.put("select all", new Case(tracks, List.of()));
        cases.put("select columns, qualified, star and aliases", new Case(Query.from(TableRef.parse("tracks as t"))
                .withSelections(List.of(Selection.of(col("name")), new Selection(col("t.id"), "track_id"),
                        Selection.of(col("albums.*")))), List.of()));
        cases.put("distinct", new Case(tracks.withDistinct(true).selecting(col("composer")), List.of()));
        cases.put("aggregates", new Case(tracks.withSelections(List.of(
                new Selection(Expression.countAll(), "n"),
                Selection.of(new Expression.Aggregate(AggregateFunction.COUNT, col("composer"), true)),
                Selection.of(Expression.aggregate(AggregateFunction.SUM, col("milliseconds"))),
                Selection.of(Expression.aggregate(AggregateFunction.AVG, col("unit_price"))),
                Selection.of(Expression.aggregate(AggregateFunction.MIN, col("t.bytes"))),
                Selection.of(Expression.aggregate(AggregateFunction.MAX, col("bytes"))))), List.of()));
        cases.put("arithmetic", new Case(tracks.withSelections(List.of(new Selection(
                new Expression.Arithmetic(new Expression.Arithmetic(col("unit_price"), ArithmeticOperator.MULTIPLY,
                        val(2)), ArithmeticOperator.SUBTRACT, val(1)), "cost"),
                Selection.of(new Expression.Arithmetic(col("a"), ArithmeticOperator.ADD, col("b"))),
                Selection.of(new Expression.Arithmetic(col("a"), ArithmeticOperator.DIVIDE, val(4))))), List.of(2, 1, 4)));
        cases.put("scalar subquery", new Case(Query.from("albums").withSelections(List.of(Selection.of(col("title")),
                new Selection(new Expression.Subquery(tracks.selecting(Expression.countAll())
                        .where(eq(col("tracks.album_id"), col("albums.id")))), "track_count"))), List.of()));
        cases.put("raw expression", new Case(tracks.withSelections(List.of(Selection.of(col("id")),
                Selection.of(new Expression.Raw("length(name) + ? as long_name", List.of(10))))), List.of(10)));

        // ---- from and joins ----
        cases.put("from subquery", new Case(Query.from(TableRef.sub(tracks.where(cmp(col("bytes"), Operator.GT,
                val(100))), "big")).selecting(Expression.countAll()), List.of(100)));
        cases.put("inner join", new Case(tracks.withJoins(List.of(new Join(Join.Kind.INNER, TableRef.table("albums"),
                eq(col("albums.id"), col("tracks.album_id"))))).selecting(col("tracks.name"), col("albums.title")),
                List.of()));
        cases.put("left join with two on conditions", new Case(tracks.withJoins(List.of(new Join(Join.Kind.LEFT,
                TableRef.table("albums"), Condition.and(eq(col("albums.id"), col("tracks.album_id")),
                        cmp(col("albums.artist_id"), Operator.GT, val(3)))))), List.of(3)));
        cases.put("right join", new Case(tracks.withJoins(List.of(new Join(Join.Kind.RIGHT, TableRef.table("albums"),
                eq(col("albums.id"), col("tracks.album_id"))))), List.of()));
        cases.put("cross join", new Case(tracks.withJoins(List.of(new Join(Join.Kind.CROSS, TableRef.table("genres"),
                null))), List.of()));
        cases.put("self join with alias", new Case(Query.from(TableRef.parse("employees as e")).withJoins(List.of(
                new Join(Join.Kind.LEFT, TableRef.parse("employees as managers"),
                        eq(col("managers.id"), col("e.reports_to"))))).withSelections(List.of(
                Selection.of(col("e.last_name")), new Selection(col("managers.last_name"), "manager"))), List.of()));
        cases.put("join subquery", new Case(tracks.withJoins(List.of(new Join(Join.Kind.INNER,
                TableRef.sub(Query.from("albums").where(eq(col("artist_id"), val(1))), "a"),
                eq(col("a.id"), col("tracks.album_id"))))), List.of(1)));

        // ---- where ----
        cases.put("where equals", new Case(tracks.whereEquals("name", "x"), List.of("x")));
        cases.put("every comparison", new Case(tracks.where(Condition.and(Condition.and(Condition.and(
                cmp(col("a"), Operator.NE, val(1)), cmp(col("b"), Operator.LT, val(2))),
                Condition.and(cmp(col("c"), Operator.LE, val(3)), cmp(col("d"), Operator.GT, val(4)))),
                cmp(col("e"), Operator.GE, val(5)))), List.of(1, 2, 3, 4, 5)));
        cases.put("and of or", new Case(tracks.where(Condition.and(eq(col("a"), val(1)),
                Condition.or(eq(col("b"), val(2)), eq(col("c"), val(3))))), List.of(1, 2, 3)));
        cases.put("or of and", new Case(tracks.where(Condition.or(Condition.and(eq(col("a"), val(1)),
                eq(col("b"), val(2))), eq(col("c"), val(3)))), List.of(1, 2, 3)));
        cases.put("empty or matches nothing", new Case(tracks.where(new Condition.Or(List.of())), List.of()));
        cases.put("empty and inside or", new Case(tracks.where(new Condition.Or(List.of(Condition.TRUE,
                eq(col("a"), val(1))))), List.of(1)));
        cases.put("column compared with column", new Case(tracks.where(cmp(col("tracks.bytes"), Operator.GT,
                col("tracks.milliseconds"))), List.of()));
        cases.put("in", new Case(tracks.where(new Condition.In(col("genre_id"), List.of(1, 2, 3), false)),
                List.of(1, 2, 3)));
        cases.put("not in", new Case(tracks.where(new Condition.In(col("genre_id"), List.of(4), true)), List.of(4)));
        cases.put("in empty list", new Case(tracks.where(new Condition.In(col("genre_id"), List.of(), false)),
                List.of()));
        cases.put("not in empty list", new Case(tracks.where(new Condition.In(col("genre_id"), List.of(), true)),
                List.of()));
        Query rockGenres = Query.from("genres").selecting(col("id")).where(eq(col("name"), val("Rock")));
        cases.put("in subquery", new Case(tracks.where(new Condition.InSubquery(col("genre_id"), rockGenres, false)),
                List.of("Rock")));
        cases.put("not in subquery", new Case(tracks.where(new Condition.InSubquery(col("genre_id"), rockGenres,
                true)), List.of("Rock")));
        cases.put("null and not null", new Case(tracks.where(Condition.and(new Condition.Null(col("composer"), false),
                new Condition.Null(col("t.album_id"), true))), List.of()));
        cases.put("between and not between", new Case(tracks.where(Condition.and(
                new Condition.Between(col("bytes"), val(10), val(20), false),
                new Condition.Between(col("milliseconds"), val(30), val(40), true))), List.of(10, 20, 30, 40)));
        Query albumTracks = tracks.where(eq(col("tracks.album_id"), col("albums.id")));
        cases.put("exists", new Case(Query.from("albums").where(new Condition.Exists(albumTracks, false)), List.of()));
        cases.put("not exists", new Case(Query.from("albums").where(new Condition.Exists(albumTracks, true)),
                List.of()));
        cases.put("raw condition", new Case(tracks.where(Condition.and(eq(col("a"), val(1)),
                new Condition.Raw("bytes % ? = 0 or name = ?", List.of(2, "x"), false))), List.of(1, 2, "x")));
        cases.put("negated raw condition", new Case(tracks.where(new Condition.Raw("bytes > ?", List.of(5), true)),
                List.of(5)));
        cases.put("like", new Case(tracks.where(cmp(col("name"), Operator.LIKE, val("%love%"))), List.of("%love%")));
        cases.put("not like", new Case(tracks.where(cmp(col("name"), Operator.NOT_LIKE, val("a%"))), List.of("a%")));
        cases.put("case-sensitive like", new Case(tracks.where(Condition.and(
                cmp(col("name"), Operator.LIKE_CASE_SENSITIVE, val("Lo_e%")),
                cmp(col("composer"), Operator.NOT_LIKE_CASE_SENSITIVE, val("*[x]?")))), List.of("Lo_e%", "*[x]?")));
        cases.put("negated group", new Case(tracks.where(Condition.and(eq(col("a"), val(1)),
                new Condition.Null(col("b"), false)).negate()), List.of(1)));

        // ---- group, order, paging, locks ----
        cases.put("group by and having", new Case(tracks.withSelections(List.of(Selection.of(col("album_id")),
                new Selection(Expression.countAll(), "n"))).withGroupBy(List.of(col("album_id")))
                .withHaving(cmp(Expression.countAll(), Operator.GT, val(5))), List.of(5)));
        cases.put("order by columns, aggregate and raw", new Case(tracks.withOrders(List.of(
                new Order(col("name"), false), new Order(col("tracks.id"), true),
                new Order(Expression.aggregate(AggregateFunction.MAX, col("bytes")), true),
                new Order(new Expression.Raw("length(name) - ?", List.of(3)), false))), List.of(3)));
        cases.put("random order", new Case(tracks.withOrders(List.of(Order.random())), List.of()));
        cases.put("limit", new Case(tracks.withLimit(10), List.of()));
        cases.put("limit and offset", new Case(tracks.withLimit(10).withOffset(20), List.of()));
        cases.put("offset without limit", new Case(tracks.withOffset(20), List.of()));
        cases.put("lock for update", new Case(tracks.whereEquals("id", 1).withLock(Lock.UPDATE), List.of(1)));
        cases.put("shared lock", new Case(tracks.whereEquals("id", 1).withLock(Lock.SHARED), List.of(1)));
        cases.put("everything", new Case(Query.from(TableRef.parse("tracks as t")).withDistinct(true)
                .withSelections(List.of(Selection.of(col("t.album_id")), new Selection(Expression.countAll(), "n")))
                .withJoins(List.of(new Join(Join.Kind.INNER, TableRef.table("albums"),
                        eq(col("albums.id"), col("t.album_id")))))
                .where(cmp(col("t.bytes"), Operator.GT, val(1))).withGroupBy(List.of(col("t.album_id")))
                .withHaving(cmp(Expression.countAll(), Operator.GE, val(2)))
                .withOrders(List.of(new Order(Expression.countAll(), true))).withLimit(5).withOffset(5),
                List.of(1, 2)));

        // ---- writes ----
        cases.put("insert one row", new Case(new Write.Insert("tracks", List.of("name", "bytes"),
                List.of(List.of("a", 1)), null), List.of("a", 1)));
        cases.put("insert many rows", new Case(new Write.Insert("tracks", List.of("name", "bytes"),
                List.of(List.of("a", 1), List.of("b", 2), List.of("c", 3)), null), List.of("a", 1, "b", 2, "c", 3)));
        cases.put("insert returning keys", new Case(new Write.Insert("tracks", List.of("name"),
                List.of(List.of("a"), List.of("b")), "id"), List.of("a", "b")));
        cases.put("insert defaults", new Case(new Write.Insert("tracks", List.of(), List.of(List.of()), null),
                List.of()));
        cases.put("insert defaults returning key", new Case(new Write.Insert("tracks", List.of(), List.of(List.of()),
                "id"), List.of()));
        cases.put("update", new Case(new Write.Update(tracks.whereEquals("id", 7), List.of(
                new Write.Assignment("name", val("n")), new Write.Assignment("bytes", val(2)))), List.of("n", 2, 7)));
        cases.put("update increment", new Case(new Write.Update(tracks.where(new Condition.In(col("id"),
                List.of(1, 2), false)), List.of(new Write.Assignment("plays",
                new Expression.Arithmetic(col("plays"), ArithmeticOperator.ADD, val(1))))), List.of(1, 1, 2)));
        cases.put("update every row", new Case(new Write.Update(tracks, List.of(new Write.Assignment("bytes",
                val(0)))), List.of(0)));
        cases.put("update with subquery condition", new Case(new Write.Update(tracks.where(new Condition.InSubquery(
                col("genre_id"), rockGenres, false)), List.of(new Write.Assignment("bytes", val(0)))),
                List.of(0, "Rock")));
        cases.put("delete reading its own table", new Case(new Write.Delete(tracks.where(new Condition.InSubquery(
                col("id"), tracks.selecting(Expression.aggregate(AggregateFunction.MAX, col("id"))), true))),
                List.of()));
        cases.put("delete", new Case(new Write.Delete(tracks.where(cmp(col("bytes"), Operator.LT, val(3)))),
                List.of(3)));
        cases.put("delete every row", new Case(new Write.Delete(tracks), List.of()));
        Write.Insert rows = new Write.Insert("tracks", List.of("id", "name", "bytes"),
                List.of(List.of(1, "a", 10), List.of(2, "b", 20)), null);
        cases.put("upsert", new Case(new Write.Upsert(rows, List.of("id"), List.of("name", "bytes")),
                List.of(1, "a", 10, 2, "b", 20)));
        cases.put("upsert keeping existing rows", new Case(new Write.Upsert(rows, List.of("id"), List.of()),
                List.of(1, "a", 10, 2, "b", 20)));
        return cases;
    }

    // ---- every node ----

    /**
     * One instance of every node type (each permitted subtype of {@link Expression}, {@link Condition}
     * and {@link Write}, every join kind, lock, operator, aggregate and arithmetic operator), as
     * statements to compile. {@link #everyNodeType()} lists what they must contain.
     */
    public static List<Object> everyNode() {
        List<Object> nodes = new ArrayList<>();
        for (Case c : all().values()) {
            nodes.add(c.node());
        }
        List<Condition> comparisons = new ArrayList<>();
        for (Operator operator : Operator.values()) {
            comparisons.add(cmp(col("a"), operator, val("x")));
        }
        nodes.add(Query.from("t").where(new Condition.And(comparisons)));
        List<Selection> arithmetic = new ArrayList<>();
        for (ArithmeticOperator operator : ArithmeticOperator.values()) {
            arithmetic.add(Selection.of(new Expression.Arithmetic(col("a"), operator, val(1))));
        }
        for (AggregateFunction function : AggregateFunction.values()) {
            arithmetic.add(Selection.of(new Expression.Aggregate(function, col("a"), true)));
        }
        nodes.add(Query.from("t").withSelections(arithmetic));
        for (Join.Kind kind : Join.Kind.values()) {
            nodes.add(Query.from("t").withJoins(List.of(new Join(kind, TableRef.table("u"),
                    kind == Join.Kind.CROSS ? null : eq(col("u.id"), col("t.u_id"))))));
        }
        for (Lock lock : Lock.values()) {
            nodes.add(Query.from("t").withLock(lock));
        }
        return nodes;
    }

    /** The node types {@link #everyNode()} must cover: every permitted subtype of the sealed node interfaces. */
    public static List<Class<?>> everyNodeType() {
        List<Class<?>> types = new ArrayList<>();
        for (Class<?> sealed : List.of(Expression.class, Condition.class, Write.class)) {
            types.addAll(Arrays.asList(sealed.getPermittedSubclasses()));
        }
        return types;
    }

    /** Every node object reachable from a statement (queries, conditions, expressions, joins, writes). */
    public static List<Object> nodesIn(Object statement) {
        List<Object> found = new ArrayList<>();
        walk(statement, found);
        return found;
    }

    private static void walk(Object node, List<Object> found) {
        if (node == null) {
            return;
        }
        found.add(node);
        if (node instanceof Query query) {
            walk(query.from().subquery(), found);
            query.selections().forEach(s -> walk(s.expression(), found));
            query.joins().forEach(j -> {
                found.add(j);
                found.add(j.kind());
                walk(j.table().subquery(), found);
                walk(j.on(), found);
            });
            walk(query.where(), found);
            query.groupBy().forEach(e -> walk(e, found));
            walk(query.having(), found);
            query.orders().forEach(o -> walk(o.expression(), found));
            found.add(query.lock());
        } else if (node instanceof Condition.And and) {
            and.conditions().forEach(c -> walk(c, found));
        } else if (node instanceof Condition.Or or) {
            or.conditions().forEach(c -> walk(c, found));
        } else if (node instanceof Condition.Compare compare) {
            found.add(compare.operator());
            walk(compare.left(), found);
            walk(compare.right(), found);
        } else if (node instanceof Condition.In in) {
            walk(in.left(), found);
        } else if (node instanceof Condition.InSubquery in) {
            walk(in.left(), found);
            walk(in.subquery(), found);
        } else if (node instanceof Condition.Null isNull) {
            walk(isNull.expression(), found);
        } else if (node instanceof Condition.Between between) {
            walk(between.expression(), found);
            walk(between.low(), found);
            walk(between.high(), found);
        } else if (node instanceof Condition.Exists exists) {
            walk(exists.subquery(), found);
        } else if (node instanceof Expression.Aggregate aggregate) {
            found.add(aggregate.function());
            walk(aggregate.argument(), found);
        } else if (node instanceof Expression.Subquery subquery) {
            walk(subquery.query(), found);
        } else if (node instanceof Expression.Arithmetic arithmetic) {
            found.add(arithmetic.operator());
            walk(arithmetic.left(), found);
            walk(arithmetic.right(), found);
        } else if (node instanceof Write.Update update) {
            walk(update.target(), found);
            update.assignments().forEach(a -> walk(a.value(), found));
        } else if (node instanceof Write.Delete delete) {
            walk(delete.target(), found);
        } else if (node instanceof Write.Upsert upsert) {
            walk(upsert.insert(), found);
        }
    }

    // ---- shorthands ----

    public static Expression.Column col(String path) {
        return Expression.column(path);
    }

    public static Expression.Value val(Object value) {
        return Expression.value(value);
    }

    public static Condition eq(Expression left, Expression right) {
        return new Condition.Compare(left, Operator.EQ, right);
    }

    public static Condition cmp(Expression left, Operator operator, Expression right) {
        return new Condition.Compare(left, operator, right);
    }
}
