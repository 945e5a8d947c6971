package dev.eloquent.driver.sqlite;

import dev.eloquent.api.ConnectionException;
import dev.eloquent.api.ConnectionSettings;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.Driver;
import dev.eloquent.api.EnvBlock;
import dev.eloquent.api.Secret;
import dev.eloquent.sql.PoolSettings;
import dev.eloquent.sql.SqlConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serves {@code sqlite} and {@code sqlite_test}. Keys: {@code SQLITE_PATH} / {@code SQLITE_TEST_PATH}
 * (the database file; parent folders are created), {@code SQLITE_BUSY_TIMEOUT} (milliseconds a writer
 * waits for a lock, default 5000) and the shared {@code SQLITE_POOL_SIZE} / {@code SQLITE_CONNECT_TIMEOUT}.
 * Every connection runs in WAL mode with foreign keys on.
 */
public final class SqliteDriver implements Driver {
    static final String PATH = "PATH";
    static final String BUSY_TIMEOUT = "BUSY_TIMEOUT";
    private static final int DEFAULT_POOL_SIZE = 4;
    private static final String BUSY_PRAGMA = "busy_timeout";

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public List<String> envKeys() {
        List<String> keys = new ArrayList<>(List.of(PATH, BUSY_TIMEOUT));
        keys.addAll(PoolSettings.POOL_KEYS);
        return keys;
    }

    @Override
    public ConnectionSettings settings(EnvBlock block) {
        String defaultPath = block.connection().test() ? "./storage/app.test.sqlite" : "./storage/app.sqlite";
        String path = block.string(PATH, defaultPath);
        if (path.contains(":memory:") || path.startsWith("file:")) {
            throw block.fail(PATH, "must be a file path; in-memory and URI databases are not supported yet");
        }
        if (path.contains("?")) {
            // sqlite-jdbc would read "?..." as connection parameters (pragmas, open modes) that override the
            // settings this driver makes; SQLite settings have keys of their own.
            throw block.fail(PATH, "must be a plain file path without ?parameters; SQLite settings have keys of"
                    + " their own (" + block.key(BUSY_TIMEOUT) + ", " + block.key(PoolSettings.POOL_SIZE) + ")");
        }
        int busyTimeout = block.integer(BUSY_TIMEOUT, 5_000, 0, 600_000);
        Path file = Path.of(path).toAbsolutePath().normalize();
        Map<String, String> pragmas = Map.of(
                "journal_mode", "WAL",
                "foreign_keys", "true",
                BUSY_PRAGMA, Integer.toString(busyTimeout),
                "synchronous", "NORMAL");
        return PoolSettings.read(block, "jdbc:sqlite:" + file, file.toString(), null, Secret.of(""), pragmas,
                DEFAULT_POOL_SIZE, List.of(block.key(PATH)));
    }

    @Override
    public DatabaseConnection open(ConnectionSettings settings) {
        PoolSettings pool = (PoolSettings) settings;
        Path file = Path.of(pool.target());
        String key = pool.keysToCheck().get(0);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (IOException e) {
            throw new ConnectionException("connection '" + pool.connection() + "' could not create the folder of "
                    + file + " (" + e.getClass().getSimpleName() + "); check " + key);
        }
        if (Files.isDirectory(file)) {
            throw new ConnectionException("connection '" + pool.connection() + "': " + file + " is a folder, not a"
                    + " database file; check " + key);
        }
        probe(pool, file, key);
        return SqlConnection.open(new SqliteDialect(), pool);
    }

    /**
     * Opens the file once, without the pool: opening a local file fails for good (permissions, not a
     * database, a folder), so it must fail now, not after the pool has retried for the whole connect timeout.
     */
    private static void probe(PoolSettings pool, Path file, String key) {
        java.util.Properties busyWait = new java.util.Properties();
        busyWait.setProperty(BUSY_PRAGMA, pool.properties().get(BUSY_PRAGMA));
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(pool.jdbcUrl(), busyWait);
             java.sql.Statement statement = connection.createStatement()) {
            // Reading the schema makes SQLite read the file's header: a file that is not a database fails here.
            statement.executeQuery("SELECT count(*) FROM sqlite_master").close();
        } catch (java.sql.SQLException e) {
            throw new ConnectionException("connection '" + pool.connection() + "' could not open " + file
                    + " (SQLite error " + e.getErrorCode() + "); check " + key);
        }
    }
}
