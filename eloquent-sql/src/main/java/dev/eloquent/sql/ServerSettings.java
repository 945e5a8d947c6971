package dev.eloquent.sql;

import dev.eloquent.api.EnvBlock;
import dev.eloquent.api.Secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The env block of a database server, shared by the MySQL and PostgreSQL drivers: {@code X_HOST},
 * {@code X_PORT}, {@code X_USER}, {@code X_PASSWORD}, {@code X_NAME}, {@code X_SOCKET_TIMEOUT} (see
 * {@link SocketTimeout}), the read replicas of {@link ReplicaSettings} ({@code X_READ_HOST}, {@code X_STICKY})
 * plus the pool keys of {@link PoolSettings}. Host and database name go into a JDBC URL, so they are checked here: a value
 * that would add URL parameters or path segments fails naming its key.
 */
public final class ServerSettings {
    public static final String HOST = "HOST";
    public static final String PORT = "PORT";
    public static final String USER = "USER";
    public static final String PASSWORD = "PASSWORD";
    public static final String NAME = "NAME";
    /** Every suffix a server driver reads, its own and the pool's. */
    public static final List<String> KEYS = List.of(HOST, PORT, USER, PASSWORD, NAME,
            PoolSettings.POOL_SIZE, PoolSettings.CONNECT_TIMEOUT, SocketTimeout.SUFFIX,
            ReplicaSettings.READ_HOST, ReplicaSettings.STICKY);

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]");
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_$-]+");

    private ServerSettings() {
    }

    /** Builds the credential-free JDBC URL of a server database. */
    @FunctionalInterface
    public interface UrlFormat {
        String url(String host, int port, String database);
    }

    /** The JDBC properties of a driver, which carry the timeouts in the driver's own units. */
    @FunctionalInterface
    public interface Properties {
        /** @param socketTimeoutSeconds 0 for none */
        Map<String, String> forTimeouts(int connectTimeoutSeconds, int socketTimeoutSeconds);
    }

    /**
     * Reads the block. The target named in messages is {@code user@host:port/name}; a failure to
     * connect points at all five keys.
     *
     * @param properties JDBC properties of the driver (timeouts, session settings), never secrets
     */
    public static PoolSettings read(EnvBlock block, UrlFormat format, int defaultPort, String defaultUser,
                                    Properties properties, int defaultPoolSize) {
        String host = block.string(HOST, "127.0.0.1");
        if (!HOST_NAME.matcher(host).matches()) {
            // The value is not shown: a password pasted here by mistake would be printed.
            throw block.fail(HOST, "must be a host name or IP address (IPv6 in brackets): letters, digits, '.', '-'"
                    + " and '_'");
        }
        int port = block.port(PORT, defaultPort);
        String user = block.string(USER, defaultUser);
        Secret password = block.secret(PASSWORD);
        String name = block.required(NAME);
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw block.fail(NAME, "must be a database name of letters, digits, _, $ or -");
        }
        List<String> keys = new ArrayList<>();
        for (String suffix : List.of(HOST, PORT, USER, PASSWORD, NAME)) {
            keys.add(block.key(suffix));
        }
        SocketTimeout socketTimeout = SocketTimeout.read(block);
        ReplicaSettings replicas = ReplicaSettings.read(block, format, port, user, name, properties,
                socketTimeout.seconds());
        return PoolSettings.read(block, format.url(host, port, name), user + "@" + host + ":" + port + "/" + name,
                user, password, properties.forTimeouts(PoolSettings.connectTimeoutSeconds(block), socketTimeout.seconds()),
                defaultPoolSize, socketTimeout, keys).withReplicas(replicas);
    }
}
