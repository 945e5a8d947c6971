package dev.eloquent.examples;

import dev.eloquent.api.ConnectionException;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.orm.BelongsTo;
import dev.eloquent.orm.Connection;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.HasMany;
import dev.eloquent.orm.Model;
import dev.eloquent.orm.MongoModel;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.SqlModel;
import dev.eloquent.orm.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The seed's scenario: users in a SQL database and their geolocations in MongoDB, in one process.
 * {@code User} is pinned to {@code sqlite}, {@code GeoLocation} to {@code mongo}; {@code Visit} is pinned
 * to nothing and follows {@code DB_CONNECTION}. {@code User.places()} and {@code GeoLocation.user()} relate
 * them across the two databases: each relation's query runs on the related model's connection, and eager
 * loading reads all the related models in one query per side and matches them in memory. Needs a MongoDB at {@code MONGO_URI}
 * (default mongodb://127.0.0.1:27017); run it with the drivers on the module path:
 * <pre>{@code java -p eloquent-examples/target/modules -m dev.eloquent.examples/dev.eloquent.examples.MixedDriversExample}</pre>
 */
public final class MixedDriversExample {
    private MixedDriversExample() {
    }

    @Table("users")
    @Connection("sqlite")
    public static final class User extends SqlModel<User> {
        static final Schema SCHEMA = Schema.of(t -> {
            t.increments("id");
            t.string("name", 120);
            t.timestamps();
        });

        @Override
        public Schema schema() {
            return SCHEMA;
        }

        /** The user's places, in MongoDB: a relation across connections, matched on user_id. */
        public HasMany<User, GeoLocation> places() {
            return hasMany(GeoLocation.class, "user_id");
        }
    }

    /** ObjectId mode (no primary key declared); {@code tags} holds a nested document. */
    @Table("geolocations")
    @Connection("mongo")
    public static final class GeoLocation extends MongoModel<GeoLocation> {
        static final Schema SCHEMA = Schema.of(t -> {
            t.bigInteger("user_id").index();
            t.decimal("lat", 9, 6);
            t.decimal("lng", 9, 6);
            t.json("tags").nullable();
            t.timestamps();
        });

        @Override
        public Schema schema() {
            return SCHEMA;
        }

        /** The place's user, in SQL. */
        public BelongsTo<GeoLocation, User> user() {
            return belongsTo(User.class, "user_id");
        }
    }

    /** Unpinned, and a plain Model: it lives wherever DB_CONNECTION (DB_TEST_CONNECTION in test mode) points. */
    @Table("visits")
    public static final class Visit extends Model<Visit> {
        static final Schema SCHEMA = Schema.of(t -> {
            t.increments("id");
            t.string("page", 200);
        });

        @Override
        public Schema schema() {
            return SCHEMA;
        }
    }

    /** Registers the three models on a builder. */
    public static Eloquent.Builder register(Eloquent.Builder builder) {
        return builder.register(User.class, User::new).register(GeoLocation.class, GeoLocation::new)
                .register(Visit.class, Visit::new);
    }

    /**
     * Writes a user to SQL and two places to MongoDB through {@code places()}, then reads them back together
     * with eager loading, both ways, and says how many statements each connection received; returns what it
     * printed.
     */
    public static List<String> run(Eloquent db) {
        db.createTables(User.class, GeoLocation.class, Visit.class);
        User ann = db.create(User.class, Map.of("name", "Ann"));
        // Through the relation: user_id is set from Ann's SQL key.
        ann.places().create(Map.of("lat", new BigDecimal("52.520008"), "lng", new BigDecimal("13.404954"),
                "tags", Map.of("city", "Berlin", "kinds", List.of("home"))));
        ann.places().create(Map.of("lat", new BigDecimal("48.856613"), "lng", new BigDecimal("2.352222"),
                "tags", Map.of("city", "Paris", "kinds", List.of("work", "cafe"))));
        db.create(Visit.class, Map.of("page", "/users/" + ann.getKey()));

        Map<ConnectionName, Integer> statements = new ConcurrentHashMap<>();
        db.listen(event -> statements.merge(event.connection(), 1, Integer::sum));
        ConnectionName sql = db.connectionNameOf(User.class);
        ConnectionName mongo = db.connectionNameOf(GeoLocation.class);

        List<String> lines = new ArrayList<>();
        List<User> users = db.query(User.class).with("places", places -> places.orderBy("lat")).get();
        int placeCount = 0;
        for (User user : users) {
            lines.add("user " + user.getKey() + " " + user.getString("name") + " on " + sql);
            List<GeoLocation> places = user.related(User::places);
            placeCount += places.size();
            for (GeoLocation place : places) {
                lines.add("  place " + place.getKey() + " " + place.getDecimal("lat") + "," + place.getDecimal("lng")
                        + " " + place.get("tags") + " on " + mongo);
            }
        }
        lines.add("eager: " + users.size() + " user(s) and " + placeCount + " place(s) in " + taken(statements, sql)
                + " query on " + sql + " and " + taken(statements, mongo) + " on " + mongo);

        List<GeoLocation> places = db.query(GeoLocation.class).orderBy("lat").with("user").get();
        for (GeoLocation place : places) {
            lines.add("  " + ((Map<?, ?>) place.get("tags")).get("city") + " belongs to "
                    + place.related(GeoLocation::user).getString("name"));
        }
        lines.add("reverse: " + places.size() + " place(s) with their user in " + taken(statements, mongo)
                + " query on " + mongo + " and " + taken(statements, sql) + " on " + sql);
        lines.add("visits: " + db.query(Visit.class).count() + " on " + db.connectionNameOf(Visit.class));
        return lines;
    }

    /** The statements counted on the connection since the last call. */
    private static int taken(Map<ConnectionName, Integer> statements, ConnectionName connection) {
        Integer count = statements.remove(connection);
        return count == null ? 0 : count;
    }

    public static void main(String[] args) {
        // The MongoDB driver logs every connection through SLF4J at INFO; the example shows warnings only.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        try (Eloquent db = register(Eloquent.builder()).boot()) {
            run(db).forEach(System.out::println);
        } catch (ConnectionException e) {
            // The driver's message names the connection, the hosts and the key to fix; never the password.
            System.err.println("MixedDriversExample needs a MongoDB at MONGO_URI (default mongodb://127.0.0.1:27017)"
                    + " and a writable SQLITE_PATH.");
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
