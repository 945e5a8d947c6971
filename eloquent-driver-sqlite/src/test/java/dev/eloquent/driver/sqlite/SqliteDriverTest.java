package dev.eloquent.driver.sqlite;

import dev.eloquent.api.ConfigurationException;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.Env;
import dev.eloquent.api.Expression;
import dev.eloquent.api.EnvBlock;
import dev.eloquent.api.Query;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.Blueprint;
import dev.eloquent.sql.PoolSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqliteDriverTest {
    @TempDir
    Path folder;

    private final SqliteDriver driver = new SqliteDriver();

    private PoolSettings settings(Map<String, String> env, String connection) {
        ConnectionName name = ConnectionName.parse(connection);
        return (PoolSettings) driver.settings(new EnvBlock(Env.of(env), name, driver.envPrefix()));
    }

    @Test
    void pathsDefaultToTheStorageFolderAndTheTestTwinReadsItsOwnKey() {
        assertEquals(Path.of("storage/app.sqlite").toAbsolutePath().normalize().toString(),
                settings(Map.of(), "sqlite").target());
        assertEquals(Path.of("storage/app.test.sqlite").toAbsolutePath().normalize().toString(),
                settings(Map.of(), "sqlite_test").target());
        Map<String, String> env = Map.of("SQLITE_PATH", "/tmp/a.sqlite", "SQLITE_TEST_PATH", "/tmp/b.sqlite");
        assertEquals("/tmp/a.sqlite", settings(env, "sqlite").target());
        assertEquals("/tmp/b.sqlite", settings(env, "sqlite_test").target());
    }

    @Test
    void aMalformedValueFailsNamingTheKey() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> settings(Map.of("SQLITE_TEST_BUSY_TIMEOUT", "soon"), "sqlite_test"));
        assertTrue(error.getMessage().startsWith("SQLITE_TEST_BUSY_TIMEOUT must be a whole number"), error.getMessage());
        assertTrue(error.getMessage().contains("'sqlite_test'"), error.getMessage());
        ConfigurationException memory = assertThrows(ConfigurationException.class,
                () -> settings(Map.of("SQLITE_PATH", ":memory:"), "sqlite"));
        assertTrue(memory.getMessage().startsWith("SQLITE_PATH must be a file path"), memory.getMessage());
    }

    @Test
    void openCreatesParentFoldersAndTurnsOnWalAndForeignKeys() throws Exception {
        Path file = folder.resolve("a/b/c/app.sqlite");
        try (DatabaseConnection connection = driver.open(settings(Map.of("SQLITE_PATH", file.toString()), "sqlite"))) {
            connection.execute(new SchemaChange.CreateTable(blueprintOf("parents"), false));
            assertTrue(connection.hasTable("parents"));
            assertTrue(Files.exists(file));
            assertEquals(0L, ((Number) connection.select(Query.from("parents").selecting(Expression.countAll()))
                    .drain().values().get(0)[0]).longValue());
            // Pragmas are per connection: read them through the pool, not a separate JDBC connection.
            assertEquals("wal", first(connection, "PRAGMA journal_mode"));
            assertEquals(1, first(connection, "PRAGMA foreign_keys"));
            assertEquals(5000, first(connection, "PRAGMA busy_timeout"));
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = raw.createStatement();
             ResultSet results = statement.executeQuery("PRAGMA journal_mode")) {
            results.next();
            assertEquals("wal", results.getString(1), "WAL is persistent in the file");
        }
    }

    private static Object first(DatabaseConnection connection, String sql) {
        return connection.selectRaw(sql, List.of()).drain().values().get(0)[0];
    }

    @Test
    void aFolderThatCannotBeCreatedFailsNamingTheKey() throws Exception {
        Path blocker = Files.writeString(folder.resolve("file"), "not a folder");
        var error = assertThrows(dev.eloquent.api.ConnectionException.class, () -> driver.open(
                settings(Map.of("SQLITE_PATH", blocker.resolve("db.sqlite").toString()), "sqlite")));
        assertTrue(error.getMessage().contains("SQLITE_PATH"), error.getMessage());
    }

    private static dev.eloquent.api.TableSpec blueprintOf(String table) {
        Blueprint t = new Blueprint();
        t.increments("id");
        t.string("name", 20).unique();
        t.integer("rank").index();
        return t.build(table);
    }
}
