package dev.eloquent.driver.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.eloquent.api.Capability;
import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.ConnectionException;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Cursor;
import dev.eloquent.api.Query;
import dev.eloquent.api.QueryListener;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.TableSpec;
import dev.eloquent.api.UnsupportedFeatureException;
import dev.eloquent.api.Write;
import dev.eloquent.api.WriteResult;
import org.bson.Document;
import org.bson.UuidRepresentation;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An open {@code mongo} connection: one {@link MongoClient} (which pools its own sockets) and one
 * database. Tables are collections. Claims SCHEMA, DOCUMENTS, AGGREGATES and UPSERT; what MongoDB cannot
 * do in this model (joins, subqueries, raw SQL, row locks, transactions: see docs/mongo.md) is not
 * claimed, so the ORM refuses it with "... is not supported on mongo" and the compilers throw on it.
 */
final class MongoConnection implements DatabaseConnection {
    /** Bounds for an unreachable server, unless the URI sets its own (serverSelectionTimeoutMS, connectTimeoutMS). */
    static final int DEFAULT_TIMEOUT_MS = 3_000;
    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.SCHEMA, Capability.DOCUMENTS,
            Capability.AGGREGATES, Capability.UPSERT);

    private final MongoSettings settings;
    private final MongoClient client;
    private final MongoDatabase database;
    private final MongoCommands commands;
    private final KeyCounters counters;
    private final TableDefaults defaults;
    private final MongoWrites writes;
    private final MongoSchema schema;
    private volatile boolean closed;

    private MongoConnection(MongoSettings settings, MongoClient client) {
        this.settings = settings;
        this.client = client;
        this.database = client.getDatabase(settings.database());
        this.commands = new MongoCommands(settings);
        this.counters = new KeyCounters(database, commands);
        this.defaults = new TableDefaults(database, commands);
        this.writes = new MongoWrites(database, commands, counters, defaults);
        this.schema = new MongoSchema(database, commands, defaults, counters);
    }

    /**
     * The client's settings: everything the URI says, untouched (read preference, replica set, write
     * concern, TLS, credentials; docs/scaling-out.md), then the defaults the URI leaves open: standard UUIDs
     * and the connect and server-selection timeouts.
     */
    static MongoClientSettings clientSettings(MongoSettings settings) {
        ConnectionString uri = settings.connectionString();
        MongoClientSettings.Builder builder = MongoClientSettings.builder().applyConnectionString(uri)
                .uuidRepresentation(UuidRepresentation.STANDARD);
        if (uri.getServerSelectionTimeout() == null) {
            builder.applyToClusterSettings(c -> c.serverSelectionTimeout(DEFAULT_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        }
        if (uri.getConnectTimeout() == null) {
            builder.applyToSocketSettings(s -> s.connectTimeout(DEFAULT_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        }
        return builder.build();
    }

    /** Opens the client and pings the server, so a wrong URI fails here, within the timeout, naming the hosts. */
    static MongoConnection open(MongoSettings settings) {
        ConnectionString uri = settings.connectionString();
        MongoClient client;
        try {
            client = MongoClients.create(clientSettings(settings));
        } catch (RuntimeException e) {
            throw new ConnectionException("connection '" + settings.connection() + "' could not start a MongoDB"
                    + " client for " + settings.describe() + " (" + e.getClass().getSimpleName() + "); check "
                    + settings.uriKey());
        }
        MongoConnection connection;
        boolean answered = false;
        try {
            connection = new MongoConnection(settings, client);
            connection.database.runCommand(new Document("ping", 1));
            answered = true;
        } catch (MongoTimeoutException e) {
            // The driver's text describes the cluster state; our own says the same without any URI part.
            throw new ConnectionException("connection '" + settings.connection() + "' found no MongoDB server"
                    + " answering at " + settings.describe() + " within " + timeout(uri) + " ms; check "
                    + settings.uriKey() + " and that the server is running");
        } catch (MongoException e) {
            throw new ConnectionException("connection '" + settings.connection() + "' could not use MongoDB at "
                    + settings.describe() + ": " + e.getClass().getSimpleName() + " (code " + e.getCode() + "); check "
                    + settings.uriKey() + " (user, password, authSource)");
        } finally {
            if (!answered) {
                // Whatever failed (an unchecked exception of another kind too), the client's threads and
                // sockets must not outlive the failed open.
                client.close();
            }
        }
        return connection;
    }

    private static long timeout(ConnectionString uri) {
        Integer own = uri.getServerSelectionTimeout();
        return own != null ? own : DEFAULT_TIMEOUT_MS;
    }

    /** What the compilers throw on a node of a capability this driver does not claim: the ORM's own refusal. */
    static UnsupportedFeatureException unclaimed(Capability capability) {
        return new UnsupportedFeatureException(capability, "mongo");
    }

    @Override
    public ConnectionName name() {
        return settings.connection();
    }

    @Override
    public String driverName() {
        return "mongo";
    }

    /**
     * MongoDB has no parameter count, only the 16 MB limit of a command document: 100,000 keys in an
     * {@code $in} stay far below it (about 1.5 MB for 64-bit integers, 2.6 MB for ObjectId hex strings).
     */
    @Override
    public int parameterLimit() {
        return 100_000;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    private MongoCollection<Document> collection(String table) {
        if (closed) {
            throw new ConnectionException("connection '" + settings.connection() + "' is closed");
        }
        return database.getCollection(table);
    }

    /**
     * Runs a read as a {@code find} or an aggregation pipeline ({@link MongoReads}) and returns its rows
     * as a cursor over the server cursor.
     */
    @Override
    public Cursor select(Query query) {
        MongoRead read = MongoReads.compile(query);
        if (query.limit() != null && query.limit() == 0) {
            // MongoDB reads limit(0) as "no limit": nothing to ask the server
            return Cursor.of(read.columns() == null ? List.of() : read.columns(), List.of());
        }
        MongoCollection<Document> collection = collection(read.collection());
        MongoCommands.Command command = MongoCommands.command(read.collection(), read.shape(), read::bindings);
        if (read instanceof MongoRead.Find find) {
            return MongoRowCursor.open(commands, command, () -> {
                FindIterable<Document> found = collection.find(Param.unwrap(find.filter())).sort(find.sort())
                        .batchSize(MongoRowCursor.BATCH);
                if (find.projection() != null) {
                    found.projection(find.projection());
                }
                if (find.skip() != null) {
                    found.skip(find.skip());
                }
                if (find.limit() != null) {
                    found.limit(find.limit());
                }
                return found.cursor();
            }, find.columns(), find.fields(), null);
        }
        MongoRead.Aggregate aggregate = (MongoRead.Aggregate) read;
        List<Document> pipeline = new ArrayList<>(aggregate.pipeline().size());
        aggregate.pipeline().forEach(stage -> pipeline.add(Param.unwrap(stage)));
        return MongoRowCursor.open(commands, command, () -> collection.aggregate(pipeline)
                        .batchSize(MongoRowCursor.BATCH).cursor(),
                aggregate.columns(), aggregate.fields(), aggregate.emptyRow());
    }

    @Override
    public WriteResult write(Write write) {
        collection(write.table()); // fails on a closed connection
        return writes.write(write);
    }

    /** BSON dates keep milliseconds; {@link MongoValues} truncates anything finer. */
    @Override
    public ChronoUnit timestampPrecision() {
        return ChronoUnit.MILLIS;
    }

    @Override
    public void listen(QueryListener listener) {
        commands.listen(listener);
    }

    @Override
    public void execute(SchemaChange change) {
        if (MongoSchema.plans(change)) {
            schema.execute(change);
        } else if (change instanceof SchemaChange.CreateTable create) {
            createCollection(create.table(), create.ifNotExists());
        } else if (change instanceof SchemaChange.DropTable drop) {
            if (!hasTable(drop.table())) {
                if (drop.ifExists()) {
                    return;
                }
                throw new EloquentException("collection '" + drop.table() + "' does not exist on connection '"
                        + settings.connection() + "'");
            }
            MongoCommands.Command command = MongoCommands.command(drop.table(), "drop " + drop.table(), List::of);
            commands.run(command, () -> {
                collection(drop.table()).drop();
                return drop;
            }, done -> -1);
            counters.reset(drop.table()); // as a dropped SQL table's auto-increment starts again
            defaults.forget(drop.table());
        } else {
            throw new EloquentException("unknown schema change " + change.getClass().getSimpleName());
        }
    }

    /** The command shapes a change runs, without values; creating and dropping name their main command. */
    @Override
    public List<String> describe(SchemaChange change) {
        if (MongoSchema.plans(change)) {
            return schema.describe(change);
        }
        if (change instanceof SchemaChange.CreateTable create) {
            if (!create.table().foreignKeys().isEmpty()) {
                throw MongoSchema.foreignKeysRefused();
            }
            return List.of("create " + create.table().name() + " validator "
                    + Param.shape(MongoSchema.validator(create.table())));
        }
        return List.of("drop " + change.tableName());
    }

    /**
     * Whether any document of the collection has the field, or the field has a recorded default (a column
     * added with a default to an empty collection).
     */
    @Override
    public boolean hasColumn(String table, String column) {
        dev.eloquent.api.Identifiers.check(column, "column");
        Document present = new Document(column, new Document("$exists", true));
        MongoCommands.Command command = MongoCommands.command(table, "find " + table + " " + Param.shape(present)
                + " limit 1", List::of);
        Document found = commands.run(command, () -> collection(table).find(present).limit(1).first(),
                d -> d == null ? 0 : 1);
        return found != null || defaults.of(table).containsKey(column);
    }

    /**
     * The collection, a unique index per primary or unique column and a plain index per indexed column.
     * On an existing collection ({@code ifNotExists}, a collection another tool filled) the indexes are
     * still ensured, so an integer key is unique before the first insert.
     */
    private void createCollection(TableSpec table, boolean ifNotExists) {
        String name = table.name();
        if (!table.foreignKeys().isEmpty()) {
            throw MongoSchema.foreignKeysRefused();
        }
        if (hasTable(name)) {
            if (!ifNotExists) {
                throw new EloquentException("collection '" + name + "' already exists on connection '"
                        + settings.connection() + "'");
            }
        } else {
            // The validator makes MongoDB check each document as a SQL table checks each row.
            Document validator = MongoSchema.validator(table);
            commands.run(MongoCommands.command(name, "create " + name + " validator " + Param.shape(validator), List::of), () -> {
                database.createCollection(name, new com.mongodb.client.model.CreateCollectionOptions().validationOptions(
                        new com.mongodb.client.model.ValidationOptions().validator(validator)
                                .validationLevel(com.mongodb.client.model.ValidationLevel.MODERATE)));
                return name;
            }, done -> -1);
        }
        defaults.register(table);
        List<String> key = table.primaryKey().stream().map(ColumnSpec::name).filter(c -> !c.equals(MongoValues.ID)).toList();
        if (!key.isEmpty()) {
            // one unique index over the whole key: a pivot's (playlist_id, track_id) is unique as a pair
            ensureIndex(name, key, true, MongoWrites.uniqueIndexName(name, String.join("_", key)));
        }
        for (ColumnSpec column : table.columns()) {
            if (column.autoIncrement()) {
                counters.register(name, column.name());
            }
            if (column.name().equals(MongoValues.ID) || (key.size() == 1 && key.contains(column.name()))) {
                continue; // MongoDB indexes _id uniquely by itself; a one-column key has its index
            }
            if (column.unique()) {
                ensureIndex(name, List.of(column.name()), true, MongoWrites.uniqueIndexName(name, column.name()));
            } else if (column.index()) {
                ensureIndex(name, List.of(column.name()), false, name + "_" + column.name() + "_index");
            }
        }
        for (dev.eloquent.api.IndexSpec index : table.indexes()) {
            ensureIndex(name, index.columns(), index.unique(), index.name());
        }
    }

    /** Creates the index unless one on the same fields with the same uniqueness exists (under any name). */
    private void ensureIndex(String table, List<String> columns, boolean unique, String indexName) {
        Document keys = new Document();
        columns.forEach(column -> keys.append(column, 1));
        MongoCommands.Command list = MongoCommands.command(table, "listIndexes " + table, List::of);
        List<Document> existing = commands.run(list, () -> collection(table).listIndexes().into(new ArrayList<>()),
                List::size);
        for (Document index : existing) {
            if (keys.equals(index.get("key", Document.class)) && unique == Boolean.TRUE.equals(index.get("unique"))) {
                return;
            }
        }
        MongoCommands.Command create = MongoCommands.command(table, "createIndex " + table + " " + Param.shape(keys)
                + (unique ? " unique" : "") + " name " + indexName, List::of);
        commands.run(create, () -> collection(table).createIndex(Indexes.ascending(columns),
                new IndexOptions().unique(unique).name(indexName)), done -> -1);
    }

    @Override
    public boolean hasTable(String table) {
        if (closed) {
            throw new ConnectionException("connection '" + settings.connection() + "' is closed");
        }
        MongoCommands.Command command = MongoCommands.command(table, "listCollections", List::of);
        return commands.run(command, () -> database.listCollectionNames().into(new ArrayList<>()), List::size).contains(table);
    }

    /** A collection: no columns (collections are schemaless), its indexes from listIndexes except {@code _id}'s. */
    @Override
    public java.util.Optional<dev.eloquent.api.LiveTable> inspect(String table) {
        dev.eloquent.api.Identifiers.check(table, "table");
        if (!hasTable(table)) {
            return java.util.Optional.empty();
        }
        MongoCommands.Command list = MongoCommands.command(table, "listIndexes " + table, List::of);
        List<dev.eloquent.api.LiveTable.Index> indexes = new ArrayList<>();
        for (Document index : commands.run(list, () -> collection(table).listIndexes().into(new ArrayList<>()), List::size)) {
            List<String> fields = new ArrayList<>(index.get("key", Document.class).keySet());
            if (!fields.equals(List.of(MongoValues.ID))) {
                indexes.add(new dev.eloquent.api.LiveTable.Index(index.getString("name"), fields,
                        Boolean.TRUE.equals(index.get("unique"))));
            }
        }
        return java.util.Optional.of(new dev.eloquent.api.LiveTable(table, List.of(), indexes, List.of()));
    }

    @Override
    public List<String> tables() {
        if (closed) {
            throw new ConnectionException("connection '" + settings.connection() + "' is closed");
        }
        MongoCommands.Command command = MongoCommands.command("*", "listCollections", List::of);
        return commands.run(command, () -> database.listCollectionNames().into(new ArrayList<>()), List::size);
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
