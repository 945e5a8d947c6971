package dev.eloquent.driver.mysql;

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

/** The SQL connection contract on the real server of {@link MysqlTestServer}. */
class MysqlConnectionTest extends SqlConnectionContract {
    @Override
    protected DatabaseConnection open(int poolSize) {
        MysqlDriver driver = new MysqlDriver();
        Map<String, String> env = new HashMap<>(MysqlTestServer.SERVER.env());
        env.put("DB_TEST_POOL_SIZE", Integer.toString(poolSize));
        env.put("DB_TEST_CONNECT_TIMEOUT", "2");
        return driver.open(driver.settings(new EnvBlock(Env.of(env), ConnectionName.parse("mysql_test"),
                driver.envPrefix())));
    }

    @Override
    protected Connection rawJdbc() throws SQLException {
        Map<String, String> env = MysqlTestServer.SERVER.env();
        return DriverManager.getConnection(MysqlTestServer.SERVER.jdbcUrl(),
                env.getOrDefault("DB_TEST_USER", "root"), env.getOrDefault("DB_TEST_PASSWORD", ""));
    }
}
