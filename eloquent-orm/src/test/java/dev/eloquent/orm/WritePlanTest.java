package dev.eloquent.orm;

import dev.eloquent.api.ArithmeticOperator;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.UnsupportedFeatureException;
import dev.eloquent.api.Write;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.eloquent.orm.Fakes.and;
import static dev.eloquent.orm.Fakes.eq;
import static dev.eloquent.orm.Fakes.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The write statements the builder and models send. */
class WritePlanTest {
    private static final LocalDateTime NOW = LocalDateTime.ofInstant(Fakes.NOW, ZoneOffset.UTC);
    private final Fakes fakes = new Fakes();

    @AfterEach
    void close() {
        fakes.close();
    }

    private ModelQuery<Fakes.Track> tracks() {
        return fakes.db.query(Fakes.Track.class);
    }

    private static Expression minus(String column, Object amount) {
        return new Expression.Arithmetic(new Expression.Column(null, column), ArithmeticOperator.SUBTRACT,
                Expression.value(amount));
    }

    private static Expression plus(String column, Object amount) {
        return new Expression.Arithmetic(new Expression.Column(null, column), ArithmeticOperator.ADD,
                Expression.value(amount));
    }

    @Test
    void insertOfManyRowsIsOneWriteWithTheColumnsOfTheFirstRow() {
        RecordingConnection sql = fakes.sql();
        assertEquals(3, fakes.db.table("playlist_track").insert(List.of(
                Map.of("playlist_id", 1, "track_id", 2), Map.of("track_id", 3, "playlist_id", 1),
                Map.of("playlist_id", 1, "track_id", 4))));
        assertEquals(1, sql.writes().size());
        Write.Insert insert = (Write.Insert) sql.writes().get(0);
        assertEquals(3, insert.rows().size());
        assertEquals(insert.columns().indexOf("track_id") == 1 ? List.of(1, 3) : List.of(3, 1), insert.rows().get(1));
        assertEquals(0, fakes.db.table("t").insert(List.of()));
        assertEquals(1, sql.writes().size(), "no rows, no statement");

        // a row with other columns starts a new statement, so a column left out gets its default, not null
        assertEquals(3, fakes.db.table("t").insert(List.of(Map.of("a", 1), Map.of("a", 2, "b", 3), Map.of("a", 4))));
        List<Write> runs = sql.writes().subList(1, 4);
        assertEquals(List.of(List.of("a"), List.of("a", "b"), List.of("a")),
                runs.stream().map(w -> ((Write.Insert) w).columns().stream().sorted().toList()).toList());
        EloquentException mixed = assertThrows(EloquentException.class, () -> fakes.db.table("t")
                .upsert(List.of(Map.of("a", 1), Map.of("a", 2, "b", 2)), List.of("a"), List.of()));
        assertTrue(mixed.getMessage().contains("needs the same columns"), mixed.getMessage());
    }

    @Test
    void insertGetIdAsksForTheKeyAndCastsIt() {
        RecordingConnection sql = fakes.sql();
        assertEquals(1L, tracks().insertGetId(Map.of("name", "a", "plays", "4")));
        Write.Insert insert = (Write.Insert) sql.writes().get(0);
        assertEquals("id", insert.returning());
        assertEquals(4, insert.rows().get(0).get(insert.columns().indexOf("plays")), "cast to the column's type");
    }

    @Test
    void updateAndDeleteActOnEveryMatchingRowAndRefusePagingTheSameWay() {
        RecordingConnection sql = fakes.sql();
        tracks().where("genre_id", 1).update(Map.of("plays", 0));
        Write.Update update = (Write.Update) sql.writes().get(0);
        assertEquals(eq("genre_id", 1), update.target().where());
        assertEquals(List.of(new Write.Assignment("plays", Expression.value(0)),
                new Write.Assignment("updated_at", Expression.value(NOW))), update.assignments());
        for (var paged : List.of(tracks().limit(1), tracks().offset(2), tracks().orderBy("id"))) {
            EloquentException error = assertThrows(EloquentException.class, () -> paged.clone().update(Map.of("plays", 1)));
            assertTrue(error.getMessage().startsWith("update() acts on every matching row; remove limit/offset"),
                    error.getMessage());
            EloquentException delete = assertThrows(EloquentException.class, () -> paged.clone().delete());
            assertTrue(delete.getMessage().startsWith("delete() acts on every matching row; remove limit/offset"),
                    delete.getMessage());
        }
        EloquentException joined = assertThrows(EloquentException.class,
                () -> fakes.db.table("a").join("b", "b.id", "=", "a.id").delete());
        assertTrue(joined.getMessage().contains("takes no joins"), joined.getMessage());
        fakes.db.table("tracks").where("id", 3).delete();
        assertEquals(eq("id", 3), ((Write.Delete) sql.writes().get(1)).target().where());
        assertEquals(2, sql.writes().size());
    }

