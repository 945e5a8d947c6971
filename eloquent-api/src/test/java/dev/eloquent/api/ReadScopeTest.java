package dev.eloquent.api;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sticky and on-primary scopes of this thread. */
class ReadScopeTest {
    private final Object pg = new Object();
    private final Object mysql = new Object();

    @Test
    void aWriteMakesLaterReadsOfTheScopeOnThatConnectionGoToThePrimary() {
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
    void writesOutsideAStickyScopeAreNotRemembered() {
        ReadScope.wrote(pg);
        assertFalse(ReadScope.primaryRequired(pg, true));
        ReadScope.sticky(() -> {
            assertFalse(ReadScope.primaryRequired(pg, true));
            return null;
        });
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
    void theScopeBelongsToItsThread() throws Exception {
        ReadScope.sticky(() -> {
            ReadScope.wrote(pg);
            boolean elsewhere = CompletableFuture.supplyAsync(() -> ReadScope.primaryRequired(pg, true)).join();
            assertFalse(elsewhere, "another thread is outside the unit");
            return null;
        });
    }
}
