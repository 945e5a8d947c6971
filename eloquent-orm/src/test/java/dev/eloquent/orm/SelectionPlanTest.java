package dev.eloquent.orm;

import dev.eloquent.api.AggregateFunction;
import dev.eloquent.api.Condition;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Join;
import dev.eloquent.api.Lock;
import dev.eloquent.api.Operator;
import dev.eloquent.api.Order;
import dev.eloquent.api.Query;
import dev.eloquent.api.Selection;
import dev.eloquent.api.TableRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.eloquent.orm.Fakes.and;
import static dev.eloquent.orm.Fakes.col;
import static dev.eloquent.orm.Fakes.compare;
import static dev.eloquent.orm.Fakes.or;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Selections, joins, groups, having, orders and paging as the builder describes them. */
class SelectionPlanTest {
    private final Fakes fakes = new Fakes();

    @AfterEach
    void close() {
        fakes.close();
    }

    private TableQuery table(String name) {
        return fakes.db.table(name);
    }

    private static Expression.Aggregate aggregate(AggregateFunction function, String column, boolean distinct) {
        return new Expression.Aggregate(function, column == null ? null : col(column), distinct);
    }

    @Test
    void selectItemsAreParsedStrictly() {
        Query query = table("tracks").select("name", "tracks.id as track_id", "albums.*", "count(*)",
                "COUNT(DISTINCT genre_id) as genres", "sum(milliseconds) as total", "avg(t.x)", "min(x)", "max(x) AS top")
                .toQuery();
        assertEquals(List.of(
                new Selection(col("name"), null),
                new Selection(col("tracks.id"), "track_id"),
                new Selection(new Expression.Column("albums", "*"), null),
                new Selection(aggregate(AggregateFunction.COUNT, null, false), null),
                new Selection(aggregate(AggregateFunction.COUNT, "genre_id", true), "genres"),
                new Selection(aggregate(AggregateFunction.SUM, "milliseconds", false), "total"),
                new Selection(aggregate(AggregateFunction.AVG, "t.x", false), null),
                new Selection(aggregate(AggregateFunction.MIN, "x", false), null),
                new Selection(aggregate(AggregateFunction.MAX, "x", false), "top")), query.selections());
        for (String bad : List.of("name alias", "count(*) + 1", "sum(*)", "lower(name)", "name as", "* as everything",
                "a.b.c", "name; drop table x", "count(distinct *)")) {
            EloquentException error = assertThrows(EloquentException.class, () -> table("tracks").select(bad), bad);
            assertTrue(error.getMessage().contains("'"), bad + ": " + error.getMessage());
        }
        EloquentException error = assertThrows(EloquentException.class, () -> table("tracks").select("lower(name)"));
        assertTrue(error.getMessage().contains("'lower(name)' is not a column"), error.getMessage());
    }

    @Test
    void aModelsSelectedColumnsAreCheckedAgainstItsSchema() {
        EloquentException error = assertThrows(EloquentException.class,
                () -> fakes.db.query(Fakes.Track.class).select("sum(no_such) as x"));
        assertTrue(error.getMessage().contains("tracks has no column 'no_such'"), error.getMessage());
    }

    @Test
    void havingResolvesASelectedAliasToItsExpression() {
        Query query = table("tracks").select("genre_id", "count(*) as tracks").groupBy("genre_id")
                .having("tracks", ">", 5).orHaving("sum(milliseconds)", ">=", 1000).orderByDesc("tracks").toQuery();
        assertEquals(List.of(col("genre_id")), query.groupBy());
        assertEquals(or(new Condition.Compare(aggregate(AggregateFunction.COUNT, null, false), Operator.GT,
                        Expression.value(5)),
                new Condition.Compare(aggregate(AggregateFunction.SUM, "milliseconds", false), Operator.GE,
                        Expression.value(1000))), query.having());
        // an order names the alias, which every SQL database and a pipeline's $sort accept
        assertEquals(List.of(new Order(new Expression.Column(null, "tracks"), true)), query.orders());
    }

    @Test
    void havingAndOrdersMayComeBeforeTheSelectionTheyName() {
        Query query = table("tracks").having("n", ">", 1).orderBy("n").select("genre_id", "count(*) as n")
                .groupBy("genre_id").toQuery();
        assertEquals(new Condition.Compare(aggregate(AggregateFunction.COUNT, null, false), Operator.GT,
                Expression.value(1)), query.having());
    }

    @Test
    void joinsTakeColumnsOnBothSidesAndValuesInTheirWhere() {
        Query query = table("tracks").join("albums", "albums.id", "=", "tracks.album_id")
                .leftJoin("employees as managers", j -> j.on("managers.id", "=", "tracks.id")
                        .orOn("managers.id", "=", "tracks.genre_id").where("managers.title", "like", "%boss%"))
                .crossJoin("genres").select("tracks.*").toQuery();
        assertEquals(List.of(
                new Join(Join.Kind.INNER, TableRef.table("albums"),
                        new Condition.Compare(col("albums.id"), Operator.EQ, col("tracks.album_id"))),
                new Join(Join.Kind.LEFT, new TableRef("employees", "managers", null), or(
                        new Condition.Compare(col("managers.id"), Operator.EQ, col("tracks.id")),
                        and(new Condition.Compare(col("managers.id"), Operator.EQ, col("tracks.genre_id")),
                                compare("managers.title", Operator.LIKE, "%boss%")))),
                new Join(Join.Kind.CROSS, TableRef.table("genres"), Condition.TRUE)), query.joins());
    }

    @Test
    void ordersPagingAndLocks() {
        Query query = table("tracks").orderBy("name").latest().oldest("id").orderByRaw("length(name) desc")
                .forPage(3, 20).lockForUpdate().toQuery();
        assertEquals(List.of(new Order(col("name"), false), new Order(col("created_at"), true), new Order(col("id"), false),
                new Order(new Expression.Raw("length(name) desc", List.of()), false)), query.orders());
        assertEquals(20, query.limit());
        assertEquals(40, query.offset());
        assertEquals(Lock.UPDATE, query.lock());
        assertEquals(List.of(Order.random()), table("tracks").orderBy("name").reorder().inRandomOrder().toQuery().orders());
        assertEquals(Lock.SHARED, table("tracks").take(1).skip(2).sharedLock().toQuery().lock());
        EloquentException direction = assertThrows(EloquentException.class, () -> table("t").orderBy("id", "sideways"));
        assertTrue(direction.getMessage().contains("is not a sort direction"), direction.getMessage());
        EloquentException page = assertThrows(EloquentException.class, () -> table("t").forPage(0, 10));
        assertTrue(page.getMessage().contains("pages are numbered from 1"), page.getMessage());
    }

    @Test
    void rawPiecesCarryTheirBindings() {
        Query query = table("tracks").selectRaw("count(*) as n").whereRaw("a = ? or b = ?", 1, null)
                .havingRaw("count(*) > ?", 2).toQuery();
        assertEquals(List.of(Selection.of(new Expression.Raw("count(*) as n", List.of()))), query.selections());
        assertEquals(new Condition.Raw("a = ? or b = ?", java.util.Arrays.asList(1, null), false), query.where());
        assertEquals(new Condition.Raw("count(*) > ?", List.of(2), false), query.having());
    }
}
