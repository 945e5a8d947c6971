package dev.eloquent.testkit;

import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connections open lazily, are reused, use the test twin in test mode, and close together. */
public interface LifecycleKit extends KitSupport {
    @Test
    default void bootOpensNothingAndFirstUseOpensTheTestTwin() {
        try (Eloquent db = Eloquent.builder().env(target().env()).testMode()
                .register(KitItem.class, KitItem::new).boot()) {
            assertTrue(db.connections().openNames().isEmpty(), "boot opens no connection");
            DatabaseConnection connection = db.connections().connection(target().connection());
            assertEquals(ConnectionName.parse(target().connection() + "_test"), connection.name());
            assertSame(connection, db.connections().connection(target().connection()), "a connection is reused");
            assertEquals(1, db.connections().openNames().size());
        }
    }

    @Test
    default void closeClosesEveryConnectionAndLaterUseFailsClearly() {
        Eloquent db = boot();
        item(db, "before close");
        db.close();
        db.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> db.connections().connection(target().connection()));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        try (Eloquent again = Eloquent.builder().env(target().env()).testMode()
                .register(KitItem.class, KitItem::new).boot()) {
            assertEquals(1, again.query(KitItem.class).count(), "what was written before close is there after");
        }
    }
}
