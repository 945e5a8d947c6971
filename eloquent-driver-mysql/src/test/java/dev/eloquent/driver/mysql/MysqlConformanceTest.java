package dev.eloquent.driver.mysql;

import dev.eloquent.testkit.DriverConformanceKit;
import dev.eloquent.testkit.DriverTarget;

/** The whole conformance kit on the real MariaDB/MySQL (see {@link MysqlTestServer}). */
class MysqlConformanceTest implements DriverConformanceKit {
    @Override
    public DriverTarget target() {
        return MysqlTestServer.SERVER.target("mysql");
    }
}
