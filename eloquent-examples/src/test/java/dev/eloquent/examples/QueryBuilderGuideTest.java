package dev.eloquent.examples;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.eloquent.api.Capability;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Env;
import dev.eloquent.api.QueryEvent;
import dev.eloquent.api.UnsupportedFeatureException;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.Model;
import dev.eloquent.orm.ModelQuery;
import dev.eloquent.orm.Page;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.Slice;
import dev.eloquent.orm.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The examples of docs/query-builder.md, compiled and run: every {@code tag::name[]} region below is
 * quoted verbatim in the guide ({@link GuideSnippetsTest} fails when the two differ). Each section runs
 * on SQLite; the sections that need no SQL-only feature run on the in-process MongoDB server too, so the
 * guide's claim "the same code on every driver" is tested as written.
 */
class QueryBuilderGuideTest {
    // tag::track-model[]
    @Table("tracks")
    public static final class Track extends Model<Track> {
        private static final Schema SCHEMA = Schema.of(t -> {
            t.increments("id");
            t.string("name", 200);
            t.integer("album_id");
            t.integer("genre_id").nullable();
            t.integer("milliseconds");
            t.decimal("unit_price", 10, 2);
            t.integer("plays").defaultValue(0);
        });

        @Override
        public Schema schema() {
            return SCHEMA;
        }
    }
    // end::track-model[]

    @Table("albums")
    public static final class Album extends Model<Album> {
        private static final Schema SCHEMA = Schema.of(t -> {
            t.increments("id");
            t.string("title", 160);
            t.integer("artist_id");
            t.integer("released");
        });

        @Override
        public Schema schema() {
            return SCHEMA;
        }
    }

    @Table("artists")
    public static final class Artist extends Model<Artist> {
        private static final Schema SCHEMA = Schema.of(t -> {
            t.increments("id");
            t.string("name", 120);
        });

        @Override
        public Schema schema() {
            return SCHEMA;
        }
    }

    @Table("invoices")
    public static final class Invoice extends Model<Invoice> {
        private static final Schema SCHEMA = Schema.of(t -> {
            t.increments("id");
            t.string("customer", 120);
            t.string("billing_country", 60);
            t.decimal("total", 10, 2);
            t.decimal("paid", 10, 2);
            t.timestamps();
        });

        @Override
        public Schema schema() {
            return SCHEMA;
        }
    }

    @Table("employees")
    public static final class Employee extends Model<Employee> {
        private static final Schema SCHEMA = Schema.of(t -> {
            t.increments("id");
            t.string("first_name", 60);
            t.integer("reports_to").nullable();
        });

        @Override
        public Schema schema() {
            return SCHEMA;
        }
    }

    private static MongoServer mongo;

    @TempDir
    Path folder;

    @BeforeAll
    static void startMongo() {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
    }

    @AfterAll
    static void stopMongo() {
        mongo.shutdownNow();
    }

    private static Eloquent boot(Map<String, String> env) {
        return Eloquent.builder().env(Env.of(env)).slowQueryThreshold(Duration.ofSeconds(1))
                .register(Track.class, Track::new).register(Album.class, Album::new)
                .register(Artist.class, Artist::new).register(Invoice.class, Invoice::new)
                .register(Employee.class, Employee::new).boot();
    }

    private Eloquent sqlite() {
        return boot(Map.of("DB_CONNECTION", "sqlite", "SQLITE_PATH", folder.resolve("guide.sqlite").toString()));
    }

    private Eloquent mongo() {
        return boot(Map.of("DB_CONNECTION", "mongo",
                "MONGO_URI", "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort(),
                "MONGO_DB", "guide_" + Long.toHexString(System.nanoTime())));
    }

    private static void create(Eloquent db) {
        db.createTables(Track.class, Album.class, Artist.class, Invoice.class, Employee.class);
        // tag::pivot[]
        db.schema().create("playlist_track", t -> {
            t.integer("playlist_id");
            t.integer("track_id");
            t.integer("position");
            t.primary("playlist_id", "track_id");      // a composite primary key
        });
        // end::pivot[]
    }

