package dev.eloquent.orm.seed;

import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.EloquentException;

/**
 * A seeder failed; its writes were rolled back where the connection has transactions. The message names
 * the seeder and the connection, and repeats the cause's message only when it is one of Eloquent's own
 * (which carry no values); an application's exception is named by its class and kept as the cause.
 */
public final class SeedingException extends EloquentException {
    private final String seeder;

    SeedingException(String seeder, ConnectionName connection, RuntimeException cause) {
        super(seeder + " failed on " + connection + ": " + describe(cause), cause);
        this.seeder = seeder;
    }

    /** The simple name of the seeder that failed. */
    public String seeder() {
        return seeder;
    }

    private static String describe(RuntimeException cause) {
        return cause instanceof EloquentException ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
