package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.eloquent.testkit.KitAssertions.asLong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model with a schema is read as its declared columns, on every read path and every driver: the ORM
 * selects them, so a document store projects those fields and its own {@code _id} never becomes an
 * attribute unless it is the key. A {@code MongoModel} without a schema still reads whole documents,
 * keyed by their ObjectId. Each case checks the stored document or row through the raw path.
 */
public interface DeclaredColumnsKit extends KitSupport {
    String DOC_NOTES = "kit_doc_notes";
    String DOC_LOOSE = "kit_doc_loose";

    private static List<String> declared() {
        return KitItem.SCHEMA.toTable(TABLE).columns().stream().map(c -> c.name()).toList();
    }

    /** Every way the kit reads one item back, each as a model. */
    private static List<KitItem> everyRead(Eloquent db, KitItem saved) {
        List<KitItem> reads = new ArrayList<>();
        reads.add(db.query(KitItem.class).where("id", saved.getKey()).get().get(0));
        reads.add(db.find(KitItem.class, saved.getKey()).orElseThrow());
        reads.add(db.query(KitItem.class).first().orElseThrow());
        try (Stream<KitItem> cursor = db.query(KitItem.class).cursor()) {
            reads.add(cursor.findFirst().orElseThrow());
        }
        try (Stream<KitItem> lazy = db.query(KitItem.class).lazy(10)) {
            reads.add(lazy.findFirst().orElseThrow());
        }
        reads.add(db.query(KitItem.class).paginate(5, 1).items().get(0));
        reads.add(db.query(KitItem.class).orderByDesc("quantity").orderBy("name").get().get(0));
        reads.add(db.query(KitItem.class).distinct().get().get(0));
        reads.add(saved.fresh().orElseThrow());
        KitItem refreshed = db.find(KitItem.class, saved.getKey()).orElseThrow();
        refreshed.refresh();
        reads.add(refreshed);
        return reads;
    }

    @Test
    default void aModelWithASchemaIsReadAsItsDeclaredColumnsOnEveryPath() {
        try (Eloquent db = boot()) {
            KitItem saved = item(db, "one");
            for (KitItem read : everyRead(db, saved)) {
                assertEquals(declared(), new ArrayList<>(read.attributes().keySet()), "attributes of a read item");
                assertEquals("one", read.getString("name"));
                assertEquals(saved.getKey(), read.getKey());
            }
            assertEquals(declared(), new ArrayList<>(db.query(KitItem.class).rows().get(0).keySet()), "rows()");
            Map<String, Object> raw = rawRows().get(0);
            assertEquals(asLong(saved.getKey()), asLong(raw.get("id")), "the raw row is the saved one");
            if (db.connections().connection(target().connection()).supports(Capability.DOCUMENTS)) {
                assertNotNull(raw.get("_id"), "the stored document keeps its own _id; the model just never reads it");
            }
        }
    }

    @Test
    default void aFieldWrittenBehindTheModelsBackIsNotRead() {
        try (Eloquent db = boot()) {
            assumeCapability(db, Capability.DOCUMENTS); // a SQL table has no column the schema does not declare
            KitItem saved = item(db, "one");
            target().raw().update(TABLE, asLong(saved.getKey()), "stray", "written by another tool");
            assertEquals("written by another tool", rawRows().get(0).get("stray"), "the raw document has the field");
            for (KitItem read : everyRead(db, saved)) {
                assertEquals(declared(), new ArrayList<>(read.attributes().keySet()));
                assertFalse(read.toJson().contains("stray") || read.toJson().contains("_id"), "printed: " + read.toJson());
            }
        }
    }

    @Test
    default void aDocumentModelWithAnIntegerKeyNeverHydratesTheDocumentsId() {
        try (Eloquent db = bootDocuments()) {
            KitDocNote note = db.create(KitDocNote.class, Map.of("body", "hello", "tags", List.of("a", "b")));
            Map<String, Object> raw = target().raw().rows(DOC_NOTES).get(0);
            assertNotNull(raw.get("_id"), "the raw document has its own _id");
            assertEquals(asLong(note.getKey()), asLong(raw.get("id")), "and the model's integer key");
            List<String> declared = KitDocNote.SCHEMA.toTable(DOC_NOTES).columns().stream().map(c -> c.name()).toList();
            List<KitDocNote> reads = new ArrayList<>(db.query(KitDocNote.class).get());
            reads.add(db.find(KitDocNote.class, note.getKey()).orElseThrow());
            reads.add(db.query(KitDocNote.class).inRandomOrder().get().get(0)); // a pipeline, not a find
            reads.add(note.fresh().orElseThrow());
            for (KitDocNote read : reads) {
                assertEquals(declared, new ArrayList<>(read.attributes().keySet()));
                assertEquals(List.of("a", "b"), read.get("tags"));
                assertFalse(read.toJson().contains("_id"), read.toJson());
            }
        }
    }

    @Test
    default void aDocumentModelWithoutASchemaIsKeyedByItsObjectId() {
        try (Eloquent db = bootDocuments()) {
            KitDocLoose loose = db.create(KitDocLoose.class, Map.of("title", "free form", "rank", 3));
            Object key = loose.getKey();
            assertTrue(key instanceof String hex && hex.matches("[0-9a-f]{24}"), "the key is an ObjectId's hex");
            Map<String, Object> raw = target().raw().rowsOrderedBy(DOC_LOOSE, "_id").get(0);
            assertEquals(key, String.valueOf(raw.get("_id")), "stored as the document's own _id");
            assertFalse(raw.containsKey("id"), "no counter key was added");
            KitDocLoose read = db.find(KitDocLoose.class, key).orElseThrow();
            assertEquals(Set.of("_id", "title", "rank"), read.attributes().keySet());
            assertEquals("free form", read.getString("title"));
            assertEquals(key, db.query(KitDocLoose.class).get().get(0).getKey());
            read.set("rank", 4);
            read.save();
            assertEquals(4L, asLong(target().raw().rowsOrderedBy(DOC_LOOSE, "_id").get(0).get("rank")));
        }
    }

    /** Boots with the document models (on a document driver; skips elsewhere) and their collections fresh. */
    private Eloquent bootDocuments() {
        Eloquent db = Eloquent.builder().env(target().env()).testMode().preventLazyLoading(true)
                .register(KitDocNote.class, KitDocNote::new).register(KitDocLoose.class, KitDocLoose::new).boot();
        try {
            assumeCapability(db, Capability.DOCUMENTS);
            db.dropTables(KitDocNote.class);
            db.createTables(KitDocNote.class);
            db.query(KitDocLoose.class).delete(); // no schema, so no table to drop: empty the collection
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
        return db;
    }
}
