package dev.eloquent.driver.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import dev.eloquent.api.UniqueViolationException;
import org.bson.Document;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Auto-increment keys for MongoDB: one document per table and key column in the {@code counters}
 * collection, {@code {_id: "kit_items.id", collection: "kit_items", seq: 7}}. Numbers come in blocks
 * from one atomic {@code findOneAndUpdate} with {@code $inc}, so concurrent inserts, in this process or
 * another, never receive the same number from MongoDB. Before a counter is first used by this
 * connection it is moved past the largest number already stored in the collection ({@code $max}), so a
 * collection filled by another tool never hands out a number that exists. (The in-process test server,
 * mongo-java-server, applies the increment atomically but may return the same document to two callers;
 * the unique index on the key and the retry in {@link MongoWrites} keep keys unique there too.)
 */
final class KeyCounters {
    static final String COLLECTION = "counters";
    private final MongoDatabase database;
    private final MongoCommands commands;
    /** Counters moved past the collection's largest key by this connection. */
    private final Set<String> seeded = ConcurrentHashMap.newKeySet();
    /** Each table's numbered key column, as found in the counters collection (empty: none). */
    private final Map<String, Optional<String>> keys = new ConcurrentHashMap<>();

    KeyCounters(MongoDatabase database, MongoCommands commands) {
        this.database = database;
        this.commands = commands;
    }

    private MongoCollection<Document> counters() {
        return database.getCollection(COLLECTION);
    }

    private static String id(String table, String column) {
        return table + "." + column;
    }

    /**
     * Registers the table's auto-increment column (increments/bigIncrements), so that every insert that
     * leaves it out is numbered, as a SQL auto-increment column is: plain inserts and upserts alike. The
     * counter starts past the largest number the collection already holds.
     */
    void register(String table, String column) {
        skipPast(table, column, largestStored(table, column));
        seeded.add(id(table, column));
        keys.put(table, Optional.of(column));
    }

    /** The table's numbered key column, if it has one: found once per connection in the counters collection. */
    Optional<String> keyOf(String table) {
        return keys.computeIfAbsent(table, t -> {
            Document filter = new Document("collection", new Document("$eq", new Param(t)));
            MongoCommands.Command command = MongoCommands.command(COLLECTION, "find " + COLLECTION + " "
                    + Param.shape(filter), () -> bindings(filter));
            List<Document> found = commands.run(command, () -> counters().find(Param.unwrap(filter))
                    .into(new java.util.ArrayList<>()), List::size);
            return found.stream().map(d -> String.valueOf(d.get(MongoValues.ID)))
                    .filter(id -> id.startsWith(t + ".")).map(id -> id.substring(t.length() + 1)).findFirst();
        });
    }

    /** Reserves {@code count} consecutive numbers and returns the first. */
    long reserve(String table, String column, int count) {
        if (seeded.add(id(table, column))) {
            skipPast(table, column, largestStored(table, column));
        }
        Document filter = new Document(MongoValues.ID, new Param(id(table, column)));
        Document increment = new Document("$inc", new Document("seq", new Param((long) count)))
                .append("$setOnInsert", new Document("collection", new Param(table)));
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        MongoCommands.Command command = MongoCommands.command(COLLECTION, "findAndModify " + COLLECTION + " "
                + Param.shape(filter) + " " + Param.shape(increment) + " upsert", () -> bindings(filter, increment));
        long last;
        try {
            last = next(command, filter, increment, options);
        } catch (UniqueViolationException firstUpsertsRaced) {
            // Two first upserts may race to insert the counter; the loser's retry finds it and increments it.
            last = next(command, filter, increment, options);
        }
        return last - count + 1;
    }

    private long next(MongoCommands.Command command, Document filter, Document increment, FindOneAndUpdateOptions options) {
        return commands.run(command, () -> counters().findOneAndUpdate(Param.unwrap(filter), Param.unwrap(increment), options)
                .get("seq", Number.class).longValue(), seq -> 1);
    }

    /** The largest number stored in the column, or 0. */
    long largestStored(String table, String column) {
        Document numbers = new Document(column, new Document("$gte", new Param(Long.MIN_VALUE))); // numbers only
        Document sort = new Document(column, -1);
        MongoCommands.Command command = MongoCommands.command(table, "find " + table + " " + Param.shape(numbers)
                + " sort " + Param.shape(sort) + " limit 1", () -> bindings(numbers));
        Document largest = commands.run(command, () -> database.getCollection(table).find(Param.unwrap(numbers))
                .sort(sort).limit(1).first(), found -> found == null ? 0 : 1);
        return largest != null && largest.get(column) instanceof Number stored ? stored.longValue() : 0;
    }

    /** Moves the counter to at least {@code taken}, so the next number is free. */
    void skipPast(String table, String column, long taken) {
        Document filter = new Document(MongoValues.ID, new Param(id(table, column)));
        Document update = new Document("$max", new Document("seq", new Param(taken)))
                .append("$setOnInsert", new Document("collection", new Param(table)));
        MongoCommands.Command command = MongoCommands.command(COLLECTION, "updateOne " + COLLECTION + " "
                + Param.shape(filter) + " " + Param.shape(update) + " upsert", () -> bindings(filter, update));
        try {
            commands.run(command, () -> counters().updateOne(Param.unwrap(filter), Param.unwrap(update),
                    new UpdateOptions().upsert(true)), result -> result.getModifiedCount());
        } catch (UniqueViolationException firstUpsertsRaced) {
            commands.run(command, () -> counters().updateOne(Param.unwrap(filter), Param.unwrap(update),
                    new UpdateOptions().upsert(true)), result -> result.getModifiedCount());
        }
    }

    /** Moves a renamed table's numbered key: the counter of the new name starts past its largest stored key. */
    void rename(String from, String to) {
        Optional<String> key = keyOf(from);
        reset(from);
        key.ifPresent(column -> register(to, column));
    }

    /** Forgets the counters of a dropped table. */
    void reset(String table) {
        Document filter = new Document("collection", new Document("$eq", new Param(table)));
        MongoCommands.Command command = MongoCommands.command(COLLECTION, "deleteMany " + COLLECTION + " "
                + Param.shape(filter), () -> bindings(filter));
        commands.run(command, () -> counters().deleteMany(Param.unwrap(filter)).getDeletedCount(), deleted -> deleted);
        seeded.removeIf(id -> id.startsWith(table + "."));
        keys.remove(table);
    }

    private static List<Object> bindings(Document... documents) {
        List<Object> values = new java.util.ArrayList<>();
        for (Document document : documents) {
            Param.collect(document, values);
        }
        return values;
    }
}
