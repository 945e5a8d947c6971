package dev.eloquent.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.eloquent.api.Env;
import dev.eloquent.benchmarks.Models.MongoRow;
import dev.eloquent.benchmarks.Models.MongoUser;
import dev.eloquent.orm.Eloquent;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Mongo workloads: the ORM against the raw mongodb-driver-sync, on the same server. */
public interface MongoContender extends AutoCloseable {
    String DATABASE = "eloquent_bench";

    MongoRow find(long id);

    List<MongoRow> range(long fromId, int count);

    @Override
    void close();

    static MongoContender open(String name, String uri) {
        return switch (name) {
            case "raw" -> new Raw(uri);
            case "orm" -> new Orm(uri);
            default -> throw new IllegalArgumentException("no Mongo contender " + name);
        };
    }

    static Eloquent boot(String uri) {
        return Eloquent.builder().env(Env.of(Map.of("MONGO_URI", uri, "MONGO_DB", DATABASE, "DB_CONNECTION", "mongo")))
                .register(MongoUser.class, MongoUser::new).boot();
    }

    /** Drops and fills bench_users with {@link Fixture#USERS} documents through the ORM (integer keys 1..n). */
    static void prepare(String uri) {
        try (Eloquent db = boot(uri)) {
            db.dropTables(MongoUser.class);
            db.createTables(MongoUser.class);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (SqlContender.NewUser u : Fixture.newUsers(Fixture.USERS)) {
                rows.add(Map.of("name", u.name(), "email", u.email(), "age", u.age(), "active", u.active()));
            }
            db.query(MongoUser.class).insert(rows);
        }
    }

    final class Raw implements MongoContender {
        private final MongoClient client;
        private final MongoCollection<Document> users;

        Raw(String uri) {
            client = MongoClients.create(uri);
            users = client.getDatabase(DATABASE).getCollection("bench_users");
        }

        private static MongoRow row(Document d) {
            return new MongoRow(((Number) d.get("id")).longValue(), d.getString("name"), d.getString("email"),
                    ((Number) d.get("age")).intValue(), d.getBoolean("active"));
        }

        @Override
        public MongoRow find(long id) {
            Document d = users.find(Filters.eq("id", id)).first();
            return d == null ? null : row(d);
        }

        @Override
        public List<MongoRow> range(long fromId, int count) {
            List<MongoRow> rows = new ArrayList<>(count);
            for (Document d : users.find(Filters.and(Filters.gte("id", fromId), Filters.lt("id", fromId + count)))
                    .sort(Sorts.ascending("id"))) {
                rows.add(row(d));
            }
            return rows;
        }

        @Override
        public void close() {
            client.close();
        }
    }

    final class Orm implements MongoContender {
        private final Eloquent db;

        Orm(String uri) {
            db = boot(uri);
        }

        @Override
        public MongoRow find(long id) {
            return db.find(MongoUser.class, id).map(MongoUser::row).orElse(null);
        }

        @Override
        public List<MongoRow> range(long fromId, int count) {
            return db.query(MongoUser.class).where("id", ">=", fromId).where("id", "<", fromId + count).orderBy("id")
                    .get().stream().map(MongoUser::row).toList();
        }

        @Override
        public void close() {
            db.close();
        }
    }
}
