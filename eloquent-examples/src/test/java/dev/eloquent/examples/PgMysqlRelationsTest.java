package dev.eloquent.examples;

import dev.eloquent.api.Env;
import dev.eloquent.orm.BelongsTo;
import dev.eloquent.orm.Connection;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.HasMany;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.SqlModel;
import dev.eloquent.orm.Table;
import dev.eloquent.testkit.StatementCounter;
import dev.eloquent.testkit.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.eloquent.testkit.KitAssertions.asLong;
import static dev.eloquent.testkit.KitAssertions.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Relations between two SQL databases in one process: artists on PostgreSQL, their albums on MariaDB
 * (MySQL driver). Nothing joins the two: each relation's query runs on its own connection (one statement
 * per side, counted on each), whereHas and withCount take the two-query path, and PostgreSQL's 64-bit
 * keys (Long) match MariaDB's 32-bit foreign key (Integer). Writes through a relation are checked on the
 * other server through plain JDBC.
 */
class PgMysqlRelationsTest {
    // No servers of its own: it skips, saying why, when one is not configured (fails in CI).
    private static final TestServer MYSQL = new TestServer("MariaDB/MySQL", "DB", 3306, "root", "mysql", '`',
            TestServer.NO_CONTAINER);
    private static final TestServer PG = new TestServer("PostgreSQL", "PG", 5432, "postgres", "postgresql", '"',
            TestServer.NO_CONTAINER);

    @Table("xc_artists")
    @Connection("pg")
    public static final class PgArtist extends SqlModel<PgArtist> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.bigIncrements("id");
                t.string("name", 50);
            });
        }

        public HasMany<PgArtist, MyAlbum> albums() {
            return hasMany(MyAlbum.class, "artist_id");
        }
    }

    @Table("xc_albums")
    @Connection("mysql")
    public static final class MyAlbum extends SqlModel<MyAlbum> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.increments("id");
                t.integer("artist_id").nullable();
                t.string("title", 50);
                t.integer("sales");
            });
        }

        public BelongsTo<MyAlbum, PgArtist> artist() {
            return belongsTo(PgArtist.class, "artist_id");
        }
    }

    private Eloquent db;
    private StatementCounter pg;
    private StatementCounter mysql;
    private PgArtist miles;
    private PgArtist nina;

    @BeforeEach
    void seed() {
        Map<String, String> env = new HashMap<>(MYSQL.env());
        env.putAll(PG.env());
        db = Eloquent.builder().env(Env.of(env)).testMode()
                .register(PgArtist.class, PgArtist::new).register(MyAlbum.class, MyAlbum::new).boot();
        db.dropTables(PgArtist.class, MyAlbum.class);
        db.createTables(PgArtist.class, MyAlbum.class);
        miles = db.create(PgArtist.class, Map.of("name", "Miles"));
        nina = db.create(PgArtist.class, Map.of("name", "Nina"));
        db.create(PgArtist.class, Map.of("name", "Quiet"));
        miles.albums().create(Map.of("title", "Kind of Blue", "sales", 50));
        miles.albums().create(Map.of("title", "Bitches Brew", "sales", 20));
        nina.albums().create(Map.of("title", "Pastel Blues", "sales", 7));
        db.create(MyAlbum.class, Map.of("title", "Orphan", "sales", 1));
        pg = StatementCounter.on(db, "pg_test");
        mysql = StatementCounter.on(db, "mysql_test");
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Statements on each side since the last call: {pg, mysql}. */
    private List<Integer> counts() {
        return List.of(pg.take(), mysql.take());
    }

    @Test
    void creatingThroughTheRelationWritesThePostgresKeyIntoMariaDb() {
        List<Map<String, Object>> albums = MYSQL.raw().rowsOrderedBy("xc_albums", "id");
        assertEquals(List.of(asLong(miles.getKey()), asLong(miles.getKey()), asLong(nina.getKey())),
                albums.subList(0, 3).stream().map(row -> asLong(row.get("artist_id"))).toList());
        assertNull(albums.get(3).get("artist_id"));
    }

    @Test
    void lazyAndEagerLoadingAreOneStatementPerSide() {
        counts();
        assertEquals(List.of("Bitches Brew", "Kind of Blue"), strings(miles.albums().orderBy("title").get(), "title"));
        assertEquals(List.of(0, 1), counts());
        MyAlbum pastel = db.query(MyAlbum.class).where("title", "Pastel Blues").firstOrFail();
        counts();
        assertEquals("Nina", pastel.related(MyAlbum::artist).getString("name"));
        assertEquals(List.of(1, 0), counts());

        List<PgArtist> artists = db.query(PgArtist.class).orderBy("name")
                .with("albums", q -> q.where("sales", ">=", 10).orderBy("title")).get();
        assertEquals(List.of(1, 1), counts());
        assertEquals(List.of(List.of("Bitches Brew", "Kind of Blue"), List.of(), List.of()), artists.stream()
                .map(a -> ((List<?>) a.getRelation("albums")).stream().map(x -> ((MyAlbum) x).getString("title")).toList())
                .toList());

        List<MyAlbum> albums = db.query(MyAlbum.class).orderBy("id").with("artist.albums").get();
        assertEquals(List.of(1, 2), counts(), "albums, their artists, the artists' albums: one statement each");
        assertEquals(List.of("Miles", "Miles", "Nina"), albums.subList(0, 3).stream()
                .map(a -> ((PgArtist) a.getRelation("artist")).getString("name")).toList(),
                "a Long key on PostgreSQL matches an Integer foreign key on MariaDB");
        assertEquals(2, ((List<?>) ((PgArtist) albums.get(0).getRelation("artist")).getRelation("albums")).size());
        assertNull(albums.get(3).getRelation("artist"));
    }

    @Test
    void existenceAndAggregatesAcrossTheTwoServers() {
        counts();
        assertEquals(List.of("Miles", "Nina"), strings(db.query(PgArtist.class).has("albums").orderBy("name").get(), "name"));
        assertEquals(List.of(1, 1), counts(), "the album keys from MariaDB, then one PostgreSQL query");
        assertEquals(List.of("Quiet"), strings(db.query(PgArtist.class).doesntHave("albums").get(), "name"));
        assertEquals(List.of("Miles"), strings(db.query(PgArtist.class).has("albums", ">", 1).get(), "name"));
        assertEquals(List.of("Nina"), strings(db.query(PgArtist.class)
                .whereHas("albums", q -> q.where("title", "like", "Pastel%")).get(), "name"));
        assertEquals(List.of("Kind of Blue"), strings(db.query(MyAlbum.class)
                .whereHas("artist", q -> q.where("name", "Miles")).where("sales", ">", 30).get(), "title"));
        counts();

        List<PgArtist> artists = db.query(PgArtist.class).orderBy("name").withCount("albums").withSum("albums", "sales").get();
        assertEquals(List.of(1, 2), counts());
        assertEquals(List.of(2L, 1L, 0L), artists.stream().map(a -> a.get("albums_count")).toList());
        assertEquals(70L, asLong(artists.get(0).get("albums_sum_sales")));
        assertEquals(7L, asLong(artists.get(1).get("albums_sum_sales")));
        assertNull(artists.get(2).get("albums_sum_sales"));
    }
}
