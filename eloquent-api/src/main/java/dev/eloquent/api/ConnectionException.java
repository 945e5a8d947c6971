package dev.eloquent.api;

/**
 * A connection could not be opened or used. The message names the connection and what to check;
 * the cause is kept only when its text cannot carry a secret (drivers decide, see {@link Secret}).
 */
public class ConnectionException extends EloquentException {
    public ConnectionException(String message) {
        super(message);
    }

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
