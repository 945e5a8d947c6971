package dev.eloquent.orm;

import dev.eloquent.api.Condition;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Query;
import dev.eloquent.api.UnsupportedFeatureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static dev.eloquent.orm.Fakes.and;
import static dev.eloquent.orm.Fakes.col;
import static dev.eloquent.orm.Fakes.eq;
import static dev.eloquent.orm.Fakes.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Subqueries in one statement where the connection can, a two-query plan where it cannot; refusals by name. */
class SubqueryPlanTest {
    private final Fakes fakes = new Fakes();

    @AfterEach
    void close() {
        fakes.close();
    }

    @Test
    void onAConnectionWithSubqueriesWhereInASubqueryIsOneStatement() {
        RecordingConnection sql = fakes.sql();
        TableQuery liked = fakes.db.table("likes").select("track_id").where("user_id", 7);
        fakes.db.query(Fakes.Track.class).whereIn("id", liked).get();
        assertEquals(1, sql.queries().size());
        Query inner = Query.from("likes").withSelections(List.of(new dev.eloquent.api.Selection(col("track_id"), null)))
                .withWhere(eq("user_id", 7));
        assertEquals(new Condition.InSubquery(col("id"), inner, false), sql.lastQuery().where());
    }

    @Test
    void withoutSubqueriesTheInnerQueryRunsFirstAndFeedsItsValues() {
        RecordingConnection doc = fakes.doc();
        doc.answer(List.of("track_id"), row(3), row(5)).answer(List.of("id", "name"), row(3, "a"));
        Database store = fakes.db.on("docfake");
        List<?> rows = store.table("tracks").whereNotIn("id", store.table("likes").select("track_id").where("user_id", 7))
                .where("name", "a").get();
        assertEquals(1, rows.size());
        assertEquals(2, doc.queries().size(), "two statements: the inner query, then the outer");
        assertEquals(eq("user_id", 7), doc.queries().get(0).where());
        assertEquals(and(new Condition.In(col("id"), List.of(3, 5), true), eq("name", "a")), doc.queries().get(1).where());
    }

    @Test
    void aSubqueryOnAnotherConnectionRunsThereFirst() {
        RecordingConnection doc = fakes.doc();
        RecordingConnection sql = fakes.sql();
        doc.answer(List.of("track_id"), row(4L));
        fakes.db.query(Fakes.Track.class)
                .whereIn("id", fakes.db.on("docfake").table("likes").select("track_id")).get();
        assertEquals(1, doc.queries().size());
        assertEquals(1, sql.queries().size());
        assertEquals(new Condition.In(col("id"), List.of(4L), false), sql.lastQuery().where());
    }

    @Test
    void keysFromAnotherConnectionBeyondTheOuterParameterLimitAreRefusedWithCountsNotValues() {
        RecordingConnection doc = fakes.doc();
        RecordingConnection sql = fakes.sql();
        sql.parameterLimit = 3;
        doc.answer(List.of("track_id"), row(41L), row(42L), row(43L), row(44L));
        EloquentException error = assertThrows(EloquentException.class, () -> fakes.db.query(Fakes.Track.class)
                .whereIn("id", fakes.db.on("docfake").table("likes").select("track_id")).get());
        String message = error.getMessage();
        assertTrue(message.contains("subquery on connection 'docfake' returned 4 keys, more than the 3 values"
                + " connection 'sqlfake' binds in one statement"), message);
        assertTrue(message.contains("in chunks"), message);
        assertTrue(List.of("41", "42", "43", "44").stream().noneMatch(message::contains), "no key in: " + message);
        assertEquals(List.of(), sql.statements, "the outer statement was never sent");

        doc.answer(List.of("track_id"), row(41L), row(42L), row(43L));
        fakes.db.query(Fakes.Track.class).whereIn("id", fakes.db.on("docfake").table("likes").select("track_id")).get();
        assertEquals(new Condition.In(col("id"), List.of(41L, 42L, 43L), false), sql.lastQuery().where(),
                "at the limit the list is sent whole");
    }

    @Test
    void subqueriesOtherThanWhereInMustReadTheSameConnection() {
        TableQuery elsewhere = fakes.db.on("docfake").table("likes").select("track_id");
        EloquentException error = assertThrows(EloquentException.class,
                () -> fakes.db.table("tracks").whereExists(elsewhere));
        assertTrue(error.getMessage().contains("whereExists: the subquery reads connection 'docfake'"), error.getMessage());
        EloquentException foreign = assertThrows(EloquentException.class,
                () -> fakes.db.table("tracks").selectSub(elsewhere, "x"));
        assertTrue(foreign.getMessage().startsWith("selectSub: the subquery reads connection"), foreign.getMessage());
    }

    @Test
    void aWhereInSubqueryMustSelectOneColumn() {
        EloquentException error = assertThrows(EloquentException.class,
                () -> fakes.db.table("tracks").whereIn("id", fakes.db.table("likes")));
        assertTrue(error.getMessage().contains("must select exactly one column"), error.getMessage());
    }

    @Test
    void nodesTheConnectionDoesNotClaimAreRefusedNamingTheDriverBeforeAnythingIsSent() {
        RecordingConnection doc = fakes.doc();
        Database store = fakes.db.on("docfake");
        refused("joins is not supported on docfake", () -> store.table("a").join("b", "b.id", "=", "a.b_id").get());
        refused("raw SQL is not supported on docfake", () -> store.table("a").whereRaw("x = ?", 1).get());
        refused("raw SQL is not supported on docfake", () -> store.table("a").orderByRaw("x").first());
        refused("raw SQL is not supported on docfake", () -> store.select("select 1"));
        refused("raw SQL is not supported on docfake", () -> store.statement("delete from a"));
        refused("row locks is not supported on docfake", () -> store.table("a").lockForUpdate().get());
        refused("subqueries is not supported on docfake", () -> store.table("a")
                .whereExists(store.table("b").select("id")).get());
        refused("transactions is not supported on docfake", () -> store.transaction(() -> 1));
        assertEquals(List.of(), doc.statements, "nothing reached the connection");
    }

    private static void refused(String message, Executable call) {
        UnsupportedFeatureException error = assertThrows(UnsupportedFeatureException.class, call);
        assertEquals(message, error.getMessage());
    }
}
