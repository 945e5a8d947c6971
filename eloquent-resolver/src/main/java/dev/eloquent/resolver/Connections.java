package dev.eloquent.resolver;

import dev.eloquent.api.ConfigurationException;
import dev.eloquent.api.ConnectionException;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.ConnectionSettings;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.Driver;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Env;
import dev.eloquent.api.EnvBlock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The named connections of one process. It decides what a name means (in test mode every name means
 * its {@code _test} twin), opens a connection on first use, keeps it, and closes them all at once.
 * Reading a driver's env block is deferred to that first use, so blocks of unused drivers may be
 * incomplete or absent.
 */
public final class Connections implements AutoCloseable {
    public static final String DB_CONNECTION = "DB_CONNECTION";
    public static final String DB_TEST_CONNECTION = "DB_TEST_CONNECTION";
    public static final String APP_ENV = "APP_ENV";

    private final Env env;
    private final DriverRegistry drivers;
    private final boolean testMode;
    private final ConnectionName defaultName;
    private final Map<ConnectionName, DatabaseConnection> open = new ConcurrentHashMap<>();
    private final List<Consumer<DatabaseConnection>> openCallbacks = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /**
     * Validates the default connection now (one name, offered by a driver on the path), so a wrong
     * {@code DB_CONNECTION} fails at boot rather than at the first query.
     */
    public Connections(Env env, DriverRegistry drivers, boolean testMode) {
        this.env = env;
        this.drivers = drivers;
        this.testMode = testMode;
        String key = testMode ? DB_TEST_CONNECTION : DB_CONNECTION;
        this.defaultName = resolve(defaultValue(env, key, testMode ? "sqlite_test" : "sqlite"));
        try {
            drivers.driverFor(defaultName);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(key + ": " + e.getMessage());
        }
    }

    /** Boots from {@code .env} in the working directory and the real environment, with the drivers on the path. */
    public static Connections boot(boolean testMode) {
        return new Connections(EnvFiles.load(), DriverRegistry.discover(), testMode);
    }

    private static String defaultValue(Env env, String key, String fallback) {
        String value = env.get(key).orElse(fallback);
        if (value.contains(",") || value.trim().contains(" ")) {
            throw new ConfigurationException(key + " holds exactly one connection name, got '" + value + "'. It"
                    + " is the default for models that do not pin a connection. To use several databases in one"
                    + " process, keep one name here and pin the others on the models that need them, e.g."
                    + " @Connection(\"pg\").");
        }
        try {
            ConnectionName.parse(value);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(key + ": " + e.getMessage());
        }
        return value;
    }

    public boolean testMode() {
        return testMode;
    }

    public Env env() {
        return env;
    }

    public DriverRegistry drivers() {
        return drivers;
    }

    /** The connection models use when they pin none: {@code DB_CONNECTION}, or {@code DB_TEST_CONNECTION} in test mode. */
    public ConnectionName defaultName() {
        return defaultName;
    }

    /** What a name means here: itself, or in test mode its test twin ({@code mysql} means {@code mysql_test}). */
    public ConnectionName resolve(String name) {
        ConnectionName parsed = ConnectionName.parse(name);
        return testMode ? parsed.testTwin() : parsed;
    }

    /** Fails now, listing the names on offer, unless a driver on the path serves this name. */
    public ConnectionName check(String name) {
        ConnectionName resolved = resolve(name);
        drivers.driverFor(resolved);
        return resolved;
    }

    /** The default connection, opened on first use. */
    public DatabaseConnection connection() {
        return connection(defaultName);
    }

    /** The named connection (resolved for test mode), opened on first use and kept. */
    public DatabaseConnection connection(String name) {
        return connection(resolve(name));
    }

    public DatabaseConnection connection(ConnectionName name) {
        if (closed) {
            throw new IllegalStateException("connections are closed; boot again to use '" + name + "'");
        }
        DatabaseConnection connection = open.computeIfAbsent(name, this::openConnection);
        if (closed) {
            // close() ran while this one was opening: do not leak it.
            connection.close();
            throw new IllegalStateException("connections are closed; boot again to use '" + name + "'");
        }
        return connection;
    }

    /**
     * Runs the callback for every connection open now and for each one opened later, right after it
     * opens (what the ORM uses to attach its query listener to every connection).
     */
    public void onOpen(Consumer<DatabaseConnection> callback) {
        openCallbacks.add(callback);
        open.values().forEach(callback);
    }

    /** Reads the connection's env block without opening it: what diagnostics print. */
    public ConnectionSettings settings(ConnectionName name) {
        Driver driver = drivers.driverFor(name);
        return driver.settings(new EnvBlock(env, name, driver.envPrefix()));
    }

    private DatabaseConnection openConnection(ConnectionName name) {
        Driver driver = drivers.driverFor(name);
        ConnectionSettings settings = driver.settings(new EnvBlock(env, name, driver.envPrefix()));
        DatabaseConnection connection;
        try {
            connection = driver.open(settings);
        } catch (EloquentException e) {
            throw e;
        } catch (RuntimeException e) {
            // A driver that failed without its own ConnectionException: its message and causes may quote a
            // URL with credentials, so only the exception's type is named, and it is not kept as a cause.
            throw new ConnectionException("connection '" + name + "' (" + settings.describe() + ") failed to open with "
                    + e.getClass().getName() + " from driver " + driver.name() + " (its message is not shown: it may"
                    + " carry a secret); check the keys of " + driver.envPrefix() + (name.test() ? "_TEST_*" : "_*"));
        }
        try {
            openCallbacks.forEach(callback -> callback.accept(connection));
        } catch (RuntimeException e) {
            connection.close(); // not kept, so it must not stay open
            throw e;
        }
        return connection;
    }

    /** The names opened so far. */
    public List<ConnectionName> openNames() {
        return List.copyOf(open.keySet());
    }

    /** Whether APP_ENV is production, which turns on the guards of destructive commands. */
    public boolean production() {
        return env.get(APP_ENV).orElse("local").equalsIgnoreCase("production");
    }

    /** Closes every open connection; reports all failures together. Idempotent. */
    @Override
    public void close() {
        closed = true;
        List<String> failures = new ArrayList<>();
        for (Map.Entry<ConnectionName, DatabaseConnection> entry : open.entrySet()) {
            try {
                entry.getValue().close();
            } catch (EloquentException e) {
                failures.add(entry.getKey() + ": " + e.getMessage());
            } catch (RuntimeException e) {
                // As when opening: a driver's own exception may quote a URL with credentials; name its type only.
                failures.add(entry.getKey() + ": " + e.getClass().getName() + " (its message is not shown: it may"
                        + " carry a secret)");
            }
        }
        open.clear();
        if (!failures.isEmpty()) {
            throw new ConnectionException("closing connections failed: " + String.join("; ", failures));
        }
    }
}
