package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;

/** A relation was read lazily on a model that came with others from one query while the N+1 guard is on. */
public class LazyLoadingViolationException extends EloquentException {
    public LazyLoadingViolationException(String message) {
        super(message);
    }
}
