package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.UniqueViolationException;
import dev.eloquent.orm.BelongsToMany;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.eloquent.testkit.KitAssertions.asLong;
import static dev.eloquent.testkit.KitAssertions.refused;
import static dev.eloquent.testkit.KitAssertions.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * belongsToMany on the {@link MusicStore}'s {@code playlist_track} pivot: the tracks of a playlist in pivot
 * order, pivot columns on the models, wherePivot/orderByPivot, eager loading with its statement count
 * (one join on SQL, the pivot then the tracks where there are no joins), has/withCount through the pivot,
 * and the writes (attach, detach, sync, toggle, updateExistingPivot) checked on the raw second path.
 */
public interface PivotRelationKit extends StoreSupport {
    /** The pivot with timestamps {@link Playlist#starred()} reads; made by the cases that need it. */
    String STARRED = "playlist_star";

    private static Playlist playlist(Eloquent db, String name) {
        return db.query(Playlist.class).where("name", name).firstOrFail();
    }

    /** Statements a belongsToMany read costs: one join, or the pivot then the related rows. */
    private static int reads(MusicStore store) {
        return store.db().connections().connection(store.connection()).supports(Capability.JOINS) ? 1 : 2;
    }

    /** The pivot's (playlist, track, position) triples of one playlist on the raw second path, by position. */
    private static Map<Long, Long> rawPositions(MusicStore store, String playlist) {
        long id = store.playlist(playlist);
        Map<Long, Long> positions = new TreeMap<>();
        for (Map<String, Object> row : store.raw().rowsOrderedBy(MusicStore.PIVOT, "playlist_id", "track_id")) {
            if (asLong(row.get("playlist_id")) == id) {
                positions.put(asLong(row.get("track_id")), row.get("position") == null ? -1 : asLong(row.get("position")));
            }
        }
        return positions;
    }

    @Test
    default void theTracksOfAPlaylistInPivotOrderWithThePivotColumns() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            StatementCounter statements = StatementCounter.on(db, store.connection());
            Playlist roadTrip = playlist(db, "Road Trip");
            statements.take();
            List<Track> tracks = roadTrip.tracks().orderByPivot("position").get();
            assertEquals(reads(store), statements.take());
            assertEquals(List.of("Highway to Hell", "Hells Bells", "Oye Como Va", "Touch Too Much"), strings(tracks, "name"));
            List<Long> positions = tracks.stream().map(t -> asLong(t.pivot().get("position"))).toList();
            assertEquals(List.of(1L, 2L, 3L, 4L), positions);
            Track first = tracks.get(0);
            assertEquals(store.playlist("Road Trip"), asLong(first.pivot().get("playlist_id")));
            assertEquals(store.track("Highway to Hell"), asLong(first.pivot().get("track_id")));
            assertFalse(first.has("position") || first.has("pivot_position"), "pivot columns are not attributes");
            assertTrue(first.getDirty().isEmpty(), "pivot columns do not make the model dirty");
            // Saving a track read through the pivot writes its own columns only.
            first.set("plays", 7).save();
            assertEquals(7L, asLong(db.query(Track.class).where("name", "Highway to Hell").value("plays")));

