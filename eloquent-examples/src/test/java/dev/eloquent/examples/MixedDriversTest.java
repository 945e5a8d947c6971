package dev.eloquent.examples;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Env;
import dev.eloquent.examples.MixedDriversExample.GeoLocation;
import dev.eloquent.examples.MixedDriversExample.User;
import dev.eloquent.examples.MixedDriversExample.Visit;
import dev.eloquent.orm.Connection;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.MongoModel;
import dev.eloquent.orm.SqlModel;
import dev.eloquent.orm.Table;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed's scenario in one process: a SqlModel pinned to sqlite and a MongoModel pinned to mongo,
 * registered together, written and read side by side; unpinned models follow DB_CONNECTION, and
 * DB_TEST_CONNECTION in test mode. MongoDB is an in-process wire-protocol server on a random loopback
 * port, reached over a real socket by the real Java driver; every write is checked through the raw
 * SQLite JDBC driver or the raw MongoDB client.
 */
class MixedDriversTest {
    @Table("misplaced")
    @Connection("sqlite")
    static final class MongoOnSql extends MongoModel<MongoOnSql> {
    }

    @Table("misplaced")
    @Connection("mongo")
    static final class SqlOnMongo extends SqlModel<SqlOnMongo> {
    }

    private static MongoServer server;
    private static String mongoUri;

    @TempDir
    Path folder;

    @BeforeAll
    static void startMongo() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        mongoUri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    @AfterAll
    static void stopMongo() {
        server.shutdownNow();
    }

    private Map<String, String> env(String defaultConnection, String mongoDb) {
        Map<String, String> env = new HashMap<>();
        env.put("DB_CONNECTION", defaultConnection);
        env.put("DB_TEST_CONNECTION", "mongo_test");
        env.put("SQLITE_PATH", folder.resolve("app.sqlite").toString());
        env.put("SQLITE_TEST_PATH", folder.resolve("app.test.sqlite").toString());
        env.put("MONGO_URI", mongoUri);
        env.put("MONGO_DB", mongoDb);
        env.put("MONGO_TEST_URI", mongoUri);
        env.put("MONGO_TEST_DB", mongoDb + "_test");
        return env;
    }

    private static String uniqueDb() {
        return "mixed_" + new ObjectId().toHexString();
    }

