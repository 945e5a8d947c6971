package dev.eloquent.cli;

import dev.eloquent.api.EloquentException;

/** A command line that cannot mean anything (exit code 2), such as two driver flags at once. */
public final class UsageException extends EloquentException {
    public UsageException(String message) {
        super(message);
    }
}
