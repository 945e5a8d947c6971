package dev.eloquent.testkit;

import dev.eloquent.api.Env;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One kind of database server the tests reach through its {@code PREFIX_TEST_*} block, such as MariaDB
 * ({@code DB}) or PostgreSQL ({@code PG}): the server configured in the environment when it answers;
 * in CI a failure when it does not; elsewhere a server the driver's tests start themselves (a
 * Testcontainers container), or a visible skip when they cannot. Decided once per test JVM. Knows no
 * driver and no Testcontainers: a driver's tests hand in the container as a {@link Supplier}.
 */
public final class TestServer {
    /** Where a server started by the tests listens, and how to log in. */
    public record Address(String host, int port, String user, String password, String database) {
    }

    /** For tests that bring no server of their own: they skip, visibly, when none is configured. */
    public static final Supplier<Address> NO_CONTAINER = () -> null;

    private final String label;
    private final String prefix;
    private final int defaultPort;
    private final String defaultUser;
    private final String jdbcScheme;
    private final char quote;
    private final Supplier<Address> container;
    private Map<String, String> env;

    /**
     * @param label      what to call the server in messages, e.g. {@code MariaDB/MySQL}
     * @param prefix     the env block's prefix, e.g. {@code DB}
     * @param jdbcScheme the JDBC URL scheme of the raw second path, e.g. {@code mysql}
     * @param quote      the identifier quote of the raw second path
     * @param container  starts a server when none is configured; returns null when it cannot (no Docker)
     */
    public TestServer(String label, String prefix, int defaultPort, String defaultUser, String jdbcScheme, char quote,
                      Supplier<Address> container) {
        this.label = label;
        this.prefix = prefix;
        this.defaultPort = defaultPort;
        this.defaultUser = defaultUser;
        this.jdbcScheme = jdbcScheme;
        this.quote = quote;
        this.container = container;
    }

    private String key(String suffix) {
        return prefix + "_TEST_" + suffix;
    }

    /** The {@code PREFIX_TEST_*} values that reach the server. */
    public synchronized Map<String, String> env() {
        if (env == null) {
            Map<String, String> configured = TestServers.testEnv(prefix);
            String host = configured.getOrDefault(key("HOST"), "127.0.0.1");
            int port = Integer.parseInt(configured.getOrDefault(key("PORT"), Integer.toString(defaultPort)));
            String keys = key("HOST") + "/" + key("PORT");
            env = Map.copyOf(TestServers.select(label, keys, host, port, () -> configured,
                    () -> started(host, port, keys)));
        }
        return env;
    }

    private Map<String, String> started(String host, int port, String keys) {
        Address address = container.get();
        if (address == null) {
            return TestServers.skip("skipped: no " + label + " answers at " + host + ":" + port + " (" + keys
                    + ") and these tests cannot start one here (Testcontainers needs Docker)");
        }
        Map<String, String> started = new HashMap<>();
        started.put(key("HOST"), address.host());
        started.put(key("PORT"), Integer.toString(address.port()));
        started.put(key("USER"), address.user());
        started.put(key("PASSWORD"), address.password());
        started.put(key("NAME"), address.database());
        return started;
    }

    /** The JDBC URL of the test database, without credentials. */
    public String jdbcUrl() {
        Map<String, String> e = env();
        return "jdbc:" + jdbcScheme + "://" + e.getOrDefault(key("HOST"), "127.0.0.1") + ":"
                + e.getOrDefault(key("PORT"), Integer.toString(defaultPort)) + "/" + e.get(key("NAME"));
    }

    /** The second path: a plain JDBC connection with none of Eloquent's settings. */
    public JdbcRawAccess raw() {
        Map<String, String> e = env();
        return JdbcRawAccess.of(jdbcUrl(), e.getOrDefault(key("USER"), defaultUser), e.getOrDefault(key("PASSWORD"), ""),
                quote);
    }

    /** A plain JDBC connection to a database of this server, same user and password. */
    public JdbcRawAccess rawOf(String database) {
        Map<String, String> e = env();
        return rawAt(e.getOrDefault(key("HOST"), "127.0.0.1"), Integer.parseInt(e.getOrDefault(key("PORT"),
                Integer.toString(defaultPort))), database);
    }

    /** A plain JDBC connection to a database on another server (a read replica), same user and password. */
    public JdbcRawAccess rawAt(String host, int port, String database) {
        Map<String, String> e = env();
        return JdbcRawAccess.of("jdbc:" + jdbcScheme + "://" + host + ":" + port + "/" + database,
                e.getOrDefault(key("USER"), defaultUser), e.getOrDefault(key("PASSWORD"), ""), quote);
    }

    /** The env block's prefix, such as {@code PG}. */
    public String prefix() {
        return prefix;
    }

    /** What to call the server in messages, such as {@code PostgreSQL}. */
    public String label() {
        return label;
    }

    /** The conformance kit's target: this server's block, with {@code connection}'s twin as the default. */
    public DriverTarget target(String connection) {
        Map<String, String> values = new HashMap<>(env());
        values.put("DB_TEST_CONNECTION", connection + "_test");
        return DriverTarget.of(Env.of(values), connection, raw());
    }
}
