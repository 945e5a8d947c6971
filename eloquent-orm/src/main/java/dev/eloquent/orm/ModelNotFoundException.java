package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;

/** {@code findOrFail} or {@code firstOrFail} found nothing. */
public class ModelNotFoundException extends EloquentException {
    public ModelNotFoundException(String message) {
        super(message);
    }
}