            assertEquals(List.of("Touch Too Much", "Oye Como Va"),
                    strings(roadTrip.tracks().orderByPivot("position", "desc").limit(2).get(), "name"));
            assertEquals(List.of("Hells Bells", "Oye Como Va"), strings(roadTrip.tracks()
                    .wherePivot("position", ">=", 2).wherePivot("position", "<", 4).orderByPivot("position").get(), "name"));
            assertEquals(List.of("Highway to Hell", "Touch Too Much"), strings(roadTrip.tracks()
                    .wherePivotIn("position", List.of(1, 4)).orderByPivot("position").get(), "name"));
            assertEquals(List.of("Hells Bells"), strings(roadTrip.tracks().where("name", "like", "Hells%").get(), "name"));
            assertEquals(4, roadTrip.tracks().count());
            // A selection of the related columns still gets the pivot's.
            List<Track> selected = roadTrip.tracks().select("tracks.id", "tracks.name").orderByPivot("position").get();
            assertEquals("Touch Too Much", selected.get(3).getString("name"));
            assertEquals(4L, asLong(selected.get(3).pivot().get("position")));
            assertFalse(selected.get(3).has("milliseconds"));
            assertEquals(List.of(), playlist(db, "Empty").related(Playlist::tracks));
            // The conventional names: Track.playlists() reads playlist_track by playlist_id and track_id.
            Track hellsBells = db.query(Track.class).where("name", "Hells Bells").firstOrFail();
            assertEquals(List.of("Favourites", "Road Trip"),
                    strings(hellsBells.playlists().orderBy("name").get(), "name"));
        }
    }

    @Test
    default void eagerLoadingThroughThePivotCostsOneReadWhateverTheNumberOfParents() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            StatementCounter statements = StatementCounter.on(db, store.connection());
            List<Playlist> playlists = db.query(Playlist.class)
                    .with("tracks", q -> ((BelongsToMany<?, ?>) q).orderByPivot("position")).orderBy("name").get();
            assertEquals(1 + reads(store), statements.take(), "playlists, then their tracks");
            Map<String, List<String>> byPlaylist = new TreeMap<>();
            for (Playlist playlist : playlists) {
                byPlaylist.put(playlist.getString("name"), strings(playlist.related(Playlist::tracks), "name"));
            }
            assertEquals(0, statements.take(), "everything was loaded");
            assertEquals(Map.of("Empty", List.of(),
                    "Favourites", List.of("Hells Bells", "So What", "Orion", "Smooth", "Blue in Green"),
                    "Road Trip", List.of("Highway to Hell", "Hells Bells", "Oye Como Va", "Touch Too Much")), byPlaylist);
            // A track in two playlists is a model of each, with its own pivot row.
            Track inFavourites = playlists.get(1).related(Playlist::tracks).get(0);
            Track inRoadTrip = playlists.get(2).related(Playlist::tracks).get(1);
            assertEquals(List.of(1L, 2L), List.of(asLong(inFavourites.pivot().get("position")),
                    asLong(inRoadTrip.pivot().get("position"))));

            // Constrained and nested: tracks under 5 minutes, each with its album.
            List<Playlist> shortOnes = db.query(Playlist.class)
                    .with("tracks", q -> q.where("milliseconds", "<", 250_000).orderBy("name"))
                    .with("tracks.album").orderBy("name").get();
            assertEquals(1 + reads(store) + 1, statements.take(), "playlists, tracks, albums");
            Playlist roadTrip = shortOnes.get(2);
            assertEquals(List.of("Highway to Hell"), strings(roadTrip.related(Playlist::tracks), "name"));
            assertEquals(List.of(), shortOnes.get(1).related(Playlist::tracks));
            assertEquals("Highway to Hell", roadTrip.related(Playlist::tracks).get(0).related(Track::album).getString("title"));

            // The other way: tracks with their playlists.
            List<Track> tracks = db.query(Track.class).with("playlists").orderBy("name").get();
            assertEquals(1 + reads(store), statements.take());
            Map<String, Integer> playlistsPerTrack = new TreeMap<>();
            tracks.forEach(t -> playlistsPerTrack.put(t.getString("name"), t.related(Track::playlists).size()));
            assertEquals(2, playlistsPerTrack.get("Hells Bells"));
            assertEquals(0, playlistsPerTrack.get("Battery"));
            assertEquals(9, playlistsPerTrack.values().stream().mapToInt(Integer::intValue).sum(), "nine pivot rows");
        }
    }

    @Test
    default void hasAndWithCountThroughThePivot() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assertEquals(List.of("Favourites", "Road Trip"),
                    strings(db.query(Playlist.class).has("tracks").orderBy("name").get(), "name"));
            assertEquals(List.of("Empty"), strings(db.query(Playlist.class).doesntHave("tracks").get(), "name"));
            assertEquals(List.of("Favourites"),
                    strings(db.query(Playlist.class).has("tracks", ">", 4).get(), "name"));
            long jazz = store.genre("Jazz");
            assertEquals(List.of("Favourites"), strings(db.query(Playlist.class)
                    .whereHas("tracks", q -> q.where("genre_id", jazz)).get(), "name"));
            assertEquals(List.of("Hells Bells"), strings(db.query(Track.class)
                    .whereHas("playlists", q -> q.where("name", "Road Trip")).has("playlists", ">=", 2).get(), "name"));
            List<Playlist> counted = db.query(Playlist.class).withCount("tracks")
                    .withCount("tracks as short_tracks", q -> q.where("milliseconds", "<", 250_000)).orderBy("name").get();
            Map<String, List<Long>> counts = new TreeMap<>();
            counted.forEach(p -> counts.put(p.getString("name"), List.of(p.getLong("tracks_count"), p.getLong("short_tracks"))));
            assertEquals(Map.of("Empty", List.of(0L, 0L), "Favourites", List.of(5L, 0L), "Road Trip", List.of(4L, 1L)), counts);
            assertTrue(counted.get(1).getDirty().isEmpty());

            // The cost: on SQL one statement, the relation correlated inside it; without joins the tracks,
            // then the pivot's playlist ids, then the playlists (has), or the pivot and the tracks after (withCount).
            boolean joins = reads(store) == 1;
            StatementCounter statements = StatementCounter.on(db, store.connection());
            db.query(Playlist.class).whereHas("tracks", q -> q.where("genre_id", jazz)).get();
            assertEquals(joins ? 1 : 3, statements.take());
            db.query(Playlist.class).withCount("tracks").get();
            assertEquals(joins ? 1 : 3, statements.take());
        }
    }

    @Test
    default void attachDetachSyncAndToggleWriteThePivot() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            Playlist empty = playlist(db, "Empty");
            long smooth = store.track("Smooth");
            long orion = store.track("Orion");
            long soWhat = store.track("So What");
            long battery = store.track("Battery");

            empty.tracks().attach(smooth, Map.of("position", 1));
            empty.tracks().attach(List.of(orion, soWhat), Map.of("position", 0));
            assertEquals(Map.of(orion, 0L, smooth, 1L, soWhat, 0L), rawPositions(store, "Empty"));
            // The pair is the pivot's primary key: attaching it again is refused by the database.
            refused(UniqueViolationException.class, MusicStore.PIVOT,
                    () -> empty.tracks().attach(smooth, Map.of("position", 9)));
            assertEquals(Map.of(orion, 0L, smooth, 1L, soWhat, 0L), rawPositions(store, "Empty"));

            assertEquals(1, empty.tracks().updateExistingPivot(orion, Map.of("position", 2)));
            assertEquals(1, empty.tracks().detach(soWhat));
            assertEquals(Map.of(orion, 2L, smooth, 1L), rawPositions(store, "Empty"));

            BelongsToMany.Changes synced = empty.tracks().sync(Map.of(orion, Map.of("position", 5),
                    battery, Map.of("position", 6)));
            assertEquals(List.of(battery), synced.attached());
            assertEquals(List.of(smooth), synced.detached());
            assertEquals(List.of(orion), synced.updated());
            assertEquals(Map.of(battery, 6L, orion, 5L), rawPositions(store, "Empty"));
            BelongsToMany.Changes again = empty.tracks().sync(List.of(orion, battery));
            assertEquals(List.of(List.of(), List.of(), List.of()), List.of(again.attached(), again.detached(), again.updated()),
                    "syncing the same keys changes nothing and never duplicates a pair");

            BelongsToMany.Changes added = empty.tracks().syncWithoutDetaching(Map.of(smooth, Map.of("position", 7),
                    orion, Map.of()));
            assertEquals(List.of(smooth), added.attached());
            assertEquals(List.of(), added.detached());
            assertEquals(Map.of(battery, 6L, orion, 5L, smooth, 7L), rawPositions(store, "Empty"));

            BelongsToMany.Changes toggled = empty.tracks().toggle(Map.of(smooth, Map.of(), soWhat, Map.of("position", 8)));
            assertEquals(List.of(soWhat), toggled.attached());
            assertEquals(List.of(smooth), toggled.detached());
            assertEquals(Map.of(battery, 6L, orion, 5L, soWhat, 8L), rawPositions(store, "Empty"));

            // Models are keys too; detach() with nothing detaches all of the parent's rows, no other's.
            Track batteryTrack = db.findOrFail(Track.class, battery);
            assertEquals(1, empty.tracks().detach(List.of(batteryTrack)));
            assertEquals(2, empty.tracks().detach());
            assertEquals(Map.of(), rawPositions(store, "Empty"));
            assertEquals(4, rawPositions(store, "Road Trip").size());

            refused(EloquentException.class, "save the Playlist", () -> new Playlist().tracks().attach(smooth, Map.of("position", 1)));
        }
    }

    @Test
    default void withTimestampsStampsThePivotRows() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            db.schema(store.connection()).dropIfExists(STARRED);
            db.schema(store.connection()).create(STARRED, t -> {
                t.integer("playlist_id");
                t.integer("track_id");
                t.timestamps();
                t.primary("playlist_id", "track_id");
            });
            try {
                Playlist favourites = playlist(db, "Favourites");
                long orion = store.track("Orion");
                favourites.starred().attach(orion);
                Map<String, Object> row = store.raw().rowsOrderedBy(STARRED, "playlist_id", "track_id").get(0);
                assertNotNull(row.get("created_at"), "attach sets created_at");
                assertNotNull(row.get("updated_at"), "attach sets updated_at");
                Track starred = favourites.starred().firstOrFail();
                assertEquals("Orion", starred.getString("name"));
                assertNotNull(starred.pivot().get("created_at"), "the timestamps are read with the pivot");
                assertTrue(starred.pivot().containsKey("updated_at"));
                favourites.starred().sync(List.of(orion, store.track("Smooth")));
                List<Map<String, Object>> rows = new ArrayList<>(store.raw().rowsOrderedBy(STARRED, "playlist_id", "track_id"));
                assertEquals(2, rows.size());
                rows.forEach(r -> assertNotNull(r.get("created_at"), "sync stamps what it attaches"));
            } finally {
                db.schema(store.connection()).dropIfExists(STARRED);
            }
        }
    }
}