    private static void seed(Eloquent db) {
        db.query(Artist.class).insert(List.of(
                Map.of("id", 1, "name", "AC/DC"), Map.of("id", 2, "name", "Miles Davis"), Map.of("id", 3, "name", "Santana")));
        db.query(Album.class).insert(List.of(
                Map.of("id", 1, "title", "Back in Black", "artist_id", 1, "released", 1980),
                Map.of("id", 2, "title", "Kind of Blue", "artist_id", 2, "released", 1959),
                Map.of("id", 3, "title", "Supernatural", "artist_id", 3, "released", 1999),
                Map.of("id", 4, "title", "Abraxas", "artist_id", 3, "released", 1970)));
        // tag::insert-many[]
        db.query(Track.class).insert(List.of(       // one statement per batch, not per row
                Map.of("id", 1, "name", "Hells Bells", "album_id", 1, "genre_id", 1, "milliseconds", 312000, "unit_price", "0.99"),
                Map.of("id", 2, "name", "Shoot to Thrill", "album_id", 1, "genre_id", 1, "milliseconds", 317000, "unit_price", "0.99"),
                Map.of("id", 3, "name", "Back in Black", "album_id", 1, "genre_id", 1, "milliseconds", 255000, "unit_price", "0.99"),
                Map.of("id", 4, "name", "So What", "album_id", 2, "genre_id", 2, "milliseconds", 562000, "unit_price", "1.29"),
                Map.of("id", 5, "name", "Freddie Freeloader", "album_id", 2, "genre_id", 2, "milliseconds", 586000, "unit_price", "1.29"),
                Map.of("id", 6, "name", "Blue in Green", "album_id", 2, "genre_id", 2, "milliseconds", 337000, "unit_price", "1.29"),
                Map.of("id", 7, "name", "Smooth", "album_id", 3, "genre_id", 3, "milliseconds", 295000, "unit_price", "1.29"),
                Map.of("id", 8, "name", "Maria Maria", "album_id", 3, "genre_id", 3, "milliseconds", 262000, "unit_price", "1.29"),
                Map.of("id", 9, "name", "Oye Como Va", "album_id", 4, "genre_id", 3, "milliseconds", 257000, "unit_price", "0.99"),
                Map.of("id", 10, "name", "Samba Pa Ti", "album_id", 4, "genre_id", 3, "milliseconds", 285000, "unit_price", "0.99")));
        // end::insert-many[]
        db.table("playlist_track").insert(List.of(Map.of("playlist_id", 1, "track_id", 4, "position", 1),
                Map.of("playlist_id", 1, "track_id", 7, "position", 2), Map.of("playlist_id", 1, "track_id", 1, "position", 3)));
        List<Map<String, Object>> invoices = new ArrayList<>();
        String[][] rows = {{"Ann", "USA", "1.98", "1.98"}, {"Bo", "USA", "3.96", "3.96"}, {"Cy", "Brazil", "5.94", "5.94"},
                {"Di", "Brazil", "0.99", "0.50"}, {"Ed", "Canada", "8.91", "8.91"}, {"Flo", "Germany", "13.86", "0.00"}};
        for (String[] row : rows) {
            invoices.add(Map.of("customer", row[0], "billing_country", row[1], "total", row[2], "paid", row[3]));
        }
        db.query(Invoice.class).insert(invoices);
        db.query(Employee.class).insert(Map.of("id", 1, "first_name", "Andrew"));
        db.query(Employee.class).insert(List.of(Map.of("id", 2, "first_name", "Nancy", "reports_to", 1),
                Map.of("id", 3, "first_name", "Jane", "reports_to", 2), Map.of("id", 4, "first_name", "Steve", "reports_to", 2)));
    }

    private static List<String> names(List<Track> tracks) {
        return tracks.stream().map(t -> t.getString("name")).toList();
    }

    @Test
    void everySectionRunsOnSqlite() {
        try (Eloquent db = sqlite()) {
            create(db);
            seed(db);
            filtering(db);
            subqueryIn(db);
            subqueryExists(db);
            selecting(db);
            joins(db);
            grouping(db);
            ordering(db);
            reading(db);
            aggregates(db);
            paging(db);
            streaming(db);
            rawSql(db);
            events(db);
            writing(db);
            locks(db);
        }
    }

