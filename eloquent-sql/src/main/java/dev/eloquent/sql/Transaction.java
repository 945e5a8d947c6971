package dev.eloquent.sql;

import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The transaction a thread is in on one connection: its JDBC connection, one level per nested
 * {@code transaction} call (a savepoint below the outermost) and the cursors opened inside it, closed
 * before it ends. Touched by its own thread only.
 */
final class Transaction {
    /** One {@code transaction} call: its savepoint (null for the outermost), a failure seen inside it, callbacks. */
    static final class Level {
        /** The savepoint's name, or null for the outermost level. */
        final String savepoint;
        /** The first statement that failed inside this level, or null: the level must roll back. */
        CompiledSql failed;
        String failedCode;
        final List<Runnable> afterCommit = new ArrayList<>();

        Level(String savepoint) {
            this.savepoint = savepoint;
        }
    }

    final Connection connection;
    private final Deque<Level> levels = new ArrayDeque<>();
    private final List<SqlCursor> cursors = new ArrayList<>();

    Transaction(Connection connection) {
        this.connection = connection;
    }

    Level push(String savepoint) {
        Level level = new Level(savepoint);
        levels.push(level);
        return level;
    }

    Level pop() {
        return levels.pop();
    }

    /** How many levels are open: the outermost is 1. */
    int depth() {
        return levels.size();
    }

    Level current() {
        return levels.peek();
    }

    /** Marks the innermost level rollback-only: a statement inside it failed. */
    void failed(CompiledSql statement, String code) {
        Level level = levels.peek();
        if (level != null && level.failed == null) {
            level.failed = statement;
            level.failedCode = code;
        }
    }

    void opened(SqlCursor cursor) {
        cursors.add(cursor);
    }

    void closed(SqlCursor cursor) {
        cursors.remove(cursor);
    }

    /**
     * Closes the cursors still open, so that the transaction can end (SQLite cannot commit under an open
     * statement). Every cursor is closed even when one fails (a closing cursor reports to the query
     * listener, which may throw); the first failure is then rethrown.
     */
    void closeCursors() {
        RuntimeException first = null;
        for (SqlCursor cursor : new ArrayList<>(cursors)) {
            try {
                cursor.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        cursors.clear();
        if (first != null) {
            throw first;
        }
    }
}
