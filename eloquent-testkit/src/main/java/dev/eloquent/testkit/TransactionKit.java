package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.UnsupportedFeatureException;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transactions tell the truth (docs/transactions.md): they commit together or roll back together;
 * a nested transaction is a savepoint; a statement that failed inside a transaction makes it roll back
 * and throw even when the work caught the failure; {@code afterCommit} runs after the outermost commit
 * only. Checked through the raw second path.
 */
public interface TransactionKit extends KitSupport {
    private List<String> names() {
        return rawRows().stream().map(row -> String.valueOf(row.get("name"))).toList();
    }

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
                        db.query(KitItem.class).where("name", "before").update(Map.of("quantity", 9));
                        throw new IllegalStateException("boom");
                    }));
            assertEquals("boom", failure.getMessage(), "the work's own exception comes out unchanged");
            assertEquals(1, rawRows().size());
            assertEquals(0L, ((Number) rawRows().get(0).get("quantity")).longValue());
        }
    }

    @Test
    default void anInnerFailureRollsBackTheOuterTransactionWhenNotCaught() {
        try (Eloquent db = boot()) {
            assumeCapability(db, Capability.TRANSACTIONS);
            IllegalStateException outer = assertThrows(IllegalStateException.class,
                    () -> db.transaction(target().connection(), () -> {
                        db.transaction(target().connection(), () -> item(db, "inner"));
                        throw new IllegalStateException("outer fails");
                    }));
            assertEquals("outer fails", outer.getMessage(), "the work's own exception comes out unchanged");
            assertEquals(0, rawRows().size(), "the inner write rolls back with the outer transaction");
        }
    }

    @Test
    default void aNestedTransactionThatFailsRollsBackOnlyItsSavepoint() {
        try (Eloquent db = boot()) {
            assumeCapability(db, Capability.TRANSACTIONS);
            db.transaction(target().connection(), () -> {
                item(db, "outer before");
                IllegalStateException inner = assertThrows(IllegalStateException.class,
                        () -> db.transaction(target().connection(), () -> {
                            item(db, "inner");
                            db.query(KitItem.class).where("name", "outer before").update(Map.of("quantity", 5));
                            throw new IllegalStateException("inner fails");
                        }));
                assertEquals("inner fails", inner.getMessage());
                assertEquals(0, db.query(KitItem.class).where("name", "inner").count(), "rolled back to the savepoint");
                item(db, "outer after");
                return null;
            });
            assertEquals(List.of("outer before", "outer after"), names(), "the outer work committed, the inner did not");
            assertEquals(0L, ((Number) rawRows().get(0).get("quantity")).longValue(), "the inner update was undone");
        }
    }

    @Test
    default void aCaughtFailedStatementMakesTheTransactionRollBackAndThrow() {
        try (Eloquent db = boot()) {
            assumeCapability(db, Capability.TRANSACTIONS);
            Map<String, Object> nullName = new HashMap<>();
            nullName.put("name", null);
            EloquentException error = assertThrows(EloquentException.class,
                    () -> db.transaction(target().connection(), () -> {
                        item(db, "written first");
                        // No schema on a table query: the NOT NULL violation reaches the database, which refuses it.
                        EloquentException refused = assertThrows(EloquentException.class,
                                () -> db.table(TABLE).insert(nullName));
                        assertTrue(refused.getMessage().contains(TABLE), refused.getMessage());
                        return "the work caught the failure and returns normally";
                    }));
            assertTrue(error.getMessage().contains(TABLE), "names the failed statement's table: " + error.getMessage());
            assertTrue(error.getMessage().toLowerCase(java.util.Locale.ROOT).contains("roll"),
                    "says it rolled back: " + error.getMessage());
            assertEquals(0, rawRows().size(), "nothing was committed");
            // The connection is usable afterwards.
            item(db, "later");
            assertEquals(List.of("later"), names());
        }
    }

    @Test
    default void afterCommitRunsAfterTheOutermostCommitOnlyAndNeverAfterARollback() {
        try (Eloquent db = boot()) {
            assumeCapability(db, Capability.TRANSACTIONS);
            List<String> ran = new CopyOnWriteArrayList<>();
            db.transaction(target().connection(), () -> {
                db.afterCommit(() -> ran.add("outer"));
                db.transaction(target().connection(), () -> {
                    db.afterCommit(() -> ran.add("inner, rows: " + rawRows().size()));
                    return item(db, "inner");
                });
                assertEquals(List.of(), ran, "nothing runs when the inner transaction ends");
                item(db, "outer");
                assertEquals(List.of(), ran, "nothing runs before the commit");
                return null;
            });
            assertEquals(List.of("outer", "inner, rows: 2"), ran, "after the outermost commit, in order, once");
            ran.clear();
            IllegalStateException doomed = assertThrows(IllegalStateException.class,
                    () -> db.transaction(target().connection(), () -> {
                        db.afterCommit(() -> ran.add("rolled back"));
                        item(db, "doomed");
                        throw new IllegalStateException("roll back");
                    }));
            assertEquals("roll back", doomed.getMessage(), "the work's own exception comes out unchanged");
            assertEquals(List.of(), ran, "never after a rollback");
            db.afterCommit(() -> ran.add("no transaction"));
            assertEquals(List.of("no transaction"), ran, "outside a transaction it runs at once");
        }
    }

    @Test
    default void aDriverWithoutTransactionsRefusesThemClearly() {
        try (Eloquent db = boot()) {
            var connection = db.connections().connection(target().connection());
            Assumptions.assumeFalse(connection.supports(Capability.TRANSACTIONS),
                    () -> "skipped: driver " + connection.driverName() + " claims transactions");
            UnsupportedFeatureException error = assertThrows(UnsupportedFeatureException.class,
                    () -> db.transaction(target().connection(), () -> item(db, "never")));
            assertEquals("transactions is not supported on " + connection.driverName(), error.getMessage());
            assertEquals(0, rawRows().size());
            assertFalse(connection.inTransaction());
        }
    }
}
