package dev.eloquent.sql;

import java.util.function.LongSupplier;

/**
 * Whether one read replica is worth trying, with a back-off after failures: a replica that failed is
 * skipped for {@link #FIRST_BACKOFF_NANOS}, then one read (the probe) tries it again; each further
 * failure doubles the wait up to {@link #MAX_BACKOFF_NANOS}. {@link #failed} answers true only for the
 * first failure of an outage, so the outage is reported once; {@link #succeeded} answers true when a
 * replica that was down answers again. Thread-safe.
 */
final class ReplicaHealth {
    static final long FIRST_BACKOFF_NANOS = 5_000_000_000L;
    static final long MAX_BACKOFF_NANOS = 60_000_000_000L;

    private final LongSupplier clock;
    private boolean down;
    private long backoff;
    private long retryAt;

    /** @param clock nanoseconds, {@link System#nanoTime} outside tests */
    ReplicaHealth(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Whether a read may try the replica now: always while it is up; once the back-off has passed, for
     * one caller (the next probe is not before another back-off), so concurrent reads do not all wait
     * on a replica that may still be dead.
     */
    synchronized boolean tryUse() {
        if (!down) {
            return true;
        }
        long now = clock.getAsLong();
        if (now - retryAt >= 0) {
            retryAt = now + backoff;
            return true;
        }
        return false;
    }

    /** Records a failure; true when it starts an outage (report it), false while one goes on. */
    synchronized boolean failed() {
        boolean first = !down;
        down = true;
        backoff = first ? FIRST_BACKOFF_NANOS : Math.min(backoff * 2, MAX_BACKOFF_NANOS);
        retryAt = clock.getAsLong() + backoff;
        return first;
    }

    /** Records a connection taken; true when it ends an outage. */
    synchronized boolean succeeded() {
        boolean recovered = down;
        down = false;
        backoff = 0;
        return recovered;
    }

    /** The current wait before the next probe, in whole seconds, for the report. */
    synchronized long backoffSeconds() {
        return backoff / 1_000_000_000L;
    }
}
