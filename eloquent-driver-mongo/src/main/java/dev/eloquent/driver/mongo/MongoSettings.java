package dev.eloquent.driver.mongo;

import com.mongodb.ConnectionString;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.ConnectionSettings;
import dev.eloquent.api.EnvBlock;
import dev.eloquent.api.Secret;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code mongo} connection's settings. The URI is parsed here with the driver's own
 * {@link ConnectionString} (no I/O: a {@code mongodb+srv} host is looked up only when the client
 * starts) and kept as a {@link Secret}, because it may carry a user and password; {@link #describe()}
 * shows the hosts and the database only.
 *
 * @param uriKey the full env key the URI came from, named in every error about it
 */
record MongoSettings(ConnectionName connection, Secret uri, String uriKey, boolean srv, List<String> hosts,
                     String database) implements ConnectionSettings {
    static final String URI = "URI";
    static final String DB = "DB";
    static final String DEFAULT_URI = "mongodb://127.0.0.1:27017";
    /** MongoDB refuses these in database names; the length is its limit in bytes for ASCII names. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,63}");

    static MongoSettings read(EnvBlock block) {
        String raw = block.string(URI, DEFAULT_URI);
        ConnectionString parsed;
        try {
            parsed = new ConnectionString(raw);
        } catch (RuntimeException e) {
            throw block.fail(URI, "is not a MongoDB connection string (expected mongodb://host:port/db or"
                    + " mongodb+srv://host/db): " + Redaction.scrub(e.getMessage(), raw));
        }
        String database = block.optional(DB).orElse(parsed.getDatabase());
        if (database == null || database.isEmpty()) {
            database = block.connection().test() ? "eloquent_test" : "eloquent";
        }
        if (!DATABASE_NAME.matcher(database).matches()) {
            String source = block.optional(DB).isPresent() ? block.key(DB) : block.key(URI) + " (its path)";
            throw new dev.eloquent.api.ConfigurationException(source + " names database '" + database
                    + "', which MongoDB cannot use: use 1 to 63 letters, digits, _ or - (connection '"
                    + block.connection() + "')");
        }
        return new MongoSettings(block.connection(), Secret.of(raw), block.key(URI), parsed.isSrvProtocol(),
                List.copyOf(parsed.getHosts()), database);
    }

    ConnectionString connectionString() {
        return new ConnectionString(uri.reveal());
    }

    @Override
    public String describe() {
        return (srv ? "mongodb+srv://" : "mongodb://") + String.join(",", hosts) + "/" + database;
    }

    @Override
    public String toString() {
        return "MongoSettings[" + connection + ", " + describe() + "]";
    }
}
