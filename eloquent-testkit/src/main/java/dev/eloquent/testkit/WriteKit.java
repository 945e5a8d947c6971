package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.QueryEvent;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.ModelQuery;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import static dev.eloquent.testkit.KitAssertions.asLong;
import static dev.eloquent.testkit.KitAssertions.assertAmount;
import static dev.eloquent.testkit.KitAssertions.refused;
import static dev.eloquent.testkit.MusicStore.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes by query, each checked through the raw second path: inserts of many rows in batches, update and
 * delete of every matching row (and the refusal of limit/offset/order there), atomic increments,
 * firstOrCreate, firstOrNew, updateOrCreate, upsert.
 */
public interface WriteKit extends StoreSupport {
    private static Map<String, Object> rawTrack(MusicStore store, String name) {
        return store.raw().rows("tracks").stream().filter(t -> name.equals(t.get("name"))).findFirst().orElseThrow();
    }

    @Test
    default void insertWritesManyRowsInFewStatements() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            db.query(Genre.class).insert(List.of(row("name", "Funk", "description", null),
                    row("name", "Soul", "description", "feeling")));
            db.query(Genre.class).insert(row("name", "Reggae"));
            List<Map<String, Object>> genres = store.raw().rows("genres");
            assertEquals(9, genres.size());
            assertEquals(List.of("Funk", "Soul", "Reggae"), genres.stream().skip(6).map(g -> g.get("name")).toList());
            assertEquals("feeling", genres.get(7).get("description"));

