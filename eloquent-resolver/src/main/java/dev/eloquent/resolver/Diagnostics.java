package dev.eloquent.resolver;

import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.Driver;
import dev.eloquent.api.EloquentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the resolver makes of the environment, for people: the default connection, the drivers found
 * and what their blocks say (secrets redacted), and the keys that look like configuration but belong
 * to no part of the contract, such as {@code DB_PG_CONNECTION}, which change nothing.
 */
public final class Diagnostics {
    private static final Set<String> GLOBAL_KEYS = Set.of(Connections.DB_CONNECTION, Connections.DB_TEST_CONNECTION,
            Connections.APP_ENV);

    private final Connections connections;

    public Diagnostics(Connections connections) {
        this.connections = connections;
    }

    /**
     * Keys that share a prefix with the contract ({@code DB_}, {@code APP_}, or a driver's prefix) but are
     * neither a global key nor one of a driver's declared block keys.
     */
    public List<String> ignoredKeys() {
        Set<String> known = new TreeSet<>(GLOBAL_KEYS);
        Set<String> prefixes = new TreeSet<>(List.of("DB_", "APP_"));
        for (Driver driver : connections.drivers().drivers().values()) {
            String prefix = driver.envPrefix();
            prefixes.add(prefix + "_");
            for (String suffix : driver.envKeys()) {
                known.add(prefix + "_" + suffix);
                known.add(prefix + "_TEST_" + suffix);
            }
        }
        List<String> ignored = new ArrayList<>();
        for (String key : new TreeSet<>(connections.env().keys())) {
            String upper = key.toUpperCase(Locale.ROOT);
            if (!known.contains(key) && prefixes.stream().anyMatch(upper::startsWith)) {
                ignored.add(key);
            }
        }
        return ignored;
    }

    /** A readable report, one fact a line. Never opens a connection; never prints a secret. */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add("mode: " + (connections.testMode() ? "test" : "normal") + ", APP_ENV="
                + connections.env().get(Connections.APP_ENV).orElse("local"));
        lines.add("default connection: " + connections.defaultName());
        for (Driver driver : connections.drivers().drivers().values()) {
            ConnectionName name = connections.resolve(driver.name());
            String settings;
            try {
                settings = connections.settings(name).describe();
            } catch (EloquentException e) {
                settings = "not usable: " + e.getMessage();
            }
            lines.add("driver " + driver.name() + " (" + driver.getClass().getName() + "): " + name + " -> " + settings);
        }
        connections.drivers().failures().forEach(f -> lines.add("driver failed to load: " + f));
        ignoredKeys().forEach(k -> lines.add("ignored key: " + k + " (not part of the env contract)"));
        return lines;
    }
}
