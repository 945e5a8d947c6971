package dev.eloquent.driver.sqlite;

import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.Env;
import dev.eloquent.api.EnvBlock;
import dev.eloquent.sql.contract.SqlConnectionContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * The SQL connection contract on a SQLite file: transactions begin IMMEDIATE, so 8 threads of
 * read-then-write transactions wait for the lock (the busy timeout) instead of failing with SQLITE_BUSY.
 */
class SqliteConnectionTest extends SqlConnectionContract {
    @TempDir
    Path folder;

    @Override
    protected DatabaseConnection open(int poolSize) {
        SqliteDriver driver = new SqliteDriver();
        Map<String, String> env = Map.of("SQLITE_TEST_PATH", file().toString(),
                "SQLITE_TEST_POOL_SIZE", Integer.toString(poolSize), "SQLITE_TEST_CONNECT_TIMEOUT", "2");
        return driver.open(driver.settings(new EnvBlock(Env.of(env), ConnectionName.parse("sqlite_test"),
                driver.envPrefix())));
    }

    private Path file() {
        return folder.resolve("contract.sqlite");
    }

    @Override
    protected Connection rawJdbc() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file());
    }
}
