package dev.eloquent.sql;

import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.ConnectionSettings;
import dev.eloquent.api.EnvBlock;
import dev.eloquent.api.Secret;

import java.util.List;
import java.util.Map;

/**
 * What a SQL driver read from its env block, in the form the shared engine opens a pool from. The
 * pool keys ({@code POOL_SIZE}, {@code CONNECT_TIMEOUT}) are the same for every SQL driver and are read
 * here, once. {@link #toString()} and {@link #describe()} never show the password.
 *
 * @param jdbcUrl          the URL without credentials
 * @param target           what to name in messages, e.g. {@code root@127.0.0.1:3306/app}
 * @param properties       JDBC driver properties (SQLite pragmas, SSL settings), no secrets
 * @param poolSize         the most connections the pool holds
 * @param connectTimeoutSeconds how long opening a connection may take before it fails
 * @param socketTimeout    how long a statement waits for the server's reply ({@link SocketTimeout#NONE} for SQLite)
 * @param replicas         the read replicas ({@link ReplicaSettings#NONE} for SQLite or none configured)
 */
public record PoolSettings(ConnectionName connection, String jdbcUrl, String target, String user, Secret password,
                           Map<String, String> properties, int poolSize, int connectTimeoutSeconds,
                           SocketTimeout socketTimeout, List<String> keysToCheck, ReplicaSettings replicas)
        implements ConnectionSettings {
    public static final String POOL_SIZE = "POOL_SIZE";
    public static final String CONNECT_TIMEOUT = "CONNECT_TIMEOUT";
    /** The suffixes every SQL driver reads in addition to its own. */
    public static final List<String> POOL_KEYS = List.of(POOL_SIZE, CONNECT_TIMEOUT);

    public PoolSettings {
        properties = Map.copyOf(properties);
        keysToCheck = List.copyOf(keysToCheck);
        replicas = replicas == null ? ReplicaSettings.NONE : replicas;
    }

    /** Settings of a connection without read replicas. */
    public PoolSettings(ConnectionName connection, String jdbcUrl, String target, String user, Secret password,
                        Map<String, String> properties, int poolSize, int connectTimeoutSeconds,
                        SocketTimeout socketTimeout, List<String> keysToCheck) {
        this(connection, jdbcUrl, target, user, password, properties, poolSize, connectTimeoutSeconds, socketTimeout,
                keysToCheck, ReplicaSettings.NONE);
    }

    /** The same settings with these read replicas. */
    public PoolSettings withReplicas(ReplicaSettings replicas) {
        return new PoolSettings(connection, jdbcUrl, target, user, password, properties, poolSize,
                connectTimeoutSeconds, socketTimeout, keysToCheck, replicas);
    }

    /**
     * Settings with the pool keys read from the block: {@code X_POOL_SIZE} (default {@code defaultPoolSize})
     * and {@code X_CONNECT_TIMEOUT} in seconds (default 5).
     *
     * @param keysToCheck the env keys a failure to connect should point at, such as DB_HOST and DB_PASSWORD
     */
    public static PoolSettings read(EnvBlock block, String jdbcUrl, String target, String user, Secret password,
                                    Map<String, String> properties, int defaultPoolSize, List<String> keysToCheck) {
        return read(block, jdbcUrl, target, user, password, properties, defaultPoolSize, SocketTimeout.NONE, keysToCheck);
    }

    /** As above, for a server connection whose statements wait at most {@code socketTimeout} for a reply. */
    public static PoolSettings read(EnvBlock block, String jdbcUrl, String target, String user, Secret password,
                                    Map<String, String> properties, int defaultPoolSize, SocketTimeout socketTimeout,
                                    List<String> keysToCheck) {
        int poolSize = block.integer(POOL_SIZE, defaultPoolSize, 1, 1_000);
        int timeout = connectTimeoutSeconds(block);
        return new PoolSettings(block.connection(), jdbcUrl, target, user, password, properties, poolSize, timeout,
                socketTimeout, keysToCheck);
    }

    /** {@code X_CONNECT_TIMEOUT} in seconds, default 5: for drivers that pass it on as JDBC properties too. */
    public static int connectTimeoutSeconds(EnvBlock block) {
        return block.integer(CONNECT_TIMEOUT, 5, 1, 600);
    }

    @Override
    public String describe() {
        String socket = socketTimeout.key() == null ? ""
                : ", socket timeout " + (socketTimeout.enabled() ? socketTimeout.seconds() + "s" : "none");
        return target + " (pool " + poolSize + ", connect timeout " + connectTimeoutSeconds + "s" + socket + ")"
                + (replicas.isEmpty() ? "" : "; " + replicas.describe());
    }

    @Override
    public String toString() {
        return "PoolSettings[" + connection + ": " + describe() + ", password " + password + "]";
    }
}
