package dev.eloquent.driver.pg;

import dev.eloquent.testkit.ServerFailureKit;

import java.util.Map;

/** Wrong password, unknown user and database, closed and silent ports, a bad port value: on PostgreSQL. */
class PgConnectionFailureTest implements ServerFailureKit {
    @Override
    public String connection() {
        return "pg";
    }

    @Override
    public String prefix() {
        return "PG";
    }

    @Override
    public Map<String, String> serverEnv() {
        return PgTestServer.SERVER.env();
    }

    @Override
    public String defaultUser() {
        return "postgres";
    }

    @Override
    public int defaultPort() {
        return 5432;
    }
}