    private long sqliteCount(String file, String table) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve(file));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aSqlModelAndAMongoModelAreWrittenAndReadInOneProcess() throws Exception {
        String mongoDb = uniqueDb();
        try (Eloquent db = MixedDriversExample.register(Eloquent.builder().env(Env.of(env("sqlite", mongoDb)))).boot();
             MongoClient raw = MongoClients.create(mongoUri)) {
            List<String> report = MixedDriversExample.run(db);
            assertEquals(ConnectionName.parse("sqlite"), db.connectionNameOf(User.class));
            assertEquals(ConnectionName.parse("mongo"), db.connectionNameOf(GeoLocation.class));
            assertEquals(Set.of(ConnectionName.parse("sqlite"), ConnectionName.parse("mongo")),
                    Set.copyOf(db.connections().openNames()), "both connections open together");

            User ann = db.query(User.class).where("name", "Ann").firstOrFail();
            List<GeoLocation> places = db.query(GeoLocation.class).where("user_id", ann.getKey()).orderBy("lat").get();
            assertEquals(2, places.size());
            assertEquals(new BigDecimal("48.856613"), places.get(0).getDecimal("lat"));
            assertEquals(Map.of("city", "Berlin", "kinds", List.of("home")), places.get(1).get("tags"));
            assertTrue(ObjectId.isValid((String) places.get(0).getKey()), "GeoLocation is keyed by ObjectId");
            assertTrue(report.get(0).startsWith("user 1 Ann on sqlite"), report.toString());
            // Eager loading across the two databases, both ways: one statement on each side, counted by the example.
            assertTrue(report.contains("eager: 1 user(s) and 2 place(s) in 1 query on sqlite and 1 on mongo"),
                    report.toString());
            assertTrue(report.get(1).startsWith("  place ") && report.get(1).contains("city=Paris"), report.toString());
            assertTrue(report.contains("  Paris belongs to Ann") && report.contains("  Berlin belongs to Ann"),
                    report.toString());
            assertTrue(report.contains("reverse: 2 place(s) with their user in 1 query on mongo and 1 on sqlite"),
                    report.toString());

            assertEquals(1, sqliteCount("app.sqlite", "users"), "the user is in SQLite");
            assertEquals(1, sqliteCount("app.sqlite", "visits"), "the unpinned model followed DB_CONNECTION=sqlite");
            var geolocations = raw.getDatabase(mongoDb).getCollection("geolocations");
            assertEquals(2, geolocations.countDocuments(new Document("user_id", 1L)),
                    "the places are in MongoDB, their user_id set by places().create(...)");
            assertEquals(new Decimal128(new BigDecimal("52.520008")),
                    geolocations.find(new Document("tags.city", "Berlin")).first().get("lat"));
            assertTrue(raw.getDatabase(mongoDb).listCollectionNames().into(new java.util.ArrayList<>())
                    .stream().noneMatch(name -> name.equals("users") || name.equals("visits")), "nothing SQL went to MongoDB");
        }
    }

    @Test
    void unpinnedModelsFollowDbConnection() {
        String mongoDb = uniqueDb();
        try (Eloquent db = MixedDriversExample.register(Eloquent.builder().env(Env.of(env("mongo", mongoDb)))).boot();
             MongoClient raw = MongoClients.create(mongoUri)) {
            MixedDriversExample.run(db);
            assertEquals(ConnectionName.parse("mongo"), db.connectionNameOf(Visit.class));
            assertEquals(ConnectionName.parse("sqlite"), db.connectionNameOf(User.class), "a pin wins over the default");
            assertEquals(1, raw.getDatabase(mongoDb).getCollection("visits").countDocuments());
        }
    }

    @Test
    void testModeUsesDbTestConnectionAndEveryPinsTestTwin() throws Exception {
        String mongoDb = uniqueDb();
        try (Eloquent db = MixedDriversExample.register(Eloquent.builder().env(Env.of(env("sqlite", mongoDb))).testMode()).boot();
             MongoClient raw = MongoClients.create(mongoUri)) {
            List<String> report = MixedDriversExample.run(db);
            assertEquals(ConnectionName.parse("sqlite_test"), db.connectionNameOf(User.class));
            assertEquals(ConnectionName.parse("mongo_test"), db.connectionNameOf(GeoLocation.class));
            assertEquals(ConnectionName.parse("mongo_test"), db.connectionNameOf(Visit.class));
            assertEquals(1, sqliteCount("app.test.sqlite", "users"));
            assertEquals(2, raw.getDatabase(mongoDb + "_test").getCollection("geolocations").countDocuments());
            assertEquals(1, raw.getDatabase(mongoDb + "_test").getCollection("visits").countDocuments());
            assertTrue(report.contains("eager: 1 user(s) and 2 place(s) in 1 query on sqlite_test and 1 on mongo_test"),
                    report.toString());
            assertTrue(raw.getDatabase(mongoDb).listCollectionNames().into(new java.util.ArrayList<>()).isEmpty(),
                    "test mode never touches the non-test database");
        }
    }

    @Test
    void eachKindOfModelIsRefusedOnTheOtherKindOfConnection() {
        try (Eloquent db = Eloquent.builder().env(Env.of(env("sqlite", uniqueDb())))
                .register(MongoOnSql.class, MongoOnSql::new).register(SqlOnMongo.class, SqlOnMongo::new).boot()) {
            EloquentException mongoOnSql = assertThrows(EloquentException.class,
                    () -> db.create(MongoOnSql.class, Map.of("a", 1)));
            assertEquals("MongoOnSql is a MongoModel but connection 'sqlite' (driver sqlite) is not a document"
                    + " connection; pin it with @Connection(\"mongo\")", mongoOnSql.getMessage());
            EloquentException sqlOnMongo = assertThrows(EloquentException.class,
                    () -> db.query(SqlOnMongo.class).count());
            assertTrue(sqlOnMongo.getMessage().startsWith("SqlOnMongo is a SqlModel but connection 'mongo'"),
                    sqlOnMongo.getMessage());
        }
    }
}
