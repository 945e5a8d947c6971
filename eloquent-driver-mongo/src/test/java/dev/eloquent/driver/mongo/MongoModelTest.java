package dev.eloquent.driver.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Env;
import dev.eloquent.api.UniqueViolationException;
import dev.eloquent.api.UnsupportedFeatureException;
import dev.eloquent.orm.Connection;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.MongoModel;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.SqlModel;
import dev.eloquent.orm.Table;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MongoModel through the ORM, every result checked through the raw MongoDB client as well. */
class MongoModelTest {
    /** Schemaless: ObjectId mode, any field. */
    @Table("notes")
    @Connection("mongo")
    static final class Note extends MongoModel<Note> {
    }

    /** A schema without a primary key: ObjectId mode with declared, typed fields. */
    @Table("places")
    @Connection("mongo")
    static final class Place extends MongoModel<Place> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.string("name", 40).unique();
                t.json("tags").nullable();
                t.decimal("price", 10, 2).nullable();
                t.bool("open").defaultValue(true);
                t.date("since").nullable();
                t.timestamp("seen_at").nullable();
                t.timestamps();
            });
        }
    }

    /** Integer id mode. */
    @Table("tickets")
    @Connection("mongo")
    static final class Ticket extends MongoModel<Ticket> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.increments("id");
                t.string("label", 40);
                t.integer("hits").defaultValue(0);
            });
        }
    }

    @Table("sql_things")
    @Connection("mongo")
    static final class SqlThing extends SqlModel<SqlThing> {
    }

    private static MongoTestServer server;
    private static MongoClient raw;
    private String database;
    private Eloquent db;

    @BeforeAll
    static void startServer() {
        server = MongoTestServer.start();
        raw = MongoClients.create(server.uri());
    }

    @AfterAll
    static void stopServer() {
        raw.close();
        server.close();
    }

    @BeforeEach
    void boot() {
        database = "eloquent_models_" + new ObjectId().toHexString();
        db = Eloquent.builder()
                .env(Env.of(Map.of("DB_CONNECTION", "mongo", "MONGO_URI", server.uri(), "MONGO_DB", database)))
                .register(Note.class, Note::new).register(Place.class, Place::new)
                .register(Ticket.class, Ticket::new).register(SqlThing.class, SqlThing::new)
                .boot();
        db.createTables(Place.class, Ticket.class);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
        raw.getDatabase(database).drop();
    }

    private MongoDatabase rawDatabase() {
        return raw.getDatabase(database);
    }

    @Test
    void objectIdModeUsesTheDocumentIdAsAHexStringKey() {
        Note note = db.create(Note.class, Map.of("title", "first"));
        String key = (String) note.getKey();
        assertTrue(ObjectId.isValid(key), key);
        Document stored = rawDatabase().getCollection("notes").find().first();
        assertEquals(new ObjectId(key), stored.get("_id"), "stored as a real ObjectId");
        assertEquals("first", db.findOrFail(Note.class, key).getString("title"));
        assertTrue(db.find(Note.class, new ObjectId().toHexString()).isEmpty());
        EloquentException notAnId = assertThrows(EloquentException.class, () -> db.find(Note.class, "42"));
        assertTrue(notAnId.getMessage().contains("_id must be the 24-character hex string"), notAnId.getMessage());
        assertTrue(note.delete());
        assertEquals(0, rawDatabase().getCollection("notes").countDocuments());
    }

    @Test
    void integerIdModeHidesTheDocumentIdAndNumbersFromTheCounters() {
        Ticket first = db.create(Ticket.class, Map.of("label", "a"));
        Ticket second = db.create(Ticket.class, Map.of("label", "b"));
        assertEquals(1L, first.getKey());
        assertEquals(2L, second.getKey());
        Ticket loaded = db.findOrFail(Ticket.class, 2);
        assertEquals(Set.of("id", "label", "hits"), loaded.attributes().keySet(), "the store's own _id is not an attribute");
        assertEquals(2L, ((Number) rawDatabase().getCollection("counters").find(new Document("_id", "tickets.id"))
                .first().get("seq")).longValue());
        db.dropTables(Ticket.class);
        db.createTables(Ticket.class);
        assertEquals(1L, db.create(Ticket.class, Map.of("label", "again")).getKey(), "a dropped table's counter starts again");
    }

    @Test
    void aGeneratedNumberSkipsKeysTakenByExplicitIds() {
        db.create(Ticket.class, Map.of("id", 1, "label", "explicit one"));
        db.create(Ticket.class, Map.of("id", 7, "label", "explicit seven"));
        Ticket generated = db.create(Ticket.class, Map.of("label", "generated"));
        assertEquals(8L, generated.getKey(), "the counter moved past the largest stored id");
        assertEquals(3, rawDatabase().getCollection("tickets").countDocuments());
    }

    @Test
    void integerKeysStayUniqueUnderConcurrentInserts() throws Exception {
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<Long>>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(() -> {
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        ids.add((Long) db.create(Ticket.class, Map.of("label", thread + "-" + i)).getKey());
                    }
                    return ids;
                });
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> done : pool.invokeAll(work)) {
                all.addAll(done.get());
            }
            assertEquals(threads * each, all.size());
            assertEquals(threads * each, new TreeSet<>(all).size(), "no number handed out twice");
            List<Long> stored = new ArrayList<>();
            rawDatabase().getCollection("tickets").find().forEach(d -> stored.add(((Number) d.get("id")).longValue()));
            Collections.sort(stored);
            assertEquals(new ArrayList<>(new TreeSet<>(all)), stored, "what the models got is what is stored");
            if (!server.inProcess()) {
                // MongoDB's findAndModify is atomic, so no number is skipped. mongo-java-server may return
                // one counter value to two callers; there the unique index and the retry keep keys unique
                // but can leave gaps, as SQL auto-increments can.
                Set<Long> expected = LongStream.rangeClosed(1, threads * each).boxed()
                        .collect(Collectors.toCollection(TreeSet::new));
                assertEquals(expected, new TreeSet<>(all));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nestedDocumentsArraysDecimalsDatesAndBooleansKeepTheirTypes() {
        Map<String, Object> tags = new HashMap<>();
        tags.put("kind", "cafe");
        tags.put("ratings", List.of(4, 5, Map.of("by", "ann", "ok", true)));
        tags.put("empty", null);
        Place saved = db.create(Place.class, Map.of("name", "Blue", "tags", tags, "price", new BigDecimal("12.50"),
                "since", LocalDate.of(1999, 12, 31), "seen_at", LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000)));
        Place read = db.findOrFail(Place.class, saved.getKey());
        assertEquals(tags, read.get("tags"));
        assertEquals(new BigDecimal("12.50"), read.get("price"));
        assertEquals(true, read.get("open"));
        assertEquals(LocalDate.of(1999, 12, 31), read.get("since"));
        assertEquals(LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_000_000), read.get("seen_at"),
                "a BSON date keeps milliseconds: the microseconds are truncated");
        Document stored = rawDatabase().getCollection("places").find().first();
        assertInstanceOf(Document.class, stored.get("tags"));
        assertEquals(List.of(4, 5, new Document("by", "ann").append("ok", true)),
                stored.get("tags", Document.class).get("ratings"));
        assertEquals(new Decimal128(new BigDecimal("12.50")), stored.get("price"));
        assertEquals(Boolean.TRUE, stored.get("open"));
        assertEquals(java.util.Date.from(Instant.parse("2024-02-29T23:59:58.123Z")), stored.get("seen_at"), "a BSON date, at UTC");
        assertEquals(java.util.Date.from(Instant.parse("1999-12-31T00:00:00Z")), stored.get("since"), "a date is midnight UTC");

        Instant when = Instant.parse("2024-05-06T07:08:09.123Z");
        Note note = db.create(Note.class, Map.of("when", when, "amount", new BigDecimal("0.10"), "flag", false,
                "list", List.of("a", List.of(1L, 2.5)), "doc", Map.of("inner", Map.of("deep", 1))));
        Note back = db.findOrFail(Note.class, note.getKey());
        assertEquals(when, back.get("when"));
        assertEquals(new BigDecimal("0.10"), back.get("amount"));
        assertEquals(false, back.get("flag"));
        assertEquals(List.of("a", List.of(1L, 2.5)), back.get("list"));
        assertEquals(Map.of("inner", Map.of("deep", 1)), back.get("doc"));
        assertInstanceOf(java.util.Date.class, rawDatabase().getCollection("notes").find().first().get("when"));
        Note fine = db.create(Note.class, Map.of("when", Instant.parse("2024-01-01T00:00:00.000999Z")));
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), db.findOrFail(Note.class, fine.getKey()).get("when"),
                "an Instant finer than a millisecond is truncated (never rounded up), as every timestamp on mongo");
    }

    @Test
    void aMapValueIsALiteralNeverAnOperator() {
        db.create(Note.class, Map.of("name", "Ann"));
        db.create(Note.class, Map.of("name", "Bob"));
        Map<String, Object> hostile = Map.of("$gt", "");
        assertEquals(0, db.query(Note.class).where("name", hostile).count(), "{$gt: ''} would match Ann and Bob");
        assertEquals(0, db.query(Note.class).whereIn("name", List.of(hostile)).count());
        assertEquals(2, db.query(Note.class).where("name", "!=", hostile).count());
        assertEquals(0, db.query(Note.class).where("name", "like", ".*").count(), "regex syntax in a like pattern is quoted");
        Note literal = db.create(Note.class, Map.of("name", hostile));
        List<Note> found = db.query(Note.class).where("name", hostile).get();
        assertEquals(1, found.size());
        assertEquals(literal.getKey(), found.get(0).getKey());
        assertEquals(hostile, found.get(0).get("name"));
        Document stored = rawDatabase().getCollection("notes").find(new Document("_id", new ObjectId((String) literal.getKey()))).first();
        assertEquals(new Document("$gt", ""), stored.get("name"), "the map was stored as data");
    }

    @Test
    void saveWritesOnlyTheChangedFields() {
        Place place = db.create(Place.class, Map.of("name", "Red", "price", new BigDecimal("1.00")));
        rawDatabase().getCollection("places").updateOne(new Document("_id", new ObjectId((String) place.getKey())),
                new Document("$set", new Document("price", new Decimal128(new BigDecimal("9.99")))));
        place.set("name", "Green").save();
        Document stored = rawDatabase().getCollection("places").find().first();
        assertEquals("Green", stored.get("name"));
        assertEquals(new Decimal128(new BigDecimal("9.99")), stored.get("price"), "an unchanged field is not written back");
        assertFalse(place.isDirty());
    }

    @Test
    void aRangeFilterMatchesBsonDatesWrittenByAnotherToolExactly() {
        LocalDateTime start = LocalDateTime.of(2024, 5, 1, 8, 0, 0, 250_000_000);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            documents.add(new Document("name", "place" + i).append("open", true)
                    .append("seen_at", java.util.Date.from(start.plusHours(i).toInstant(java.time.ZoneOffset.UTC))));
        }
        rawDatabase().getCollection("places").insertMany(documents);
        LocalDateTime boundary = start.plusHours(40);
        assertEquals(40, db.query(Place.class).where("seen_at", ">=", boundary).count(), "rows 40..79: the boundary row included");
        assertEquals(39, db.query(Place.class).where("seen_at", ">", boundary).count());
        Place exact = db.query(Place.class).where("seen_at", boundary).firstOrFail();
        assertEquals("place40", exact.get("name"));
        assertEquals(boundary, exact.get("seen_at"), "a BSON date reads back as the declared LocalDateTime");
        assertEquals(start.plusHours(79), db.query(Place.class).max("seen_at"), "max over BSON dates, typed");
        Place mine = db.create(Place.class, Map.of("name", "mine", "seen_at", boundary));
        assertEquals(41, db.query(Place.class).where("seen_at", ">=", boundary).count(), "ours is stored the same way");
        assertInstanceOf(java.util.Date.class, rawDatabase().getCollection("places")
                .find(new Document("_id", new ObjectId((String) mine.getKey()))).first().get("seen_at"));
    }

    @Test
    void integerKeysStartPastTheLargestIdOfACollectionAnotherToolFilled() {
        db.dropTables(Ticket.class);
        for (int id = 1; id <= 30; id++) {
            rawDatabase().getCollection("tickets").insertOne(new Document("id", id).append("label", "legacy"));
        }
        db.createTables(Ticket.class); // the collection exists: its key gets its unique index and counter
        assertEquals(31L, db.create(Ticket.class, Map.of("label", "new")).getKey());
        rawDatabase().getCollection("tickets").insertOne(new Document("id", 32).append("label", "meanwhile"));
        assertEquals(33L, db.create(Ticket.class, Map.of("label", "next")).getKey(), "a number taken meanwhile is skipped");
        db.query(Ticket.class).insert(List.of(Map.of("label", "x"), Map.of("label", "y")));
        Set<Long> ids = new TreeSet<>();
        rawDatabase().getCollection("tickets").find().forEach(d -> ids.add(((Number) d.get("id")).longValue()));
        assertEquals(LongStream.rangeClosed(1, 35).boxed().collect(Collectors.toCollection(TreeSet::new)), ids,
                "every id once: nothing collides with what was there");
    }

    @Test
    void incrementIsAtomicUnderEightThreads() throws Exception {
        Ticket ticket = db.create(Ticket.class, Map.of("label", "counter"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                work.add(() -> {
                    for (int i = 0; i < 50; i++) {
                        db.query(Ticket.class).where("id", ticket.getKey()).increment("hits");
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(400, ((Number) rawDatabase().getCollection("tickets").find().first().get("hits")).intValue(),
                "$inc loses no increment");
    }

    @Test
    void uniqueColumnsAreEnforcedByAnIndex() {
        db.create(Place.class, Map.of("name", "Once-secret-marker"));
        UniqueViolationException twice = assertThrows(UniqueViolationException.class,
                () -> db.create(Place.class, Map.of("name", "Once-secret-marker")));
        assertTrue(twice.getMessage().contains("unique index 'places_name_unique'"), twice.getMessage());
        assertEquals("places_name_unique", twice.index());
        assertEquals("places", twice.table());
        assertEquals("11000", twice.sqlState());
        assertFalse(twice.toString().contains("secret-marker"), "the dup key part, which quotes the value, is left out");
        assertEquals(null, twice.getCause(), "the MongoDB exception, whose text quotes the value, is not kept");
        assertEquals(1, rawDatabase().getCollection("places").countDocuments());
    }

    @Test
    void whatMongoCannotDoFailsSayingSo() {
        EloquentException sql = assertThrows(EloquentException.class, () -> db.create(SqlThing.class, Map.of("a", 1)));
        assertTrue(sql.getMessage().contains("SqlThing is a SqlModel but connection 'mongo'"), sql.getMessage());
        UnsupportedFeatureException transactions = assertThrows(UnsupportedFeatureException.class,
                () -> db.transaction("mongo", () -> null));
        assertEquals("transactions is not supported on mongo", transactions.getMessage());
        // Joins, raw SQL and row locks have no model API yet; the capabilities that will gate them are not claimed.
        var connection = db.connections().connection("mongo");
        assertEquals(java.util.EnumSet.of(dev.eloquent.api.Capability.SCHEMA, dev.eloquent.api.Capability.DOCUMENTS,
                dev.eloquent.api.Capability.AGGREGATES, dev.eloquent.api.Capability.UPSERT), connection.capabilities());
        for (var capability : java.util.List.of(dev.eloquent.api.Capability.JOINS, dev.eloquent.api.Capability.RAW_SQL,
                dev.eloquent.api.Capability.ROW_LOCKS, dev.eloquent.api.Capability.SUBQUERIES)) {
            UnsupportedFeatureException refused = assertThrows(UnsupportedFeatureException.class,
                    () -> connection.require(capability));
            assertEquals(capability.description() + " is not supported on mongo", refused.getMessage());
        }
    }
}
