package dev.eloquent.driver.sqlite;

import dev.eloquent.api.ConfigurationException;
import dev.eloquent.api.ConnectionException;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.Env;
import dev.eloquent.api.EnvBlock;
import dev.eloquent.sql.PoolSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQLITE_PATH is a plain file path: URL parameters are refused naming the key, and a path that can
 * never be opened (a folder, a file that is not a database) fails at once, naming the key, instead of
 * after the pool's whole connect timeout.
 */
class SqlitePathTest {
    @TempDir
    Path folder;

    private final SqliteDriver driver = new SqliteDriver();

    private PoolSettings settings(Map<String, String> env) {
        return (PoolSettings) driver.settings(new EnvBlock(Env.of(env), ConnectionName.parse("sqlite"), "SQLITE"));
    }

    @Test
    void parametersInThePathAreRefusedNamingTheKey() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> settings(Map.of("SQLITE_PATH", folder.resolve("db.sqlite") + "?journal_mode=DELETE&secret=x")));
        assertTrue(error.getMessage().startsWith("SQLITE_PATH must be a plain file path without ?parameters"),
                error.getMessage());
        assertTrue(error.getMessage().contains("SQLITE_BUSY_TIMEOUT"), error.getMessage());
        assertFalse(error.getMessage().contains("secret=x"), "the value is not echoed: " + error.getMessage());
    }

    @Test
    void aFolderAsThePathFailsAtOnceNamingTheKey() throws Exception {
        Path directory = Files.createDirectories(folder.resolve("not-a-file"));
        // A 30 s connect timeout: failing at once means well under it.
        PoolSettings settings = settings(Map.of("SQLITE_PATH", directory.toString(), "SQLITE_CONNECT_TIMEOUT", "30"));
        long start = System.nanoTime();
        ConnectionException error = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ConnectionException.class, () -> driver.open(settings)));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0, "failed at once");
        assertTrue(error.getMessage().contains("is a folder, not a database file; check SQLITE_PATH"), error.getMessage());
    }

    @Test
    void aFileThatIsNotADatabaseFailsAtOnceNamingTheKey() throws Exception {
        Path text = Files.writeString(folder.resolve("notes.sqlite"), "this is not a SQLite database, just text ".repeat(50));
        PoolSettings settings = settings(Map.of("SQLITE_PATH", text.toString(), "SQLITE_CONNECT_TIMEOUT", "30"));
        long start = System.nanoTime();
        ConnectionException error = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ConnectionException.class, () -> driver.open(settings)));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0, "failed at once");
        assertTrue(error.getMessage().contains("could not open " + text), error.getMessage());
        assertTrue(error.getMessage().endsWith("check SQLITE_PATH"), error.getMessage());
    }
}
