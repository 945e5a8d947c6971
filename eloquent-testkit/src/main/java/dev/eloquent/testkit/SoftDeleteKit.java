package dev.eloquent.testkit;

import dev.eloquent.api.EloquentException;
import dev.eloquent.api.UniqueViolationException;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.ModelEvent;
import dev.eloquent.orm.Page;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.eloquent.testkit.KitAssertions.asLong;
import static dev.eloquent.testkit.KitAssertions.refused;
import static dev.eloquent.testkit.KitAssertions.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Soft deletes on {@link KitBand} ({@code deleted_at}) and {@link KitRecord} (renamed {@code removed_at}):
 * a delete is one update that leaves the row in the table, every read path leaves trashed rows out unless
 * asked, restore and forceDelete, the builder's delete/forceDelete/restore, relations (lazy, eager,
 * whereHas, withCount), and the unique index a trashed row still holds. Written rows are checked through
 * the raw second path.
 */
public interface SoftDeleteKit extends BandSupport {
    @Test
    default void deleteSetsDeletedAtInOneStatementAndKeepsTheRow() {
        try (Eloquent db = bootBands()) {
            KitBand gone = band(db, "Gone", "rock");
            band(db, "Here", "rock");
            StatementCounter statements = StatementCounter.on(db, target().connection());
            assertTrue(gone.delete());
            assertEquals(1, statements.take(), "a soft delete is one update");
            assertTrue(gone.trashed());
            assertTrue(gone.exists(), "the row is still there");
            assertNotNull(gone.get("deleted_at"));
            assertFalse(gone.isDirty());
            assertEquals(2, raw(BANDS).size());
            assertNotNull(rawRow(BANDS, "name", "Gone").get("deleted_at"));
            assertNull(rawRow(BANDS, "name", "Here").get("deleted_at"));
            assertEquals(gone.get("deleted_at"), db.query(KitBand.class).withTrashed().where("name", "Gone")
                    .firstOrFail().get("deleted_at"), "the model holds what was stored");
        }
    }

    @Test
    default void queriesLeaveTrashedRowsOutUnlessAsked() {
        try (Eloquent db = bootBands()) {
            KitBand gone = band(db, "Gone", "rock");
            band(db, "Here", "rock");
            gone.delete();
            assertEquals(List.of("Here"), strings(db.query(KitBand.class).get(), "name"));
            assertEquals(1, db.query(KitBand.class).count());
            assertTrue(db.query(KitBand.class).find(gone.getKey()).isEmpty());
            assertEquals(List.of("Gone", "Here"), strings(db.query(KitBand.class).withTrashed().orderBy("name").get(), "name"));
            assertEquals(2, db.query(KitBand.class).withTrashed().count());
            assertEquals(List.of("Gone"), strings(db.query(KitBand.class).onlyTrashed().get(), "name"));
            assertEquals(2, db.query(KitBand.class).withoutGlobalScopes().count());
            assertEquals(2, db.query(KitBand.class).withoutGlobalScope("softDeletes").count());
        }
    }

    @Test
    default void everyReadPathLeavesTrashedRowsOut() {
        try (Eloquent db = bootBands()) {
            for (String name : List.of("A", "B", "C", "D", "E")) {
                band(db, name, "rock");
            }
            db.query(KitBand.class).whereIn("name", List.of("B", "D")).get().forEach(KitBand::delete);
            assertEquals(3, db.query(KitBand.class).count());
            assertEquals("E", db.query(KitBand.class).max("name"));
            assertEquals(List.of("A", "C", "E"), db.query(KitBand.class).orderBy("name").pluck("name"));
            assertFalse(db.query(KitBand.class).where("name", "B").exists());
            assertTrue(db.query(KitBand.class).withTrashed().where("name", "B").exists());
            Page<KitBand> page = db.query(KitBand.class).orderBy("name").paginate(2, 1);
            assertEquals(3, page.total());
            assertEquals(List.of("A", "C"), strings(page.items(), "name"));
            List<String> chunked = new ArrayList<>();
            db.query(KitBand.class).chunkById(2, chunk -> {
                chunk.forEach(band -> chunked.add(band.getString("name")));
                return true;
            });
            assertEquals(List.of("A", "C", "E"), chunked.stream().sorted().toList());
            try (Stream<KitBand> rows = db.query(KitBand.class).cursor()) {
                assertEquals(3, rows.count());
            }
            try (Stream<KitBand> rows = db.query(KitBand.class).lazy(2)) {
                assertEquals(3, rows.count());
            }
            List<Map<String, Object>> grouped = db.query(KitBand.class).select("genre", "count(*) as n").groupBy("genre").rows();
            assertEquals(1, grouped.size());
            assertEquals(3L, asLong(grouped.get(0).get("n")), "grouped aggregates count live rows");
        }
    }

