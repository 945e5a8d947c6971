package dev.eloquent.resolver;

import dev.eloquent.api.Capability;
import dev.eloquent.api.ConnectionException;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.ConnectionSettings;
import dev.eloquent.api.Cursor;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.Driver;
import dev.eloquent.api.EnvBlock;
import dev.eloquent.api.Query;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.Secret;
import dev.eloquent.api.Write;
import dev.eloquent.api.WriteResult;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A driver for resolver tests: it reads HOST, PORT and PASSWORD from its block and opens connections
 * that only count themselves. With HOST=down it fails to open the way a real driver should.
 */
public class FakeDriver implements Driver {
    final String name;
    final String prefix;
    final List<String> alsoServes;
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();

    public FakeDriver() {
        this("fake");
    }

    FakeDriver(String name) {
        this(name, name.toUpperCase(java.util.Locale.ROOT));
    }

    /** A driver whose block prefix differs from its name, as mysql's {@code DB} does. */
    FakeDriver(String name, String prefix) {
        this(name, prefix, List.of());
    }

    /** A driver that also serves databases under other names, as mysql serves mariadb. */
    FakeDriver(String name, String prefix, List<String> alsoServes) {
        this.name = name;
        this.prefix = prefix;
        this.alsoServes = alsoServes;
    }

    @Override
    public List<String> alsoServes() {
        return alsoServes;
    }

    @Override
    public String envPrefix() {
        return prefix;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> envKeys() {
        return List.of("HOST", "PORT", "PASSWORD");
    }

    record Settings(ConnectionName connection, String host, int port, Secret password, String hostKey)
            implements ConnectionSettings {
        @Override
        public String describe() {
            return host + ":" + port;
        }
    }

    @Override
    public ConnectionSettings settings(EnvBlock block) {
        return new Settings(block.connection(), block.string("HOST", "127.0.0.1"), block.port("PORT", 1234),
                block.secret("PASSWORD"), block.key("HOST"));
    }

    @Override
    public DatabaseConnection open(ConnectionSettings settings) {
        Settings s = (Settings) settings;
        if (s.host().equals("down")) {
            throw new ConnectionException("connection '" + s.connection() + "' could not reach " + s.describe()
                    + "; check " + s.hostKey());
        }
        if (s.host().equals("crash")) {
            // A driver bug: a plain exception whose message carries the password.
            throw new IllegalStateException("could not parse jdbc:fake://user:" + s.password().reveal() + "@crash");
        }
        opened.incrementAndGet();
        return new FakeConnection(s.connection(), s.host().equals("closecrash") ? s.password().reveal() : null);
    }

    final class FakeConnection implements DatabaseConnection {
        private final ConnectionName connectionName;
        /** With HOST=closecrash: closing fails with a plain exception whose message carries the password. */
        private final String leakOnClose;

        FakeConnection(ConnectionName connectionName, String leakOnClose) {
            this.connectionName = connectionName;
            this.leakOnClose = leakOnClose;
        }

        @Override
        public ConnectionName name() {
            return connectionName;
        }

        @Override
        public String driverName() {
            return name;
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of();
        }

        @Override
        public Cursor select(Query query) {
            return Cursor.of(List.of(), List.of());
        }

        @Override
        public WriteResult write(Write write) {
            return WriteResult.of(0);
        }

        @Override
        public void execute(SchemaChange change) {
        }

        @Override
        public boolean hasTable(String table) {
            return false;
        }

        @Override
        public void close() {
            closed.incrementAndGet();
            if (leakOnClose != null) {
                throw new IllegalStateException("could not close jdbc:fake://user:" + leakOnClose + "@closecrash");
            }
        }
    }
}
