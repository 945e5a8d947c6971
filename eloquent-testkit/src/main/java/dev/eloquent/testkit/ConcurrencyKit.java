package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Counters under contention: {@value #THREADS} threads x {@value #ROUNDS} updates of one row lose no
 * update and fail none, with each method that promises it (docs/transactions.md): atomic
 * {@code increment}/{@code decrement} everywhere, {@code lockForUpdate()} read-modify-write in a
 * transaction where rows can be locked, and on SQLite plain read-then-write transactions (they begin
 * IMMEDIATE, so they run one at a time instead of failing with SQLITE_BUSY).
 */
public interface ConcurrencyKit extends KitSupport {
    int THREADS = 8;
    int ROUNDS = 50;

    /**
     * Whether a driver runs write transactions one at a time, so that a plain read-then-write inside a
     * transaction cannot lose an update: SQLite (IMMEDIATE transactions). MySQL and PostgreSQL do not
     * (their default isolation lets two transactions read the same value); they need {@code lockForUpdate}.
     */
    default boolean serializesWriteTransactions(String driverName) {
        return "sqlite".equals(driverName);
    }

    /** Runs {@code round} THREADS x ROUNDS times on THREADS threads; returns each failure's description. */
    private static List<String> hammer(IntConsumer round) {
        List<String> failures = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int r = 0; r < ROUNDS; r++) {
                        try {
                            round.accept(thread);
                        } catch (RuntimeException e) {
                            failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                        }
                    }
                }));
            }
            assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
                for (Future<?> future : done) {
                    future.get();
                }
            });
        } finally {
            pool.shutdownNow();
        }
        return failures;
    }

    private long quantity() {
        return ((Number) rawRows().get(0).get("quantity")).longValue();
    }

    private void assertNoneLost(List<String> failures, int expected) {
        assertEquals(List.of(), failures.stream().distinct().limit(5).toList(), failures.size() + " of "
                + THREADS * ROUNDS + " failed");
        assertEquals(expected, quantity(), "no update was lost (checked through the raw second path)");
    }

    @Test
    default void atomicIncrementsLoseNothingUnderContention() {
        try (Eloquent db = boot()) {
            KitItem counter = item(db, "counter");
            Object id = counter.getKey();
            List<String> failures = hammer(thread -> {
                if (thread % 2 == 0) {
                    db.query(KitItem.class).where("id", id).increment("quantity");
                } else {
                    // A model's increment is atomic in the database too, whatever its in-memory value says.
                    db.findOrFail(KitItem.class, id).increment("quantity", 2);
                }
            });
            assertNoneLost(failures, THREADS / 2 * ROUNDS + THREADS / 2 * ROUNDS * 2);
            db.query(KitItem.class).where("id", id).decrement("quantity", 600);
            assertEquals(0, quantity());
        }
    }

    @Test
    default void lockForUpdateReadModifyWriteLosesNothing() {
        try (Eloquent db = boot()) {
            assumeCapability(db, Capability.TRANSACTIONS);
            assumeCapability(db, Capability.ROW_LOCKS);
            Object id = item(db, "locked counter").getKey();
            List<String> failures = hammer(thread -> db.transaction(target().connection(), () -> {
                KitItem row = db.query(KitItem.class).where("id", id).lockForUpdate().firstOrFail();
                return row.set("quantity", row.getInteger("quantity") + 1).save();
            }));
            assertNoneLost(failures, THREADS * ROUNDS);
        }
    }

    @Test
    default void plainReadThenWriteTransactionsNeitherFailNorLoseWhereWritesAreSerialized() {
        try (Eloquent db = boot()) {
            assumeCapability(db, Capability.TRANSACTIONS);
            String driver = db.connections().connection(target().connection()).driverName();
            Assumptions.assumeTrue(serializesWriteTransactions(driver),
                    () -> "skipped: " + driver + " does not run write transactions one at a time; a plain"
                            + " read-then-write needs lockForUpdate() there (the case above)");
            Object id = item(db, "plain counter").getKey();
            List<String> failures = hammer(thread -> db.transaction(target().connection(), () -> {
                KitItem row = db.findOrFail(KitItem.class, id);
                return row.set("quantity", row.getInteger("quantity") + 1).save();
            }));
            assertNoneLost(failures, THREADS * ROUNDS);
        }
    }
}
