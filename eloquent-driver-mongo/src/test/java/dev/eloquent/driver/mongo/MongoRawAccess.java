package dev.eloquent.driver.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.result.UpdateResult;
import dev.eloquent.testkit.RawAccess;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The kit's second path: the plain MongoDB Java client, a client per call, no Eloquent code involved. */
final class MongoRawAccess implements RawAccess {
    private final String uri;
    private final String database;

    MongoRawAccess(String uri, String database) {
        this.uri = uri;
        this.database = database;
    }

    @Override
    public List<Map<String, Object>> rows(String table) {
        return rowsOrderedBy(table, "id");
    }

    @Override
    public List<Map<String, Object>> rowsOrderedBy(String table, String... columns) {
        Document sort = new Document();
        for (String column : columns) {
            sort.append(column, 1);
        }
        try (MongoClient client = MongoClients.create(uri)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Document document : client.getDatabase(database).getCollection(table).find().sort(sort)) {
                rows.add(new LinkedHashMap<>(document));
            }
            return rows;
        }
    }

    @Override
    public boolean hasTable(String table) {
        try (MongoClient client = MongoClients.create(uri)) {
            return client.getDatabase(database).listCollectionNames().into(new ArrayList<>()).contains(table);
        }
    }

    @Override
    public void update(String table, long id, String column, Object value) {
        try (MongoClient client = MongoClients.create(uri)) {
            UpdateResult result = client.getDatabase(database).getCollection(table)
                    .updateOne(new Document("id", id), new Document("$set", new Document(column, value)));
            if (result.getMatchedCount() != 1) {
                throw new IllegalStateException("raw update of " + table + " id " + id + " matched "
                        + result.getMatchedCount() + " documents");
            }
        }
    }
}
