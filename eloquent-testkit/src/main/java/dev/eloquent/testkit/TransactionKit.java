package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Transactions commit together, roll back together, and nest by joining. */
public interface TransactionKit extends KitSupport {
    @Test
    default void aTransactionThatReturnsCommitsEveryWrite() {
        try (Eloquent db = boot()) {
            assumeCapability(db, Capability.TRANSACTIONS);
            db.transaction(target().connection(), () -> {
                item(db, "one");
                item(db, "two");
                return null;
            });
            assertEquals(2, rawRows().size());
        }
    }

    @Test
    default void aTransactionThatThrowsRollsBackEveryWrite() {
        try (Eloquent db = boot()) {
            assumeCapability(db, Capability.TRANSACTIONS);
            item(db, "before");
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> db.transaction(target().connection(), () -> {
                        item(db, "one");
                        db.query(KitItem.class).where("name", "before").update(java.util.Map.of("quantity", 9));
                        throw new IllegalStateException("boom");
                    }));
            assertEquals("boom", failure.getMessage());
            assertEquals(1, rawRows().size());
            assertEquals(0L, ((Number) rawRows().get(0).get("quantity")).longValue());
        }
    }

    @Test
    default void aNestedTransactionJoinsTheOuterOne() {
        try (Eloquent db = boot()) {
            assumeCapability(db, Capability.TRANSACTIONS);
            assertThrows(IllegalStateException.class, () -> db.transaction(target().connection(), () -> {
                db.transaction(target().connection(), () -> item(db, "inner"));
                throw new IllegalStateException("outer fails");
            }));
            assertEquals(0, rawRows().size(), "the inner write rolls back with the outer transaction");
        }
    }
}
