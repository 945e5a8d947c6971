package dev.eloquent.orm;

/**
 * Turns one positional row of a result into what a builder returns. Made once per result, after the
 * result's columns are known, so column positions and types are resolved once, not once per row.
 * A reader copies the values out and never keeps the array: the next row may be read into it
 * ({@link dev.eloquent.api.Cursor#next(Object[])}).
 */
@FunctionalInterface
interface RowReader<R> {
    R read(Object[] row);
}
