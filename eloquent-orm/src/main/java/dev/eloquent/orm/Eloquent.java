package dev.eloquent.orm;

import dev.eloquent.api.Capability;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.ReadScope;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Env;
import dev.eloquent.api.QueryListener;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.TableSpec;
import dev.eloquent.resolver.Connections;
import dev.eloquent.resolver.DriverRegistry;
import dev.eloquent.resolver.EnvFiles;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The entry point: reads the env contract, finds the drivers on the path, knows the registered models,
 * and closes every connection it opened when closed.
 *
 * <pre>{@code
 * try (Eloquent db = Eloquent.builder().register(User.class, User::new).boot()) {
 *     db.createTables(User.class);
 *     User ann = db.create(User.class, Map.of("name", "Ann"));
 *     List<User> adults = db.query(User.class).where("age", ">=", 18).orderBy("name").get();
 * }
 * }</pre>
 */
public final class Eloquent implements AutoCloseable {
    private static volatile Eloquent current;

    private final Connections connections;
    private final Clock clock;
    private final Map<Class<?>, ModelType<?>> types = new ConcurrentHashMap<>();
    /** The model classes in the order registered: generation walks them so, which keeps its output stable. */
    private final List<Class<?>> registered = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<ModelType<?>, ConnectionName> connectionOfType = new ConcurrentHashMap<>();
    private final Persistence persistence = new Persistence(this);
    private final QueryLog queryLog;
    private final boolean preventLazyLoading;
    private final ModelEvents events = new ModelEvents();
    /** Whether fill/create fail on attributes that are not mass assignable instead of dropping them. */
    private boolean preventSilentlyDiscardingAttributes;
    /** The morph map: alias to model class, and back (see {@link Builder#morphMap}). */
    private final Map<String, Class<?>> morphClasses = new ConcurrentHashMap<>();
    private final Map<Class<?>, String> morphAliasesByClass = new ConcurrentHashMap<>();

    private Eloquent(Connections connections, Clock clock, Duration slowQueryThreshold, boolean preventLazyLoading) {
        this.connections = connections;
        this.preventLazyLoading = preventLazyLoading;
        this.clock = clock;
        this.queryLog = new QueryLog(slowQueryThreshold);
        // Every connection, whenever it opens, reports its statements to the log and the listeners.
        connections.onOpen(connection -> connection.listen(queryLog));
    }

