package dev.eloquent.driver.pg;

import dev.eloquent.testkit.DriverConformanceKit;
import dev.eloquent.testkit.DriverTarget;

/** The whole conformance kit on the real PostgreSQL (see {@link PgTestServer}). */
class PgConformanceTest implements DriverConformanceKit {
    @Override
    public DriverTarget target() {
        return PgTestServer.SERVER.target("pg");
    }
}