    @Test
    void incrementIsOneAtomicAssignmentAndTouchesUpdatedAt() {
        RecordingConnection sql = fakes.sql();
        tracks().where("id", 1).increment("plays");
        tracks().where("id", 1).decrement("plays", 5, Map.of("name", "x"));
        fakes.db.table("counters").increment("hits", 2.5);
        List<Write> writes = sql.writes();
        assertEquals(List.of(new Write.Assignment("plays", plus("plays", 1)),
                new Write.Assignment("updated_at", Expression.value(NOW))), ((Write.Update) writes.get(0)).assignments());
        assertEquals(List.of(new Write.Assignment("plays", minus("plays", 5)),
                new Write.Assignment("name", Expression.value("x")),
                new Write.Assignment("updated_at", Expression.value(NOW))), ((Write.Update) writes.get(1)).assignments());
        assertEquals(List.of(new Write.Assignment("hits", plus("hits", 2.5))), ((Write.Update) writes.get(2)).assignments());
        EloquentException fractional = assertThrows(EloquentException.class, () -> tracks().increment("plays", 1.5));
        assertTrue(fractional.getMessage().contains("plays"), fractional.getMessage());
    }

    @Test
    void aModelsIncrementWritesOneStatementAndAdjustsTheAttributeInMemory() {
        RecordingConnection sql = fakes.sql();
        sql.answer(List.of("id", "name", "plays"), row(9, "a", 3));
        Fakes.Track track = tracks().firstOrFail();
        track.set("name", "unsaved");
        track.increment("plays", 2);
        Write.Update update = (Write.Update) sql.writes().get(0);
        assertEquals(eq("id", 9L), update.target().where());
        assertEquals(List.of(new Write.Assignment("plays", plus("plays", 2)),
                new Write.Assignment("updated_at", Expression.value(NOW))), update.assignments());
        assertEquals(5, track.get("plays"));
        assertFalse(track.isDirty("plays"), "the column is stored");
        assertTrue(track.isDirty("name"), "other changes stay unsaved");
        track.decrement("plays");
        assertEquals(4, track.get("plays"));
        EloquentException unsaved = assertThrows(EloquentException.class,
                () -> fakes.db.make(Fakes.Track.class).increment("plays"));
        assertTrue(unsaved.getMessage().contains("never saved"), unsaved.getMessage());
    }

    @Test
    void upsertAddsTimestampsForModelsAndIsRefusedWithoutTheCapability() {
        RecordingConnection sql = fakes.sql();
        tracks().upsert(List.of(Map.of("id", 1, "name", "a")), List.of("id"), List.of("name"));
        Write.Upsert upsert = (Write.Upsert) sql.writes().get(0);
        assertEquals(List.of("name", "updated_at"), upsert.updateColumns());
        assertTrue(upsert.insert().columns().containsAll(List.of("id", "name", "created_at", "updated_at")));

        RecordingConnection doc = fakes.doc();
        doc.answer(List.of());
        fakes.db.on("docfake").table("t").upsert(List.of(Map.of("k", 1)), List.of("k"), List.of());
        assertEquals(1, doc.writes().size(), "docfake claims upsert");
    }

