package dev.eloquent.testkit;

import java.util.List;
import java.util.Map;

/**
 * The second path to the data: how the kit reads and writes rows without going through Eloquent, to
 * check that what the ORM reports is what the database holds. SQL drivers use {@link JdbcRawAccess}.
 */
public interface RawAccess {
    /** Every row of the table, ordered by {@code id}, as the database's own client returns the values. */
    List<Map<String, Object>> rows(String table);

    /** Sets one column of the row with this {@code id}, behind Eloquent's back. */
    void update(String table, long id, String column, Object value);

    /**
     * Every row of the table ordered by the given columns, ascending: for tables without an {@code id},
     * such as a pivot with a composite key.
     */
    List<Map<String, Object>> rowsOrderedBy(String table, String... columns);

    /** Whether the table (collection) exists, asked of the database's own client. */
    boolean hasTable(String table);
}
