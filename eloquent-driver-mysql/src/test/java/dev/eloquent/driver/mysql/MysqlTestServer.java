package dev.eloquent.driver.mysql;

import dev.eloquent.testkit.JdbcRawAccess;
import dev.eloquent.testkit.TestServers;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The MariaDB/MySQL the tests use: {@code DB_TEST_*} from the environment (default 127.0.0.1:3306, root,
 * database eloquent_test) when it answers, else a Testcontainers MySQL when Docker is available
 * ({@link TestServers} decides, and fails in CI). Chosen once per test JVM.
 */
final class MysqlTestServer {
    private static Map<String, String> env;

    private MysqlTestServer() {
    }

    /** The DB_TEST_* env that reaches the server. */
    static synchronized Map<String, String> env() {
        if (env == null) {
            Map<String, String> configured = TestServers.testEnv("DB");
            String host = configured.getOrDefault("DB_TEST_HOST", "127.0.0.1");
            int port = Integer.parseInt(configured.getOrDefault("DB_TEST_PORT", "3306"));
            env = Map.copyOf(TestServers.select("MariaDB/MySQL", "DB_TEST_HOST/DB_TEST_PORT", host, port,
                    () -> configured, () -> container(host, port)));
        }
        return env;
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
    private static Map<String, String> container(String host, int port) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return TestServers.skip("skipped: no MariaDB/MySQL answers at " + host + ":" + port
                    + " (DB_TEST_HOST/DB_TEST_PORT) and Docker is not available for a Testcontainers MySQL");
        }
        MySQLContainer container = new MySQLContainer("mysql:8.4").withDatabaseName(TestServers.TEST_DATABASE);
        container.start();
        Map<String, String> started = new HashMap<>();
        started.put("DB_TEST_HOST", container.getHost());
        started.put("DB_TEST_PORT", Integer.toString(container.getMappedPort(3306)));
        started.put("DB_TEST_USER", container.getUsername());
        started.put("DB_TEST_PASSWORD", container.getPassword());
        started.put("DB_TEST_NAME", container.getDatabaseName());
        return started;
    }

    static String url() {
        Map<String, String> e = env();
        return "jdbc:mysql://" + e.getOrDefault("DB_TEST_HOST", "127.0.0.1") + ":" + e.getOrDefault("DB_TEST_PORT", "3306")
                + "/" + e.get("DB_TEST_NAME");
    }

    /** The second path: a plain JDBC connection, none of Eloquent's settings. */
    static JdbcRawAccess raw() {
        Map<String, String> e = env();
        return new JdbcRawAccess(() -> DriverManager.getConnection(url(), e.getOrDefault("DB_TEST_USER", "root"),
                e.getOrDefault("DB_TEST_PASSWORD", "")), '`');
    }
}
