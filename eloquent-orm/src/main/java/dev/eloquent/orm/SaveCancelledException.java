package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;

/**
 * A listener or observer of a saving, creating or updating event returned false, so {@code save()} wrote
 * nothing. {@code trySave()} reports the same as false instead.
 */
public class SaveCancelledException extends EloquentException {
    public SaveCancelledException(String message) {
        super(message);
    }
}
