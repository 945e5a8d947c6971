package dev.eloquent.driver.pg;

import dev.eloquent.api.Env;
import dev.eloquent.testkit.DriverConformanceKit;
import dev.eloquent.testkit.DriverTarget;

import java.util.HashMap;
import java.util.Map;

/** The whole conformance kit on the real PostgreSQL (see {@link PgTestServer}). */
class PgConformanceTest implements DriverConformanceKit {
    @Override
    public DriverTarget target() {
        Map<String, String> values = new HashMap<>(PgTestServer.env());
        values.put("DB_TEST_CONNECTION", "pg_test");
        Env env = Env.of(values);
        return DriverTarget.of(env, "pg", PgTestServer.raw());
    }
}
