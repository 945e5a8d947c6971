package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.UniqueViolationException;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.eloquent.testkit.KitAssertions.asLong;
import static dev.eloquent.testkit.KitAssertions.refused;
import static dev.eloquent.testkit.MusicStore.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code db.table(...)}: the same builder without a model, rows as maps in column order, on the
 * {@code playlist_track} pivot whose primary key is the pair of its two ids.
 */
public interface TableQueryKit extends StoreSupport {
    private static List<Map<String, Object>> rawPivot(MusicStore store) {
        return store.raw().rowsOrderedBy(MusicStore.PIVOT, "playlist_id", "position");
    }

    private static long rawPosition(MusicStore store, long playlist, long track) {
        return rawPivot(store).stream()
                .filter(r -> asLong(r.get("playlist_id")) == playlist && asLong(r.get("track_id")) == track)
                .map(r -> asLong(r.get("position"))).findFirst().orElseThrow();
    }

    @Test
    default void rowsAreMapsInColumnOrder() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            long favourites = store.playlist("Favourites");
            List<Map<String, Object>> rows = db.table(MusicStore.PIVOT).select("playlist_id", "track_id", "position")
                    .where("playlist_id", favourites).orderBy("position").get();
            assertEquals(5, rows.size());
            assertEquals(List.of("playlist_id", "track_id", "position"), List.copyOf(rows.get(0).keySet()));
            assertEquals(store.track("Hells Bells"), asLong(rows.get(0).get("track_id")));
            assertEquals(store.track("Blue in Green"), asLong(rows.get(4).get("track_id")));

            assertEquals(9, db.table(MusicStore.PIVOT).count());
            assertEquals(List.of(1L, 2L, 3L, 4L), db.table(MusicStore.PIVOT).where("playlist_id", store.playlist("Road Trip"))
                    .orderBy("position").pluck("position").stream().map(KitAssertions::asLong).toList());
            assertEquals(store.track("Oye Como Va"), asLong(db.table(MusicStore.PIVOT)
                    .where("playlist_id", store.playlist("Road Trip")).where("position", 3).value("track_id")));
            assertTrue(db.table(MusicStore.PIVOT).where("track_id", store.track("Hells Bells")).count() == 2);
            assertEquals(15L, asLong(db.table(MusicStore.PIVOT).where("playlist_id", favourites).sum("position")));
            assertEquals(5L, asLong(db.table(MusicStore.PIVOT).where("playlist_id", favourites).max("position")));
            assertTrue(db.table(MusicStore.PIVOT).where("playlist_id", store.playlist("Empty")).doesntExist());
            assertEquals(store.track("Hells Bells"), asLong(db.table(MusicStore.PIVOT).where("playlist_id", favourites)
                    .orderBy("position").first().orElseThrow().get("track_id")));

            // Through a named connection's handle: the same rows.
            assertEquals(rows, db.on(store.connection()).table(MusicStore.PIVOT).select("playlist_id", "track_id", "position")
                    .where("playlist_id", favourites).orderBy("position").get());
        }
    }

    @Test
    default void theCompositeKeyAllowsSharedHalvesAndRefusesADuplicatePair() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            long roadTrip = store.playlist("Road Trip");
            long orion = store.track("Orion");
            // Orion is on Favourites already: the same track on another playlist is a new pair.
            db.table(MusicStore.PIVOT).insert(row("playlist_id", roadTrip, "track_id", orion, "position", 5));
            assertEquals(10, rawPivot(store).size());
            UniqueViolationException duplicate = refused(UniqueViolationException.class, MusicStore.PIVOT,
                    () -> db.table(MusicStore.PIVOT).insert(row("playlist_id", roadTrip, "track_id", orion, "position", 6)));
            assertEquals(MusicStore.PIVOT, duplicate.table());
            assertEquals(10, rawPivot(store).size());
            assertEquals(5L, rawPosition(store, roadTrip, orion));
        }
    }

    @Test
    default void writesThroughTheTableBuilder() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            long empty = store.playlist("Empty");
            db.table(MusicStore.PIVOT).insert(List.of(
                    row("playlist_id", empty, "track_id", store.track("Battery"), "position", 1),
                    row("playlist_id", empty, "track_id", store.track("Orion"), "position", 2),
                    row("playlist_id", empty, "track_id", store.track("Smooth"), "position", 3)));
            assertEquals(12, rawPivot(store).size());
            assertEquals(3, db.table(MusicStore.PIVOT).where("playlist_id", empty).update(Map.of("position", 0)));
            assertEquals(0L, rawPosition(store, empty, store.track("Smooth")));
            db.table(MusicStore.PIVOT).where("playlist_id", empty).where("track_id", store.track("Smooth")).increment("position", 7);
            assertEquals(7L, rawPosition(store, empty, store.track("Smooth")));
            assertEquals(1, db.table(MusicStore.PIVOT).where("playlist_id", empty)
                    .where("track_id", store.track("Battery")).delete());
            assertEquals(11, rawPivot(store).size());
            Object genre = db.table("genres").insertGetId(row("name", "Funk"));
            assertEquals("Funk", db.table("genres").find(genre).orElseThrow().get("name"));
        }
    }

    @Test
    default void updateOrInsertAndUpsertMatchOnTheCompositeKey() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            long favourites = store.playlist("Favourites");
            long orion = store.track("Orion");
            long battery = store.track("Battery");
            db.table(MusicStore.PIVOT).updateOrInsert(Map.of("playlist_id", favourites, "track_id", orion), Map.of("position", 9));
            assertEquals(9L, rawPosition(store, favourites, orion));
            assertEquals(9, rawPivot(store).size());
            db.table(MusicStore.PIVOT).updateOrInsert(Map.of("playlist_id", favourites, "track_id", battery), Map.of("position", 6));
            assertEquals(6L, rawPosition(store, favourites, battery));
            assertEquals(10, rawPivot(store).size());

            assumeCapability(db, Capability.UPSERT);
            db.table(MusicStore.PIVOT).upsert(List.of(
                            row("playlist_id", favourites, "track_id", orion, "position", 3),
                            row("playlist_id", favourites, "track_id", store.track("Oye Como Va"), "position", 7)),
                    List.of("playlist_id", "track_id"), List.of("position"));
            assertEquals(3L, rawPosition(store, favourites, orion));
            assertEquals(7L, rawPosition(store, favourites, store.track("Oye Como Va")));
            assertEquals(11, rawPivot(store).size());
        }
    }

    @Test
    default void tableAndColumnNamesAreChecked() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            refused(EloquentException.class, "tracks; drop", () -> db.table("tracks; drop table tracks").count());
            refused(EloquentException.class, "name; drop", () -> db.table("tracks").where("name; drop table tracks", 1).count());
            refused(EloquentException.class, "not a supported operator", () -> db.table("tracks").where("name", "===", 1).count());
            assertEquals(23, store.raw().rows("tracks").size());
        }
    }
}
