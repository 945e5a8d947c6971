package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.MassAssignmentException;
import dev.eloquent.orm.Model;
import dev.eloquent.orm.ModelEvent;
import dev.eloquent.orm.ModelEvents;
import dev.eloquent.orm.ModelObserver;
import dev.eloquent.orm.SaveCancelledException;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.Table;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.eloquent.testkit.KitAssertions.asLong;
import static dev.eloquent.testkit.KitAssertions.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mass assignment, dirty tracking, per-model timestamps, and model events and observers, each write checked
 * through the raw second path.
 */
public interface ModelBehaviourKit extends KitSupport {
    String MEMBERS = "kit_members";
    String NOTES = "kit_notes";

    /** Boots with the kit's behaviour models and their tables fresh; {@code strict} refuses unfillable attributes. */
    private Eloquent bootBehaviour(boolean strict, java.time.Clock clock) {
        Eloquent db = Eloquent.builder().env(target().env()).testMode().preventLazyLoading(true).clock(clock)
                .preventSilentlyDiscardingAttributes(strict)
                .register(KitItem.class, KitItem::new)
                .register(KitMember.class, KitMember::new)
                .register(KitNote.class, KitNote::new).boot();
        try {
            db.dropTables(KitItem.class, KitMember.class, KitNote.class);
            db.createTables(KitItem.class, KitMember.class, KitNote.class);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private Eloquent bootBehaviour(boolean strict) {
        return bootBehaviour(strict, java.time.Clock.systemUTC());
    }

    // ---- mass assignment ----

    @Test
    default void fillAndCreateDropAttributesThatAreNotFillable() {
        try (Eloquent db = bootBehaviour(false)) {
            KitMember member = db.create(KitMember.class, Map.of("name", "ann", "admin", true, "credits", 5));
            assertFalse(member.has("admin") && Boolean.TRUE.equals(member.getBoolean("admin")));
            Map<String, Object> row = target().raw().rows(MEMBERS).get(0);
            assertEquals("ann", row.get("name"));
            assertEquals(5L, asLong(row.get("credits")));
            assertFalse(asBoolean(row.get("admin")), "the guarded admin flag was not written");

            db.query(KitMember.class).firstOrCreate(Map.of("name", "bob"), Map.of("admin", true));
            db.query(KitMember.class).updateOrCreate(Map.of("name", "ann"), Map.of("admin", true, "credits", 6));
            List<Map<String, Object>> rows = target().raw().rows(MEMBERS);
            assertEquals(2, rows.size());
            assertFalse(asBoolean(rows.get(0).get("admin")));
            assertEquals(6L, asLong(rows.get(0).get("credits")));
            assertFalse(asBoolean(rows.get(1).get("admin")));

            KitNote note = db.create(KitNote.class, Map.of("body", "hello", "pinned", true));
            assertFalse(asBoolean(target().raw().rows(NOTES).get(0).get("pinned")), "guarded() drops pinned");
            assertTrue(note.exists());
        }
    }

    @Test
    default void strictModeRefusesUnfillableAttributesByNameAndWritesNothing() {
        try (Eloquent db = bootBehaviour(true)) {
            MassAssignmentException error = refused(MassAssignmentException.class, "[admin] is not mass assignable",
                    () -> db.create(KitMember.class, Map.of("name", "secret-name-value", "admin", true)));
            assertTrue(error.getMessage().contains("KitMember"), error.getMessage());
            assertFalse(error.getMessage().contains("secret-name-value"), "no value in the message");
            refused(MassAssignmentException.class, "admin",
                    () -> db.query(KitMember.class).firstOrCreate(Map.of("name", "x"), Map.of("admin", true)));
            refused(MassAssignmentException.class, "pinned",
                    () -> db.create(KitNote.class, Map.of("body", "b", "pinned", true)));
            assertEquals(0, target().raw().rows(MEMBERS).size());
            assertEquals(0, target().raw().rows(NOTES).size());
        }
    }

    @Test
    default void setAndForceFillAreNotMassAssignment() {
        try (Eloquent db = bootBehaviour(true)) {
            KitMember admin = db.make(KitMember.class).forceFill(Map.of("name", "root", "admin", true)).save();
            KitMember other = db.make(KitMember.class).set("name", "ops").set("admin", true).save();
            List<Map<String, Object>> rows = target().raw().rows(MEMBERS);
            assertTrue(asBoolean(rows.get(0).get("admin")));
            assertTrue(asBoolean(rows.get(1).get("admin")));
            assertTrue(admin.exists() && other.exists());
        }
    }

    /** A model whose fillable list names a column it does not declare. */
    @Table("kit_misspelt")
    final class KitMisspelt extends Model<KitMisspelt> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.increments("id");
                t.string("name", 10);
            });
        }

        @Override
        protected Set<String> fillable() {
            return Set.of("nmae");
        }
    }

    @Test
    default void aMisspeltFillableColumnFailsAtRegistration() {
        refused(EloquentException.class, "fillable() of KitMisspelt",
                () -> Eloquent.builder().env(target().env()).testMode()
                        .register(KitMisspelt.class, KitMisspelt::new).boot().close());
    }

    // ---- dirty tracking ----

    @Test
    default void cleanChangedAndOriginalFollowTheLastSave() {
        try (Eloquent db = boot()) {
            KitItem item = db.create(KitItem.class, Map.of("name", "first", "quantity", 1));
            assertTrue(item.isClean());
            assertFalse(item.wasChanged(), "an insert changes nothing");
            item.set("name", "second");
            assertFalse(item.isClean());
            assertFalse(item.isClean("name"));
            assertTrue(item.isClean("quantity"));
            assertEquals("first", item.getOriginal().get("name"));
            item.save();
            assertTrue(item.isClean());
            assertTrue(item.wasChanged());
            assertTrue(item.wasChanged("name"));
            assertFalse(item.wasChanged("quantity"));
            assertEquals(Set.of("name", "updated_at"), item.getChanges().keySet());
            assertEquals("second", item.getOriginal().get("name"));
            assertEquals("second", rawRows().get(0).get("name"));
            item.increment("quantity");
            assertTrue(item.wasChanged("quantity"));
            assertFalse(item.wasChanged("name"));
        }
    }

    @Test
    default void replicateCopiesWithoutKeyOrTimestampsAndSavesAsANewRow() {
        try (Eloquent db = boot()) {
            KitItem original = db.create(KitItem.class, Map.of("name", "orig", "quantity", 4));
            KitItem copy = original.replicate();
            assertFalse(copy.exists());
            assertNull(copy.getKey());
            assertFalse(copy.has("created_at") || copy.has("updated_at"));
            assertEquals(1, rawRows().size(), "replicate stores nothing");
            copy.set("name", "copy").save();
            List<Map<String, Object>> rows = rawRows();
            assertEquals(2, rows.size());
            assertEquals("copy", rows.get(1).get("name"));
            assertEquals(4L, asLong(rows.get(1).get("quantity")));
            assertNotEquals(original.getKey(), copy.getKey());
            assertNotNull(rows.get(1).get("created_at"));
        }
    }

    @Test
    default void replicatingFiresOnTheUnsavedCopy() {
        try (Eloquent db = boot()) {
            KitItem original = db.create(KitItem.class, Map.of("name", "orig", "quantity", 4));
            List<KitItem> heard = new ArrayList<>();
            db.on(KitItem.class, ModelEvent.REPLICATING, heard::add);
            KitItem copy = original.replicate();
            assertEquals(1, heard.size());
            assertTrue(heard.get(0) == copy, "the listener is given the copy, not the original");
            assertFalse(copy.exists());
            assertEquals("orig", copy.getString("name"));
            db.withoutEvents(original::replicate);
            assertEquals(1, heard.size(), "muted");
            assertEquals(1, rawRows().size(), "replicating writes nothing");
        }
    }

    @Test
    default void freshReadsANewInstanceAndIsEmptyOnceDeleted() {
        try (Eloquent db = boot()) {
            KitItem item = item(db, "old");
            target().raw().update(TABLE, item.getLong("id"), "name", "new");
            KitItem fresh = item.fresh().orElseThrow();
            assertEquals("new", fresh.getString("name"));
            assertEquals("old", item.getString("name"), "fresh leaves the model as it was");
            assertEquals("new", item.refresh().getString("name"));
            assertTrue(db.make(KitItem.class).fresh().isEmpty(), "never saved");
            db.query(KitItem.class).where("id", item.getKey()).delete();
            assertTrue(item.fresh().isEmpty());
        }
    }

    @Test
    default void touchWritesTheUpdatedTimestampAloneInOneStatement() {
        CrudKit.MutableClock clock = new CrudKit.MutableClock(Instant.parse("2030-01-02T03:04:05Z"));
        try (Eloquent db = boot(clock)) {
            KitItem item = item(db, "touched");
            Object before = rawRows().get(0).get("updated_at");
            clock.set(Instant.parse("2030-01-02T05:00:00Z"));
            item.set("name", "unsaved");
            StatementCounter statements = StatementCounter.on(db, target().connection());
            assertTrue(item.touch());
            assertEquals(1, statements.take());
            Map<String, Object> row = rawRows().get(0);
            assertNotEquals(before, row.get("updated_at"));
            assertEquals("touched", row.get("name"), "touch writes the timestamp only");
            assertEquals(java.time.LocalDateTime.of(2030, 1, 2, 5, 0), item.getTimestamp("updated_at"));
            assertTrue(item.isDirty("name"));
            assertFalse(item.isDirty("updated_at"));
        }
    }

    // ---- timestamps per model ----

    @Test
    default void renamedTimestampsAreWrittenAndTurnedOffOnesAreNot() {
        CrudKit.MutableClock clock = new CrudKit.MutableClock(Instant.parse("2030-01-02T03:04:05Z"));
        try (Eloquent db = bootBehaviour(true, clock)) {
            KitMember member = db.create(KitMember.class, Map.of("name", "ann"));
            Map<String, Object> row = target().raw().rows(MEMBERS).get(0);
            assertNotNull(row.get("joined_at"));
            assertNotNull(row.get("changed_at"));
            assertFalse(member.has("created_at"));
            clock.set(Instant.parse("2030-01-02T06:00:00Z"));
            member.set("credits", 2).save();
            Map<String, Object> updated = target().raw().rows(MEMBERS).get(0);
            assertEquals(row.get("joined_at"), updated.get("joined_at"));
            assertNotEquals(row.get("changed_at"), updated.get("changed_at"));
            assertEquals(Set.of("credits", "changed_at"), member.getChanges().keySet());
            db.create(KitMember.class, Map.of("name", "bob"));
            assertEquals("bob", db.query(KitMember.class).latest().first().orElseThrow().getString("name"),
                    "latest() orders by the renamed creation column");

            KitNote note = db.create(KitNote.class, Map.of("body", "plain"));
            note.set("body", "edited").save();
            Map<String, Object> noteRow = target().raw().rows(NOTES).get(0);
            assertNull(noteRow.get("created_at"));
            assertNull(noteRow.get("updated_at"));
            assertFalse(note.touch(), "a model without timestamps is not touched");
        }
    }

    // ---- events and observers ----

    @Test
    default void writeEventsFireInOrderAroundTheWrite() {
        try (Eloquent db = boot()) {
            List<String> heard = new ArrayList<>();
            for (ModelEvent event : ModelEvent.values()) {
                db.on(KitItem.class, event, item -> heard.add(event.name().toLowerCase() + ":"
                        + (item.exists() ? rawRows().size() : "new")));
            }
            KitItem item = item(db, "evented");
            assertEquals(List.of("saving:new", "creating:new", "created:1", "saved:1"), heard);
            heard.clear();
            item.save();
            assertEquals(List.of("saving:1", "saved:1"), heard, "no change: no updating/updated");
            heard.clear();
            item.set("name", "changed").save();
            assertEquals(List.of("saving:1", "updating:1", "updated:1", "saved:1"), heard);
            heard.clear();
            assertTrue(item.delete());
            assertEquals(List.of("deleting:1", "deleted:new"), heard);
        }
    }

    @Test
    default void cancellingListenersStopTheWrite() {
        try (Eloquent db = boot()) {
            db.onCancellable(KitItem.class, ModelEvent.CREATING, item -> !item.getString("name").startsWith("no"));
            db.onCancellable(KitItem.class, ModelEvent.UPDATING, item -> item.getInteger("quantity") < 100);
            db.onCancellable(KitItem.class, ModelEvent.DELETING, item -> !item.getString("name").equals("keep"));
            refused(SaveCancelledException.class, "KitItem",
                    () -> db.create(KitItem.class, Map.of("name", "nope")));
            KitItem unsaved = db.make(KitItem.class).set("name", "not this");
            assertFalse(unsaved.trySave());
            assertFalse(unsaved.exists());
            assertEquals(0, rawRows().size());

            KitItem keep = item(db, "keep");
            assertFalse(keep.set("quantity", 500).trySave());
            assertEquals(0L, asLong(rawRows().get(0).get("quantity")));
            assertTrue(keep.isDirty("quantity"));
            assertFalse(keep.delete());
            assertTrue(keep.exists());
            assertEquals(1, rawRows().size());
            refused(EloquentException.class, "cannot be cancelled",
                    () -> db.onCancellable(KitItem.class, ModelEvent.CREATED, item -> false));
        }
    }

    /** Records what it hears, and refuses to delete a model named "locked". */
    final class RecordingObserver implements ModelObserver<KitItem> {
        final List<String> heard = new ArrayList<>();

        @Override
        public boolean creating(KitItem model) {
            heard.add("creating");
            return true;
        }

        @Override
        public void created(KitItem model) {
            heard.add("created");
        }

        @Override
        public void updated(KitItem model) {
            heard.add("updated");
        }

        @Override
        public boolean deleting(KitItem model) {
            heard.add("deleting");
            return !model.getString("name").equals("locked");
        }
    }

    @Test
    default void anObserverHearsItsModelAndCanCancel() {
        try (Eloquent db = boot()) {
            RecordingObserver observer = new RecordingObserver();
            db.observe(KitItem.class, observer);
            KitItem locked = item(db, "locked");
            locked.set("quantity", 2).save();
            assertFalse(locked.delete());
            assertEquals(List.of("creating", "created", "updated", "deleting"), observer.heard);
            assertEquals(1, rawRows().size());
        }
    }

    @Test
    default void quietWritesAndWithoutEventsFireNothing() {
        try (Eloquent db = boot()) {
            List<ModelEvent> heard = new ArrayList<>();
            for (ModelEvent event : ModelEvent.values()) {
                db.on(KitItem.class, event, item -> heard.add(event));
            }
            KitItem quiet = db.make(KitItem.class).set("name", "quiet").saveQuietly();
            quiet.set("quantity", 3).saveQuietly();
            db.withoutEvents(() -> {
                item(db, "muted");
                db.query(KitItem.class).get();
            });
            assertTrue(quiet.deleteQuietly());
            assertEquals(List.of(), heard);
            assertEquals(1, rawRows().size());
            item(db, "loud");
            assertFalse(heard.isEmpty(), "events fire again after withoutEvents");
        }
    }

    @Test
    default void retrievedFiresForEachModelRead() {
        try (Eloquent db = boot()) {
            item(db, "a");
            item(db, "b");
            List<String> names = new ArrayList<>();
            db.on(KitItem.class, ModelEvent.RETRIEVED, item -> names.add(item.getString("name")));
            db.query(KitItem.class).orderBy("name").get();
            db.findOrFail(KitItem.class, db.query(KitItem.class).where("name", "b").value("id"));
            assertEquals(List.of("a", "b", "b"), names);
        }
    }

    @Test
    default void theRestoringHookCanCancel() {
        try (Eloquent db = boot()) {
            KitItem item = item(db, "restorable");
            db.onCancellable(KitItem.class, ModelEvent.RESTORING, model -> false);
            List<String> restored = new ArrayList<>();
            db.on(KitItem.class, ModelEvent.RESTORED, model -> restored.add("restored"));
            assertFalse(ModelEvents.fire(item, ModelEvent.RESTORING));
            assertTrue(ModelEvents.fire(item, ModelEvent.RESTORED));
            assertEquals(List.of("restored"), restored);
        }
    }

    @Test
    default void aThrowingCreatedListenerRollsBackTheEnclosingTransaction() {
        try (Eloquent db = boot()) {
            assumeCapability(db, Capability.TRANSACTIONS);
            db.on(KitItem.class, ModelEvent.CREATED, item -> {
                if (item.getString("name").equals("bad")) {
                    throw new IllegalStateException("listener failed");
                }
            });
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> db.transaction(target().connection(), () -> {
                        item(db, "good");
                        return item(db, "bad");
                    }));
            assertEquals("listener failed", error.getMessage());
            assertEquals(0, rawRows().size(), "the insert before the failing listener is rolled back too");
            assertThrows(IllegalStateException.class, () -> item(db, "bad"));
            assertEquals(1, rawRows().size(), "outside a transaction the row stays written");
        }
    }

    /** A boolean as each database's own client returns it: Boolean, a number (SQLite, MySQL). */
    private static boolean asBoolean(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        return raw != null && ((Number) raw).longValue() != 0;
    }
}
