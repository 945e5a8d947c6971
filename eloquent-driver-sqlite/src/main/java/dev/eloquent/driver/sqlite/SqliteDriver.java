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
            throw block.fail(PATH, "must be a file path; in-memory and URI databases are not supported yet, got '"
                    + path + "'");
        }
        int busyTimeout = block.integer(BUSY_TIMEOUT, 5_000, 0, 600_000);
        Path file = Path.of(path).toAbsolutePath().normalize();
        Map<String, String> pragmas = Map.of(
                "journal_mode", "WAL",
                "foreign_keys", "true",
                "busy_timeout", Integer.toString(busyTimeout),
                "synchronous", "NORMAL",
                // Transactions take the write lock when they begin, so the busy timeout applies to them: a
                // DEFERRED transaction that reads and then writes fails at once with SQLITE_BUSY instead.
                "transaction_mode", "IMMEDIATE");
        return PoolSettings.read(block, "jdbc:sqlite:" + file, file.toString(), null, Secret.of(""), pragmas,
                DEFAULT_POOL_SIZE, List.of(block.key(PATH)));
    }

    @Override
    public DatabaseConnection open(ConnectionSettings settings) {
        PoolSettings pool = (PoolSettings) settings;
        Path file = Path.of(pool.target());
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (IOException e) {
            throw new ConnectionException("connection '" + pool.connection() + "' could not create the folder of "
                    + file + " (" + e.getClass().getSimpleName() + "); check " + pool.keysToCheck().get(0));
        }
        return SqlConnection.open(new SqliteDialect(), pool);
    }
}
