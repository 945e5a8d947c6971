package dev.eloquent.sql;

import dev.eloquent.api.Cursor;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Rows read from an open JDBC result, one at a time. Holds its statement and connection until it is
 * closed or exhausted (it closes itself at the end). Column labels and the class each column is read
 * with are resolved once, when the result opens. Not thread-safe, like the iterator it is.
 */
final class SqlCursor implements Cursor {
    private final SqlConnection owner;
    private final Lease lease;
    private final PreparedStatement statement;
    private final ResultSet results;
    private final CompiledSql compiled;
    private final SqlDialect dialect;
    private final List<String> columns;
    private final Class<?>[] readAs;
    /** Time spent in the database and driver (executing, fetching), not in the caller's loop. */
    private long nanos;
    private long rows;
    private boolean fetched;
    private boolean hasRow;
    private boolean exhausted;
    private boolean closed;

    SqlCursor(SqlConnection owner, Lease lease, PreparedStatement statement, ResultSet results, CompiledSql compiled,
              long executeNanos) throws SQLException {
        this.owner = owner;
        this.lease = lease;
        this.statement = statement;
        this.results = results;
        this.compiled = compiled;
        this.dialect = owner.dialect();
        this.nanos = executeNanos;
        String[] labels = dialect.columnLabels(results);
        readAs = new Class<?>[labels.length];
        if (dialect.readsColumnTypes()) {
            ResultSetMetaData meta = results.getMetaData();
            for (int i = 1; i <= labels.length; i++) {
                readAs[i - 1] = dialect.readAs(meta.getColumnType(i), meta.getColumnTypeName(i));
            }
        }
        columns = Collections.unmodifiableList(Arrays.asList(labels));
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        if (!fetched) {
            long start = System.nanoTime();
            try {
                hasRow = results.next();
            } catch (SQLException e) {
                throw fail(e);
            } finally {
                nanos += System.nanoTime() - start;
            }
            fetched = true;
            if (!hasRow) {
                exhausted = true;
                close();
            }
        }
        return hasRow;
    }

    @Override
    public Object[] next() {
        return next(null);
    }

    @Override
    public Object[] next(Object[] reuse) {
        if (!hasNext()) {
            throw new NoSuchElementException("the cursor has no more rows");
        }
        Object[] row = reuse != null && reuse.length == readAs.length ? reuse : new Object[readAs.length];
        try {
            for (int i = 0; i < row.length; i++) {
                Object raw = readAs[i] == null ? results.getObject(i + 1) : results.getObject(i + 1, readAs[i]);
                row[i] = dialect.fromJdbc(raw);
            }
        } catch (SQLException e) {
            throw fail(e);
        }
        fetched = false;
        rows++;
        return row;
    }

    private RuntimeException fail(SQLException error) {
        RuntimeException failure = owner.failure(error, compiled);
        release(false);
        return failure;
    }

    @Override
    public void close() {
        release(true);
    }

    private void release(boolean success) {
        if (closed) {
            return;
        }
        closed = true;
        hasRow = false;
        SqlConnection.closeQuietly(results);
        SqlConnection.closeQuietly(statement);
        owner.cursorClosed(this, lease, success);
        if (success) {
            owner.emit(compiled, nanos, exhausted ? rows : -1);
        }
    }
}
