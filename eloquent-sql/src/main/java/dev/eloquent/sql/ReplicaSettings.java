package dev.eloquent.sql;

import dev.eloquent.api.EnvBlock;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read side of a server connection (docs/scaling-out.md): {@code X_READ_HOST}, a comma-separated
 * list of {@code host[:port]} entries (the port defaults to the block's {@code X_PORT}), and
 * {@code X_STICKY} (default true). Everything else (user, password, database, pool size, socket timeout)
 * is shared with the write side. Errors name the key and the entry's position, never its text.
 *
 * @param replicas              one entry per replica, in the order given; empty for none
 * @param sticky                whether reads of a sticky scope go to the primary after a write in it
 * @param connectTimeoutSeconds a replica's own, short, connect timeout: a dead one is skipped within it
 * @param properties            the JDBC properties of the replica pools (the driver's, with that timeout)
 */
public record ReplicaSettings(List<Replica> replicas, boolean sticky, int connectTimeoutSeconds,
                              Map<String, String> properties) {
    public static final String READ_HOST = "READ_HOST";
    public static final String STICKY = "STICKY";
    /** The suffixes a server driver reads for its replicas. */
    public static final List<String> KEYS = List.of(READ_HOST, STICKY);
    /** A replica waits at most this long to connect (or the block's connect timeout when shorter). */
    public static final int MAX_CONNECT_TIMEOUT_SECONDS = 2;
    /** No replicas: every statement runs on the one server (SQLite, or no {@code X_READ_HOST}). */
    public static final ReplicaSettings NONE = new ReplicaSettings(List.of(), true, 1, Map.of());

    private static final Pattern ENTRY = Pattern.compile("([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+])(?::([0-9]{1,5}))?");

    /** One replica: where it is, its JDBC URL (no credentials) and how messages name it. */
    public record Replica(String host, int port, String jdbcUrl, String target) {
        /** {@code host:port}, as warnings and diagnostics name it. */
        public String address() {
            return host + ":" + port;
        }
    }

    public ReplicaSettings {
        replicas = List.copyOf(replicas);
        properties = Map.copyOf(properties);
    }

    public boolean isEmpty() {
        return replicas.isEmpty();
    }

    /**
     * Reads {@code X_READ_HOST} and {@code X_STICKY}. The replicas use the database, user and URL form of
     * the write side.
     */
    public static ReplicaSettings read(EnvBlock block, ServerSettings.UrlFormat format, int defaultPort, String user,
                                       String database, ServerSettings.Properties properties, int socketTimeoutSeconds) {
        boolean sticky = block.bool(STICKY, true);
        List<String> entries = block.optional(READ_HOST).map(ReplicaSettings::split).orElse(List.of());
        List<Replica> replicas = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Matcher m = ENTRY.matcher(entries.get(i));
            // The entry is not shown, only its position: a password pasted here by mistake would be printed.
            if (!m.matches()) {
                throw block.fail(READ_HOST, "entry " + (i + 1) + " must be host or host:port (IPv6 in brackets),"
                        + " entries separated by commas");
            }
            int port = defaultPort;
            if (m.group(2) != null) {
                port = Integer.parseInt(m.group(2));
                if (port < 1 || port > 65_535) {
                    throw block.fail(READ_HOST, "entry " + (i + 1) + " has a port outside 1 to 65535");
                }
            }
            String host = m.group(1);
            if (!seen.add(host.toLowerCase(java.util.Locale.ROOT) + ":" + port)) {
                throw block.fail(READ_HOST, "entry " + (i + 1) + " repeats an earlier entry");
            }
            replicas.add(new Replica(host, port, format.url(host, port, database),
                    user + "@" + host + ":" + port + "/" + database));
        }
        int timeout = Math.min(PoolSettings.connectTimeoutSeconds(block), MAX_CONNECT_TIMEOUT_SECONDS);
        return new ReplicaSettings(replicas, sticky, timeout, properties.forTimeouts(timeout, socketTimeoutSeconds));
    }

    /** Entries split at commas; an empty entry (two commas, a trailing comma) is kept, to be refused. */
    private static List<String> split(String value) {
        List<String> entries = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            entries.add(part.strip());
        }
        return entries;
    }

    /** For diagnostics: {@code read replicas 10.0.0.2:5432, 10.0.0.3:5432 (sticky, connect timeout 2s)}. */
    public String describe() {
        if (replicas.isEmpty()) {
            return "no read replicas";
        }
        List<String> addresses = replicas.stream().map(Replica::address).toList();
        return "read replicas " + String.join(", ", addresses) + " (" + (sticky ? "sticky" : "not sticky")
                + ", connect timeout " + connectTimeoutSeconds + "s)";
    }
}
