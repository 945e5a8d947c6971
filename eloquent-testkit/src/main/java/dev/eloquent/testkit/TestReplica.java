package dev.eloquent.testkit;

import java.util.HashMap;
import java.util.Map;

/**
 * The read replica of a test server (docs/scaling-out.md): the first entry of {@code PREFIX_TEST_READ_HOST}
 * when set, else the address {@code scripts/ensure-databases.sh} starts it on (PostgreSQL 127.0.0.1:5433,
 * MariaDB 127.0.0.1:3307). Like {@link TestServers}: unreachable in CI ({@code CI=true}) is a failure,
 * elsewhere a visible skip. The replica tests use their own database, {@code REPLICA_TEST_NAME} (default
 * {@code eloquent_replica}), on the primary and the replica alike: the local MariaDB replica copies only
 * databases whose name contains {@code replica} (scripts/ensure-replicas.sh), and a database of its own keeps
 * these tests' tables away from the other tests' ones.
 */
public final class TestReplica {
    private final TestServer primary;
    private final String host;
    private final int port;
    private final String database;

    public TestReplica(TestServer primary, int defaultPort) {
        this.primary = primary;
        String configured = System.getenv(primary.prefix() + "_TEST_READ_HOST");
        String first = configured == null || configured.isBlank() ? "127.0.0.1:" + defaultPort
                : configured.split(",")[0].strip();
        int colon = first.lastIndexOf(':');
        boolean hasPort = colon > 0 && !first.endsWith("]");
        this.host = hasPort ? first.substring(0, colon) : first;
        this.port = hasPort ? Integer.parseInt(first.substring(colon + 1)) : defaultPort;
        String name = System.getenv("REPLICA_TEST_NAME");
        this.database = name == null || name.isBlank() ? "eloquent_replica" : name.strip();
    }

    public TestServer primary() {
        return primary;
    }

    /** {@code host:port}, as an entry of {@code X_READ_HOST}. */
    public String address() {
        requireAnswering();
        return host + ":" + port;
    }

    /** The primary's test block with this replica as its read side, plus the extra keys (suffixes of PREFIX_TEST_). */
    public Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(primary.env());
        env.put(primary.prefix() + "_TEST_READ_HOST", address());
        env.put(primary.prefix() + "_TEST_NAME", database);
        extra.forEach((suffix, value) -> env.put(primary.prefix() + "_TEST_" + suffix, value));
        return env;
    }

    /** The second path to the replica: plain JDBC to its copy of the replica tests' database. */
    public JdbcRawAccess raw() {
        requireAnswering();
        return primary.rawAt(host, port, database);
    }

    /** The second path to the primary: plain JDBC to the replica tests' database there. */
    public JdbcRawAccess primaryRaw() {
        return primary.rawOf(database);
    }

    private void requireAnswering() {
        primary.env(); // the primary first: its own rules decide whether these tests run at all
        TestServers.select(primary.label() + " read replica", primary.prefix() + "_TEST_READ_HOST", host, port,
                () -> Boolean.TRUE, () -> TestServers.skip("skipped: no " + primary.label() + " read replica answers at "
                        + host + ":" + port + " (" + primary.prefix() + "_TEST_READ_HOST; scripts/ensure-databases.sh"
                        + " starts one)"));
    }
}
