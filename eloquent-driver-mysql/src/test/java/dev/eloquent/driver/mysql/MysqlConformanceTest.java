package dev.eloquent.driver.mysql;

import dev.eloquent.api.Env;
import dev.eloquent.testkit.DriverConformanceKit;
import dev.eloquent.testkit.DriverTarget;

import java.util.HashMap;
import java.util.Map;

/** The whole conformance kit on the real MariaDB/MySQL (see {@link MysqlTestServer}). */
class MysqlConformanceTest implements DriverConformanceKit {
    @Override
    public DriverTarget target() {
        Map<String, String> values = new HashMap<>(MysqlTestServer.env());
        values.put("DB_TEST_CONNECTION", "mysql_test");
        Env env = Env.of(values);
        return DriverTarget.of(env, "mysql", MysqlTestServer.raw());
    }
}