    @Test
    void theSectionsWithoutSqlOnlyFeaturesRunOnMongo() {
        try (Eloquent db = mongo()) {
            create(db);
            seed(db);
            filtering(db);
            subqueryIn(db);
            selecting(db);
            grouping(db);
            ordering(db);
            reading(db);
            aggregates(db);
            paging(db);
            streaming(db);
            events(db);
            writing(db);
            // tag::refused-on-mongo[]
            UnsupportedFeatureException refused = assertThrows(UnsupportedFeatureException.class,
                    () -> db.table("tracks").join("albums", "albums.id", "=", "tracks.album_id").get());
            // refused.getMessage(): "joins is not supported on mongo"
            // end::refused-on-mongo[]
            assertEquals("joins is not supported on mongo", refused.getMessage());
            assertEquals("raw SQL is not supported on mongo", assertThrows(UnsupportedFeatureException.class,
                    () -> db.on("mongo").select("select 1")).getMessage());
        }
    }

    static void filtering(Eloquent db) {
        // tag::where[]
        List<Track> longJazz = db.query(Track.class)
                .where("genre_id", 2)
                .where("milliseconds", ">", 400_000)              // = != <> < <= > >= like, not like
                .orderBy("name")
                .get();
        List<Track> rockOrCheapLatin = db.query(Track.class)
                .where("genre_id", 1)
                .orWhere(q -> q.where("genre_id", 3).where("unit_price", "<", 1))   // rock OR (latin AND < 1)
                .get();
        List<Track> notRock = db.query(Track.class).whereNot(q -> q.where("genre_id", 1)).get();
        // end::where[]
        assertEquals(List.of("Freddie Freeloader", "So What"), names(longJazz));
        assertEquals(5, rockOrCheapLatin.size());
        assertEquals(7, notRock.size());

        // tag::where-more[]
        long some = db.query(Track.class).whereIn("name", List.of("Smooth", "So What")).count();                 // 2
        long withoutGenre = db.query(Track.class).whereNull("genre_id").count();                                 // 0
        long midLength = db.query(Track.class).whereBetween("milliseconds", 250_000, 300_000).count();           // 5
        long blue = db.query(Track.class).whereLike("name", "%BLUE%").count();                // 1: ignores ASCII case
        long blueExact = db.query(Track.class).whereLike("name", "%BLUE%", true).count();     // 0: case-sensitive
        long unpaid = db.query(Invoice.class).whereColumn("paid", "<", "total").count();      // 2: column to column
        // end::where-more[]
        assertEquals(2, some);
        assertEquals(0, withoutGenre);
        assertEquals(5, midLength);
        assertEquals(1, blue);
        assertEquals(0, blueExact);
        assertEquals(2, unpaid);
    }

    static void subqueryIn(Eloquent db) {
        // tag::subquery-in[]
        List<Track> santanasTracks = db.query(Track.class)
                .whereIn("album_id", db.query(Album.class).select("id").where("artist_id", 3))
                .get();                                          // MongoDB: two queries, the inner one first
        // end::subquery-in[]
        assertEquals(4, santanasTracks.size());
    }

    static void subqueryExists(Eloquent db) {
        // tag::subquery-exists[]
        List<Artist> withAlbums = db.query(Artist.class)
                .whereExists(db.table("albums").whereColumn("albums.artist_id", "artists.id"))
                .get();
        // end::subquery-exists[]
        assertEquals(3, withAlbums.size());
    }

    static void selecting(Eloquent db) {
        // tag::select[]
        List<Map<String, Object>> lengths = db.query(Track.class)
                .select("name", "milliseconds as length")
                .where("album_id", 2).orderBy("name")
                .rows();                                         // maps in column order: {name=..., length=...}
        Map<String, Object> stats = db.query(Track.class)
                .select("count(*) as tracks", "count(distinct album_id) as albums", "max(unit_price) as dearest")
                .rows().get(0);
        List<Object> prices = db.query(Track.class).select("unit_price").distinct().orderBy("unit_price")
                .pluck("unit_price");                            // [0.99, 1.29]
        // end::select[]
        assertEquals("Blue in Green", lengths.get(0).get("name"));
        assertEquals(337_000, ((Number) lengths.get(0).get("length")).intValue());
        assertEquals(10, ((Number) stats.get("tracks")).intValue());
        assertEquals(4, ((Number) stats.get("albums")).intValue());
        assertEquals(0, new BigDecimal("1.29").compareTo(new BigDecimal(stats.get("dearest").toString())));
        assertEquals(2, prices.size());
    }

