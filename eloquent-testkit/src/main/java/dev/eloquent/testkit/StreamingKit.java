package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.api.QueryEvent;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static dev.eloquent.testkit.KitAssertions.asLong;
import static dev.eloquent.testkit.KitAssertions.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading many rows without holding them all: chunk, chunkById, lazy and cursor. */
public interface StreamingKit extends StoreSupport {
    @Test
    default void chunkVisitsEveryRowInOrderAndStopsWhenAsked() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<String> all = strings(db.query(Track.class).orderBy("name").get(), "name");
            List<Integer> sizes = new ArrayList<>();
            List<String> seen = new ArrayList<>();
            db.query(Track.class).orderBy("name").chunk(5, chunk -> {
                sizes.add(chunk.size());
                seen.addAll(strings(chunk, "name"));
                return true;
            });
            assertEquals(List.of(5, 5, 5, 5, 3), sizes);
            assertEquals(all, seen);

            List<Integer> stopped = new ArrayList<>();
            db.query(Track.class).orderBy("name").chunk(5, chunk -> {
                stopped.add(chunk.size());
                return stopped.size() < 2;
            });
            assertEquals(List.of(5, 5), stopped, "returning false stops after that chunk");

            List<Map<String, Object>> pivotRows = new ArrayList<>();
            db.table(MusicStore.PIVOT).orderBy("playlist_id").orderBy("position").chunk(4, chunk -> pivotRows.addAll(chunk));
            assertEquals(9, pivotRows.size());
        }
    }

    @Test
    default void chunkByIdKeepsItsPlaceWhileTheCallbackChangesTheFilteredColumn() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<Integer> sizes = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            // Raising every cheap track's price moves it out of the filter; paging by offset would skip rows.
            db.query(Track.class).where("unit_price", "<", 1).chunkById(4, chunk -> {
                sizes.add(chunk.size());
                for (Track track : chunk) {
                    ids.add(track.getLong("id"));
                    track.set("unit_price", new BigDecimal("1.09")).save();
                }
                return true;
            });
            assertEquals(List.of(4, 4, 4, 4, 1), sizes);
            assertEquals(ids.stream().sorted().toList(), ids, "in key order");
            assertEquals(0, store.raw().rows("tracks").stream()
                    .filter(t -> new BigDecimal(t.get("unit_price").toString()).compareTo(BigDecimal.ONE) < 0).count());
        }
    }

    @Test
    default void lazyStreamsEveryRowInChunksByKey() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<Long> keys = store.raw().rows("tracks").stream().map(t -> asLong(t.get("id"))).sorted().toList();
            try (Stream<Track> tracks = db.query(Track.class).lazy()) {
                assertEquals(keys, tracks.map(t -> t.getLong("id")).toList());
            }
            List<QueryEvent> events = new CopyOnWriteArrayList<>();
            db.listen(events::add);
            try (Stream<Track> tracks = db.query(Track.class).lazy(4)) {
                assertEquals(keys, tracks.map(t -> t.getLong("id")).toList());
            }
            // 23 rows in chunks of 4: five full chunks and one of 3 (and perhaps one empty probe).
            long statements = events.size();
            assertTrue(statements == 6 || statements == 7, "one statement per chunk, got " + statements + ": " + events);
            try (Stream<Track> rock = db.query(Track.class).where("genre_id", store.genre("Rock")).lazy(2)) {
                assertEquals(6, rock.count());
            }
        }
    }

    @Test
    default void cursorStreamsRowsAndReleasesItsConnectionWhenClosed() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<String> all = strings(db.query(Track.class).orderBy("name").get(), "name");
            try (Stream<Track> tracks = db.query(Track.class).orderBy("name").cursor()) {
                assertEquals(all, tracks.map(t -> t.getString("name")).toList());
            }
            try (Stream<Map<String, Object>> rows = db.table(MusicStore.PIVOT).where("playlist_id", store.playlist("Road Trip"))
                    .orderBy("position").cursor()) {
                assertEquals(4, rows.count());
            }
            // Closing a cursor after one row gives its connection back: far more cursors than any pool holds.
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int i = 0; i < 40; i++) {
                    try (Stream<Track> tracks = db.query(Track.class).orderBy("id").cursor()) {
                        assertTrue(tracks.findFirst().isPresent());
                    }
                }
            });
            db.query(Track.class).where("name", "Orion").update(Map.of("plays", 3));
            assertEquals(3L, asLong(store.raw().rows("tracks").stream()
                    .filter(t -> "Orion".equals(t.get("name"))).findFirst().orElseThrow().get("plays")));
        }
    }

    @Test
    default void cursorReadsInsideATransaction() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assumeCapability(db, Capability.TRANSACTIONS);
            long counted = db.transaction(store.connection(), () -> {
                db.query(Track.class).where("name", "Orion").update(Map.of("plays", 7));
                try (Stream<Track> tracks = db.query(Track.class).where("plays", 7).cursor()) {
                    return tracks.count();
                }
            });
            assertEquals(1, counted, "the cursor sees the transaction's own write");
        }
    }
}
