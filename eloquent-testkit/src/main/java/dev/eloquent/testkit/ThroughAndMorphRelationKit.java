package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.eloquent.testkit.KitAssertions.asLong;
import static dev.eloquent.testkit.KitAssertions.refused;
import static dev.eloquent.testkit.KitAssertions.strings;
import static dev.eloquent.testkit.MusicStore.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Through and polymorphic relations on the {@link MusicStore}: an artist's tracks through albums
 * ({@code hasManyThrough}) and longest track ({@code hasOneThrough}), comments on albums and tracks
 * ({@code morphMany}/{@code morphOne}) and a comment's parent ({@code morphTo}) with a morph map that maps
 * albums to "album" and leaves tracks under their class name.
 *
 * <p>Statement counts depend on one capability: a driver that joins reads a through relation in one
 * statement (tracks joined with albums); one that does not (MongoDB) reads the albums first, then the
 * tracks by key, so two. Counting related rows per parent through an intermediate table needs the join,
 * and is refused without it.
 */
public interface ThroughAndMorphRelationKit extends StoreSupport {
    private static Artist artist(Eloquent db, String name) {
        return db.query(Artist.class).where("name", name).firstOrFail();
    }

    private static Album album(Eloquent db, String title) {
        return db.query(Album.class).where("title", title).firstOrFail();
    }

    private static Track track(Eloquent db, String name) {
        return db.query(Track.class).where("name", name).firstOrFail();
    }

    /** Statements a through relation costs per load: one joined query, or the through rows then the related rows. */
    private int throughStatements(Eloquent db) {
        return db.connections().connection(target().connection()).supports(Capability.JOINS) ? 1 : 2;
    }

    private boolean joins(Eloquent db) {
        return throughStatements(db) == 1;
    }

    /** The names of the artist's tracks, sorted, from the raw second path. */
    private static List<String> rawTracksOf(MusicStore store, String artist) {
        long artistId = store.artist(artist);
        List<Long> albums = new ArrayList<>();
        store.raw().rows("albums").forEach(r -> {
            if (asLong(r.get("artist_id")) == artistId) {
                albums.add(asLong(r.get("id")));
            }
        });
        List<String> names = new ArrayList<>();
        store.raw().rows("tracks").forEach(r -> {
            if (albums.contains(asLong(r.get("album_id")))) {
                names.add((String) r.get("name"));
            }
        });
        return names.stream().sorted().toList();
    }

    @Test
    default void tracksPerArtistThroughAlbumsLazily() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            StatementCounter statements = StatementCounter.on(db, store.connection());
            Artist acdc = artist(db, "AC/DC");
            statements.take();
            List<Track> tracks = acdc.tracks().orderBy("name").get();
            assertEquals(throughStatements(db), statements.take());
            assertEquals(rawTracksOf(store, "AC/DC"), strings(tracks, "name"));
            assertEquals(6, tracks.size());
            assertEquals(List.of("Hells Bells"), strings(acdc.tracks().where("name", "like", "Hells%").get(), "name"));
            assertEquals(6, acdc.tracks().count());
            assertEquals(List.of(), artist(db, "The Quiet Ones").tracks().get());
            assertEquals(rawTracksOf(store, "Santana"), strings(artist(db, "Santana").related(Artist::tracks), "name")
                    .stream().sorted().toList());

