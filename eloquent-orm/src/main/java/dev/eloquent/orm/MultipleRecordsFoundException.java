package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;

/** {@code sole()} found more than one row. */
public class MultipleRecordsFoundException extends EloquentException {
    public MultipleRecordsFoundException(String message) {
        super(message);
    }
}
