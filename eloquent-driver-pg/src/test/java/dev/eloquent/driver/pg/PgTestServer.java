package dev.eloquent.driver.pg;

import dev.eloquent.testkit.JdbcRawAccess;
import dev.eloquent.testkit.TestServers;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The PostgreSQL the tests use: {@code PG_TEST_*} from the environment (default 127.0.0.1:5432, postgres,
 * database eloquent_test) when it answers, else a Testcontainers PostgreSQL when Docker is available
 * ({@link TestServers} decides, and fails in CI). Chosen once per test JVM.
 */
final class PgTestServer {
    private static Map<String, String> env;

    private PgTestServer() {
    }

    /** The PG_TEST_* env that reaches the server. */
    static synchronized Map<String, String> env() {
        if (env == null) {
            Map<String, String> configured = TestServers.testEnv("PG");
            String host = configured.getOrDefault("PG_TEST_HOST", "127.0.0.1");
            int port = Integer.parseInt(configured.getOrDefault("PG_TEST_PORT", "5432"));
            env = Map.copyOf(TestServers.select("PostgreSQL", "PG_TEST_HOST/PG_TEST_PORT", host, port,
                    () -> configured, () -> container(host, port)));
        }
        return env;
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
    private static Map<String, String> container(String host, int port) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return TestServers.skip("skipped: no PostgreSQL answers at " + host + ":" + port
                    + " (PG_TEST_HOST/PG_TEST_PORT) and Docker is not available for a Testcontainers PostgreSQL");
        }
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine")
                .withDatabaseName(TestServers.TEST_DATABASE);
        container.start();
        Map<String, String> started = new HashMap<>();
        started.put("PG_TEST_HOST", container.getHost());
        started.put("PG_TEST_PORT", Integer.toString(container.getMappedPort(5432)));
        started.put("PG_TEST_USER", container.getUsername());
        started.put("PG_TEST_PASSWORD", container.getPassword());
        started.put("PG_TEST_NAME", container.getDatabaseName());
        return started;
    }

    static String url() {
        Map<String, String> e = env();
        return "jdbc:postgresql://" + e.getOrDefault("PG_TEST_HOST", "127.0.0.1") + ":"
                + e.getOrDefault("PG_TEST_PORT", "5432") + "/" + e.get("PG_TEST_NAME");
    }

    /** The second path: a plain JDBC connection, none of Eloquent's settings. */
    static JdbcRawAccess raw() {
        Map<String, String> e = env();
        return new JdbcRawAccess(() -> DriverManager.getConnection(url(), e.getOrDefault("PG_TEST_USER", "postgres"),
                e.getOrDefault("PG_TEST_PASSWORD", "")), '"');
    }
}
