package dev.eloquent.api;

/**
 * What a driver read from its env block: immutable, validated, and safe to print (secrets are held
 * as {@link Secret}). Drivers implement it with a record of their own.
 */
public interface ConnectionSettings {
    /** The connection these settings are for, such as {@code pg_test}. */
    ConnectionName connection();

    /** A one-line, secret-free description for diagnostics and errors, such as {@code postgres@127.0.0.1:5432/app}. */
    String describe();
}
