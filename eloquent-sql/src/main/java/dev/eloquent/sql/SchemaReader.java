package dev.eloquent.sql;

import java.util.List;

/**
 * What a dialect may read while it turns a schema change into statements: a change that rebuilds a
 * table (SQLite) needs the table's definition as it is, which no compile-only step has.
 */
public interface SchemaReader {
    /** The rows of a catalog query this library wrote; values are bound, never spliced into the text. */
    List<Object[]> rows(String sql, List<Object> bindings);

    /**
     * Whether the statements are only described ({@code --pretend}, a migration's statements before it
     * runs): earlier changes of the same migration have not run, so what is read may be behind the change,
     * and a dialect describes what it cannot read yet instead of failing.
     */
    boolean describing();
}
