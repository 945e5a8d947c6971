package dev.eloquent.orm.migration;

import dev.eloquent.api.EloquentException;
import dev.eloquent.api.UniqueViolationException;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.TableQuery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The migrator's lock on one connection: one row with a unique key in {@code eloquent_migration_lock}.
 * Inserting it takes the lock (a duplicate key means another runner holds it), deleting it releases it.
 * A row older than the stale timeout belongs to a runner that died: it is deleted on the condition that
 * it is still the same row, so of two runners taking it over only one succeeds. Only inserts, deletes
 * and a unique index: the same code holds on every driver, MongoDB included.
 */
final class MigrationLock {
    static final String TABLE = "eloquent_migration_lock";
    private static final String KEY = "migrate";
    private static final long POLL_MILLIS = 100;

    private final Eloquent db;
    private final String connection;
    private final Duration staleAfter;
    private final Clock clock;

    MigrationLock(Eloquent db, String connection, Duration staleAfter, Clock clock) {
        this.db = db;
        this.connection = connection;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    /** Runs the work holding the lock, waiting for another runner's lock to be released or to go stale. */
    <T> T holding(Supplier<T> work) {
        SharedTables.ensure(db, connection, TABLE, t -> {
            t.string("name", 64).unique();
            t.string("owner", 64);
            t.bigInteger("acquired_ms");
        });
        String owner = UUID.randomUUID().toString();
        take(owner);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException failure) {
            try {
                release(owner);
            } catch (RuntimeException releaseFailure) {
                failure.addSuppressed(releaseFailure); // the work's failure is the one to report
            }
            throw failure;
        }
        release(owner);
        return result;
    }

    private void release(String owner) {
        table().where("name", KEY).where("owner", owner).delete();
    }

    private void take(String owner) {
        long deadline = clock.millis() + staleAfter.toMillis() + Duration.ofSeconds(5).toMillis();
        while (true) {
            try {
                table().insert(Map.of("name", KEY, "owner", owner, "acquired_ms", clock.millis()));
                return;
            } catch (UniqueViolationException held) {
                takeOverIfStale();
            }
            if (clock.millis() > deadline) {
                throw new EloquentException("another migrator holds the migration lock on connection '" + connection
                        + "' and did not release it; it counts as stale after " + staleAfter);
            }
            sleep();
        }
    }

    private void takeOverIfStale() {
        List<Map<String, Object>> rows = table().where("name", KEY).get();
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Object> held = rows.get(0);
        long acquired = ((Number) held.get("acquired_ms")).longValue();
        if (clock.millis() - acquired > staleAfter.toMillis()) {
            // Conditional: deletes nothing if another runner already took the stale lock over.
            table().where("name", KEY).where("owner", held.get("owner")).where("acquired_ms", acquired).delete();
        }
    }

    private TableQuery table() {
        return db.on(connection).table(TABLE);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EloquentException("interrupted while waiting for the migration lock");
        }
    }
}
