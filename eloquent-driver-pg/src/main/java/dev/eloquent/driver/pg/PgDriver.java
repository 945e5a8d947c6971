package dev.eloquent.driver.pg;

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
 * Serves {@code pg} and {@code pg_test}. Keys (prefix {@code PG}): {@code PG_HOST} (127.0.0.1),
 * {@code PG_PORT} (5432), {@code PG_USER} (postgres), {@code PG_PASSWORD} (empty), {@code PG_NAME}
 * (required), {@code PG_POOL_SIZE} (10), {@code PG_CONNECT_TIMEOUT} (seconds, 5), {@code PG_SOCKET_TIMEOUT}
 * (seconds a statement waits for a reply, 60, 0 = none); the test twin reads {@code PG_TEST_*}.
 */
public final class PgDriver implements Driver {
    private static final int DEFAULT_POOL_SIZE = 10;

    @Override
    public String name() {
        return "pg";
    }

    @Override
    public String envPrefix() {
        return "PG";
    }

    @Override
    public List<String> alsoServes() {
        return List.of("postgres", "postgresql");
    }

    @Override
    public List<String> envKeys() {
        return ServerSettings.KEYS;
    }

    @Override
    public ConnectionSettings settings(EnvBlock block) {
        return ServerSettings.read(block,
                (host, port, database) -> "jdbc:postgresql://" + host + ":" + port + "/" + database,
                5432, "postgres", PgDriver::properties, DEFAULT_POOL_SIZE);
    }

    private static Map<String, String> properties(int connectTimeoutSeconds, int socketTimeoutSeconds) {
        String seconds = Integer.toString(connectTimeoutSeconds);
        return Map.of(
                // connectTimeout bounds the TCP connect, loginTimeout the whole handshake and login.
                "connectTimeout", seconds,
                "loginTimeout", seconds,
                // Seconds each read from the server may block; 0 is the driver's "no timeout" too.
                "socketTimeout", Integer.toString(socketTimeoutSeconds),
                // Strings are sent untyped, so that JSON text binds to a jsonb column and the server
                // decides each parameter's type from where it is used.
                "stringtype", "unspecified",
                "ApplicationName", "eloquent");
    }

    @Override
    public DatabaseConnection open(ConnectionSettings settings) {
        return SqlConnection.open(new PgDialect(), (PoolSettings) settings);
    }
}
