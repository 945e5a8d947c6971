package dev.eloquent.testkit;

import dev.eloquent.api.Env;
import dev.eloquent.api.QueryException;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.TableQuery;
import dev.eloquent.resolver.Diagnostics;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Read replicas on a real primary and replica (docs/scaling-out.md), for a server driver whose test
 * connection can point at both. Which server answered is read from the server itself ({@link #identity()}:
 * PostgreSQL's {@code pg_is_in_recovery()}, MariaDB's {@code @@server_id}) and compared with what each
 * server says through plain JDBC. Not part of {@link DriverConformanceKit}: it needs a replica.
 */
public interface ReplicaKit {
    String PROBE = "replica_probe";
    /** A correctness bound for skipping unreachable replicas (their connect timeout is 1 s here), not a speed figure. */
    long BOUND_MILLIS = 5_000;

    /** The replica, and through it the primary's test server. */
    TestReplica replica();

    /** The (non-test) connection name, such as {@code pg}. */
    String connection();

    /** A SQL expression, as text, that tells the servers apart: the same on every connection to one server. */
    String identity();

    // ---- helpers ----

    private Eloquent boot(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(replica().env(extra));
        env.put("DB_TEST_CONNECTION", connection() + "_test");
        return Eloquent.builder().env(Env.of(env)).testMode().boot();
    }

    private String rawIdentity(JdbcRawAccess raw) {
        return String.valueOf(raw.select("select " + identity() + " as id").get(0).get("id"));
    }

    private String primaryIdentity() {
        return rawIdentity(replica().primaryRaw());
    }

    private String replicaIdentity() {
        String primary = primaryIdentity();
        String replica = rawIdentity(replica().raw());
        assertNotEquals(primary, replica, "the primary and the replica must tell themselves apart");
        return replica;
    }

    /** Through raw SQL (a plain SELECT). */
    private String readIdentity(Eloquent db) {
        return String.valueOf(db.on(connection()).select("select " + identity() + " as id").get(0).values()
                .iterator().next());
    }

    /** Through the query builder: a bounded read (read at once) of the probe table. */
    private String builderIdentity(TableQuery query) {
        return String.valueOf(query.selectRaw(identity() + " as id").limit(1).get().get(0).get("id"));
    }

    private TableQuery probe(Eloquent db) {
        return db.on(connection()).table(PROBE);
    }

    /** A fresh probe table with row 1, created on the primary and waited for on the replica. */
    private void freshProbe() {
        JdbcRawAccess primary = replica().primaryRaw();
        primary.execute("drop table if exists " + PROBE);
        primary.execute("create table " + PROBE + " (id int primary key, name varchar(40))");
        primary.execute("insert into " + PROBE + " (id, name) values (1, 'one')");
        awaitOnReplica(() -> replica().raw().hasTable(PROBE)
                && !replica().raw().select("select id from " + PROBE + " where id = 1").isEmpty());
    }

    private void awaitOnReplica(Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                fail("the replica did not catch up with the primary within 20 s: is replication running?");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static int portNothingListensOn() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs the work and returns the replica warnings logged meanwhile (read through java.util.logging). */
    private List<String> warnings(Runnable work) {
        String finder = System.LoggerFinder.getLoggerFinder().getClass().getModule().getName();
        Assumptions.assumeTrue("java.logging".equals(finder) || "java.base".equals(finder),
                () -> "skipped: System.Logger is bound to " + System.LoggerFinder.getLoggerFinder().getClass().getName()
                        + ", not java.util.logging");
        Logger logger = Logger.getLogger("dev.eloquent.sql");
        List<String> seen = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String text = new java.util.logging.SimpleFormatter().formatMessage(record);
                if (record.getLevel().intValue() >= Level.WARNING.intValue() && text.contains("read replica")) {
                    synchronized (seen) {
                        seen.add(text);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            work.run();
        } finally {
            logger.removeHandler(handler);
        }
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private static long timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long count(List<String> messages, String fragment) {
        return messages.stream().filter(m -> m.contains(fragment)).count();
    }

    // ---- cases ----

    @Test
    default void readsGoToTheReplicaAndWritesToThePrimary() {
        String replica = replicaIdentity();
        String primary = primaryIdentity();
        freshProbe();
        try (Eloquent db = boot(Map.of())) {
            assertEquals(replica, readIdentity(db), "a raw SELECT reads on the replica");
            assertEquals(replica, builderIdentity(probe(db)), "a builder read reads on the replica");
            try (Stream<Map<String, Object>> rows = probe(db).selectRaw(identity() + " as id").cursor()) {
                assertEquals(replica, String.valueOf(rows.findFirst().orElseThrow().get("id")),
                        "a streaming read reads on the replica");
            }
            db.on(connection()).statement("insert into " + PROBE + " (id, name) select 2, " + identity());
            probe(db).insert(Map.of("id", 3, "name", "three"));
            Map<Object, Object> names = new HashMap<>();
            replica().primaryRaw().rows(PROBE).forEach(r -> names.put(((Number) r.get("id")).intValue(), r.get("name")));
            assertEquals(primary, names.get(2), "the write ran on the primary (it stored the primary's identity)");
            assertEquals("three", names.get(3));
            QueryException error = assertThrows(QueryException.class,
                    () -> db.on(connection()).select("select no_such_column from " + PROBE));
            assertTrue(error.getMessage().contains("(read on replica " + replica().address() + ")"), error.getMessage());
        }
    }

    @Test
    default void aStickyScopeReadsItsOwnWriteAtOnceAndEndsWithTheScope() {
        String replica = replicaIdentity();
        String primary = primaryIdentity();
        freshProbe();
        try (Eloquent db = boot(Map.of())) {
            db.sticky(() -> {
                assertEquals(replica, readIdentity(db), "before a write the unit reads on the replica");
                probe(db).insert(Map.of("id", 10, "name", "sticky"));
                assertEquals(primary, readIdentity(db), "after it, on the primary");
                assertEquals(primary, builderIdentity(probe(db)));
                assertEquals(1, probe(db).where("id", 10).count(), "the write is seen at once");
                return null;
            });
            assertEquals(replica, readIdentity(db), "the unit ended: replicas again");
        }
        try (Eloquent db = boot(Map.of("STICKY", "false"))) {
            db.sticky(() -> {
                probe(db).insert(Map.of("id", 11, "name", "not sticky"));
                assertEquals(replica, readIdentity(db), "X_STICKY=false: the scope changes nothing");
                return null;
            });
        }
    }

    @Test
    default void onPrimaryTransactionsAndLockingReadsReadOnThePrimary() {
        String replica = replicaIdentity();
        String primary = primaryIdentity();
        freshProbe();
        try (Eloquent db = boot(Map.of())) {
            assertEquals(primary, builderIdentity(probe(db).onPrimary()), "onPrimary() on the builder");
            assertEquals(primary, db.onPrimary(() -> readIdentity(db)), "db.onPrimary(...) around raw SQL");
            assertEquals(replica, readIdentity(db), "onPrimary ended with its read");
            assertEquals(primary, db.transaction(connection(), () -> readIdentity(db)), "a transaction's reads");
            assertEquals(primary, db.transaction(connection(), () -> builderIdentity(probe(db))));
            assertEquals(primary, builderIdentity(probe(db).lockForUpdate()), "a locking read, even outside a transaction");
            assertEquals(primary, builderIdentity(probe(db).sharedLock()));
            assertEquals(primary, String.valueOf(db.on(connection()).select("select " + identity() + " as id from "
                    + PROBE + " where id = 1 for update").get(0).values().iterator().next()), "raw SELECT ... FOR UPDATE");
        }
    }

    @Test
    default void unreachableReplicasAreSkippedWithinBoundedTimeAndReportedOnce() {
        String replica = replicaIdentity();
        int closed = portNothingListensOn();
        String nonRoutable = "10.255.255.1";
        Map<String, String> extra = Map.of("READ_HOST", "127.0.0.1:" + closed + "," + nonRoutable + ","
                + replica().address(), "CONNECT_TIMEOUT", "1");
        List<String> warnings = warnings(() -> {
            try (Eloquent db = boot(extra)) {
                for (int i = 0; i < 6; i++) {
                    String[] answered = new String[1];
                    long millis = timed(() -> answered[0] = readIdentity(db));
                    assertEquals(replica, answered[0], "read " + (i + 1) + " reached the live replica");
                    assertTrue(millis < BOUND_MILLIS, "read " + (i + 1) + " took " + millis + " ms");
                }
            }
        });
        assertEquals(1, count(warnings, "read replica 127.0.0.1:" + closed + " is skipped"), warnings.toString());
        assertEquals(1, count(warnings, "read replica " + nonRoutable + ":"), warnings.toString());
        assertTrue(warnings.stream().allMatch(w -> w.contains("connection '" + connection() + "_test'")), warnings.toString());
    }

    @Test
    default void withNoReplicaReachableReadsGoToThePrimary() {
        String primary = primaryIdentity();
        int closed = portNothingListensOn();
        List<String> warnings = warnings(() -> {
            try (Eloquent db = boot(Map.of("READ_HOST", "127.0.0.1:" + closed, "CONNECT_TIMEOUT", "1"))) {
                for (int i = 0; i < 3; i++) {
                    String[] answered = new String[1];
                    long millis = timed(() -> answered[0] = readIdentity(db));
                    assertEquals(primary, answered[0]);
                    assertTrue(millis < BOUND_MILLIS, "read " + (i + 1) + " took " + millis + " ms");
                }
            }
        });
        assertEquals(1, count(warnings, "read replica 127.0.0.1:" + closed), warnings.toString());
    }

    @Test
    default void aReplicaThatStopsAnsweringIsLeftForThePrimary() throws IOException {
        String replica = replicaIdentity();
        String primary = primaryIdentity();
        String[] address = replica().address().split(":");
        try (FreezingProxy proxy = new FreezingProxy(address[0], Integer.parseInt(address[1]))) {
            List<String> warnings = warnings(() -> {
                try (Eloquent db = boot(Map.of("READ_HOST", "127.0.0.1:" + proxy.port(), "CONNECT_TIMEOUT", "1",
                        "SOCKET_TIMEOUT", "1"))) {
                    assertEquals(replica, readIdentity(db));
                    proxy.freeze();
                    String[] answered = new String[1];
                    long millis = timed(() -> answered[0] = readIdentity(db));
                    assertEquals(primary, answered[0], "nothing was returned yet, so the read ran again on the primary");
                    assertTrue(millis < BOUND_MILLIS, "took " + millis + " ms");
                    assertEquals(primary, readIdentity(db), "skipped during its back-off");
                }
            });
            assertEquals(1, count(warnings, "read replica 127.0.0.1:" + proxy.port()), warnings.toString());
        }
    }

    @Test
    default void diagnosticsShowTheReadSide() {
        try (Eloquent db = boot(Map.of())) {
            List<String> report = new Diagnostics(db.connections()).report();
            String line = report.stream().filter(l -> l.startsWith("driver " + connection() + " ")).findFirst()
                    .orElseThrow();
            assertTrue(line.contains("; read replicas " + replica().address() + " (sticky, connect timeout "), line);
        }
    }
}
