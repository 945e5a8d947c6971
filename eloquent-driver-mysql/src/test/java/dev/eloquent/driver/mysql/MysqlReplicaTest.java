package dev.eloquent.driver.mysql;

import dev.eloquent.testkit.ReplicaKit;
import dev.eloquent.testkit.TestReplica;

/** Reads on the MariaDB replica (127.0.0.1:3307 or DB_TEST_READ_HOST), writes on the primary; see {@link ReplicaKit}. */
class MysqlReplicaTest implements ReplicaKit {
    static final TestReplica REPLICA = new TestReplica(MysqlTestServer.SERVER, 3307);

    @Override
    public TestReplica replica() {
        return REPLICA;
    }

    @Override
    public String connection() {
        return "mysql";
    }

    /** Each server's own {@code server_id} (1 on the primary, 2 on the replica here). */
    @Override
    public String identity() {
        return "cast(@@server_id as char)";
    }
}
