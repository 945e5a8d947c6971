package dev.eloquent.driver.mysql;

import dev.eloquent.api.Env;
import dev.eloquent.testkit.DriverConformanceKit;
import dev.eloquent.testkit.DriverTarget;
import dev.eloquent.testkit.StickyUnit;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.Map;

/**
 * The whole conformance kit on a mysql connection with the MariaDB replica as its read side, each test one
 * sticky unit ({@link StickyUnit}: reads after the test's first write go to the primary, so replication lag
 * cannot show). The raw second path reads the primary.
 */
@ExtendWith(StickyUnit.class)
class MysqlReplicaConformanceTest implements DriverConformanceKit {
    @Override
    public DriverTarget target() {
        Map<String, String> env = new HashMap<>(MysqlReplicaTest.REPLICA.env(Map.of()));
        env.put("DB_TEST_CONNECTION", "mysql_test");
        return DriverTarget.of(Env.of(env), "mysql", MysqlReplicaTest.REPLICA.primaryRaw());
    }
}
