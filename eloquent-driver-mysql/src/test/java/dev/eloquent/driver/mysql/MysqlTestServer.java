package dev.eloquent.driver.mysql;

import dev.eloquent.testkit.TestServer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * The MariaDB/MySQL the tests use: {@code DB_TEST_*} from the environment (default 127.0.0.1:3306, root,
 * database eloquent_test) when it answers, else a Testcontainers MySQL when Docker is available
 * ({@link TestServer} decides, and fails in CI).
 */
final class MysqlTestServer {
    static final TestServer SERVER = new TestServer("MariaDB/MySQL", "DB", 3306, "root", "mysql", '`',
            MysqlTestServer::container);

    private MysqlTestServer() {
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
    private static TestServer.Address container() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return null;
        }
        MySQLContainer container = new MySQLContainer("mysql:8.4").withDatabaseName("eloquent_test");
        container.start();
        return new TestServer.Address(container.getHost(), container.getMappedPort(3306), container.getUsername(),
                container.getPassword(), container.getDatabaseName());
    }
}
