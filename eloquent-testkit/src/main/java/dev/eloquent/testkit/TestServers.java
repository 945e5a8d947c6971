package dev.eloquent.testkit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Which database server a test uses, decided the same way for every server driver: the one at the
 * configured address when it answers; otherwise, in CI ({@code CI=true}), a failure, never a quiet
 * skip; otherwise whatever the driver's tests bring themselves (a Testcontainers container), which
 * skips visibly, with the reason, when it cannot. Knows no driver and no Testcontainers.
 */
public final class TestServers {
    /** The database tests use on every server unless {@code X_TEST_NAME} says otherwise. */
    public static final String TEST_DATABASE = "eloquent_test";
    private static final int PROBE_MILLIS = 1_000;

    private TestServers() {
    }

    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Whether something accepts TCP connections at the address, within a second. */
    public static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), PROBE_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The test block of a server driver from the real environment: every {@code PREFIX_TEST_*} variable
     * (except {@code DB_TEST_CONNECTION}),
     * with {@code PREFIX_TEST_NAME} defaulting to {@value #TEST_DATABASE}. Host, port and user keep the
     * driver's own defaults when absent.
     */
    public static Map<String, String> testEnv(String prefix) {
        Map<String, String> env = new HashMap<>();
        String testPrefix = prefix + "_TEST_";
        System.getenv().forEach((key, value) -> {
            // DB_TEST_CONNECTION shares the DB_TEST_ prefix but picks the default connection, not this block.
            if (key.startsWith(testPrefix) && !key.equals("DB_TEST_CONNECTION") && !value.isBlank()) {
                env.put(key, value);
            }
        });
        env.putIfAbsent(testPrefix + "NAME", TEST_DATABASE);
        return env;
    }

    /**
     * The local server's value when it answers at {@code host:port}; in CI a failure naming the server
     * and the keys to set; otherwise {@code fallback} (which may skip, see {@link #skip}).
     *
     * @param server what to call the server in messages, e.g. "MariaDB/MySQL"
     * @param keys   the env keys that point at it, e.g. "DB_TEST_HOST/DB_TEST_PORT"
     */
    public static <T> T select(String server, String keys, String host, int port, Supplier<T> local,
                               Supplier<T> fallback) {
        if (answers(host, port)) {
            return local.get();
        }
        if (ci()) {
            return Assertions.fail("CI=true and no " + server + " answers at " + host + ":" + port
                    + ": start it (.ci/run does) or point " + keys + " at one");
        }
        return fallback.get();
    }

    /** Skips the calling test, visibly, with the reason; for fallbacks that cannot run here. */
    public static <T> T skip(String reason) {
        Assumptions.abort(reason);
        throw new AssertionError("unreachable: Assumptions.abort returned");
    }
}