    static void joins(Eloquent db) {
        // tag::joins[]
        List<Map<String, Object>> favourites = db.table("tracks")
                .join("playlist_track", "playlist_track.track_id", "=", "tracks.id")
                .where("playlist_track.playlist_id", 1)
                .select("playlist_track.position as position", "tracks.name as track")
                .orderBy("playlist_track.position")
                .get();                                          // So What, Smooth, Hells Bells
        List<Map<String, Object>> managers = db.table("employees")
                .leftJoin("employees as managers", "managers.id", "=", "employees.reports_to")
                .select("employees.first_name as employee", "managers.first_name as manager")
                .orderBy("employees.id")
                .get();                                          // Andrew has no manager: null
        List<Map<String, Object>> santana = db.table("tracks")
                .join("albums", j -> j.on("albums.id", "=", "tracks.album_id").where("albums.artist_id", "=", 3))
                .select("tracks.name as track")
                .get();
        // end::joins[]
        assertEquals(List.of("So What", "Smooth", "Hells Bells"), favourites.stream().map(r -> r.get("track")).toList());
        assertEquals(null, managers.get(0).get("manager"));
        assertEquals("Nancy", managers.get(2).get("manager"));
        assertEquals(4, santana.size());
    }

    static void grouping(Eloquent db) {
        // tag::group[]
        List<Map<String, Object>> perGenre = db.query(Track.class)
                .select("genre_id", "count(*) as tracks", "sum(milliseconds) as length")
                .groupBy("genre_id")
                .having("tracks", ">=", 3)                       // an alias of a selected aggregate, or count(*)
                .orderByDesc("tracks")
                .rows();
        List<Map<String, Object>> topCountries = db.query(Invoice.class)
                .select("billing_country", "sum(total) as sales")
                .groupBy("billing_country")
                .orderByDesc("sales")
                .limit(2)
                .rows();                                         // Germany 13.86, Canada 8.91
        // end::group[]
        assertEquals(3, perGenre.size());
        assertEquals(4, ((Number) perGenre.get(0).get("tracks")).intValue());
        assertEquals(List.of("Germany", "Canada"), topCountries.stream().map(r -> r.get("billing_country")).toList());
    }

    static void ordering(Eloquent db) {
        // tag::order[]
        Track longest = db.query(Track.class).orderByDesc("milliseconds").firstOrFail();
        List<Track> byPriceThenName = db.query(Track.class).orderBy("unit_price", "desc").orderBy("name").get();
        Invoice newest = db.query(Invoice.class).latest().firstOrFail();          // by created_at
        Optional<Track> any = db.query(Track.class).inRandomOrder().first();
        List<Track> byLength = db.query(Track.class).orderBy("name").reorder().orderBy("milliseconds").get();
        // end::order[]
        assertEquals("Freddie Freeloader", longest.getString("name"));
        assertEquals("Blue in Green", byPriceThenName.get(0).getString("name"));
        assertTrue(newest.exists());
        assertTrue(any.isPresent());
        assertEquals("Back in Black", byLength.get(0).getString("name"));
    }

