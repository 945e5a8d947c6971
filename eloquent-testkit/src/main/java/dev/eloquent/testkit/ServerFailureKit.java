package dev.eloquent.testkit;

import dev.eloquent.api.ConfigurationException;
import dev.eloquent.api.ConnectionException;
import dev.eloquent.api.QueryException;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Env;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input for drivers of database servers: each case fails within a bounded time, names the connection,
 * host, port and user, and never shows the password: not in the message, the causes, nor anything
 * printed meanwhile. Only loopback addresses are used.
 */
public interface ServerFailureKit {
    /** Distinctive, so that finding it anywhere is proof of a leak. */
    String SECRET = "Eloq-S3cret-7731-never-print";
    int TIMEOUT_SECONDS = 2;

    /** The connection name, such as {@code mysql}; the cases use its test twin. */
    String connection();

    /** The driver's env prefix, such as {@code DB}. */
    String prefix();

    /** A test env that reaches the real server (host, port, user, database). */
    Map<String, String> serverEnv();

    /** The user of {@link #serverEnv()}, or the driver's default user. */
    String defaultUser();

    private String key(String suffix) {
        return prefix() + "_TEST_" + suffix;
    }

    private Map<String, String> env(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(serverEnv());
        env.put(key("CONNECT_TIMEOUT"), Integer.toString(TIMEOUT_SECONDS));
        env.put("DB_TEST_CONNECTION", connection() + "_test");
        env.putAll(overrides);
        return env;
    }

    private String user(Map<String, String> env) {
        return env.getOrDefault(key("USER"), defaultUser());
    }

    /** Opens the test twin through Eloquent; returns what failed, what was printed meanwhile, and how long it took. */
    private Failure attempt(Map<String, String> env) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        EloquentException error;
        System.setOut(capture);
        System.setErr(capture);
        try (Eloquent db = Eloquent.builder().env(Env.of(env)).testMode().boot()) {
            error = assertThrows(EloquentException.class, () -> db.connections().connection(connection()));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Failure(error, printed.toString(StandardCharsets.UTF_8), took);
    }

    record Failure(EloquentException error, String printed, Duration took) {
    }

    private void assertNamesTargetWithoutSecret(Failure failure, Map<String, String> env, String host, int port) {
        String message = failure.error().getMessage();
        assertTrue(failure.error() instanceof ConnectionException, "a ConnectionException: " + failure.error());
        for (String expected : List.of("'" + connection() + "_test'", host, ":" + port, user(env) + "@")) {
            assertTrue(message.contains(expected), "message names " + expected + ": " + message);
        }
        List<String> everything = new ArrayList<>();
        for (Throwable t = failure.error(); t != null; t = t.getCause()) {
            everything.add(String.valueOf(t));
            for (StackTraceElement frame : t.getStackTrace()) {
                everything.add(frame.toString());
            }
        }
        // Proof that the log path is live (a logger must be bound in the driver's tests), so that the
        // check below reads real log lines.
        assertTrue(failure.printed().contains("eloquent-" + connection() + "_test"),
                "the connection pool's log lines were captured: " + failure.printed());
        everything.add(failure.printed());
        for (String text : everything) {
            assertFalse(text.contains(SECRET), "the password leaked into: " + text);
        }
        assertTrue(failure.took().compareTo(Duration.ofSeconds(TIMEOUT_SECONDS + 4)) < 0,
                "failed within the connect timeout (" + TIMEOUT_SECONDS + "s) and a margin, took " + failure.took());
    }

    private String host(Map<String, String> env) {
        return env.getOrDefault(key("HOST"), "127.0.0.1");
    }

    private int port(Map<String, String> env, int fallback) {
        return Integer.parseInt(env.getOrDefault(key("PORT"), Integer.toString(fallback)));
    }

    /** The port of the real server in {@link #serverEnv()}. */
    int defaultPort();

