package dev.eloquent.api;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sticky unit and the on-primary scope. */
class ReadScopeTest {
    private final ConnectionName pg = ConnectionName.parse("pg");
    private final ConnectionName mysql = ConnectionName.parse("mysql");

    @Test
    void aWriteMakesLaterReadsOfTheUnitOnThatConnectionGoToThePrimary() {
        ReadScope.sticky(() -> {
            assertFalse(ReadScope.primaryRequired(pg, true), "before a write, replicas");
            ReadScope.wrote(pg);
            assertTrue(ReadScope.primaryRequired(pg, true));
            assertFalse(ReadScope.primaryRequired(mysql, true), "another connection did not write");
            assertFalse(ReadScope.primaryRequired(pg, false), "X_STICKY=false turns the rule off");
            ReadScope.sticky(() -> {
                assertTrue(ReadScope.primaryRequired(pg, true), "a nested scope joins the outer one");
                ReadScope.wrote(mysql);
                return null;
            });
            assertTrue(ReadScope.primaryRequired(mysql, true), "the inner scope's write belongs to the unit");
            return null;
        });
        assertFalse(ReadScope.primaryRequired(pg, true), "the unit ended");
        assertFalse(ReadScope.inStickyScope());
    }

    @Test
    void writesOutsideAUnitAreNotRemembered() {
        ReadScope.wrote(pg);
        assertFalse(ReadScope.primaryRequired(pg, true));
        ReadScope.sticky(() -> {
            assertFalse(ReadScope.primaryRequired(pg, true));
            return null;
        });
    }

    @Test
    void aThreadStartedOutsideAnyScopeStartsWithout() throws Exception {
        ReadScope.primaryRequired(pg, true); // leaves this thread's (empty) entry, which new threads copy
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> required = new AtomicReference<>();
        Thread thread = new Thread(() -> required.set(ReadScope.primaryRequired(pg, true)));
        thread.setUncaughtExceptionHandler((t, e) -> failure.set(e));
        thread.start();
        join(thread);
        assertEquals(null, failure.get());
        assertEquals(Boolean.FALSE, required.get());
    }

    @Test
    void onPrimarySendsEveryReadToThePrimaryUntilItEndsEvenWhenTheWorkThrows() {
        assertThrows(IllegalStateException.class, () -> ReadScope.onPrimary(() -> {
            assertTrue(ReadScope.primaryRequired(pg, false));
            assertTrue(ReadScope.primaryRequired(mysql, true));
            throw new IllegalStateException("boom");
        }));
        assertFalse(ReadScope.primaryRequired(pg, true));
    }

    @Test
    void threadsStartedInsideAUnitJoinItAndThreadsStartedBeforeDoNot() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Boolean> before = new AtomicReference<>();
        Thread earlier = new Thread(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            before.set(ReadScope.primaryRequired(pg, true));
        });
        earlier.start();
        Thread[] later = new Thread[1];
        AtomicReference<Boolean> inside = new AtomicReference<>();
        ReadScope.sticky(() -> {
            ReadScope.wrote(pg);
            go.countDown();
            later[0] = new Thread(() -> {
                inside.set(ReadScope.primaryRequired(pg, true));
                ReadScope.wrote(mysql); // a write of the started thread belongs to the unit
            });
            later[0].start();
            join(later[0]);
            join(earlier);
            assertTrue(ReadScope.primaryRequired(mysql, true));
            return null;
        });
        assertEquals(Boolean.FALSE, before.get(), "a thread that existed before is outside the unit");
        assertEquals(Boolean.TRUE, inside.get(), "a thread started inside joins it");
        AtomicReference<Boolean> afterEnd = new AtomicReference<>();
        ReadScope.sticky(() -> {
            ReadScope.wrote(pg);
            Thread child = new Thread(() -> {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                afterEnd.set(ReadScope.primaryRequired(pg, true));
            });
            child.start();
            later[0] = child;
            return null;
        });
        join(later[0]);
        assertEquals(Boolean.FALSE, afterEnd.get(), "once the unit ended, the threads it started are outside it too");
    }

    private static void join(Thread thread) {
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