    static void reading(Eloquent db) {
        // tag::read[]
        ModelQuery<Track> tracks = db.query(Track.class);
        Optional<Track> first = tracks.find(1);
        Optional<Track> second = tracks.find(2);                 // a builder can find again: find adds no where
        Track orFail = db.query(Track.class).findOrFail(4);      // ModelNotFoundException when missing
        List<Track> some = db.query(Track.class).findMany(List.of(1, 2, 99));
        Track only = db.query(Track.class).where("name", "Smooth").sole();   // exactly one, else an exception
        Object length = db.query(Track.class).where("name", "Smooth").value("milliseconds");   // 295000
        List<Object> names = db.query(Track.class).where("album_id", 2).orderBy("name").pluck("name");
        Map<Object, Object> namesById = db.query(Track.class).where("album_id", 2).orderBy("id").pluck("name", "id");
        // end::read[]
        assertEquals("Hells Bells", first.orElseThrow().getString("name"));
        assertEquals("Shoot to Thrill", second.orElseThrow().getString("name"));
        assertEquals("So What", orFail.getString("name"));
        assertEquals(2, some.size());
        assertEquals(7L, only.getLong("id"));
        assertEquals(295_000, length);
        assertEquals(List.of("Blue in Green", "Freddie Freeloader", "So What"), names);
        assertEquals("So What", namesById.get(4L));
        assertThrows(EloquentException.class, () -> db.query(Track.class).where("album_id", 2).sole());
    }

    static void aggregates(Eloquent db) {
        // tag::aggregates[]
        long count = db.query(Track.class).where("genre_id", 3).count();              // 4
        BigDecimal sales = db.query(Invoice.class).sum("total");                      // 35.64, exact
        BigDecimal average = db.query(Track.class).where("album_id", 2).avg("unit_price");   // 1.29
        Object shortest = db.query(Track.class).min("milliseconds");                  // 255000, an Integer
        Object dearest = db.query(Track.class).max("unit_price");                     // 1.29, a BigDecimal
        boolean any = db.query(Invoice.class).where("billing_country", "Brazil").exists();
        // end::aggregates[]
        assertEquals(4, count);
        assertEquals(0, new BigDecimal("35.64").compareTo(sales));
        assertEquals(0, new BigDecimal("1.29").compareTo(average));
        assertEquals(255_000, shortest);
        assertEquals(new BigDecimal("1.29"), dearest);
        assertTrue(any);
    }

    static void paging(Eloquent db) {
        // tag::paging[]
        Page<Track> page = db.query(Track.class).orderBy("name").paginate(4, 2);
        // page.items(): 4 tracks; page.total() = 10; page.lastPage() = 3; page.hasMorePages() = true
        Slice<Track> slice = db.query(Track.class).orderBy("name").simplePaginate(4, 3);
        // slice.items(): 2 tracks; slice.hasMorePages() = false; no count statement is run
        List<Track> third = db.query(Track.class).orderBy("name").forPage(3, 4).get();    // limit 4 offset 8
        // end::paging[]
        assertEquals(4, page.items().size());
        assertEquals(10, page.total());
        assertEquals(3, page.lastPage());
        assertTrue(page.hasMorePages());
        assertEquals(2, slice.items().size());
        assertFalse(slice.hasMorePages());
        assertEquals(names(slice.items()), names(third));
    }

    static void streaming(Eloquent db) {
        List<String> seen = new ArrayList<>();
        // tag::streaming[]
        db.query(Track.class).orderBy("id").chunk(3, chunk -> {
            chunk.forEach(track -> seen.add(track.getString("name")));
            return true;                                         // false stops
        });
        db.query(Track.class).where("unit_price", "<", 1).chunkById(2, chunk -> {
            chunk.forEach(track -> track.set("plays", 1).save());   // safe: pages by key, not by offset
            return true;
        });
        try (Stream<Track> all = db.query(Track.class).lazy()) {           // chunks of 1000 by key
            all.forEach(track -> seen.add(track.getString("name")));
        }
        try (Stream<Track> rows = db.query(Track.class).cursor()) {        // one statement, rows as they come
            rows.limit(2).forEach(track -> seen.add(track.getString("name")));
        }                                                        // closing the stream releases the connection
        // end::streaming[]
        assertEquals(10 + 10 + 2, seen.size());
        assertEquals(5, db.query(Track.class).where("plays", 1).count());
        db.query(Track.class).update(Map.of("plays", 0));
    }

