package dev.eloquent.api;

/** The root of every error Eloquent throws on purpose. Messages name what to fix and never carry secrets. */
public class EloquentException extends RuntimeException {
    public EloquentException(String message) {
        super(message);
    }

    public EloquentException(String message, Throwable cause) {
        super(message, cause);
    }
}
