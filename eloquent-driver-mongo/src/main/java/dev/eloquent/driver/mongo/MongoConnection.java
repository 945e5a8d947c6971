package dev.eloquent.driver.mongo;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.eloquent.api.Capability;
import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.ConnectionException;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Query;
import dev.eloquent.api.Rows;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.TableSpec;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An open {@code mongo} connection: one {@link MongoClient} (which pools its own sockets) and one
 * database. Tables are collections; what MongoDB cannot do in this model (joins, raw SQL, row locks,
 * transactions: see docs/mongo.md) is not claimed, so the ORM refuses it with "... is not supported on mongo".
 */
final class MongoConnection implements DatabaseConnection {
    /** Bounds for an unreachable server, unless the URI sets its own (serverSelectionTimeoutMS, connectTimeoutMS). */
    static final int DEFAULT_TIMEOUT_MS = 3_000;
    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.SCHEMA, Capability.DOCUMENTS);

    private final MongoSettings settings;
    private final MongoClient client;
    private final MongoDatabase database;
    private final KeyCounters counters;
    private volatile boolean closed;

    private MongoConnection(MongoSettings settings, MongoClient client) {
        this.settings = settings;
        this.client = client;
        this.database = client.getDatabase(settings.database());
        this.counters = new KeyCounters(database);
    }

    /** Opens the client and pings the server, so a wrong URI fails here, within the timeout, naming the hosts. */
    static MongoConnection open(MongoSettings settings) {
        ConnectionString uri = settings.connectionString();
        MongoClientSettings.Builder builder = MongoClientSettings.builder().applyConnectionString(uri)
                .uuidRepresentation(UuidRepresentation.STANDARD);
        if (uri.getServerSelectionTimeout() == null) {
            builder.applyToClusterSettings(c -> c.serverSelectionTimeout(DEFAULT_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        }
        if (uri.getConnectTimeout() == null) {
            builder.applyToSocketSettings(s -> s.connectTimeout(DEFAULT_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        }
        MongoClient client;
        try {
            client = MongoClients.create(builder.build());
        } catch (RuntimeException e) {
            throw new ConnectionException("connection '" + settings.connection() + "' could not start a MongoDB"
                    + " client for " + settings.describe() + " (" + e.getClass().getSimpleName() + "); check "
                    + settings.uriKey());
        }
        MongoConnection connection = new MongoConnection(settings, client);
        try {
            connection.database.runCommand(new Document("ping", 1));
        } catch (MongoTimeoutException e) {
            client.close();
            // The driver's text describes the cluster state; our own says the same without any URI part.
            throw new ConnectionException("connection '" + settings.connection() + "' found no MongoDB server"
                    + " answering at " + settings.describe() + " within " + timeout(uri) + " ms; check "
                    + settings.uriKey() + " and that the server is running");
        } catch (MongoException e) {
            client.close();
            throw new ConnectionException("connection '" + settings.connection() + "' could not use MongoDB at "
                    + settings.describe() + ": " + e.getClass().getSimpleName() + " (code " + e.getCode() + "); check "
                    + settings.uriKey() + " (user, password, authSource)");
        }
        return connection;
    }

    private static long timeout(ConnectionString uri) {
        Integer own = uri.getServerSelectionTimeout();
        return own != null ? own : DEFAULT_TIMEOUT_MS;
    }

    @Override
    public ConnectionName name() {
        return settings.connection();
    }

    @Override
    public String driverName() {
        return "mongo";
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    private MongoCollection<Document> collection(String table) {
        if (closed) {
            throw new IllegalStateException("connection '" + settings.connection() + "' is closed");
        }
        return database.getCollection(table);
    }

    @Override
    public Rows select(Query query) {
        if (query.limit() != null && query.limit() == 0) {
            return new Rows(query.columns(), List.of()); // MongoDB reads limit(0) as "no limit"
        }
        return run("read " + query.table(), () -> {
            FindIterable<Document> found = collection(query.table()).find(MongoQueries.filter(query))
                    .sort(MongoQueries.sort(query));
            if (!query.columns().isEmpty()) {
                Document projection = new Document();
                query.columns().forEach(column -> projection.append(column, 1));
                if (!query.columns().contains(MongoValues.ID)) {
                    projection.append(MongoValues.ID, 0);
                }
                found.projection(projection);
            }
            if (query.offset() != null) {
                found.skip(query.offset());
            }
            if (query.limit() != null) {
                found.limit(query.limit());
            }
            List<Document> documents = found.into(new ArrayList<>());
            return rows(query.columns(), documents);
        });
    }

    /**
     * Documents in positional form. Documents need not share fields, so without a projection the columns
     * are every field seen, in order of first appearance, and a field a document lacks reads as null.
     */
    private static Rows rows(List<String> projected, List<Document> documents) {
        List<String> columns;
        if (!projected.isEmpty()) {
            columns = projected;
        } else {
            Set<String> seen = new LinkedHashSet<>();
            documents.forEach(document -> seen.addAll(document.keySet()));
            columns = List.copyOf(seen);
        }
        List<Object[]> values = new ArrayList<>(documents.size());
        for (Document document : documents) {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = MongoValues.fromBson(document.get(columns.get(i)));
            }
            values.add(row);
        }
        return new Rows(columns, values);
    }

    @Override
    public long count(Query query) {
        if (query.limit() != null && query.limit() == 0) {
            return 0;
        }
        return run("count " + query.table(), () -> {
            CountOptions options = new CountOptions();
            if (query.offset() != null) {
                options.skip(query.offset());
            }
            if (query.limit() != null) {
                options.limit(query.limit());
            }
            return collection(query.table()).countDocuments(MongoQueries.filter(query), options);
        });
    }

    @Override
    public boolean exists(Query query) {
        if (query.limit() != null && query.limit() == 0) {
            return false;
        }
        return run("read " + query.table(), () -> {
            FindIterable<Document> found = collection(query.table()).find(MongoQueries.filter(query))
                    .projection(new Document(MongoValues.ID, 1)).limit(1);
            if (query.offset() != null) {
                found.skip(query.offset());
            }
            return found.first() != null;
        });
    }

    /**
     * Inserts one document. A {@code generatedKey} of {@code _id} gets a new ObjectId (returned as hex);
     * any other generated key gets the next number of its counter (see {@link KeyCounters}). Should that
     * number be taken already (a document inserted with an explicit id, which does not move the
     * counter), the key's unique index refuses it and the counter moves past the largest stored key.
     */
    @Override
    public Object insert(String table, Map<String, ?> values, String generatedKey) {
        return run("insert into " + table, () -> {
            Document document = new Document();
            for (Map.Entry<String, ?> entry : values.entrySet()) {
                String field = entry.getKey();
                document.append(field, MongoValues.ID.equals(field) ? MongoValues.objectId(entry.getValue())
                        : MongoValues.toBson(field, entry.getValue()));
            }
            if (MongoValues.ID.equals(generatedKey)) {
                ObjectId id = new ObjectId();
                document.put(MongoValues.ID, id);
                collection(table).insertOne(document);
                return id.toHexString();
            }
            if (generatedKey == null) {
                collection(table).insertOne(document);
                return null;
            }
            return insertNumbered(table, generatedKey, document);
        });
    }

    private long insertNumbered(String table, String key, Document document) {
        for (int attempt = 1; ; attempt++) {
            long number = counters.next(table, key);
            document.put(key, number);
            try {
                collection(table).insertOne(document);
                return number;
            } catch (MongoWriteException e) {
                if (attempt == 5 || e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY
                        || !e.getError().getMessage().contains(" index: " + uniqueIndexName(table, key) + " ")) {
                    throw e;
                }
                Document largest = collection(table).find().sort(new Document(key, -1)).limit(1).first();
                if (largest != null && largest.get(key) instanceof Number stored) {
                    counters.skipPast(table, key, stored.longValue());
                }
            }
        }
    }

    static String uniqueIndexName(String table, String column) {
        return table + "_" + column + "_unique";
    }

    @Override
    public long update(Query query, Map<String, ?> values) {
        if (values.isEmpty()) {
            throw new EloquentException("update of " + query.table() + " names no column to set");
        }
        return run("update " + query.table(), () -> collection(query.table())
                .updateMany(MongoQueries.filter(query), MongoQueries.set(values)).getMatchedCount());
    }

    @Override
    public long delete(Query query) {
        if (query.limit() != null || query.offset() != null) {
            throw new EloquentException("delete on mongo acts on every matching document; remove limit/offset");
        }
        return run("delete from " + query.table(), () -> collection(query.table())
                .deleteMany(MongoQueries.filter(query)).getDeletedCount());
    }

    @Override
    public void execute(SchemaChange change) {
        if (change instanceof SchemaChange.CreateTable create) {
            run("create " + create.table().name(), () -> {
                createCollection(create.table(), create.ifNotExists());
                return null;
            });
        } else if (change instanceof SchemaChange.DropTable drop) {
            run("drop " + drop.table(), () -> {
                if (!hasTable(drop.table())) {
                    if (drop.ifExists()) {
                        return null;
                    }
                    throw new EloquentException("collection '" + drop.table() + "' does not exist on connection '"
                            + settings.connection() + "'");
                }
                collection(drop.table()).drop();
                counters.reset(drop.table()); // as a dropped SQL table's auto-increment starts again
                return null;
            });
        } else {
            throw new EloquentException("unknown schema change " + change.getClass().getSimpleName());
        }
    }

    /** The collection, a unique index per primary or unique column and a plain index per indexed column. */
    private void createCollection(TableSpec table, boolean ifNotExists) {
        if (hasTable(table.name())) {
            if (ifNotExists) {
                return;
            }
            throw new EloquentException("collection '" + table.name() + "' already exists on connection '"
                    + settings.connection() + "'");
        }
        database.createCollection(table.name());
        MongoCollection<Document> collection = collection(table.name());
        for (ColumnSpec column : table.columns()) {
            if (column.name().equals(MongoValues.ID)) {
                continue; // MongoDB indexes _id uniquely by itself
            }
            if (column.primary() || column.unique()) {
                collection.createIndex(Indexes.ascending(column.name()),
                        new IndexOptions().unique(true).name(uniqueIndexName(table.name(), column.name())));
            } else if (column.index()) {
                collection.createIndex(Indexes.ascending(column.name()),
                        new IndexOptions().name(table.name() + "_" + column.name() + "_index"));
            }
        }
    }

    @Override
    public boolean hasTable(String table) {
        if (closed) {
            throw new IllegalStateException("connection '" + settings.connection() + "' is closed");
        }
        return run("list collections", () -> database.listCollectionNames().into(new ArrayList<>()).contains(table));
    }

    /**
     * Runs one operation, turning the client's exceptions into ours: the message names the connection,
     * the operation and the server's error code; duplicate keys say which index refused.
     */
    private <T> T run(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new EloquentException(operation + " on connection '" + settings.connection()
                        + "' violates a unique index: " + e.getError().getMessage(), e);
            }
            throw new EloquentException(operation + " on connection '" + settings.connection() + "' failed: "
                    + e.getError().getMessage(), e);
        } catch (MongoCommandException e) {
            throw new EloquentException(operation + " on connection '" + settings.connection() + "' failed: "
                    + e.getErrorMessage() + " (code " + e.getErrorCode() + ")", e);
        } catch (MongoTimeoutException e) {
            throw new ConnectionException("connection '" + settings.connection() + "' lost MongoDB at "
                    + settings.describe() + " during " + operation + "; check " + settings.uriKey());
        } catch (MongoException e) {
            throw new EloquentException(operation + " on connection '" + settings.connection() + "' failed: "
                    + e.getClass().getSimpleName() + " (code " + e.getCode() + ")", e);
        }
    }

    /** The raw client, for this driver's own tests only (the package is not exported). */
    MongoDatabase database() {
        return database;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            client.close();
        }
    }

    @Override
    public String toString() {
        return "MongoConnection[" + settings.connection() + ", " + settings.describe() + "]";
    }
}
