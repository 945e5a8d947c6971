package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.api.UnsupportedFeatureException;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.ModelNotFoundException;
import dev.eloquent.orm.ModelQuery;
import dev.eloquent.orm.MultipleRecordsFoundException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.eloquent.testkit.KitAssertions.refused;
import static dev.eloquent.testkit.KitAssertions.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reads that end a query: get, pluck, value, first, firstOrFail, sole, find, findOrFail, findMany, locks. */
public interface ReadKit extends StoreSupport {
    @Test
    default void getReturnsModelsWithTheirColumnsJavaTypes() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            Track orion = db.query(Track.class).where("name", "Orion").get().get(0);
            assertEquals(store.track("Orion"), orion.get("id"));
            assertInstanceOf(Integer.class, orion.get("milliseconds"));
            assertEquals(new BigDecimal("0.99"), orion.get("unit_price"));
            assertEquals(0, orion.get("plays"));
            assertNull(db.query(Track.class).where("name", "Untitled Interlude").firstOrFail().get("composer"));
            assertEquals(List.of(), db.query(Track.class).where("name", "No Such Track").get());
        }
    }

    @Test
    default void pluckListsOneColumnOrPairsInQueryOrder() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assertEquals(List.of("Blues", "Classical", "Jazz", "Latin", "Metal", "Rock"),
                    db.query(Genre.class).orderBy("name").pluck("name"));
            Map<Object, Object> byId = db.query(Genre.class).orderBy("name").pluck("name", "id");
            Map<Object, Object> expected = new LinkedHashMap<>();
            for (String genre : List.of("Blues", "Classical", "Jazz", "Latin", "Metal", "Rock")) {
                expected.put(store.genre(genre), genre);
            }
            assertEquals(expected, byId);
            assertEquals(List.copyOf(expected.keySet()), List.copyOf(byId.keySet()), "in the query's order");
            assertEquals(List.of(507_000), db.query(Track.class).where("name", "Orion").pluck("milliseconds"));
            assertEquals(List.of(), db.query(Track.class).where("name", "No Such Track").pluck("name"));
        }
    }

    @Test
    default void valueReadsOneColumnOfTheFirstRow() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assertEquals(507_000, db.query(Track.class).where("name", "Orion").value("milliseconds"));
            assertEquals("Pharaoh's Dance", db.query(Track.class).orderByDesc("milliseconds").value("name"));
            assertEquals(new BigDecimal("1.99"), db.query(Track.class).orderByDesc("unit_price").value("unit_price"));
            assertNull(db.query(Track.class).where("name", "No Such Track").value("name"));
        }
    }

    @Test
    default void firstFirstOrFailAndSole() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assertEquals("Untitled Interlude", db.query(Track.class).orderBy("milliseconds").first().orElseThrow()
                    .getString("name"));
            assertTrue(db.query(Track.class).where("name", "No Such Track").first().isEmpty());
            refused(ModelNotFoundException.class, "Track",
                    () -> db.query(Track.class).where("name", "No Such Track").firstOrFail());
            assertEquals("Orion", db.query(Track.class).where("name", "Orion").sole().getString("name"));
            refused(ModelNotFoundException.class, "Track",
                    () -> db.query(Track.class).where("name", "No Such Track").sole());
            refused(MultipleRecordsFoundException.class, "Track",
                    () -> db.query(Track.class).where("genre_id", store.genre("Blues")).sole());
        }
    }

    @Test
    default void findFindOrFailAndFindManyByKey() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            long orion = store.track("Orion");
            long smooth = store.track("Smooth");
            ModelQuery<Track> tracks = db.query(Track.class);
            assertEquals("Orion", tracks.find(orion).orElseThrow().getString("name"));
            assertEquals("Smooth", tracks.find(smooth).orElseThrow().getString("name"),
                    "a second find on the same builder looks up its own key");
            assertEquals("Orion", tracks.findOrFail(orion).getString("name"));
            ModelNotFoundException missing = refused(ModelNotFoundException.class, "Track",
                    () -> db.query(Track.class).findOrFail(999_999));
            assertTrue(missing.getMessage().contains("tracks"), missing.getMessage());
            assertFalse(missing.getMessage().contains("999"), "the key is a value and stays out: " + missing.getMessage());
            assertTrue(db.query(Track.class).find(999_999).isEmpty());

            assertEquals(List.of("Orion", "Smooth"), strings(db.query(Track.class)
                    .findMany(List.of(smooth, orion, 999_999L)).stream()
                    .sorted(java.util.Comparator.comparing(t -> t.getString("name"))).toList(), "name"));
            assertEquals(List.of(), db.query(Track.class).findMany(List.of()));

            // find keeps the builder's conditions: Orion is metal, not rock.
            ModelQuery<Track> rock = db.query(Track.class).where("genre_id", store.genre("Rock"));
            assertTrue(rock.find(orion).isEmpty());
            assertEquals("Hells Bells", rock.find(store.track("Hells Bells")).orElseThrow().getString("name"));
            assertEquals(6, rock.count(), "find added nothing to the builder");

            Optional<Map<String, Object>> genre = db.table("genres").find(store.genre("Jazz"));
            assertEquals("Jazz", genre.orElseThrow().get("name"));
            assertEquals(2, db.table("genres").findMany(List.of(store.genre("Jazz"), store.genre("Rock"))).size());
        }
    }

    @Test
    default void lockedReadsReturnTheSameRowsInATransaction() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assumeCapability(db, Capability.ROW_LOCKS);
            assumeCapability(db, Capability.TRANSACTIONS);
            List<String> locked = db.transaction(store.connection(), () -> strings(db.query(Track.class)
                    .where("genre_id", store.genre("Blues")).orderBy("name").lockForUpdate().get(), "name"));
            assertEquals(List.of("Every Day I Have the Blues", "How Blue Can You Get", "Sweet Little Angel"), locked);
            List<String> shared = db.transaction(store.connection(), () -> strings(db.query(Track.class)
                    .where("genre_id", store.genre("Blues")).orderBy("name").sharedLock().get(), "name"));
            assertEquals(locked, shared);
            // Lock, change, commit: the change is there afterwards.
            db.transaction(store.connection(), () -> {
                Track orion = db.query(Track.class).where("name", "Orion").lockForUpdate().firstOrFail();
                return orion.set("plays", orion.getInteger("plays") + 1).save();
            });
            assertEquals(1, db.query(Track.class).where("name", "Orion").value("plays"));
        }
    }

    @Test
    default void locksAreRefusedWhereNotClaimed() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assumeNotClaimed(db, Capability.ROW_LOCKS);
            String expected = notSupported(db, Capability.ROW_LOCKS);
            refused(UnsupportedFeatureException.class, expected,
                    () -> db.query(Track.class).where("name", "Orion").lockForUpdate().get());
            refused(UnsupportedFeatureException.class, expected,
                    () -> db.query(Track.class).where("name", "Orion").sharedLock().first());
        }
    }
}
