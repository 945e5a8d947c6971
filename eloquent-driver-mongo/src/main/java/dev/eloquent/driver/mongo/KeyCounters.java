package dev.eloquent.driver.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;

/**
 * Auto-increment keys for MongoDB: one document per table and key column in the {@code counters}
 * collection, {@code {_id: "kit_items.id", collection: "kit_items", seq: 7}}. The next value comes from
 * one atomic {@code findOneAndUpdate} with {@code $inc}, so concurrent inserts, in this process or
 * another, never receive the same number from MongoDB. (The in-process test server, mongo-java-server,
 * applies the increment atomically but may return the same document to two callers; the unique index on
 * the key and the retry in {@link MongoConnection} keep keys unique there too.)
 */
final class KeyCounters {
    static final String COLLECTION = "counters";
    private final MongoDatabase database;

    KeyCounters(MongoDatabase database) {
        this.database = database;
    }

    private MongoCollection<Document> counters() {
        return database.getCollection(COLLECTION);
    }

    long next(String table, String column) {
        Document id = new Document("_id", table + "." + column);
        Document increment = new Document("$inc", new Document("seq", 1L))
                .append("$setOnInsert", new Document("collection", table));
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        try {
            return counters().findOneAndUpdate(id, increment, options).get("seq", Number.class).longValue();
        } catch (MongoCommandException | MongoWriteException e) {
            // Two first upserts may race to insert the counter; the loser's retry finds it and increments it.
            if (!isDuplicateKey(e)) {
                throw e;
            }
            return counters().findOneAndUpdate(id, increment, options).get("seq", Number.class).longValue();
        }
    }

    private static boolean isDuplicateKey(RuntimeException e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return ErrorCategory.fromErrorCode(((MongoCommandException) e).getErrorCode()) == ErrorCategory.DUPLICATE_KEY;
    }

    /** Moves the counter to at least {@code taken}, so the next number is free. */
    void skipPast(String table, String column, long taken) {
        counters().updateOne(new Document("_id", table + "." + column),
                new Document("$max", new Document("seq", taken)).append("$setOnInsert", new Document("collection", table)),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    /** Forgets the counters of a dropped table. */
    void reset(String table) {
        counters().deleteMany(new Document("collection", new Document("$eq", table)));
    }
}
