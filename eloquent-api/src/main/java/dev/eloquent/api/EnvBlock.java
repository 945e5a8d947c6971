package dev.eloquent.api;

import java.util.Optional;

/**
 * One connection's view of the env contract. A driver names its prefix ({@code DB}, {@code PG},
 * {@code SQLITE}); the block turns a suffix such as {@code PORT} into {@code PG_PORT} or, for the test
 * twin, {@code PG_TEST_PORT}. Every read that fails names the full key and the connection, never the
 * value: a password pasted into the wrong key must not be printed.
 */
public final class EnvBlock {
    private final Env env;
    private final ConnectionName connection;
    private final String prefix;

    public EnvBlock(Env env, ConnectionName connection, String prefix) {
        this.env = env;
        this.connection = connection;
        this.prefix = prefix + (connection.test() ? "_TEST_" : "_");
    }

    public ConnectionName connection() {
        return connection;
    }

    /** The full key for a suffix: {@code key("HOST")} is {@code DB_HOST} or {@code DB_TEST_HOST}. */
    public String key(String suffix) {
        return prefix + suffix;
    }

    public Optional<String> optional(String suffix) {
        return env.get(key(suffix));
    }

    public String string(String suffix, String defaultValue) {
        return optional(suffix).orElse(defaultValue);
    }

    public String required(String suffix) {
        return optional(suffix).orElseThrow(() -> fail(suffix, "is missing or empty; set it in .env or the environment"));
    }

    public Secret secret(String suffix) {
        return Secret.of(env.get(key(suffix)).orElse(""));
    }

    /** A whole number within bounds, for ports, pool sizes and timeouts. */
    public int integer(String suffix, int defaultValue, int min, int max) {
        Optional<String> raw = optional(suffix);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the message below, which says what a valid value looks like
        }
        // The value is not shown: a password pasted into the wrong key would be printed otherwise.
        throw fail(suffix, "must be a whole number from " + min + " to " + max);
    }

    /** {@code true} or {@code false} (any case; {@code 1} and {@code 0} too), for switches such as {@code DB_STICKY}. */
    public boolean bool(String suffix, boolean defaultValue) {
        Optional<String> raw = optional(suffix);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        String value = raw.get().toLowerCase(java.util.Locale.ROOT);
        if (value.equals("true") || value.equals("1")) {
            return true;
        }
        if (value.equals("false") || value.equals("0")) {
            return false;
        }
        throw fail(suffix, "must be true or false");
    }

    public int port(String suffix, int defaultValue) {
        return integer(suffix, defaultValue, 1, 65_535);
    }

    /** A configuration error that names the key and the connection. */
    public ConfigurationException fail(String suffix, String problem) {
        return new ConfigurationException(key(suffix) + " " + problem + " (connection '" + connection + "')");
    }
}