    @Test
    default void aWrongPasswordFailsNamingTheTargetButNeverThePassword() {
        Map<String, String> env = env(Map.of(key("PASSWORD"), SECRET));
        Failure failure = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try {
                return attempt(env);
            } catch (org.opentest4j.AssertionFailedError connected) {
                // The server let the wrong password in: it does not check passwords (trust authentication).
                Assumptions.abort("skipped: the server at " + host(env) + ":" + port(env, defaultPort())
                        + " accepted a wrong password for user " + user(env) + " (it does not check passwords,"
                        + " e.g. trust authentication); the unknown-user case covers credentials instead");
                return null;
            }
        });
        assertNamesTargetWithoutSecret(failure, env, host(env), port(env, defaultPort()));
    }

    @Test
    default void anUnknownUserFailsNamingTheTargetButNeverThePassword() {
        Map<String, String> env = env(Map.of(key("USER"), "eloquent_nobody", key("PASSWORD"), SECRET));
        Failure failure = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> attempt(env));
        assertNamesTargetWithoutSecret(failure, env, host(env), port(env, defaultPort()));
    }

    @Test
    default void anUnknownDatabaseFailsNamingIt() {
        // The server's real credentials, so that the database is the only thing wrong.
        Map<String, String> env = env(Map.of(key("NAME"), "eloquent_no_such_db"));
        Failure failure = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> attempt(env));
        assertTrue(failure.error().getMessage().contains("/eloquent_no_such_db"), failure.error().getMessage());
        assertNamesTargetWithoutSecret(failure, env, host(env), port(env, defaultPort()));
    }

    @Test
    default void aClosedPortFailsFast() throws IOException {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        Map<String, String> env = env(Map.of(key("HOST"), "127.0.0.1", key("PORT"), Integer.toString(closed),
                key("PASSWORD"), SECRET));
        Failure failure = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> attempt(env));
        assertNamesTargetWithoutSecret(failure, env, "127.0.0.1", closed);
    }

    @Test
    default void aServerThatNeverAnswersFailsWithinTheConnectTimeout() throws IOException {
        try (SilentServer silent = new SilentServer()) {
            Map<String, String> env = env(Map.of(key("HOST"), "127.0.0.1", key("PORT"),
                    Integer.toString(silent.port()), key("PASSWORD"), SECRET));
            Failure failure = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> attempt(env));
            assertTrue(silent.accepted() > 0, "the driver did reach the silent server");
            assertNamesTargetWithoutSecret(failure, env, "127.0.0.1", silent.port());
        }
    }

    @Test
    default void aPortThatIsNotANumberFailsNamingTheKeyBeforeConnecting() {
        Map<String, String> env = env(Map.of(key("PORT"), "33o6", key("PASSWORD"), SECRET));
        try (Eloquent db = Eloquent.builder().env(Env.of(env)).testMode().boot()) {
            ConfigurationException error = assertThrows(ConfigurationException.class,
                    () -> db.connections().connection(connection()));
            assertTrue(error.getMessage().startsWith(key("PORT") + " must be a whole number"), error.getMessage());
            assertTrue(error.getMessage().contains(connection() + "_test"), error.getMessage());
            assertFalse(error.getMessage().contains("33o6"), "the value is never echoed: " + error.getMessage());
            assertFalse(error.getMessage().contains(SECRET), error.getMessage());
        }
    }

    @Test
    default void aHostThatIsNotAHostNameFailsNamingTheKeyWithoutEchoingIt() {
        Map<String, String> env = env(Map.of(key("HOST"), SECRET + "@db.local"));
        try (Eloquent db = Eloquent.builder().env(Env.of(env)).testMode().boot()) {
            ConfigurationException error = assertThrows(ConfigurationException.class,
                    () -> db.connections().connection(connection()));
            assertTrue(error.getMessage().startsWith(key("HOST") + " must be a host name"), error.getMessage());
            assertFalse(error.getMessage().contains(SECRET), error.getMessage());
        }
    }

    @Test
    default void aSocketTimeoutThatIsNotANumberFailsNamingTheKey() {
        Map<String, String> env = env(Map.of(key("SOCKET_TIMEOUT"), "-1"));
        try (Eloquent db = Eloquent.builder().env(Env.of(env)).testMode().boot()) {
            ConfigurationException error = assertThrows(ConfigurationException.class,
                    () -> db.connections().connection(connection()));
            assertTrue(error.getMessage().startsWith(key("SOCKET_TIMEOUT") + " must be a whole number from 0 to 86400"),
                    error.getMessage());
        }
    }

    /**
     * The network freezes while a statement is in flight: the statement fails once the socket timeout
     * passes (plus a margin), with a message that says the server stopped answering, instead of waiting
     * until the network comes back. A loopback proxy in front of the real server does the freezing.
     */
    @Test
    default void aServerThatStopsAnsweringMidStatementFailsWithinTheSocketTimeout() throws IOException {
        int socketTimeout = 2;
        try (FreezingProxy proxy = new FreezingProxy(host(env(Map.of())), port(env(Map.of()), defaultPort()))) {
            Map<String, String> env = env(Map.of(key("HOST"), "127.0.0.1", key("PORT"), Integer.toString(proxy.port()),
                    key("SOCKET_TIMEOUT"), Integer.toString(socketTimeout)));
            try (Eloquent db = Eloquent.builder().env(Env.of(env)).testMode().boot()) {
                var answering = db.on(connection()).select("SELECT 1 AS one");
                assertTrue(answering.size() == 1, "the proxy forwards while it is not frozen: " + answering);
                proxy.freeze();
                long start = System.nanoTime();
                QueryException error = assertTimeoutPreemptively(Duration.ofSeconds(30),
                        () -> assertThrows(QueryException.class, () -> db.on(connection()).select("SELECT 2 AS two")));
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(took.compareTo(Duration.ofSeconds(socketTimeout + 5)) < 0,
                        "failed within the socket timeout (" + socketTimeout + "s) and a margin, took " + took);
                assertTrue(took.compareTo(Duration.ofMillis(socketTimeout * 1000L - 500)) > 0,
                        "waited for the socket timeout, took " + took);
                assertTrue(error.getMessage().contains("stopped answering"), "says so: " + error.getMessage());
                assertTrue(error.getMessage().contains(key("SOCKET_TIMEOUT")), "names the key: " + error.getMessage());
            }
        }
    }

    /** A loopback server that accepts connections and never says a word: the connect timeout must end the wait. */
    final class SilentServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread acceptor;

        public SilentServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                try {
                    while (!socket.isClosed()) {
                        held.add(socket.accept());
                    }
                } catch (IOException closed) {
                    // close() closed the socket: the normal way out of accept().
                    return;
                }
            }, "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        public int port() {
            return socket.getLocalPort();
        }

        public int accepted() {
            return held.size();
        }

        @Override
        public void close() {
            try {
                socket.close();
                for (Socket s : held) {
                    s.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