            // The through key matched rows to parents only: the models hold the track's own columns, clean.
            Track bells = tracks.stream().filter(t -> t.getString("name").equals("Hells Bells")).findFirst().orElseThrow();
            assertEquals(db.query(Track.class).find(bells.getKey()).orElseThrow().attributes().keySet(),
                    bells.attributes().keySet());
            assertFalse(bells.isDirty());
            assertEquals("Hells Bells", acdc.tracks().find(bells.getKey()).orElseThrow().getString("name"));
            List<String> chunked = new ArrayList<>();
            acdc.tracks().chunkById(4, chunk -> chunked.addAll(strings(chunk, "name")));
            assertEquals(rawTracksOf(store, "AC/DC"), chunked.stream().sorted().toList());
            bells.set("plays", 7).save();
            long bellsId = asLong(bells.getKey());
            Map<String, Object> stored = store.raw().rows("tracks").stream()
                    .filter(r -> asLong(r.get("id")) == bellsId).findFirst().orElseThrow();
            assertEquals(7L, asLong(stored.get("plays")));
            assertEquals("Hells Bells", stored.get("name"));
        }
    }

    @Test
    default void tracksPerArtistThroughAlbumsEagerlyInOneQueryPerRelation() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            StatementCounter statements = StatementCounter.on(db, store.connection());
            List<Artist> artists = db.query(Artist.class).with("tracks").orderBy("name").get();
            assertEquals(1 + throughStatements(db), statements.take(), "artists, then their tracks");
            Map<String, Integer> counts = new TreeMap<>();
            artists.forEach(a -> counts.put(a.getString("name"), a.related(Artist::tracks).size()));
            assertEquals(0, statements.take(), "everything was loaded");
            assertEquals(RelationKit.expectedTracksPerArtist(store), counts);
            Artist acdc = artists.get(0);
            assertEquals(rawTracksOf(store, "AC/DC"), strings(acdc.related(Artist::tracks), "name").stream().sorted().toList());

            long jazz = store.genre("Jazz");
            List<Artist> jazzy = db.query(Artist.class).with("tracks", q -> q.where("genre_id", jazz)).orderBy("name").get();
            Map<String, Integer> jazzCounts = new TreeMap<>();
            jazzy.forEach(a -> jazzCounts.put(a.getString("name"), a.related(Artist::tracks).size()));
            assertEquals(Map.of("AC/DC", 0, "B.B. King", 0, "Metallica", 0, "Miles Davis", 4, "Santana", 0,
                    "The Quiet Ones", 0), jazzCounts);

            statements.take();
            List<Artist> withGenres = db.query(Artist.class).with("tracks.genre").orderBy("name").get();
            assertEquals(2 + throughStatements(db), statements.take(), "artists, tracks, genres");
            Track interlude = withGenres.stream().filter(a -> a.getString("name").equals("Santana")).findFirst()
                    .orElseThrow().related(Artist::tracks).stream()
                    .filter(t -> t.getString("name").equals("Untitled Interlude")).findFirst().orElseThrow();
            assertNull(interlude.related(Track::genre));
            assertEquals(0, statements.take());
        }
    }

    @Test
    default void whereHasAndWithCountThroughAlbums() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assertEquals(List.of("AC/DC", "B.B. King", "Metallica", "Miles Davis", "Santana"),
                    strings(db.query(Artist.class).has("tracks").orderBy("name").get(), "name"));
            assertEquals(List.of("The Quiet Ones"), strings(db.query(Artist.class).doesntHave("tracks").get(), "name"));
            long jazz = store.genre("Jazz");
            assertEquals(List.of("Miles Davis"), strings(db.query(Artist.class)
                    .whereHas("tracks", q -> q.where("genre_id", jazz)).get(), "name"));
            assertEquals(List.of("Metallica", "Miles Davis"), strings(db.query(Artist.class)
                    .whereRelation("tracks", "milliseconds", ">", 500_000).orderBy("name").get(), "name"));
            // withCount and withMax: correlated subqueries over the join, or grouped by album and added up per artist.
            Map<String, Long> counts = new TreeMap<>();
            Map<String, Object> longest = new TreeMap<>();
            db.query(Artist.class).withCount("tracks").withMax("tracks", "milliseconds").get().forEach(a -> {
                counts.put(a.getString("name"), a.getLong("tracks_count"));
                Object max = a.get("tracks_max_milliseconds");
                longest.put(a.getString("name"), max == null ? "-" : asLong(max));
            });
            Map<String, Long> expected = new TreeMap<>();
            RelationKit.expectedTracksPerArtist(store).forEach((name, count) -> expected.put(name, (long) count));
            assertEquals(expected, counts);
            assertEquals(Map.of("AC/DC", 317_000L, "B.B. King", 340_000L, "Metallica", 515_000L,
                    "Miles Davis", 1_200_000L, "Santana", 295_000L, "The Quiet Ones", "-"), longest);
            assertEquals(List.of("Miles Davis"), strings(db.query(Artist.class)
                    .withCount("tracks", q -> q.where("genre_id", jazz)).get().stream()
                    .filter(a -> a.getLong("tracks_count") == 4).toList(), "name"));
            if (joins(db)) {
                assertEquals(List.of("AC/DC", "Metallica", "Santana"), strings(db.query(Artist.class)
                        .has("tracks", ">=", 5).orderBy("name").get(), "name"));
            } else {
                // Counting per artist in a condition, or averaging, needs the join.
                refused(EloquentException.class, "needs tracks joined with albums",
                        () -> db.query(Artist.class).has("tracks", ">=", 5).get());
                refused(EloquentException.class, "needs tracks joined with albums",
                        () -> db.query(Artist.class).withAvg("tracks", "milliseconds").get());
            }
        }
    }

    @Test
    default void hasOneThroughIsTheFirstOfTheOrderedRows() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assertEquals("Pharaoh's Dance", artist(db, "Miles Davis").related(Artist::longestTrack).getString("name"));
            assertNull(artist(db, "The Quiet Ones").related(Artist::longestTrack));
            StatementCounter statements = StatementCounter.on(db, store.connection());
            List<Artist> artists = db.query(Artist.class).with("longestTrack").orderBy("name").get();
            assertEquals(1 + throughStatements(db), statements.take());
            Map<String, String> longest = new TreeMap<>();
            artists.forEach(a -> longest.put(a.getString("name"),
                    a.related(Artist::longestTrack) == null ? "-" : a.related(Artist::longestTrack).getString("name")));
            assertEquals(Map.of("AC/DC", "Shoot to Thrill", "B.B. King", "How Blue Can You Get", "Metallica",
                    "Master of Puppets", "Miles Davis", "Pharaoh's Dance", "Santana", "Smooth", "The Quiet Ones", "-"),
                    longest);
        }
    }

    // ---- polymorphic relations ----

    /** The store with albums mapped to "album" (tracks stay under their class name) and comments seeded. */
    private MusicStore commentStore() {
        MusicStore store = openStore(builder -> builder.morphMap(Map.of("album", Album.class)));
        try {
            Eloquent db = store.db();
            db.dropTables(Comment.class);
            db.createTables(Comment.class);
            String trackType = Track.class.getName();
            List<Map<String, Object>> rows = new ArrayList<>(List.of(
                    row("body", "A masterpiece", "commentable_type", "album", "commentable_id", store.album("Kind of Blue")),
                    row("body", "Modal jazz", "commentable_type", "album", "commentable_id", store.album("Kind of Blue")),
                    row("body", "Loud", "commentable_type", "album", "commentable_id", store.album("Back in Black")),
                    row("body", "That bass line", "commentable_type", trackType, "commentable_id", store.track("So What")),
                    row("body", "The bell!", "commentable_type", trackType, "commentable_id", store.track("Hells Bells")),
                    row("body", "Unattached", "commentable_type", null, "commentable_id", null)));
            // A track with the key of Kind of Blue: its comment is not the album's, the type tells them apart.
            db.query(Track.class).find(store.album("Kind of Blue")).ifPresent(same -> rows.add(
                    row("body", "Same key, other type", "commentable_type", trackType, "commentable_id", same.getKey())));
            db.query(Comment.class).insert(rows);
            return store;
        } catch (RuntimeException | Error e) {
            store.close();
            throw e;
        }
    }

    @Test
    default void morphManyAndMorphOneLazilyAndEagerly() {
        try (MusicStore store = commentStore()) {
            Eloquent db = store.db();
            Album kindOfBlue = album(db, "Kind of Blue");
            assertEquals(List.of("A masterpiece", "Modal jazz"), strings(kindOfBlue.comments().orderBy("id").get(), "body"));
            assertEquals("A masterpiece", kindOfBlue.related(Album::firstComment).getString("body"));
            assertEquals(List.of("That bass line"), strings(track(db, "So What").related(Track::comments), "body"));
            assertNull(album(db, "Abraxas").related(Album::firstComment));

            StatementCounter statements = StatementCounter.on(db, store.connection());
            List<Album> albums = db.query(Album.class).with("comments", "firstComment").orderBy("title").get();
            assertEquals(3, statements.take(), "albums, comments, first comments");
            Map<String, List<String>> bodies = new TreeMap<>();
            Map<String, String> first = new TreeMap<>();
            for (Album album : albums) {
                List<String> texts = strings(album.related(Album::comments), "body").stream().sorted().toList();
                if (!texts.isEmpty()) {
                    bodies.put(album.getString("title"), texts);
                    first.put(album.getString("title"), album.related(Album::firstComment).getString("body"));
                } else {
                    assertNull(album.related(Album::firstComment));
                }
            }
            assertEquals(0, statements.take());
            assertEquals(Map.of("Back in Black", List.of("Loud"), "Kind of Blue", List.of("A masterpiece", "Modal jazz")),
                    bodies);
            assertEquals(Map.of("Back in Black", "Loud", "Kind of Blue", "A masterpiece"), first);

            assertEquals(List.of("Back in Black", "Kind of Blue"),
                    strings(db.query(Album.class).has("comments").orderBy("title").get(), "title"));
            assertEquals(List.of("Kind of Blue"), strings(db.query(Album.class)
                    .whereHas("comments", q -> q.where("body", "Modal jazz")).get(), "title"));
            Map<String, Long> counts = new TreeMap<>();
            db.query(Album.class).withCount("comments").get().forEach(a -> counts.put(a.getString("title"), a.getLong("comments_count")));
            assertEquals(2L, counts.get("Kind of Blue"));
            assertEquals(1L, counts.get("Back in Black"));
            assertEquals(0L, counts.get("Abraxas"));
        }
    }

    @Test
    default void morphToLoadsEachTypeByOneQuery() {
        try (MusicStore store = commentStore()) {
            Eloquent db = store.db();
            StatementCounter statements = StatementCounter.on(db, store.connection());
            List<Comment> comments = db.query(Comment.class).with("commentable").orderBy("id").get();
            assertEquals(1 + 2, statements.take(), "comments, then albums and tracks: one query per type present");
            Map<String, String> parents = new HashMap<>();
            for (Comment comment : comments) {
                Object parent = comment.related(Comment::commentable);
                parents.put(comment.getString("body"), parent == null ? "-" : parent instanceof Album album
                        ? "album " + album.getString("title") : "track " + ((Track) parent).getString("name"));
            }
            assertEquals(0, statements.take());
            assertEquals("album Kind of Blue", parents.get("A masterpiece"));
            assertEquals("album Kind of Blue", parents.get("Modal jazz"));
            assertEquals("album Back in Black", parents.get("Loud"));
            assertEquals("track So What", parents.get("That bass line"));
            assertEquals("track Hells Bells", parents.get("The bell!"));
            assertEquals("-", parents.get("Unattached"));

            Comment loud = db.query(Comment.class).where("body", "Loud").firstOrFail();
            statements.take();
            assertEquals("Back in Black", ((Album) loud.related(Comment::commentable)).getString("title"));
            assertEquals(1, statements.take(), "lazily, the one parent");

            refused(EloquentException.class, "whereHasMorph", () -> db.query(Comment.class).has("commentable").get());

            // whereHasMorph names the types: one key list per type, a subquery on SQL, read first on MongoDB.
            assertEquals(List.of("A masterpiece", "Modal jazz"), strings(db.query(Comment.class).whereHasMorph("commentable",
                    List.of(Album.class), q -> q.where("title", "Kind of Blue")).orderBy("id").get(), "body"));
            assertEquals(List.of("A masterpiece", "Modal jazz", "The bell!"), strings(db.query(Comment.class)
                    .whereHasMorph("commentable", List.of(Album.class, Track.class), (q, type) -> q.where(
                            type == Album.class ? "title" : "name", "like", type == Album.class ? "%Blue%" : "%Bells%"))
                    .orderBy("body").get(), "body"));
            assertEquals(List.of("That bass line", "The bell!"), strings(db.query(Comment.class)
                    .hasMorph("commentable", List.of(Track.class)).where("body", "like", "Th%").orderBy("body").get(), "body"));
        }
    }

    @Test
    default void creatingThroughMorphManyStoresTheMorphMapAlias() {
        try (MusicStore store = commentStore()) {
            Eloquent db = store.db();
            Album abraxas = album(db, "Abraxas");
            Comment created = abraxas.comments().create(Map.of("body", "Created"));
            Track smooth = track(db, "Smooth");
            smooth.comments().save(db.make(Comment.class).set("body", "Saved"));
            Comment moved = db.query(Comment.class).where("body", "Unattached").firstOrFail();
            moved.commentable().associate(abraxas);
            assertSame(abraxas, moved.related(Comment::commentable), "associate keeps the model as the loaded relation");
            moved.save();

            Map<String, List<Object>> stored = new TreeMap<>();
            for (Map<String, Object> r : store.raw().rows("comments")) {
                stored.put((String) r.get("body"), List.of(r.get("commentable_type"), asLong(r.get("commentable_id"))));
            }
            assertEquals(List.of("album", store.album("Abraxas")), stored.get("Created"), "the alias of the mapped class");
            assertEquals(List.of(Track.class.getName(), store.track("Smooth")), stored.get("Saved"),
                    "the class name of an unmapped one");
            assertEquals(List.of("album", store.album("Abraxas")), stored.get("Unattached"));
            assertEquals(List.of("album", store.album("Kind of Blue")), stored.get("A masterpiece"));
            assertTrue(created.exists());
            assertEquals(List.of("Created", "Unattached"), strings(abraxas.comments().orderBy("body").get(), "body"));
        }
    }

    @Test
    default void anUnknownMorphTypeFailsNamingTheColumnNotTheValue() {
        try (MusicStore store = commentStore()) {
            Eloquent db = store.db();
            db.query(Comment.class).insert(row("body", "Orphan", "commentable_type", "vinyl-secret", "commentable_id", 1));
            Comment orphan = db.query(Comment.class).where("body", "Orphan").firstOrFail();
            EloquentException refusal = refused(EloquentException.class, "Comment.commentable_type",
                    () -> orphan.related(Comment::commentable));
            assertFalse(refusal.getMessage().contains("vinyl-secret"), refusal.getMessage());
            assertTrue(refusal.getMessage().contains("album"), "the message lists the mapped aliases");
            refused(EloquentException.class, "Comment.commentable_type",
                    () -> db.query(Comment.class).with("commentable").get());
        }
    }
}
