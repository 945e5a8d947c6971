package dev.eloquent.driver.sqlite;

import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.Env;
import dev.eloquent.api.EnvBlock;
import dev.eloquent.resolver.Connections;
import dev.eloquent.resolver.Diagnostics;
import dev.eloquent.resolver.DriverRegistry;
import dev.eloquent.sql.PoolSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQLite has no read replicas (docs/scaling-out.md): SQLITE_READ_HOST is outside the env contract, so like
 * every such key it changes nothing and diagnostics list it as ignored.
 */
class SqliteReplicaKeysTest {
    @TempDir
    Path folder;

    @Test
    void readKeysOfSqliteChangeNothingAndAreListedAsIgnored() {
        Map<String, String> values = Map.of("SQLITE_PATH", folder.resolve("a.sqlite").toString(),
                "SQLITE_READ_HOST", "10.0.0.2", "SQLITE_TEST_STICKY", "false");
        SqliteDriver driver = new SqliteDriver();
        PoolSettings settings = (PoolSettings) driver.settings(
                new EnvBlock(Env.of(values), ConnectionName.parse("sqlite"), driver.envPrefix()));
        assertTrue(settings.replicas().isEmpty());
        try (Connections connections = new Connections(Env.of(values), DriverRegistry.of(driver), false)) {
            Diagnostics diagnostics = new Diagnostics(connections);
            assertEquals(List.of("SQLITE_READ_HOST", "SQLITE_TEST_STICKY"), diagnostics.ignoredKeys());
            assertTrue(diagnostics.report().contains("ignored key: SQLITE_READ_HOST (not part of the env contract)"),
                    diagnostics.report().toString());
        }
    }
}