    /** Timestamps declared NOT NULL: the ORM fills them, so a row without them is complete. */
    @Table("stamped")
    static final class Stamped extends SqlModel<Stamped> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.increments("id");
                t.string("name", 50);
                t.timestamp("created_at");
                t.timestamp("updated_at");
            });
        }
    }

    @Test
    void upsertFillsNotNullTimestampsBeforeCheckingTheRow() {
        RecordingConnection sql = fakes.sql();
        fakes.db.register(Stamped.class, Stamped::new);
        fakes.db.query(Stamped.class).upsert(List.of(Map.of("id", 1, "name", "a")), List.of("id"), List.of("name"));
        Write.Upsert upsert = (Write.Upsert) sql.writes().get(0);
        Map<String, Object> written = new java.util.HashMap<>();
        for (int i = 0; i < upsert.insert().columns().size(); i++) {
            written.put(upsert.insert().columns().get(i), upsert.insert().rows().get(0).get(i));
        }
        assertEquals(Map.of("id", 1L, "name", "a", "created_at", NOW, "updated_at", NOW), written);
        EloquentException missing = assertThrows(EloquentException.class, () -> fakes.db.query(Stamped.class)
                .upsert(List.of(Map.of("id", 2)), List.of("id"), List.of()));
        assertTrue(missing.getMessage().contains("stamped.name (string(50)) is NOT NULL"), missing.getMessage());
    }

    @Test
    void firstOrCreateUpdateOrCreateAndUpdateOrInsert() {
        RecordingConnection sql = fakes.sql();
        Fakes.Track created = tracks().firstOrCreate(Map.of("name", "a"), Map.of("plays", 2));
        assertTrue(created.exists());
        assertEquals(eq("name", "a"), sql.queries().get(0).where());
        Write.Insert insert = (Write.Insert) sql.writes().get(0);
        assertEquals(2, insert.rows().get(0).get(insert.columns().indexOf("plays")));

        sql.answer(List.of("id", "name", "plays"), row(4, "a", 1));
        Fakes.Track updated = tracks().updateOrCreate(Map.of("name", "a"), Map.of("plays", 8));
        Write.Update update = (Write.Update) sql.writes().get(1);
        assertEquals(eq("id", 4L), update.target().where());
        assertEquals(8, updated.get("plays"));

        Fakes.Track fresh = tracks().firstOrNew(Map.of("name", "b"));
        assertFalse(fresh.exists());
        assertEquals(2, sql.writes().size(), "firstOrNew does not save");

        sql.answer(List.of("id"), row(1));
        assertFalse(fakes.db.table("settings").updateOrInsert(Map.of("key", "k"), Map.of("value", "v")));
        assertEquals(eq("key", "k"), ((Write.Update) sql.writes().get(2)).target().where());
        assertTrue(fakes.db.table("settings").updateOrInsert(Map.of("key", "k2"), Map.of("value", "v")));
        assertTrue(sql.writes().get(3) instanceof Write.Insert);
    }

    @Test
    void aCompositeKeyModelSavesAndDeletesByEveryKeyColumnAndRefusesFind() {
        RecordingConnection sql = fakes.sql();
        Fakes.PlaylistTrack pivot = fakes.db.create(Fakes.PlaylistTrack.class, Map.of("playlist_id", 1, "track_id", 2));
        Write.Insert insert = (Write.Insert) sql.writes().get(0);
        assertEquals(null, insert.returning(), "no generated key");
        assertEquals(Map.of("playlist_id", 1, "track_id", 2), pivot.getKey());
        pivot.set("position", 3).save();
        assertEquals(and(eq("playlist_id", 1), eq("track_id", 2)), ((Write.Update) sql.writes().get(1)).target().where());
        pivot.delete();
        assertEquals(and(eq("playlist_id", 1), eq("track_id", 2)), ((Write.Delete) sql.writes().get(2)).target().where());
        EloquentException find = assertThrows(EloquentException.class,
                () -> fakes.db.query(Fakes.PlaylistTrack.class).find(1));
        assertTrue(find.getMessage().contains("PlaylistTrack has a composite primary key (playlist_id, track_id)"),
                find.getMessage());
    }

    @Test
    void createTablesChecksTheSchemaCapability() {
        fakes.db.createTables(Fakes.Track.class);
        assertTrue(fakes.sql().statements.get(0) instanceof SchemaChange.CreateTable);
        UnsupportedFeatureException refused = assertThrows(UnsupportedFeatureException.class,
                () -> fakes.db.createTables(Fakes.Setting.class));
        assertEquals("schema changes is not supported on kvfake", refused.getMessage());
        assertEquals(List.of(), fakes.kv().statements);
        assertEquals(List.of("playlist_id", "track_id"), fakes.db.typeOf(Fakes.PlaylistTrack.class).spec().primaryKey()
                .stream().map(c -> c.name()).toList());
    }
}