    static void rawSql(Eloquent db) {
        // tag::raw[]
        List<Track> longOnes = db.query(Track.class)
                .whereRaw("milliseconds > ? * 60000", 9)         // values are always bound
                .orderByRaw("length(name) desc")
                .get();                                          // Freddie Freeloader, So What
        List<Map<String, Object>> rows = db.on("sqlite")
                .select("select name, milliseconds / 1000 as seconds from tracks where album_id = ?", 2);
        long changed = db.on("sqlite").statement("update tracks set plays = plays + ? where album_id = ?", 1, 2);
        // end::raw[]
        assertEquals(List.of("Freddie Freeloader", "So What"), names(longOnes));
        assertEquals(3, rows.size());
        assertEquals(3, changed);
        db.query(Track.class).update(Map.of("plays", 0));
    }

    static void events(Eloquent db) {
        // tag::events[]
        List<QueryEvent> statements = new ArrayList<>();
        db.listen(statements::add);                              // every connection, now and later
        db.query(Track.class).where("name", "Smooth").first();
        QueryEvent last = statements.get(statements.size() - 1);
        // last.connection(), last.statement() (no values in it), last.duration(), last.rows()
        // last.bindings() is empty unless the listener's wantsBindings() returns true
        // end::events[]
        assertEquals(1, statements.size());
        assertFalse(last.statement().contains("Smooth"));
        assertEquals(1, last.rows());
        assertEquals(List.of(), last.bindings());
    }

    static void writing(Eloquent db) {
        // tag::write[]
        Object id = db.query(Track.class).insertGetId(
                Map.of("name", "Europa", "album_id", 3, "genre_id", 3, "milliseconds", 305000, "unit_price", "0.99"));
        long repriced = db.query(Track.class).where("album_id", 3).update(Map.of("unit_price", "1.49"));
        db.query(Track.class).where("album_id", 2).increment("plays");          // plays = plays + 1, atomic
        db.query(Track.class).where("name", "So What").decrement("plays", 1);
        Track smooth = db.query(Track.class).where("name", "Smooth").firstOrFail();
        smooth.increment("plays", 5);                            // in the database, and in the model
        long removed = db.query(Track.class).where("name", "Europa").delete();
        // end::write[]
        assertEquals(11L, ((Number) id).longValue());
        assertEquals(3, repriced);
        assertEquals(0, ((Number) db.query(Track.class).where("name", "So What").value("plays")).intValue());
        assertEquals(5, smooth.getInteger("plays"));
        assertEquals(1, removed);

        // tag::write-refused[]
        EloquentException refused = assertThrows(EloquentException.class,
                () -> db.query(Track.class).orderBy("id").limit(1).delete());
        // refused.getMessage() says: delete() acts on every matching row; remove limit/offset ...
        // end::write-refused[]
        assertTrue(refused.getMessage().contains("acts on every matching row"), refused.getMessage());

        // tag::write-or-create[]
        Album album = db.query(Album.class).firstOrCreate(Map.of("title", "Caravanserai"),
                Map.of("artist_id", 3, "released", 1972));       // found by title, or created with both maps
        Album updated = db.query(Album.class).updateOrCreate(Map.of("title", "Abraxas"), Map.of("released", 1970));
        db.query(Invoice.class).upsert(
                List.of(Map.of("id", 1, "customer", "Ann", "billing_country", "USA", "total", "2.98", "paid", "2.98")),
                List.of("id"), List.of("total", "paid"));        // insert, or update total and paid of id 1
        boolean inserted = db.table("playlist_track")
                .updateOrInsert(Map.of("playlist_id", 1, "track_id", 9), Map.of("position", 4));
        // end::write-or-create[]
        assertTrue(album.exists());
        assertEquals(1970, updated.getInteger("released"));
        assertEquals(0, new BigDecimal("2.98").compareTo(db.query(Invoice.class).findOrFail(1).getDecimal("total")));
        assertTrue(inserted);
        db.query(Invoice.class).where("id", 1).update(Map.of("total", "1.98", "paid", "1.98"));
    }

    static void locks(Eloquent db) {
        // tag::locks[]
        db.transaction(() -> {
            Track track = db.query(Track.class).where("name", "Smooth").lockForUpdate().firstOrFail();
            return track.set("plays", track.getInteger("plays") + 1).save();
        });
        // end::locks[]
        assertEquals(6, ((Number) db.query(Track.class).where("name", "Smooth").value("plays")).intValue());
        assertTrue(db.connections().connection().supports(Capability.ROW_LOCKS));
    }
}