            List<QueryEvent> events = new CopyOnWriteArrayList<>();
            db.listen(events::add);
            List<Map<String, Object>> many = new ArrayList<>();
            for (int i = 0; i < 1500; i++) {
                many.add(row("title", "Album " + i, "artist_id", store.artist("The Quiet Ones"), "released", 2000 + i % 20));
            }
            db.query(Album.class).insert(many);
            assertTrue(events.size() <= 15, "1500 rows in batches, not one statement per row: " + events.size());
            List<Map<String, Object>> albums = store.raw().rows("albums");
            assertEquals(8 + 1500, albums.size());
            assertEquals("Album 1499", albums.get(albums.size() - 1).get("title"));
            assertEquals(2019L, asLong(albums.get(albums.size() - 1).get("released")));
        }
    }

    @Test
    default void insertGetIdReturnsTheGeneratedKey() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            Object key = db.query(Genre.class).insertGetId(row("name", "Funk"));
            assertNotNull(key);
            Map<String, Object> stored = store.raw().rows("genres").stream()
                    .filter(g -> "Funk".equals(g.get("name"))).findFirst().orElseThrow();
            assertEquals(asLong(stored.get("id")), asLong(key));
            assertEquals("Funk", db.query(Genre.class).findOrFail(key).getString("name"));
        }
    }

    @Test
    default void insertChecksColumnsAndValuesBeforeWritingAnything() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            refused(EloquentException.class, "no_such_column",
                    () -> db.query(Genre.class).insert(List.of(row("name", "Funk"), row("name", "Soul", "no_such_column", 1))));
            refused(EloquentException.class, "milliseconds", () -> db.query(Track.class).insert(List.of(
                    row("name", "Long", "album_id", 1, "milliseconds", "very long", "unit_price", BigDecimal.ONE))));
            assertEquals(6, store.raw().rows("genres").size());
            assertEquals(23, store.raw().rows("tracks").size());
        }
    }

    @Test
    default void updateAndDeleteActOnEveryMatchingRow() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            long blues = store.genre("Blues");
            assertEquals(3, db.query(Track.class).where("genre_id", blues).update(Map.of("unit_price", new BigDecimal("1.49"))));
            for (Map<String, Object> track : store.raw().rows("tracks")) {
                boolean isBlues = track.get("genre_id") != null && asLong(track.get("genre_id")) == blues;
                assertEquals(isBlues, new BigDecimal(track.get("unit_price").toString()).compareTo(new BigDecimal("1.49")) == 0,
                        () -> "only blues tracks changed: " + track);
            }
            assertEquals(0, db.query(Track.class).where("name", "No Such Track").update(Map.of("plays", 1)));
            refused(EloquentException.class, "no_such_column",
                    () -> db.query(Track.class).where("genre_id", blues).update(Map.of("no_such_column", 1)));

            assertEquals(4, db.query(Track.class).where("genre_id", store.genre("Latin")).delete());
            assertEquals(19, store.raw().rows("tracks").size());
            assertEquals(0, db.query(Track.class).where("genre_id", store.genre("Latin")).count());
            assertEquals(0, db.query(Track.class).where("name", "No Such Track").delete());
        }
    }

    @Test
    default void updateAndDeleteRefuseLimitOffsetAndOrderTheSameEverywhere() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<UnaryOperator<ModelQuery<Track>>> modifiers = List.of(q -> q.limit(1), q -> q.offset(1),
                    q -> q.orderBy("name"), q -> q.take(2).skip(1), q -> q.forPage(1, 2));
            for (UnaryOperator<ModelQuery<Track>> modifier : modifiers) {
                refused(EloquentException.class, "acts on every matching row", () -> modifier
                        .apply(db.query(Track.class).where("genre_id", store.genre("Rock"))).update(Map.of("plays", 9)));
                refused(EloquentException.class, "acts on every matching row", () -> modifier
                        .apply(db.query(Track.class).where("genre_id", store.genre("Rock"))).delete());
            }
            refused(EloquentException.class, "remove limit/offset",
                    () -> db.table("tracks").limit(1).update(Map.of("plays", 9)));
            refused(EloquentException.class, "remove limit/offset", () -> db.table("tracks").limit(1).delete());
            assertEquals(23, store.raw().rows("tracks").size());
            assertTrue(store.raw().rows("tracks").stream().allMatch(t -> asLong(t.get("plays")) == 0), "nothing changed");
        }
    }

    @Test
    default void incrementAndDecrementByQueryAreOneStatementEach() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            long kindOfBlue = store.album("Kind of Blue");
            db.query(Track.class).where("album_id", kindOfBlue).increment("plays");
            db.query(Track.class).where("album_id", kindOfBlue).increment("plays", 5);
            db.query(Track.class).where("album_id", kindOfBlue).decrement("plays", 2);
            db.query(Track.class).where("name", "So What").decrement("plays");
            assertEquals(4L, asLong(rawTrack(store, "Freddie Freeloader").get("plays")));
            assertEquals(3L, asLong(rawTrack(store, "So What").get("plays")));
            assertEquals(0L, asLong(rawTrack(store, "Orion").get("plays")), "other rows untouched");

            db.query(Track.class).where("name", "Orion").increment("plays", 10, Map.of("composer", "Metallica"));
            assertEquals(10L, asLong(rawTrack(store, "Orion").get("plays")));
            assertEquals("Metallica", rawTrack(store, "Orion").get("composer"), "extra columns are set in the same statement");
            db.query(Track.class).where("name", "Orion").increment("unit_price", new BigDecimal("0.10"));
            assertAmount("1.09", rawTrack(store, "Orion").get("unit_price"));
            db.table("tracks").where("name", "Orion").decrement("plays", 4);
            assertEquals(6L, asLong(rawTrack(store, "Orion").get("plays")));
            refused(EloquentException.class, "no_such_column",
                    () -> db.query(Track.class).where("name", "Orion").increment("no_such_column"));
        }
    }

    @Test
    default void modelIncrementIsAtomicInTheDatabaseAndUpdatesTheModel() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            Track orion = db.query(Track.class).where("name", "Orion").firstOrFail();
            // Someone else plays it 10 times meanwhile: an atomic increment adds to their count, not ours.
            store.raw().update("tracks", store.track("Orion"), "plays", 10);
            orion.increment("plays");
            assertEquals(11L, asLong(rawTrack(store, "Orion").get("plays")));
            assertEquals(1, orion.getInteger("plays"), "the model adds the amount to what it held");
            assertFalse(orion.isDirty("plays"), "the increment is already stored");
            orion.increment("plays", 4);
            orion.decrement("plays", 2);
            orion.decrement("plays");
            assertEquals(12L, asLong(rawTrack(store, "Orion").get("plays")));
            assertEquals(2, orion.getInteger("plays"));
            assertEquals(0L, asLong(rawTrack(store, "Battery").get("plays")), "only the model's own row");
        }
    }

    @Test
    default void firstOrCreateFindsOrCreatesAndFirstOrNewDoesNotSave() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            Genre jazz = db.query(Genre.class).firstOrCreate(Map.of("name", "Jazz"), Map.of("description", "ignored"));
            assertEquals(store.genre("Jazz"), jazz.getLong("id"));
            assertEquals(6, store.raw().rows("genres").size());

            Album blueTrain = db.query(Album.class).firstOrCreate(Map.of("title", "Blue Train"),
                    Map.of("artist_id", store.artist("Miles Davis"), "released", 1957));
            assertTrue(blueTrain.exists());
            Map<String, Object> stored = store.raw().rows("albums").stream()
                    .filter(a -> "Blue Train".equals(a.get("title"))).findFirst().orElseThrow();
            assertEquals(asLong(stored.get("id")), blueTrain.getLong("id"));
            assertEquals(1957L, asLong(stored.get("released")));
            Album again = db.query(Album.class).firstOrCreate(Map.of("title", "Blue Train"), Map.of("released", 2000));
            assertEquals(blueTrain.getLong("id"), again.getLong("id"));
            assertEquals(9, store.raw().rows("albums").size());

            Album unsaved = db.query(Album.class).firstOrNew(Map.of("title", "Giant Steps"),
                    Map.of("artist_id", store.artist("Miles Davis")));
            assertFalse(unsaved.exists());
            assertEquals("Giant Steps", unsaved.getString("title"));
            assertEquals(9, store.raw().rows("albums").size());
            assertTrue(db.query(Album.class).firstOrNew(Map.of("title", "Abraxas"), Map.of()).exists());
        }
    }

    @Test
    default void updateOrCreateUpdatesTheMatchOrCreatesIt() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            Album abraxas = db.query(Album.class).updateOrCreate(Map.of("title", "Abraxas"), Map.of("released", 1971));
            assertEquals(store.album("Abraxas"), abraxas.getLong("id"));
            assertEquals(1971L, asLong(store.raw().rows("albums").stream()
                    .filter(a -> "Abraxas".equals(a.get("title"))).findFirst().orElseThrow().get("released")));
            Album created = db.query(Album.class).updateOrCreate(Map.of("title", "Caravanserai"),
                    Map.of("artist_id", store.artist("Santana"), "released", 1972));
            assertTrue(created.exists());
            assertEquals(9, store.raw().rows("albums").size());
        }
    }

    @Test
    default void upsertInsertsNewRowsAndUpdatesTheNamedColumnsOfExistingOnes() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assumeCapability(db, Capability.UPSERT);
            db.query(Genre.class).upsert(List.of(row("name", "Jazz", "description", "swing"), row("name", "Funk", "description", "groove")),
                    List.of("name"), List.of("description"));
            List<Map<String, Object>> genres = store.raw().rows("genres");
            assertEquals(7, genres.size());
            Map<String, Object> jazz = genres.stream().filter(g -> "Jazz".equals(g.get("name"))).findFirst().orElseThrow();
            assertEquals(store.genre("Jazz"), asLong(jazz.get("id")), "the existing row keeps its key");
            assertEquals("swing", jazz.get("description"));
            assertEquals("groove", genres.get(6).get("description"));
        }
    }
}
