package dev.eloquent.driver.mysql;

import dev.eloquent.api.ConfigurationException;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.Env;
import dev.eloquent.api.EnvBlock;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.sql.PoolSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeouts of the DB_* block as Connector/J receives them, and the name MariaDB users type. No server needed. */
class MysqlSettingsTest {
    private final MysqlDriver driver = new MysqlDriver();

    private PoolSettings settings(Map<String, String> env, String connection) {
        return (PoolSettings) driver.settings(new EnvBlock(Env.of(env), ConnectionName.parse(connection), "DB"));
    }

    @Test
    void theSocketTimeoutDefaultsToSixtySecondsAndReachesTheJdbcDriverInMilliseconds() {
        PoolSettings defaults = settings(Map.of("DB_NAME", "app"), "mysql");
        assertEquals("60000", defaults.properties().get("socketTimeout"));
        assertEquals(60, defaults.socketTimeout().seconds());
        assertTrue(defaults.describe().endsWith("socket timeout 60s)"), defaults.describe());
        PoolSettings test = settings(Map.of("DB_TEST_NAME", "app", "DB_TEST_SOCKET_TIMEOUT", "7"), "mysql_test");
        assertEquals("7000", test.properties().get("socketTimeout"));
        assertEquals("DB_TEST_SOCKET_TIMEOUT", test.socketTimeout().key());
        PoolSettings none = settings(Map.of("DB_NAME", "app", "DB_SOCKET_TIMEOUT", "0"), "mysql");
        assertEquals("0", none.properties().get("socketTimeout"), "0 is Connector/J's 'wait forever'");
        assertTrue(none.describe().endsWith("socket timeout none)"), none.describe());
    }

    @Test
    void aBadSocketTimeoutFailsNamingTheKey() {
        for (String bad : new String[]{"-1", "soon", "86401"}) {
            ConfigurationException error = assertThrows(ConfigurationException.class,
                    () -> settings(Map.of("DB_NAME", "app", "DB_SOCKET_TIMEOUT", bad), "mysql"));
            assertEquals("DB_SOCKET_TIMEOUT must be a whole number from 0 to 86400 (connection 'mysql')", error.getMessage());
        }
    }

    @Test
    void mariadbAsAConnectionNameSaysToUseMysql() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> Eloquent.builder().env(Env.of(Map.of("DB_CONNECTION", "mariadb"))).boot());
        assertTrue(error.getMessage().startsWith("DB_CONNECTION: no driver for connection 'mariadb'. The mysql driver"
                + " serves mariadb: name the connection 'mysql' instead (its keys are DB_*)."), error.getMessage());
        assertFalse(error.getMessage().contains("eloquent-driver-mariadb"), "no artifact that does not exist");
    }
}
