package dev.eloquent.driver.pg;

import dev.eloquent.api.ConfigurationException;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.Env;
import dev.eloquent.api.EnvBlock;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.sql.PoolSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeouts of the PG_* block as pgJDBC receives them, and the names PostgreSQL users type. No server needed. */
class PgSettingsTest {
    private final PgDriver driver = new PgDriver();

    private PoolSettings settings(Map<String, String> env, String connection) {
        return (PoolSettings) driver.settings(new EnvBlock(Env.of(env), ConnectionName.parse(connection), "PG"));
    }

    @Test
    void theSocketTimeoutDefaultsToSixtySecondsAndReachesTheJdbcDriverInSeconds() {
        assertEquals("60", settings(Map.of("PG_NAME", "app"), "pg").properties().get("socketTimeout"));
        assertEquals("9", settings(Map.of("PG_TEST_NAME", "app", "PG_TEST_SOCKET_TIMEOUT", "9"), "pg_test")
                .properties().get("socketTimeout"));
        assertEquals("0", settings(Map.of("PG_NAME", "app", "PG_SOCKET_TIMEOUT", "0"), "pg").properties().get("socketTimeout"),
                "0 is pgJDBC's 'wait forever'");
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> settings(Map.of("PG_NAME", "app", "PG_SOCKET_TIMEOUT", "1m"), "pg"));
        assertEquals("PG_SOCKET_TIMEOUT must be a whole number from 0 to 86400 (connection 'pg')", error.getMessage());
    }

    @Test
    void postgresAsAConnectionNameSaysToUsePg() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> Eloquent.builder().env(Env.of(Map.of("DB_CONNECTION", "postgres"))).boot());
        assertTrue(error.getMessage().contains("The pg driver serves postgres: name the connection 'pg' instead"),
                error.getMessage());
    }
}