    @Test
    default void restoreClearsDeletedAtAndForceDeleteRemovesTheRow() {
        try (Eloquent db = bootBands()) {
            KitBand band = band(db, "Back", "rock");
            KitBand other = band(db, "Other", "jazz");
            band.delete();
            assertTrue(band.restore());
            assertFalse(band.trashed());
            assertNull(rawRow(BANDS, "name", "Back").get("deleted_at"));
            assertEquals(2, db.query(KitBand.class).count());

            band.forceDelete();
            assertFalse(band.exists());
            assertEquals(List.of("Other"), raw(BANDS).stream().map(row -> row.get("name")).toList());

            other.delete();
            KitBand trashed = db.query(KitBand.class).onlyTrashed().firstOrFail();
            assertTrue(trashed.trashed());
            assertTrue(trashed.forceDelete(), "a trashed row can be removed for good");
            assertEquals(0, raw(BANDS).size());
            assertFalse(trashed.forceDelete(), "nothing left to delete");
        }
    }

    @Test
    default void theBuildersDeleteMarksMatchingRowsAndForceDeleteRemovesThem() {
        try (Eloquent db = bootBands()) {
            band(db, "R1", "rock");
            band(db, "R2", "rock");
            band(db, "J1", "jazz");
            assertEquals(2, db.query(KitBand.class).where("genre", "rock").delete());
            assertEquals(3, raw(BANDS).size(), "the rows stay");
            assertNotNull(rawRow(BANDS, "name", "R1").get("deleted_at"));
            assertNotNull(rawRow(BANDS, "name", "R2").get("deleted_at"));
            assertNull(rawRow(BANDS, "name", "J1").get("deleted_at"));
            assertEquals(0, db.query(KitBand.class).where("genre", "rock").delete(), "trashed rows are not matched again");
            assertEquals(List.of("J1"), strings(db.query(KitBand.class).get(), "name"));

            assertEquals(1, db.query(KitBand.class).where("name", "R1").restore());
            assertNull(rawRow(BANDS, "name", "R1").get("deleted_at"));
            assertEquals(2, db.query(KitBand.class).count());

            assertEquals(1, db.query(KitBand.class).onlyTrashed().forceDelete());
            assertEquals(List.of("R1", "J1"), raw(BANDS).stream().map(row -> row.get("name")).toList());
            assertEquals(1, db.query(KitBand.class).where("genre", "jazz").forceDelete());
            assertEquals(List.of("R1"), raw(BANDS).stream().map(row -> row.get("name")).toList());
        }
    }

    @Test
    default void relationsLeaveTrashedRelatedRowsOutUnlessAsked() {
        try (Eloquent db = bootBands()) {
            KitBand both = band(db, "Both", "rock");
            KitBand onlyTrashed = band(db, "OnlyTrashed", "rock");
            record(db, both, "Kept");
            record(db, both, "Dropped").delete();
            record(db, onlyTrashed, "Lost").delete();
            assertNotNull(rawRow(RECORDS, "title", "Dropped").get("removed_at"), "the renamed column is set");
            assertEquals(3, raw(RECORDS).size());

            assertEquals(List.of("Kept"), strings(both.records().get(), "title"));
            assertEquals(List.of("Dropped", "Kept"), strings(both.records().withTrashed().orderBy("title").get(), "title"));
            assertEquals(List.of("Dropped"), strings(both.records().onlyTrashed().get(), "title"));

            List<KitBand> eager = db.query(KitBand.class).with("records").orderBy("name").get();
            assertEquals(List.of("Kept"), strings(eager.get(0).related(KitBand::records), "title"));
            assertEquals(List.of(), eager.get(1).related(KitBand::records));
            List<KitBand> withTrashed = db.query(KitBand.class).with("records", q -> q.withTrashed()).orderBy("name").get();
            assertEquals(2, withTrashed.get(0).related(KitBand::records).size());
            assertEquals(List.of("Lost"), strings(withTrashed.get(1).related(KitBand::records), "title"));

            assertEquals(List.of("Both"), strings(db.query(KitBand.class).has("records").get(), "name"));
            assertEquals(List.of("Both", "OnlyTrashed"), strings(db.query(KitBand.class)
                    .whereHas("records", q -> q.withTrashed()).orderBy("name").get(), "name"));
            assertEquals(List.of("OnlyTrashed"), strings(db.query(KitBand.class).doesntHave("records").get(), "name"));
            List<KitBand> counted = db.query(KitBand.class).withCount("records").orderBy("name").get();
            assertEquals(1L, asLong(counted.get(0).get("records_count")));
            assertEquals(0L, asLong(counted.get(1).get("records_count")));

            onlyTrashed.delete();
            assertTrue(db.query(KitRecord.class).whereHas("band", q -> q.where("name", "OnlyTrashed")).doesntExist());
        }
    }

