package dev.eloquent.examples;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.eloquent.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The eloquent CLI as a separate process on the example's module path (what scripts/eloquent runs), with
 * the example application found through its EloquentApplication service. Results are read back through
 * raw JDBC. SQLite always; MariaDB and PostgreSQL (their test blocks, DB_TEST_* and PG_TEST_*) when they
 * answer, so that --all-connections --test covers every SQL connection; MongoDB is pointed at a closed
 * port, so touching it would fail the run.
 */
class CliIT {
    private static final List<String> TABLES = List.of("authors", "books", "users", "visits", "example_runs",
            "eloquent_migrations", "eloquent_migration_lock");

    @TempDir
    Path workDir;

    private ExampleProcess.Result cli(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("-p", ExampleProcess.MODULES.toString(),
                "-m", "dev.eloquent.cli/dev.eloquent.cli.EloquentCli"));
        command.addAll(List.of(args));
        return ExampleProcess.run(workDir, command, env);
    }

    private ExampleProcess.Result ok(Map<String, String> env, String... args) throws Exception {
        ExampleProcess.Result result = cli(env, args);
        assertEquals(0, result.exitCode(), String.join(" ", args) + ":\n" + result.output());
        return result;
    }

    private static boolean serverAnswers(int port) {
        return TestServers.answers("127.0.0.1", port);
    }

    /** Raw JDBC URLs of the SQL test connections this run covers, by connection name. */
    private Map<String, String> jdbcUrls(Map<String, String> env) {
        Map<String, String> urls = new HashMap<>();
        urls.put("sqlite_test", "jdbc:sqlite:" + workDir.resolve("storage/app.test.sqlite"));
        if (env.containsKey("DB_TEST_NAME")) {
            urls.put("mysql_test", "jdbc:mysql://" + env.getOrDefault("DB_TEST_HOST", "127.0.0.1") + ":"
                    + env.getOrDefault("DB_TEST_PORT", "3306") + "/" + env.get("DB_TEST_NAME") + "?user="
                    + env.getOrDefault("DB_TEST_USERNAME", "root")
                    + (env.containsKey("DB_TEST_PASSWORD") ? "&password=" + env.get("DB_TEST_PASSWORD") : ""));
        }
        if (env.containsKey("PG_TEST_NAME")) {
            urls.put("pg_test", "jdbc:postgresql://" + env.getOrDefault("PG_TEST_HOST", "127.0.0.1") + ":"
                    + env.getOrDefault("PG_TEST_PORT", "5432") + "/" + env.get("PG_TEST_NAME") + "?user="
                    + env.getOrDefault("PG_TEST_USERNAME", "postgres")
                    + (env.containsKey("PG_TEST_PASSWORD") ? "&password=" + env.get("PG_TEST_PASSWORD") : ""));
        }
        return urls;
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** In the current database only: with a null catalog MariaDB searches every database on the server. */
    private static boolean hasTable(String url, String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             ResultSet rows = connection.getMetaData().getTables(connection.getCatalog(), null, table, null)) {
            return rows.next();
        }
    }

    private static void dropAll(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    @Test
    void theCommandsDoRealWorkOnEverySqlConnectionAndLeaveMongoAlone() throws Exception {
        Map<String, String> env = new HashMap<>();
        // A closed loopback port: if any command opened MongoDB, it would fail.
        env.put("MONGO_TEST_URI", "mongodb://127.0.0.1:1/cli?serverSelectionTimeoutMS=500");
        env.put("MONGO_URI", "mongodb://127.0.0.1:1/cli?serverSelectionTimeoutMS=500");
        boolean servers = serverAnswers(3306) && serverAnswers(5432);
        if (servers) {
            env.putAll(TestServers.testEnv("DB"));
            env.putAll(TestServers.testEnv("PG"));
        }
        Map<String, String> urls = jdbcUrls(env);
        for (String url : urls.values()) {
            if (!url.startsWith("jdbc:sqlite")) {
                dropAll(url);
            }
        }
        // With every SQL driver on the path, --all-connections needs every server; without them, target SQLite.
        String target = servers ? "--all-connections" : "--sqlite";

        ExampleProcess.Result run = ok(env, "migrate:run", target, "--test");
        for (Map.Entry<String, String> entry : urls.entrySet()) {
            assertTrue(run.output().contains("[" + entry.getKey()), run.output());
            assertTrue(hasTable(entry.getValue(), "authors"), entry.getKey());
            assertEquals(entry.getKey().equals("sqlite_test"), hasTable(entry.getValue(), "books"),
                    "books is pinned to sqlite: " + entry.getKey());
        }
        assertFalse(run.output().contains("mongo"), run.output());

        ExampleProcess.Result status = ok(env, "migrate:status", target, "--test");
        assertTrue(status.output().contains("CreateAuthorsTable"), status.output());
        assertFalse(status.output().contains("pending"), status.output());

        ok(env, "db:seed", target, "--test");
        for (Map.Entry<String, String> entry : urls.entrySet()) {
            assertEquals(2, count(entry.getValue(), "SELECT COUNT(*) FROM authors"), entry.getKey());
            assertEquals(3, count(entry.getValue(), "SELECT COUNT(*) FROM users"), entry.getKey());
        }

        ok(env, "migrate:rollback", "--step", "1", target, "--test");
        for (Map.Entry<String, String> entry : urls.entrySet()) {
            assertFalse(hasTable(entry.getValue(), "example_runs"), "last migration rolled back: " + entry.getKey());
            assertTrue(hasTable(entry.getValue(), "visits"), entry.getKey());
        }

        // migrate:fresh in production: refused without the env key and both flags, then allowed.
        Map<String, String> production = new HashMap<>(env);
        production.put("APP_ENV", "production");
        ExampleProcess.Result refused = cli(production, "migrate:fresh", target, "--test", "--force");
        assertEquals(1, refused.exitCode(), refused.output());
        assertTrue(refused.output().contains("ELOQUENT_ALLOW_PROD_DESTRUCTIVE=true"), refused.output());
        assertFalse(refused.output().contains("\tat "), "no stack trace: " + refused.output());
        for (Map.Entry<String, String> entry : urls.entrySet()) {
            assertEquals(2, count(entry.getValue(), "SELECT COUNT(*) FROM authors"), "refused: nothing dropped");
        }
        production.put("ELOQUENT_ALLOW_PROD_DESTRUCTIVE", "true");
        ok(production, "migrate:fresh", target, "--test", "--force", "--yes");
        for (Map.Entry<String, String> entry : urls.entrySet()) {
            assertEquals(0, count(entry.getValue(), "SELECT COUNT(*) FROM authors"), "fresh: " + entry.getKey());
            assertTrue(hasTable(entry.getValue(), "example_runs"), "fresh runs every migration: " + entry.getKey());
        }
    }

    @Test
    void mongoIsTargetedWithMongoAndItsTestTwinWithTest() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        try (MongoClient raw = MongoClients.create(uri)) {
            Map<String, String> env = Map.of("MONGO_TEST_URI", uri + "/cli_test", "MONGO_URI", uri + "/cli");
            ExampleProcess.Result run = ok(env, "migrate:run", "--mongo", "--test");
            assertTrue(run.output().contains("[mongo_test"), run.output());
            MongoDatabase test = raw.getDatabase("cli_test");
            assertTrue(collections(test).contains("geolocations"), collections(test).toString());
            // Unpinned migrations follow the target (authors), and the ledger is a collection like any other.
            assertTrue(collections(test).contains("authors"), collections(test).toString());
            // Five of the six: books is pinned to sqlite.
            assertEquals(5, test.getCollection("eloquent_migrations").countDocuments());
            assertFalse(collections(raw.getDatabase("cli")).contains("geolocations"), "the non-test database is untouched");

            ExampleProcess.Result seeded = ok(env, "db:seed", "--mongo", "--test", "--class", "GeoLocationSeeder");
            assertEquals(2, test.getCollection("geolocations").countDocuments());
            // The factory reports its batch (row count and model) through the seeding's progress, which the CLI prints.
            assertTrue(seeded.output().lines().anyMatch(line -> line.matches(".*GeoLocationFactory: 2 GeoLocation rows \\.\\.\\. \\d+ ms")),
                    seeded.output());

            ExampleProcess.Result status = ok(env, "migrate:status", "--mongo", "--test");
            assertTrue(status.output().contains("ran     CreateGeolocationsCollection"), status.output());

            ok(env, "migrate:rollback", "--mongo", "--test", "--step", "1");
            assertFalse(collections(test).contains("geolocations"), collections(test).toString());
        } finally {
            server.shutdownNow();
        }
    }

    private static List<String> collections(MongoDatabase database) {
        return database.listCollectionNames().into(new ArrayList<>());
    }

    @Test
    void twoMigrateRunsStartedTogetherApplyEachMigrationOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<ExampleProcess.Result>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> cli(Map.of(), "migrate:run", "--sqlite")));
            }
            for (java.util.concurrent.Future<ExampleProcess.Result> run : runs) {
                ExampleProcess.Result result = run.get();
                assertEquals(0, result.exitCode(), result.output());
            }
        } finally {
            pool.shutdownNow();
        }
        String url = "jdbc:sqlite:" + workDir.resolve("storage/app.sqlite");
        // The five migrations that apply to sqlite (geolocations is pinned to mongo), each recorded once.
        assertEquals(5, count(url, "SELECT COUNT(*) FROM eloquent_migrations"));
        assertTrue(hasTable(url, "books"));
    }

    @Test
    void precheckAndAllMigrationsOnSqlite() throws Exception {
        ExampleProcess.Result precheck = cli(Map.of(), "db:seed:precheck");
        assertEquals(1, precheck.exitCode(), precheck.output());
        assertTrue(precheck.output().contains("pending migrations on sqlite; run first: eloquent migrate:run"),
                precheck.output());

        ExampleProcess.Result run = ok(Map.of(), "migrate:run", "--all-migrations");
        // The example's models match its migrations: model-first generation finds nothing and writes nothing.
        assertTrue(run.output().contains("Author: nothing to do (table authors matches its migrations)"), run.output());
        assertFalse(java.nio.file.Files.exists(workDir.resolve("src")), "no source written");
        ok(Map.of(), "db:seed:precheck");

        ok(Map.of(), "migrate:rollback", "--all-migrations");
        String url = "jdbc:sqlite:" + workDir.resolve("storage/app.sqlite");
        assertEquals(0, count(url, "SELECT COUNT(*) FROM eloquent_migrations"), "every batch rolled back");
        assertFalse(hasTable(url, "authors"));
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhatToDo() throws Exception {
        ExampleProcess.Result two = cli(Map.of(), "migrate:run", "--mysql", "--pg");
        assertEquals(2, two.exitCode(), two.output());
        assertTrue(two.output().contains("choose one of --mysql, --pg, --sqlite"), two.output());
        assertTrue(two.output().contains("--all-connections"), two.output());
        ExampleProcess.Result unknown = cli(Map.of(), "db:seed", "--class");
        assertEquals(2, unknown.exitCode(), unknown.output());
    }

    @Test
    void dbShowListsDriversAndConnectionsWithoutSecrets() throws Exception {
        ExampleProcess.Result show = ok(Map.of("PG_TEST_PASSWORD", "hunter2", "PG_TEST_NAME", "app",
                "DB_PG_CONNECTION", "pg"), "db:show");
        assertTrue(show.output().contains("sqlite: module dev.eloquent.driver.sqlite, version 0.1.0-SNAPSHOT"), show.output());
        assertTrue(show.output().contains("pg_test: "), show.output());
        assertTrue(show.output().contains("default (DB_CONNECTION): sqlite"), show.output());
        assertTrue(show.output().contains("ignored env keys: DB_PG_CONNECTION"), show.output());
        assertFalse(show.output().contains("hunter2"), show.output());
    }
}
