package dev.eloquent.orm;

import dev.eloquent.api.Condition;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Operator;
import dev.eloquent.api.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.eloquent.orm.Fakes.and;
import static dev.eloquent.orm.Fakes.col;
import static dev.eloquent.orm.Fakes.compare;
import static dev.eloquent.orm.Fakes.eq;
import static dev.eloquent.orm.Fakes.or;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The condition trees the builder produces: precedence is decided here, once, as Laravel's SQL reads. */
class ConditionPlanTest {
    private final Fakes fakes = new Fakes();

    @AfterEach
    void close() {
        fakes.close();
    }

    private ModelQuery<Fakes.Track> tracks() {
        return fakes.db.query(Fakes.Track.class);
    }

    @Test
    void whereAndsAndOrWhereOrsWithTheAndRunBeforeIt() {
        assertEquals(and(eq("name", "a"), eq("genre_id", 2)),
                tracks().where("name", "a").where("genre_id", 2).toQuery().where());
        // a and b or c == (a and b) or c
        assertEquals(or(and(eq("name", "a"), eq("genre_id", 2)), eq("plays", 3)),
                tracks().where("name", "a").where("genre_id", 2).orWhere("plays", 3).toQuery().where());
        // a or b and c == a or (b and c): and binds tighter, as the flat SQL Laravel emits reads
        assertEquals(or(eq("name", "a"), and(eq("genre_id", 2), eq("plays", 3))),
                tracks().where("name", "a").orWhere("genre_id", 2).where("plays", 3).toQuery().where());
        // a leading orWhere is a plain where
        assertEquals(eq("name", "a"), tracks().orWhere("name", "a").toQuery().where());
    }

    @Test
    void groupsStayGroupsAndACondtionAddedLaterAndsWithTheWholeTree() {
        Condition tree = tracks().where("name", "a")
                .where(q -> q.where("genre_id", 1).orWhere("genre_id", 2)).toQuery().where();
        assertEquals(and(eq("name", "a"), or(eq("genre_id", 1), eq("genre_id", 2))), tree);

        Condition orTree = tracks().where("name", "a").orWhere("name", "b").toQuery().where();
        // what a global scope does: append one And group; the user's Or is not regrouped
        Query scoped = tracks().where("name", "a").orWhere("name", "b").toQuery().where(eq("plays", 0));
        assertEquals(and(orTree, eq("plays", 0)), scoped.where());

        assertEquals(or(eq("name", "a"), and(eq("genre_id", 1), eq("plays", 2))),
                tracks().where("name", "a").orWhere(q -> q.where("genre_id", 1).where("plays", 2)).toQuery().where());
        assertTrue(tracks().where(q -> { }).toQuery().where().isTrue(), "an empty group adds nothing");
    }

    @Test
    void whereNotNegatesTheGroupDownToItsLeaves() {
        // not (a = 1 and b > 2) == a != 1 or b <= 2 (De Morgan, valid in SQL's three-valued logic)
        assertEquals(or(compare("genre_id", Operator.NE, 1), compare("plays", Operator.LE, 2)),
                tracks().whereNot(q -> q.where("genre_id", 1).where("plays", ">", 2)).toQuery().where());
        assertEquals(or(eq("name", "x"), new Condition.Null(col("genre_id"), true)),
                tracks().where("name", "x").orWhereNot(q -> q.whereNull("genre_id")).toQuery().where());
    }

    @Test
    void nullValuesBecomeNullChecksAndOtherOperatorsWithNullAreRefused() {
        assertEquals(new Condition.Null(col("genre_id"), false), tracks().where("genre_id", null).toQuery().where());
        assertEquals(new Condition.Null(col("genre_id"), true),
                tracks().where("genre_id", "!=", null).toQuery().where());
        EloquentException error = assertThrows(EloquentException.class, () -> tracks().where("genre_id", "<", null));
        assertTrue(error.getMessage().contains("null compares only with = or !="), error.getMessage());
    }

    @Test
    void valuesAreCastToTheModelsColumnTypes() {
        Query query = tracks().where("id", 5).where("genre_id", "7").whereBetween("unit_price", 1, "2.5").toQuery();
        assertEquals(and(eq("id", 5L), eq("genre_id", 7), new Condition.Between(col("unit_price"),
                Expression.value(new java.math.BigDecimal("1.00")), Expression.value(new java.math.BigDecimal("2.50")),
                false)), query.where());
    }

    @Test
    void everyConditionKindMapsToItsNode() {
        Query query = tracks().whereIn("genre_id", List.of(1, 2)).whereNotIn("plays", List.of())
                .whereNull("unit_price").whereNotNull("name").whereNotBetween("plays", 1, 9)
                .whereLike("name", "a%").whereNotLike("name", "%z").whereColumn("created_at", "<=", "updated_at")
                .orWhereColumn("tracks.id", "tracks.genre_id").whereRaw("length(name) > ?", 3).toQuery();
        Condition expected = or(
                and(new Condition.In(col("genre_id"), List.of(1, 2), false),
                        new Condition.In(col("plays"), List.of(), true),
                        new Condition.Null(col("unit_price"), false),
                        new Condition.Null(col("name"), true),
                        new Condition.Between(col("plays"), Expression.value(1), Expression.value(9), true),
                        compare("name", Operator.LIKE, "a%"),
                        compare("name", Operator.NOT_LIKE, "%z"),
                        new Condition.Compare(col("created_at"), Operator.LE, col("updated_at"))),
                and(new Condition.Compare(col("tracks.id"), Operator.EQ, col("tracks.genre_id")),
                        new Condition.Raw("length(name) > ?", List.of(3), false)));
        assertEquals(expected, query.where());
    }

    @Test
    void unknownColumnsAndOperatorsAreRefusedAsTheyAreNamed() {
        EloquentException unknown = assertThrows(EloquentException.class, () -> tracks().where("no_such", 1));
        assertTrue(unknown.getMessage().contains("tracks has no column 'no_such'"), unknown.getMessage());
        EloquentException operator = assertThrows(EloquentException.class, () -> tracks().where("name", "= 1 or", 1));
        assertTrue(operator.getMessage().contains("is not a supported operator"), operator.getMessage());
        EloquentException spelling = assertThrows(EloquentException.class, () -> tracks().where("a.b.c", 1));
        assertTrue(spelling.getMessage().contains("is not a valid column name"), spelling.getMessage());
        // a column of another table is named table.column and only its spelling is checked
        assertEquals(eq("albums.title", "x"), tracks().where("albums.title", "x").toQuery().where());
    }

    @Test
    void findDoesNotChangeTheBuilderSoASecondFindWorks() {
        RecordingConnection sql = fakes.sql();
        ModelQuery<Fakes.Track> query = tracks().where("genre_id", 1);
        query.find(1);
        query.find(2);
        assertEquals(and(eq("genre_id", 1), eq("id", 2L)), sql.lastQuery().where(), "only the second key");
        assertEquals(1, sql.lastQuery().limit());
        assertEquals(eq("genre_id", 1), query.toQuery().where(), "the builder keeps its own conditions");
    }

    @Test
    void cloneCopiesThePartsSoChangingOneLeavesTheOther() {
        ModelQuery<Fakes.Track> base = tracks().where("name", "a").orderBy("id");
        ModelQuery<Fakes.Track> copy = base.clone().where("plays", 1).limit(3);
        assertEquals(eq("name", "a"), base.toQuery().where());
        assertEquals(null, base.toQuery().limit());
        assertEquals(and(eq("name", "a"), eq("plays", 1)), copy.toQuery().where());
    }
}
