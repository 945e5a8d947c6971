package dev.eloquent.sql;

import dev.eloquent.api.EnvBlock;

/**
 * How long a statement may wait for the server's next bytes before the JDBC driver gives up
 * ({@code X_SOCKET_TIMEOUT}, seconds, default {@value #DEFAULT_SECONDS}, 0 = wait forever). Without it a
 * statement in flight when the network or the server freezes blocks until the operating system gives
 * up, which can take many minutes. It bounds the wait for each reply, not a statement's whole run: a
 * long query whose server keeps the socket quiet for longer than this fails, so raise it (or set 0)
 * for such work.
 *
 * @param seconds 0 for none
 * @param key     the env key it was read from, named in messages, or null where none applies (SQLite)
 */
public record SocketTimeout(int seconds, String key) {
    public static final String SUFFIX = "SOCKET_TIMEOUT";
    public static final int DEFAULT_SECONDS = 60;
    /** No socket: nothing to time out (SQLite). */
    public static final SocketTimeout NONE = new SocketTimeout(0, null);

    /** {@code X_SOCKET_TIMEOUT} from the block: 0 to 86400 seconds, default 60; a bad value fails naming the key. */
    public static SocketTimeout read(EnvBlock block) {
        return new SocketTimeout(block.integer(SUFFIX, DEFAULT_SECONDS, 0, 86_400), block.key(SUFFIX));
    }

    public boolean enabled() {
        return seconds > 0;
    }

    /** Whether the failure is this timeout firing: a {@link java.net.SocketTimeoutException} in its causes. */
    public static boolean firedIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * What to tell the user when it fired: "the server stopped answering: no reply within 60s
     * (DB_SOCKET_TIMEOUT)".
     */
    public String explain() {
        return "the server stopped answering: no reply within " + seconds + "s"
                + (key == null ? "" : " (" + key + "; 0 waits forever)");
    }
}
