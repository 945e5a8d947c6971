package dev.eloquent.driver.pg;

import dev.eloquent.testkit.TestServer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the tests use: {@code PG_TEST_*} from the environment (default 127.0.0.1:5432, postgres,
 * database eloquent_test) when it answers, else a Testcontainers PostgreSQL when Docker is available
 * ({@link TestServer} decides, and fails in CI).
 */
final class PgTestServer {
    static final TestServer SERVER = new TestServer("PostgreSQL", "PG", 5432, "postgres", "postgresql", '"',
            PgTestServer::container);

    private PgTestServer() {
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
    private static TestServer.Address container() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return null;
        }
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine").withDatabaseName("eloquent_test");
        container.start();
        return new TestServer.Address(container.getHost(), container.getMappedPort(5432), container.getUsername(),
                container.getPassword(), container.getDatabaseName());
    }
}