    /** Boots from {@code .env} in the working directory and the real environment, in normal mode. */
    public static Eloquent boot() {
        return builder().boot();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The instance booted last and not closed, which models made with {@code new} use. */
    public static Eloquent current() {
        Eloquent instance = current;
        if (instance == null) {
            throw new EloquentException("no Eloquent is booted: call Eloquent.boot() or Eloquent.builder()...boot()"
                    + " before saving a model made with new");
        }
        return instance;
    }

    // ---- models ----

    /**
     * Registers a model class with the constructor reference that makes it. Its table, pinned connection
     * and schema are read and checked now: an unknown connection name or a bad schema fails here.
     */
    public <M extends Model<M>> Eloquent register(Class<M> type, Supplier<M> factory) {
        ModelType<M> described = ModelType.describe(type, factory);
        // Encrypted casts take their key now (a missing APP_KEY fails at registration, not at the first read).
        described.bind(connections.env(), () -> connectionFor(described).supports(Capability.DOCUMENTS));
        if (described.pinnedConnection() != null) {
            try {
                connections.check(described.pinnedConnection());
            } catch (EloquentException e) {
                throw new EloquentException(type.getSimpleName() + " is pinned to @Connection(\""
                        + described.pinnedConnection() + "\"): " + e.getMessage(), e);
            }
        }
        if (types.put(type, described) == null) {
            registered.add(type);
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    <M extends Model<M>> ModelType<M> typeOf(Class<M> type) {
        ModelType<M> described = (ModelType<M>) types.get(type);
        if (described == null) {
            throw new EloquentException(type.getSimpleName() + " is not registered: register it with"
                    + " Eloquent.builder().register(" + type.getSimpleName() + ".class, " + type.getSimpleName()
                    + "::new) or db.register(...)");
        }
        return described;
    }

    public <M extends Model<M>> ModelQuery<M> query(Class<M> type) {
        return new ModelQuery<>(this, typeOf(type));
    }

    /** Adds (or replaces) a global scope of a registered model: every query built from now on gets it. */
    public <M extends Model<M>> Eloquent addGlobalScope(Class<M> type, String name, Scope<M> scope) {
        typeOf(type).scopes().add(name, scope);
        return this;
    }

    /** A new, unsaved model bound to this instance. */
    public <M extends Model<M>> M make(Class<M> type) {
        ModelType<M> described = typeOf(type);
        M model = described.newInstance();
        model.bind(this, described);
        return model;
    }

    /** Makes, fills and saves a model. */
    public <M extends Model<M>> M create(Class<M> type, Map<String, ?> attributes) {
        return make(type).fill(attributes).save();
    }

    /**
     * Saves the models: new ones are inserted in batches, one insert statement for each run of models with
     * the same columns (split by the driver at its parameter limit), with defaults, timestamps and generated
     * keys as {@link Model#save()} gives them; stored ones are updated one by one. All of one class.
     */
    public <M extends Model<M>> List<M> saveMany(List<M> models) {
        persistence.saveMany(models);
        return models;
    }

    /**
     * Loads relations (dotted paths for nested ones) onto models of one class already read: one query per
     * relation (per chunk of keys), whatever the number of models.
     */
    public <M extends Model<M>> List<M> load(List<M> models, String... relations) {
        EagerLoads loads = new EagerLoads();
        for (String relation : relations) {
            loads.add(relation, null);
        }
        loads.loadInto(models);
        return models;
    }

    /** As {@link #load}, each relation only onto the models that do not have it loaded yet. */
    public <M extends Model<M>> List<M> loadMissing(List<M> models, String... relations) {
        for (String relation : relations) {
            String first = relation.contains(".") ? relation.substring(0, relation.indexOf('.')) : relation;
            List<M> missing = models.stream().filter(m -> !m.relationLoaded(first)).toList();
            load(missing, relation);
        }
        return models;
    }

    /**
     * Adds aliases to the morph map: what morphOne/morphMany store in their type column for a mapped class
     * ({@code "album"} rather than the class name, which would tie stored rows to the code's packages), and
     * what a morphTo reads back. An alias or a class already mapped otherwise fails.
     */
    public Eloquent morphMap(Map<String, Class<? extends Model<?>>> map) {
        map.forEach((alias, type) -> {
            if (alias == null || alias.isBlank() || type == null) {
                throw new EloquentException("a morph map entry needs an alias and a model class");
            }
            Class<?> mapped = morphClasses.get(alias);
            String known = morphAliasesByClass.get(type);
            if ((mapped != null && mapped != type) || (known != null && !known.equals(alias))) {
                throw new EloquentException("morph map: '" + alias + "' and " + type.getSimpleName()
                        + " are each mapped once; one of them is already mapped otherwise");
            }
            morphClasses.put(alias, type);
            morphAliasesByClass.put(type, alias);
        });
        return this;
    }

    /** What a morph type column holds for the class: its morph map alias, else its class name. */
    String morphAlias(Class<?> type) {
        String alias = morphAliasesByClass.get(type);
        return alias != null ? alias : type.getName();
    }

    /**
     * The class a stored morph type names: a morph map alias, else the name of a registered model class;
     * null otherwise (no class is ever loaded by a name read from the database).
     */
    Class<?> morphClass(String value) {
        Class<?> mapped = morphClasses.get(value);
        if (mapped != null) {
            return mapped;
        }
        for (Class<?> type : types.keySet()) {
            if (type.getName().equals(value)) {
                return type;
            }
        }
        return null;
    }

    /** The morph map's aliases, sorted, for messages. */
    List<String> morphAliases() {
        return morphClasses.keySet().stream().sorted().toList();
    }

    /** The N+1 guard's check before a relation is read lazily. */
    void checkLazyLoading(Model<?> model, String relation) {
        if (preventLazyLoading && model.loadedTogether()) {
            throw new LazyLoadingViolationException("lazy loading " + model.getClass().getSimpleName() + "." + relation
                    + " on a model read with others is an N+1 query: eager load it with with(\"" + relation
                    + "\"), or load(\"" + relation + "\") on the list");
        }
    }

    public <M extends Model<M>> Optional<M> find(Class<M> type, Object key) {
        return query(type).findHere(key); // the builder is this call's own: find's defensive copy is not needed
    }

    public <M extends Model<M>> M findOrFail(Class<M> type, Object key) {
        return query(type).findOrFail(key);
    }

    /** The schema a registered model declares, as a table (empty when it declares none): what model-first migrations compare. */
    public Optional<TableSpec> declaredSchema(Class<? extends Model<?>> type) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        ModelType<?> described = typeOf((Class) type);
        return Optional.ofNullable(described.spec());
    }

    /** The connection name a model uses here: its pin (as a test twin in test mode) or the default. */
    public ConnectionName connectionNameOf(Class<? extends Model<?>> type) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        ModelType<?> described = typeOf((Class) type);
        return connectionNameOf(described);
    }

    ConnectionName connectionNameOf(ModelType<?> type) {
        return type.pinnedConnection() == null ? connections.defaultName() : connections.resolve(type.pinnedConnection());
    }

    DatabaseConnection connectionFor(ModelType<?> type) {
        ConnectionName name = connectionOfType.computeIfAbsent(type, this::connectionNameOf);
        DatabaseConnection connection = connections.connection(name);
        if (SqlModel.class.isAssignableFrom(type.type()) && !connection.supports(Capability.RAW_SQL)) {
            throw new EloquentException(type.name() + " is a SqlModel but connection '" + name + "' (driver "
                    + connection.driverName() + ") is not a SQL connection; pin a SQL connection with @Connection");
        }
        if (type.document() && !connection.supports(Capability.DOCUMENTS)) {
            throw new EloquentException(type.name() + " is a MongoModel but connection '" + name + "' (driver "
                    + connection.driverName() + ") is not a document connection; pin it with @Connection(\"mongo\")");
        }
        return connection;
    }

    /** False when a saving, creating or updating listener cancelled. */
    <M extends Model<M>> boolean save(M model) {
        return persistence.save(model);
    }

    <M extends Model<M>> boolean touch(M model) {
        return persistence.touch(model);
    }

    // ---- model events ----

    /**
     * Runs the listener on every {@code event} of a model of the class, in the thread of the write (inside
     * its transaction, if any), after the listeners registered before it:
     * {@code db.on(User.class, ModelEvent.CREATED, user -> audit.add(user.getKey()))}. It cannot cancel;
     * an exception it throws propagates out of the save or delete.
     */
    public <M extends Model<M>> Eloquent on(Class<M> type, ModelEvent event, java.util.function.Consumer<? super M> listener) {
        typeOf(type);
        events.on(type, event, listener);
        return this;
    }

    /**
     * A listener of a cancellable event (saving, creating, updating, deleting, restoring) that returns false
     * to cancel: {@code save()} then throws {@link SaveCancelledException}, {@code trySave()} and
     * {@code delete()} return false, and nothing is written.
     */
    public <M extends Model<M>> Eloquent onCancellable(Class<M> type, ModelEvent event,
                                                       java.util.function.Predicate<? super M> listener) {
        typeOf(type);
        events.onCancellable(type, event, listener);
        return this;
    }

    /** Registers the event methods the observer overrides for the model class. */
    public <M extends Model<M>> Eloquent observe(Class<M> type, ModelObserver<M> observer) {
        typeOf(type);
        events.observe(type, observer);
        return this;
    }

    /** Runs the work with no model event of this instance firing in the current thread. */
    public <T> T withoutEvents(Supplier<T> work) {
        return events.withoutEvents(work);
    }

    public void withoutEvents(Runnable work) {
        events.withoutEvents(() -> {
            work.run();
            return null;
        });
    }

    ModelEvents events() {
        return events;
    }

    boolean preventsSilentlyDiscardingAttributes() {
        return preventSilentlyDiscardingAttributes;
    }

    <M extends Model<M>> boolean delete(M model) {
        return persistence.delete(model);
    }

    /** Removes the model's row even when the model soft deletes. */
    <M extends Model<M>> boolean forceDelete(M model) {
        return persistence.delete(model, true);
    }

    <M extends Model<M>> void increment(M model, String column, Number amount, boolean subtract) {
        persistence.increment(model, column, amount, subtract);
    }

    /**
     * Inserts the rows, or updates {@code updateColumns} of the rows that already exist with the same
     * {@code uniqueBy} values (a primary key or unique index), on the model's connection: the same as
     * {@code query(type).upsert(rows, uniqueBy, updateColumns)}.
     */
    public <M extends Model<M>> void upsert(Class<M> type, List<? extends Map<String, ?>> rows, List<String> uniqueBy,
                                            List<String> updateColumns) {
        query(type).upsert(rows, uniqueBy, updateColumns);
    }

    /** The time written to timestamps: the clock's, to the microsecond (what MySQL and PostgreSQL keep). */
    LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    // ---- schema and connections ----

    /** Creates the tables of these models from their schemas, each on its own connection, unless they exist. */
    @SafeVarargs
    public final void createTables(Class<? extends Model<?>>... models) {
        for (Class<? extends Model<?>> model : models) {
            ModelType<?> type = described(model);
            DatabaseConnection connection = connectionFor(type);
            connection.require(Capability.SCHEMA);
            connection.execute(new SchemaChange.CreateTable(type.spec(), true));
        }
    }

    /** Drops the tables of these models, where they exist. */
    @SafeVarargs
    public final void dropTables(Class<? extends Model<?>>... models) {
        for (Class<? extends Model<?>> model : models) {
            ModelType<?> type = described(model);
            DatabaseConnection connection = connectionFor(type);
            connection.require(Capability.SCHEMA);
            connection.execute(new SchemaChange.DropTable(type.table(), true));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ModelType<?> described(Class<? extends Model<?>> model) {
        ModelType<?> type = typeOf((Class) model);
        if (type.spec() == null) {
            throw new EloquentException(type.name() + " declares no schema(), so its table cannot be created from it");
        }
        return type;
    }

    /**
     * A migrator over the application's migrations, in the order given:
     * {@code db.migrator(migrations).run("pg", MigrateOptions.defaults())}.
     */
    public dev.eloquent.orm.migration.Migrator migrator(List<dev.eloquent.orm.migration.Migration> migrations) {
        return new dev.eloquent.orm.migration.Migrator(this, migrations);
    }

    /** The schema builder of the default connection. */
    public SchemaBuilder schema() {
        return new SchemaBuilder(connections.connection());
    }

    /** The schema builder of a named connection (its test twin in test mode). */
    public SchemaBuilder schema(String connection) {
        return new SchemaBuilder(connections.connection(connection));
    }

    /**
     * Runs the work in one transaction on the default connection: commits when it returns, rolls back when
     * it throws; a nested call is a savepoint.
     */
    public <T> T transaction(Supplier<T> work) {
        return on(connections.defaultName()).transaction(work);
    }

    /** Runs the work in one transaction on the named connection. */
    public <T> T transaction(String connection, Supplier<T> work) {
        return on(connection).transaction(work);
    }

    /** Runs the callback after the default connection's current transaction commits; outside one, at once. */
    public void afterCommit(Runnable callback) {
        on(connections.defaultName()).afterCommit(callback);
    }

    // ---- read replicas (docs/scaling-out.md) ----

    /**
     * Runs the work as one sticky unit of work on every connection: once a connection with read replicas
     * has written inside it, the work's later reads on that connection go to its primary, so it reads its
     * own writes (unless the connection sets {@code X_STICKY=false}). Outside such a unit, and in it before
     * a write, reads go to the replicas. A transaction reads on the primary anyway. This thread only;
     * nested calls join the outer unit.
     */
    public <T> T sticky(Supplier<T> work) {
        return ReadScope.sticky(work);
    }

    /** Runs the work with every read of this thread on the primary of its connection (replicas unused). */
    public <T> T onPrimary(Supplier<T> work) {
        return ReadScope.onPrimary(work);
    }

    // ---- tables, named connections, query events ----

    /** A builder over a table of the default connection, rows as maps: {@code db.table("playlist_track")}. */
    public TableQuery table(String table) {
        return on(connections.defaultName()).table(table);
    }

    /** A named connection (its test twin in test mode): its tables, raw SQL and transactions. */
    public Database on(String connection) {
        return on(connections.check(connection));
    }

    private Database on(ConnectionName name) {
        return new Database(this, name);
    }

    /**
     * Sends every statement of every connection, open now or later, to the listener, after it ran. Events
     * carry bound values only if the listener's {@link QueryListener#wantsBindings()} says so.
     */
    public void listen(QueryListener listener) {
        queryLog.add(listener);
    }

    /** The named connections of this instance, for diagnostics and advanced use. */
    public Connections connections() {
        return connections;
    }

    /** The registered model classes, in the order registered. */
    public List<Class<?>> models() {
        return new ArrayList<>(registered);
    }

    /** Closes every connection this instance opened. */
    @Override
    public void close() {
        synchronized (Eloquent.class) {
            if (current == this) {
                current = null;
            }
        }
        connections.close();
    }

    private static final System.Logger MIGRATIONS = System.getLogger("dev.eloquent.migrations");

    /** How to boot: where the env comes from, test mode, drivers, models. */
    public static final class Builder {
        private Env env;
        private Path envDirectory = Path.of("");
        private Map<String, String> environment = System.getenv();
        private boolean testMode;
        private DriverRegistry drivers;
        private Clock clock = Clock.systemDefaultZone();
        private Duration slowQueryThreshold;
        private boolean preventLazyLoading;
        private boolean preventSilentlyDiscardingAttributes;
        private final List<Runnable> registrations = new ArrayList<>();
        private final Map<String, Class<? extends Model<?>>> morphMap = new java.util.LinkedHashMap<>();
        private List<dev.eloquent.orm.migration.Migration> bootMigrations;
        private List<String> bootConnections = List.of();
        private Eloquent booting;

        private Builder() {
        }

        /** Uses exactly this env instead of {@code .env} and the real environment. */
        public Builder env(Env env) {
            this.env = env;
            return this;
        }

        /** Reads {@code .env} from this folder instead of the working directory. */
        public Builder envDirectory(Path directory) {
            this.envDirectory = directory;
            return this;
        }

        /** Test mode: the default is {@code DB_TEST_CONNECTION} and every name means its {@code _test} twin. */
        public Builder testMode() {
            return testMode(true);
        }

        public Builder testMode(boolean testMode) {
            this.testMode = testMode;
            return this;
        }

        /** Uses these drivers instead of discovering them with ServiceLoader. */
        public Builder drivers(DriverRegistry drivers) {
            this.drivers = drivers;
            return this;
        }

        /** The clock for timestamps. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Statements that take at least this long are logged at WARNING to the {@code System.Logger}
         * {@code dev.eloquent.queries} (every statement is logged there at DEBUG). Off by default.
         */
        /**
         * The N+1 guard: reading a relation that was not eager loaded, on a model that came with others
         * from one query, throws {@link LazyLoadingViolationException} naming the model and the relation
         * instead of running one query per model. Off by default; on in the conformance kit.
         */
        public Builder preventLazyLoading(boolean prevent) {
            this.preventLazyLoading = prevent;
            return this;
        }

        /**
         * Makes {@code fill}, {@code create}, relation creates, {@code firstOrCreate} and
         * {@code updateOrCreate} throw {@link MassAssignmentException} naming the attributes a model does
         * not allow to be mass assigned, instead of dropping them silently. Off by default; on in the
         * conformance kit.
         */
        public Builder preventSilentlyDiscardingAttributes(boolean prevent) {
            this.preventSilentlyDiscardingAttributes = prevent;
            return this;
        }

        public Builder slowQueryThreshold(Duration threshold) {
            if (threshold != null && threshold.isNegative()) {
                throw new EloquentException("the slow query threshold must not be negative");
            }
            this.slowQueryThreshold = threshold;
            return this;
        }

        /**
         * Morph map aliases ({@code Map.of("album", Album.class)}): what morphOne/morphMany store in the type
         * column for these classes, instead of the class name. Also settable after boot, {@link Eloquent#morphMap}.
         */
        public Builder morphMap(Map<String, Class<? extends Model<?>>> map) {
            morphMap.putAll(map);
            return this;
        }

        public <M extends Model<M>> Builder register(Class<M> type, Supplier<M> factory) {
            registrations.add(() -> booting.register(type, factory));
            return this;
        }

        /**
         * Applies the pending migrations on these connections (none = the default connection) when
         * {@link #boot()} runs: how an application migrates at start-up without the CLI. The migrator's
         * lock makes this safe when several instances start together; progress is logged at INFO to the
         * {@code System.Logger} {@code dev.eloquent.migrations}; a failure closes the instance and is thrown
         * by {@code boot()}.
         */
        public Builder migrateOnBoot(List<dev.eloquent.orm.migration.Migration> migrations, String... connections) {
            this.bootMigrations = List.copyOf(migrations);
            this.bootConnections = List.of(connections);
            return this;
        }

        /**
         * Validates the configuration and the models, and makes the instance current. Opens no connection
         * yet, unless {@link #migrateOnBoot} asked for migrations.
         */
        public Eloquent boot() {
            Env resolvedEnv = env != null ? env : EnvFiles.load(envDirectory, environment);
            DriverRegistry resolvedDrivers = drivers != null ? drivers : DriverRegistry.discover();
            Eloquent db = new Eloquent(new Connections(resolvedEnv, resolvedDrivers, testMode), clock,
                    slowQueryThreshold, preventLazyLoading);
            db.preventSilentlyDiscardingAttributes = preventSilentlyDiscardingAttributes;
            booting = db;
            try {
                registrations.forEach(Runnable::run);
            } finally {
                booting = null;
            }
            try {
                db.morphMap(morphMap);
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            synchronized (Eloquent.class) {
                current = db;
            }
            if (bootMigrations != null) {
                migrate(db);
            }
            return db;
        }

        private void migrate(Eloquent db) {
            dev.eloquent.orm.migration.MigrateOptions options = dev.eloquent.orm.migration.MigrateOptions.defaults()
                    .withProgress(line -> MIGRATIONS.log(System.Logger.Level.INFO, line));
            try {
                dev.eloquent.orm.migration.Migrator migrator = db.migrator(bootMigrations);
                if (bootConnections.isEmpty()) {
                    migrator.run(null, options);
                } else {
                    bootConnections.forEach(connection -> migrator.run(connection, options));
                }
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        }
    }
}
