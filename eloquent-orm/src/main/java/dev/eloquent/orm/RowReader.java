package dev.eloquent.orm;

/**
 * Turns one positional row of a result into what a builder returns. Made once per result, after the
 * result's columns are known, so column positions and types are resolved once, not once per row.
 */
@FunctionalInterface
interface RowReader<R> {
    R read(Object[] row);
}
