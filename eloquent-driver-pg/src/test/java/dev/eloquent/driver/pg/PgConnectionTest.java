package dev.eloquent.driver.pg;

import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.Env;
import dev.eloquent.api.EnvBlock;
import dev.eloquent.sql.contract.SqlConnectionContract;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** The SQL connection contract on the real server of {@link PgTestServer}. */
class PgConnectionTest extends SqlConnectionContract {
    @Override
    protected DatabaseConnection open(int poolSize) {
        PgDriver driver = new PgDriver();
        Map<String, String> env = new HashMap<>(PgTestServer.SERVER.env());
        env.put("PG_TEST_POOL_SIZE", Integer.toString(poolSize));
        env.put("PG_TEST_CONNECT_TIMEOUT", "2");
        return driver.open(driver.settings(new EnvBlock(Env.of(env), ConnectionName.parse("pg_test"),
                driver.envPrefix())));
    }

    @Override
    protected Connection rawJdbc() throws SQLException {
        Map<String, String> env = PgTestServer.SERVER.env();
        return DriverManager.getConnection(PgTestServer.SERVER.jdbcUrl(),
                env.getOrDefault("PG_TEST_USER", "postgres"), env.getOrDefault("PG_TEST_PASSWORD", ""));
    }
}