    @Test
    default void softDeleteAndRestoreFireTheirEventsAndACancelledRestoreWritesNothing() {
        try (Eloquent db = bootBands()) {
            List<String> heard = new ArrayList<>();
            for (ModelEvent event : List.of(ModelEvent.DELETING, ModelEvent.DELETED, ModelEvent.RESTORING, ModelEvent.RESTORED)) {
                db.on(KitBand.class, event, band -> heard.add(event.name()));
            }
            KitBand band = band(db, "Evented", "rock");
            band.delete();
            assertEquals(List.of("DELETING", "DELETED"), heard);
            assertTrue(band.restore());
            assertEquals(List.of("DELETING", "DELETED", "RESTORING", "RESTORED"), heard);

            band.delete();
            db.onCancellable(KitBand.class, ModelEvent.RESTORING, model -> false);
            assertFalse(band.restore(), "a restoring listener cancelled");
            assertNotNull(rawRow(BANDS, "name", "Evented").get("deleted_at"), "nothing was written");
        }
    }

    @Test
    default void trashedAndForceDeleteEventsFireInLaravelsOrder() {
        try (Eloquent db = bootBands()) {
            List<String> heard = new ArrayList<>();
            for (ModelEvent event : ModelEvent.values()) {
                db.on(KitBand.class, event, band -> heard.add(event.name()));
            }
            KitBand band = band(db, "Evented", "rock");
            heard.clear();
            band.delete();
            assertEquals(List.of("DELETING", "TRASHED", "DELETED"), heard, "a soft delete is trashed");
            heard.clear();
            assertTrue(band.forceDelete());
            assertEquals(List.of("FORCE_DELETING", "DELETING", "DELETED", "FORCE_DELETED"), heard);
            assertEquals(0, raw(BANDS).size());

            KitBand kept = band(db, "Kept", "jazz");
            db.onCancellable(KitBand.class, ModelEvent.FORCE_DELETING, model -> !model.getString("name").equals("Kept"));
            heard.clear();
            assertFalse(kept.forceDelete(), "a forceDeleting listener cancelled");
            assertEquals(List.of("FORCE_DELETING"), heard, "nothing after the cancelling event");
            assertEquals(1, raw(BANDS).size(), "the row is still there");
            assertTrue(kept.exists());
        }
    }

    @Test
    default void anObserverHearsForceDeletesAndQuietVariantsFireNothing() {
        try (Eloquent db = bootBands()) {
            List<String> heard = new ArrayList<>();
            db.observe(KitBand.class, new dev.eloquent.orm.ModelObserver<>() {
                @Override
                public void trashed(KitBand band) {
                    heard.add("trashed " + band.getString("name"));
                }

                @Override
                public boolean forceDeleting(KitBand band) {
                    heard.add("forceDeleting " + band.getString("name"));
                    return !band.getString("name").equals("Guarded");
                }

                @Override
                public void forceDeleted(KitBand band) {
                    heard.add("forceDeleted " + band.getString("name"));
                }
            });
            KitBand guarded = band(db, "Guarded", "rock");
            guarded.delete();
            assertFalse(guarded.forceDelete());
            assertEquals(List.of("trashed Guarded", "forceDeleting Guarded"), heard);
            heard.clear();

            KitBand quiet = band(db, "Quiet", "jazz");
            quiet.delete();
            heard.clear();
            assertTrue(quiet.restoreQuietly());
            assertNull(rawRow(BANDS, "name", "Quiet").get("deleted_at"), "restored without events");
            assertTrue(guarded.forceDeleteQuietly(), "the observer is not asked, so it cannot cancel");
            assertEquals(List.of(), heard);
            assertEquals(List.of("Quiet"), raw(BANDS).stream().map(row -> row.get("name")).toList());
            quiet.forceDelete();
            assertEquals(List.of("forceDeleting Quiet", "forceDeleted Quiet"), heard, "events fire again");
        }
    }

    @Test
    default void aTrashedRowStillHoldsItsUniqueValue() {
        try (Eloquent db = bootBands()) {
            KitBand first = band(db, "Unique", "rock");
            first.delete();
            refused(UniqueViolationException.class, BANDS, () -> band(db, "Unique", "jazz"));
            first.forceDelete();
            band(db, "Unique", "jazz");
            assertEquals(1, raw(BANDS).size());
        }
    }

    @Test
    default void softDeleteMethodsAreRefusedOnAModelThatDoesNotSoftDelete() {
        try (Eloquent db = bootBands()) {
            KitBand band = band(db, "Poster", "rock");
            KitPost post = post(db, band, "Hello", "published", 1);
            refused(EloquentException.class, "KitPost does not use soft deletes", () -> db.query(KitPost.class).withTrashed());
            refused(EloquentException.class, "does not use soft deletes", () -> db.query(KitPost.class).onlyTrashed());
            refused(EloquentException.class, "does not use soft deletes", post::restore);
            assertFalse(post.trashed());
            assertTrue(post.delete());
            assertEquals(0, raw(POSTS).size(), "a model without soft deletes is removed");
        }
    }
}
