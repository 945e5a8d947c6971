package dev.eloquent.driver.mysql;

import dev.eloquent.testkit.ServerFailureKit;

import java.util.Map;

/** Wrong password, unknown user and database, closed and silent ports, a bad port value: on MariaDB/MySQL. */
class MysqlConnectionFailureTest implements ServerFailureKit {
    @Override
    public String connection() {
        return "mysql";
    }

    @Override
    public String prefix() {
        return "DB";
    }

    @Override
    public Map<String, String> serverEnv() {
        return MysqlTestServer.SERVER.env();
    }

    @Override
    public String defaultUser() {
        return "root";
    }

    @Override
    public int defaultPort() {
        return 3306;
    }
}
