package dev.eloquent.driver.mysql;

import dev.eloquent.api.ConnectionSettings;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.Driver;
import dev.eloquent.api.EnvBlock;
import dev.eloquent.sql.PoolSettings;
import dev.eloquent.sql.ServerSettings;
import dev.eloquent.sql.SqlConnection;

import java.util.List;
import java.util.Map;

/**
 * Serves {@code mysql} and {@code mysql_test} on MySQL 8 and MariaDB 10.11+. Keys (prefix {@code DB}):
 * {@code DB_HOST} (127.0.0.1), {@code DB_PORT} (3306), {@code DB_USER} (root), {@code DB_PASSWORD}
 * (empty), {@code DB_NAME} (required), {@code DB_POOL_SIZE} (10), {@code DB_CONNECT_TIMEOUT} (seconds, 5),
 * {@code DB_SOCKET_TIMEOUT} (seconds a statement waits for a reply, 60, 0 = none); the test twin reads
 * {@code DB_TEST_*}. MariaDB is served under the name {@code mysql} too.
 */
public final class MysqlDriver implements Driver {
    private static final int DEFAULT_POOL_SIZE = 10;
    /**
     * Strict mode on every session, whatever the server's default: a value that does not fit is refused,
     * never truncated or replaced by a zero date.
     */
    static final String SQL_MODE = "STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,"
            + "NO_ENGINE_SUBSTITUTION";

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public String envPrefix() {
        return "DB";
    }

    /** MariaDB is served by this driver; {@code DB_CONNECTION=mariadb} is told to say {@code mysql}. */
    @Override
    public List<String> alsoServes() {
        return List.of("mariadb");
    }

    @Override
    public List<String> envKeys() {
        return ServerSettings.KEYS;
    }

    @Override
    public ConnectionSettings settings(EnvBlock block) {
        return ServerSettings.read(block, (host, port, database) -> "jdbc:mysql://" + host + ":" + port + "/" + database,
                3306, "root", MysqlDriver::properties, DEFAULT_POOL_SIZE);
    }

    private static Map<String, String> properties(int connectTimeoutSeconds, int socketTimeoutSeconds) {
        String millis = Integer.toString(connectTimeoutSeconds * 1000);
        return Map.of(
                "connectTimeout", millis,
                // Milliseconds; 0 is Connector/J's "no timeout" too.
                "socketTimeout", Integer.toString(socketTimeoutSeconds * 1000),
                "characterEncoding", "UTF-8",
                "connectionCollation", MysqlDialect.COLLATION,
                "sessionVariables", "sql_mode='" + SQL_MODE + "'",
                "tinyInt1isBit", "true");
    }

    @Override
    public DatabaseConnection open(ConnectionSettings settings) {
        return SqlConnection.open(new MysqlDialect(), (PoolSettings) settings);
    }
}
