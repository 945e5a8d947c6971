package dev.eloquent.api;

import java.util.Iterator;
import java.util.List;

/**
 * A result read one row at a time: the column names once, then each row's values in that order. A SQL
 * cursor holds its database connection until closed (or exhausted: drivers close at the end by
 * themselves); callers close it in try-with-resources. Rows are not kept, so a cursor can walk more rows
 * than fit in memory.
 */
public interface Cursor extends Iterator<Object[]>, AutoCloseable {
    List<String> columns();

    /** Releases the statement and its connection. Idempotent; never throws a checked exception. */
    @Override
    void close();

    /**
     * The next row's values, written into {@code reuse} where the cursor can (a driver reading row by row,
     * {@code reuse} of the row's width), else a new array as {@link #next()} gives. For a caller that copies
     * the values out before asking for the next row: one array per result instead of one per row.
     */
    default Object[] next(Object[] reuse) {
        return next();
    }

    /** Reads every remaining row into memory and closes the cursor. */
    default Rows drain() {
        try (this) {
            List<Object[]> values = new java.util.ArrayList<>();
            while (hasNext()) {
                values.add(next());
            }
            return new Rows(columns(), values);
        }
    }

    /** A cursor over rows already in memory. */
    static Cursor of(List<String> columns, List<Object[]> rows) {
        Iterator<Object[]> iterator = rows.iterator();
        return new Cursor() {
            @Override
            public List<String> columns() {
                return columns;
            }

            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public Object[] next() {
                return iterator.next();
            }

            @Override
            public void close() {
            }
        };
    }
}
