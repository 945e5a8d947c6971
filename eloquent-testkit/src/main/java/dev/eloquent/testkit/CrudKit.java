package dev.eloquent.testkit;

import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.ModelNotFoundException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Create, find, save, delete, checked through the raw second path. */
public interface CrudKit extends KitSupport {
    @Test
    default void createAssignsAGeneratedKeyAndWritesTheRow() {
        try (Eloquent db = boot()) {
            KitItem first = item(db, "first");
            KitItem second = item(db, "second");
            assertTrue(first.exists());
            assertNotNull(first.getKey());
            assertTrue(second.getLong("id") > first.getLong("id"), "generated keys increase");
            List<Map<String, Object>> rows = rawRows();
            assertEquals(2, rows.size());
            assertEquals("first", rows.get(0).get("name"));
            assertEquals(first.getLong("id"), ((Number) rows.get(0).get("id")).longValue());
        }
    }

    @Test
    default void createFillsDeclaredDefaults() {
        try (Eloquent db = boot()) {
            KitItem saved = item(db, "defaults");
            assertEquals(0, saved.getInteger("quantity"));
            assertEquals(false, saved.getBoolean("active"));
            Map<String, Object> row = rawRows().get(0);
            assertEquals(0L, ((Number) row.get("quantity")).longValue());
        }
    }

    @Test
    default void findReturnsTheStoredModelAndFindOrFailNamesWhatIsMissing() {
        try (Eloquent db = boot()) {
            KitItem saved = db.create(KitItem.class, Map.of("name", "found", "quantity", 7));
            KitItem found = db.findOrFail(KitItem.class, saved.getKey());
            assertEquals("found", found.getString("name"));
            assertEquals(7, found.getInteger("quantity"));
            assertFalse(found.isDirty());
            assertTrue(db.find(KitItem.class, 999_999).isEmpty());
            ModelNotFoundException missing = assertThrows(ModelNotFoundException.class,
                    () -> db.findOrFail(KitItem.class, 999_999));
            assertTrue(missing.getMessage().contains("KitItem") && missing.getMessage().contains("kit_items"),
                    missing.getMessage());
            assertFalse(missing.getMessage().contains("999999"), "a key is a value and stays out: " + missing.getMessage());
        }
    }

    @Test
    default void saveWritesOnlyTheChangedAttributes() {
        try (Eloquent db = boot()) {
            KitItem saved = db.create(KitItem.class, Map.of("name", "before", "quantity", 1));
            long id = saved.getLong("id");
            // Someone else changes quantity; our save of name alone must not overwrite it.
            target().raw().update(TABLE, id, "quantity", 42);
            saved.set("name", "after");
            assertEquals(Map.of("name", "after"), saved.getDirty());
            saved.save();
            Map<String, Object> row = rawRows().get(0);
            assertEquals("after", row.get("name"));
            assertEquals(42L, ((Number) row.get("quantity")).longValue());
            assertFalse(saved.isDirty());
        }
    }

    @Test
    default void timestampsAreSetOnCreateAndUpdatedAtMovesOnSave() {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-02T03:04:05.123456Z"));
        try (Eloquent db = boot(clock)) {
            KitItem saved = item(db, "stamped");
            // as stored: microseconds on SQL drivers, milliseconds on MongoDB; the model holds what is stored
            LocalDateTime created = LocalDateTime.of(2030, 1, 2, 3, 4, 5, 123_456_000).truncatedTo(timestampPrecision(db));
            assertEquals(created, saved.getTimestamp("created_at"));
            assertEquals(created, saved.getTimestamp("updated_at"));
            clock.set(Instant.parse("2030-01-02T04:00:00Z"));
            saved.save();
            assertEquals(created, db.findOrFail(KitItem.class, saved.getKey()).getTimestamp("updated_at"),
                    "a save without changes writes nothing");
            saved.set("quantity", 3).save();
            KitItem reloaded = db.findOrFail(KitItem.class, saved.getKey());
            assertEquals(created, reloaded.getTimestamp("created_at"));
            assertEquals(LocalDateTime.of(2030, 1, 2, 4, 0), reloaded.getTimestamp("updated_at"));
        }
    }

    @Test
    default void deleteRemovesTheRowAndOnlyThatRow() {
        try (Eloquent db = boot()) {
            KitItem gone = item(db, "gone");
            item(db, "kept");
            assertTrue(gone.delete());
            assertFalse(gone.exists());
            assertFalse(gone.delete(), "deleting twice reports nothing deleted");
            List<Map<String, Object>> rows = rawRows();
            assertEquals(1, rows.size());
            assertEquals("kept", rows.get(0).get("name"));
        }
    }

    @Test
    default void refreshReadsWhatTheDatabaseHolds() {
        try (Eloquent db = boot()) {
            KitItem saved = item(db, "stale");
            target().raw().update(TABLE, saved.getLong("id"), "name", "fresh");
            assertEquals("fresh", saved.refresh().getString("name"));
        }
    }

    @Test
    default void savingAModelDeletedElsewhereFailsInsteadOfLosingTheWrite() {
        try (Eloquent db = boot()) {
            KitItem saved = item(db, "doomed");
            db.query(KitItem.class).where("id", saved.getKey()).delete();
            saved.set("name", "late");
            EloquentException error = assertThrows(EloquentException.class, saved::save);
            assertTrue(error.getMessage().contains("deleted by someone else"), error.getMessage());
        }
    }

    /** A clock the tests move by hand. */
    final class MutableClock extends Clock {
        private volatile Instant now;

        public MutableClock(Instant now) {
            this.now = now;
        }

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
