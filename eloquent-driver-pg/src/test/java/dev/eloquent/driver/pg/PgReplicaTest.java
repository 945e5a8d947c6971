package dev.eloquent.driver.pg;

import dev.eloquent.testkit.ReplicaKit;
import dev.eloquent.testkit.TestReplica;

/** Reads on the streaming replica (127.0.0.1:5433 or PG_TEST_READ_HOST), writes on the primary; see {@link ReplicaKit}. */
class PgReplicaTest implements ReplicaKit {
    static final TestReplica REPLICA = new TestReplica(PgTestServer.SERVER, 5433);

    @Override
    public TestReplica replica() {
        return REPLICA;
    }

    @Override
    public String connection() {
        return "pg";
    }

    /** "true" on a standby, "false" on the primary. */
    @Override
    public String identity() {
        return "cast(pg_is_in_recovery() as varchar)";
    }
}
