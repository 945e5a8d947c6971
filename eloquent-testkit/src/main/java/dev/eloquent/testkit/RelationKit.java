package dev.eloquent.testkit;

import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.LazyLoadingViolationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.eloquent.testkit.KitAssertions.asLong;
import static dev.eloquent.testkit.KitAssertions.refused;
import static dev.eloquent.testkit.KitAssertions.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Relations within one connection on the {@link MusicStore}: hasMany, hasOne and belongsTo (an employee's
 * manager is an employee), lazy and eager loading, nested paths and constraints, {@code has}/{@code
 * whereHas}/{@code doesntHave}/{@code whereRelation}, {@code withCount} and the other aggregates, the N+1
 * guard and writes through a relation. Statement counts come from the query events the connection sends;
 * expected answers come from the store's dataset and, for writes, the raw second path.
 */
public interface RelationKit extends StoreSupport {
    private static Artist artist(Eloquent db, String name) {
        return db.query(Artist.class).where("name", name).firstOrFail();
    }

    private static Employee employee(Eloquent db, String firstName) {
        return db.query(Employee.class).where("first_name", firstName).firstOrFail();
    }

    @Test
    default void aRelationIsAQueryOfTheParentsRelatedRows() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            Artist acdc = artist(db, "AC/DC");
            assertEquals(List.of("Back in Black", "Highway to Hell"), strings(acdc.albums().orderBy("title").get(), "title"));
            assertEquals(List.of("Highway to Hell"), strings(acdc.albums().where("released", "<", 1980).get(), "title"));
            assertEquals(2, acdc.albums().count());
            assertEquals(List.of(), artist(db, "The Quiet Ones").albums().get());
            Album kindOfBlue = db.query(Album.class).where("title", "Kind of Blue").firstOrFail();
            assertEquals(List.of("Blue in Green", "Freddie Freeloader", "So What"),
                    strings(kindOfBlue.tracks().orderBy("name").get(), "name"));
            assertEquals("Miles Davis", kindOfBlue.artist().firstOrFail().getString("name"));
        }
    }

    @Test
    default void relatedIsReadOnceThenKeptOnTheModel() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            StatementCounter statements = StatementCounter.on(db, store.connection());
            Artist santana = artist(db, "Santana");
            statements.take();
            List<Album> albums = santana.related(Artist::albums);
            assertEquals(1, statements.take(), "the first access reads the relation");
            assertSame(albums, santana.related(Artist::albums));
            assertSame(albums, santana.getRelation("albums"));
            assertEquals(0, statements.take(), "later accesses read nothing");
            assertEquals(List.of("Abraxas", "Supernatural"), albums.stream().map(a -> a.getString("title")).sorted().toList());
            assertTrue(santana.relationLoaded("albums"));
        }
    }

    @Test
    default void belongsToIncludingAModelRelatedToItself() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            StatementCounter statements = StatementCounter.on(db, store.connection());
            Employee michael = employee(db, "Michael");
            assertEquals("Andrew", michael.related(Employee::manager).getString("first_name"));
            assertEquals("Michael", employee(db, "Robert").related(Employee::manager).getString("first_name"));
            Employee andrew = employee(db, "Andrew");
            statements.take();
            assertNull(andrew.related(Employee::manager), "the general manager reports to nobody");
            assertEquals(0, statements.take(), "a null foreign key needs no query");
            assertEquals(List.of("Jane", "Margaret", "Steve"),
                    strings(employee(db, "Nancy").reports().orderBy("first_name").get(), "first_name"));
            assertEquals("Jane", employee(db, "Nancy").related(Employee::firstHire).getString("first_name"));
            assertNull(employee(db, "Robert").related(Employee::firstHire));
        }
    }

    @Test
    default void eagerLoadingCostsOneQueryPerRelationWhateverTheNumberOfParents() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            StatementCounter statements = StatementCounter.on(db, store.connection());
            List<Artist> artists = db.query(Artist.class).with("albums.tracks").orderBy("name").get();
            assertEquals(3, statements.take(), "artists, albums, tracks");
            Map<String, Integer> tracksPerArtist = new TreeMap<>();
            for (Artist artist : artists) {
                int tracks = 0;
                for (Album album : artist.related(Artist::albums)) {
                    tracks += album.related(Album::tracks).size();
                }
                tracksPerArtist.put(artist.getString("name"), tracks);
            }
            assertEquals(0, statements.take(), "everything was loaded");
            assertEquals(expectedTracksPerArtist(store), tracksPerArtist);

            List<Track> tracks = db.query(Track.class).with("album.artist", "genre").get();
            assertEquals(4, statements.take(), "tracks, albums, artists, genres");
            Track interlude = tracks.stream().filter(t -> t.getString("name").equals("Untitled Interlude")).findFirst().orElseThrow();
            assertNull(interlude.related(Track::genre), "a track without a genre has none loaded");
            assertEquals("Santana", interlude.related(Track::album).related(Album::artist).getString("name"));
            assertEquals(0, statements.take());

            List<Employee> employees = db.query(Employee.class).with("manager", "reports").orderBy("id").get();
            assertEquals(3, statements.take());
            Map<String, String> managers = new TreeMap<>();
            employees.forEach(e -> managers.put(e.getString("first_name"),
                    e.related(Employee::manager) == null ? "-" : e.related(Employee::manager).getString("first_name")));
            assertEquals(Map.of("Andrew", "-", "Nancy", "Andrew", "Michael", "Andrew", "Jane", "Nancy",
                    "Margaret", "Nancy", "Steve", "Nancy", "Robert", "Michael"), managers);
        }
    }

    /** The tracks of each artist, counted on the raw second path (albums and tracks tables). */
    static Map<String, Integer> expectedTracksPerArtist(MusicStore store) {
        Map<Long, String> artistOfAlbum = new TreeMap<>();
        Map<Long, String> names = new TreeMap<>();
        store.raw().rows("artists").forEach(r -> names.put(asLong(r.get("id")), (String) r.get("name")));
        store.raw().rows("albums").forEach(r -> artistOfAlbum.put(asLong(r.get("id")), names.get(asLong(r.get("artist_id")))));
        Map<String, Integer> expected = new TreeMap<>();
        names.values().forEach(name -> expected.put(name, 0));
        store.raw().rows("tracks").forEach(r -> expected.merge(artistOfAlbum.get(asLong(r.get("album_id"))), 1, Integer::sum));
        return expected;
    }

    @Test
    default void eagerLoadsTakeConstraintsAndLoadWorksOnModelsAlreadyRead() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            StatementCounter statements = StatementCounter.on(db, store.connection());
            List<Artist> artists = db.query(Artist.class)
                    .with("albums", q -> q.where("released", ">=", 1980).orderBy("title")).orderBy("name").get();
            Map<String, List<String>> recent = new TreeMap<>();
            artists.forEach(a -> recent.put(a.getString("name"), strings(a.related(Artist::albums), "title")));
            assertEquals(Map.of("AC/DC", List.of("Back in Black"), "B.B. King", List.of(), "Metallica",
                    List.of("Master of Puppets"), "Miles Davis", List.of(), "Santana", List.of("Supernatural"),
                    "The Quiet Ones", List.of()), recent);

            List<Album> albums = db.query(Album.class).orderBy("title").get();
            statements.take();
            db.load(albums, "artist", "tracks.genre");
            assertEquals(3, statements.take(), "artists, tracks, genres");
            Album abraxas = albums.get(0);
            assertEquals("Abraxas", abraxas.getString("title"));
            assertEquals("Santana", abraxas.related(Album::artist).getString("name"));
            assertEquals(3, abraxas.related(Album::tracks).size());

            Artist metallica = artist(db, "Metallica").load("albums");
            assertEquals(List.of("Master of Puppets"), strings(metallica.related(Artist::albums), "title"));
        }
    }

    @Test
    default void hasWhereHasAndDoesntHaveFilterByRelatedRows() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assertEquals(List.of("AC/DC", "B.B. King", "Metallica", "Miles Davis", "Santana"),
                    strings(db.query(Artist.class).has("albums").orderBy("name").get(), "name"));
            assertEquals(List.of("The Quiet Ones"), strings(db.query(Artist.class).doesntHave("albums").get(), "name"));
            assertEquals(List.of("AC/DC", "Miles Davis", "Santana"),
                    strings(db.query(Artist.class).has("albums", ">=", 2).orderBy("name").get(), "name"));
            assertEquals(List.of("B.B. King", "Metallica", "The Quiet Ones"),
                    strings(db.query(Artist.class).has("albums", "<", 2).orderBy("name").get(), "name"));
            assertEquals(List.of("B.B. King", "Miles Davis"), strings(db.query(Artist.class)
                    .whereHas("albums", q -> q.where("released", "<", 1970)).orderBy("name").get(), "name"));
            assertEquals(List.of("B.B. King", "Miles Davis"), strings(db.query(Artist.class)
                    .whereRelation("albums", "released", "<", 1970).orderBy("name").get(), "name"));
            assertEquals(List.of("AC/DC", "Metallica", "Santana", "The Quiet Ones"), strings(db.query(Artist.class)
                    .whereDoesntHave("albums", q -> q.where("released", "<", 1970)).orderBy("name").get(), "name"));
            // Nested: artists with a Jazz track; a model related to itself: employees with reports, without a manager.
            long jazz = store.genre("Jazz");
            assertEquals(List.of("Miles Davis"), strings(db.query(Artist.class)
                    .whereHas("albums.tracks", q -> q.where("genre_id", jazz)).get(), "name"));
            assertEquals(List.of("Andrew", "Michael", "Nancy"),
                    strings(db.query(Employee.class).has("reports").orderBy("first_name").get(), "first_name"));
            assertEquals(List.of("Andrew"), strings(db.query(Employee.class).doesntHave("manager").get(), "first_name"));
            assertEquals(List.of("Nancy"),
                    strings(db.query(Employee.class).has("reports", ">", 2).get(), "first_name"));
            assertEquals(List.of("Jane", "Margaret", "Michael", "Nancy", "Robert", "Steve"), strings(db.query(Employee.class)
                    .whereHas("manager", q -> q.where("title", "like", "%Manager")).orderBy("first_name").get(), "first_name"));
            // Combined with other conditions as one group.
            assertEquals(List.of("AC/DC", "The Quiet Ones"), strings(db.query(Artist.class).where("name", "AC/DC")
                    .orDoesntHave("albums").orderBy("name").get(), "name"));
        }
    }

    @Test
    default void withCountAndTheOtherAggregatesOfARelation() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<Artist> artists = db.query(Artist.class).withCount("albums").withMax("albums", "released")
                    .withExists("albums").orderBy("name").get();
            Map<String, Long> counts = new TreeMap<>();
            Map<String, Object> latest = new TreeMap<>();
            for (Artist artist : artists) {
                counts.put(artist.getString("name"), (Long) artist.get("albums_count"));
                latest.put(artist.getString("name"), artist.get("albums_max_released") == null ? "-"
                        : asLong(artist.get("albums_max_released")));
                assertEquals(artist.getLong("albums_count") > 0, artist.get("albums_exists"));
                assertTrue(artist.getDirty().isEmpty(), "aggregates do not make a model dirty");
            }
            assertEquals(Map.of("AC/DC", 2L, "B.B. King", 1L, "Metallica", 1L, "Miles Davis", 2L, "Santana", 2L,
                    "The Quiet Ones", 0L), counts);
            assertEquals(Map.of("AC/DC", 1980L, "B.B. King", 1965L, "Metallica", 1986L, "Miles Davis", 1970L,
                    "Santana", 1999L, "The Quiet Ones", "-"), latest);

            List<Employee> employees = db.query(Employee.class).withCount("reports as team")
                    .withCount("reports", q -> q.where("title", "Sales Support Agent")).orderBy("id").get();
            Map<String, List<Long>> teams = new TreeMap<>();
            employees.forEach(e -> teams.put(e.getString("first_name"), List.of(e.getLong("team"), e.getLong("reports_count"))));
            assertEquals(Map.of("Andrew", List.of(2L, 0L), "Nancy", List.of(3L, 3L), "Michael", List.of(1L, 0L),
                    "Jane", List.of(0L, 0L), "Margaret", List.of(0L, 0L), "Steve", List.of(0L, 0L),
                    "Robert", List.of(0L, 0L)), teams);
        }
    }

    @Test
    default void theNPlusOneGuardNamesTheModelAndTheRelation() {
        try (MusicStore store = openStore(builder -> builder.preventLazyLoading(true))) {
            Eloquent db = store.db();
            List<Album> albums = db.query(Album.class).get();
            LazyLoadingViolationException refusal = refused(LazyLoadingViolationException.class, "Album.artist",
                    () -> albums.get(0).related(Album::artist));
            assertTrue(refusal.getMessage().contains("with(\"artist\")"), refusal.getMessage());
            // Eager loaded, or a model read alone: no violation.
            assertEquals(8, db.query(Album.class).with("artist").get().stream().map(a -> a.related(Album::artist)).count());
            assertEquals("AC/DC", db.query(Album.class).where("title", "Back in Black").firstOrFail()
                    .related(Album::artist).getString("name"));
        }
        // The guard is a switch: off, the same access loads lazily, one query.
        try (MusicStore store = openStore(builder -> builder.preventLazyLoading(false))) {
            Eloquent db = store.db();
            List<Album> albums = db.query(Album.class).orderBy("title").get();
            StatementCounter statements = StatementCounter.on(db, store.connection());
            assertEquals("Santana", albums.get(0).related(Album::artist).getString("name"));
            assertEquals(1, statements.take());
        }
    }

    @Test
    default void creatingThroughARelationSetsTheForeignKey() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            Artist quiet = artist(db, "The Quiet Ones");
            Album debut = quiet.albums().create(Map.of("title", "Debut", "released", 2024));
            Album second = quiet.albums().save(db.make(Album.class).set("title", "Second"));
            List<Long> owners = new ArrayList<>();
            for (Map<String, Object> row : store.raw().rows("albums")) {
                if (List.of("Debut", "Second").contains(row.get("title"))) {
                    owners.add(asLong(row.get("artist_id")));
                }
            }
            assertEquals(List.of(store.artist("The Quiet Ones"), store.artist("The Quiet Ones")), owners);
            assertEquals(List.of("Debut", "Second"), strings(quiet.albums().orderBy("title").get(), "title"));

            Album moved = db.query(Album.class).where("title", "Abraxas").firstOrFail();
            moved.artist().associate(quiet);
            assertSame(quiet, moved.related(Album::artist), "associate keeps the model as the loaded relation");
            moved.save();
            assertEquals(3, quiet.albums().count());
            assertTrue(debut.exists() && second.exists());
        }
    }
}
