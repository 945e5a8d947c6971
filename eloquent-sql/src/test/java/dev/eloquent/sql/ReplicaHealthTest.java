package dev.eloquent.sql;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The back-off of a replica that failed, on a clock the test moves. */
class ReplicaHealthTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final ReplicaHealth health = new ReplicaHealth(now::get);

    @Test
    void aFailedReplicaIsSkippedForTheBackOffThenProbedByOneReadAndReportedOncePerOutage() {
        assertTrue(health.tryUse());
        assertTrue(health.failed(), "the first failure starts an outage: report it");
        assertEquals(5, health.backoffSeconds());
        assertFalse(health.tryUse(), "skipped during the back-off");
        now.addAndGet(5 * SECOND - 1);
        assertFalse(health.tryUse());
        now.addAndGet(1);
        assertTrue(health.tryUse(), "one probe after the back-off");
        assertFalse(health.tryUse(), "the other reads do not wait on a replica that may still be dead");
        assertFalse(health.failed(), "still down: not reported again");
        assertEquals(10, health.backoffSeconds(), "the wait doubles");
        now.addAndGet(10 * SECOND);
        assertTrue(health.tryUse());
        assertTrue(health.succeeded(), "it answers again: the outage ends");
        assertTrue(health.tryUse());
        assertTrue(health.tryUse());
        assertFalse(health.succeeded());
        assertTrue(health.failed(), "a new outage is reported again");
    }

    @Test
    void theBackOffStopsGrowingAtAMinute() {
        health.failed();
        for (int i = 0; i < 10; i++) {
            now.addAndGet(120 * SECOND);
            assertTrue(health.tryUse());
            health.failed();
        }
        assertEquals(60, health.backoffSeconds());
    }
}
