package dev.eloquent.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.eloquent.api.Capability;
import dev.eloquent.api.ConnectionException;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.Cursor;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Identifiers;
import dev.eloquent.api.LiveTable;
import dev.eloquent.api.Lock;
import dev.eloquent.api.Query;
import dev.eloquent.api.QueryEvent;
import dev.eloquent.api.QueryException;
import dev.eloquent.api.QueryListener;
import dev.eloquent.api.Rows;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.UniqueViolationException;
import dev.eloquent.api.Write;
import dev.eloquent.api.WriteResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A SQL connection as every SQL driver offers it: a HikariCP pool of plain JDBC connections, the shared
 * compiler, cursors that stream, transactions with savepoints. A driver supplies only the dialect and the
 * settings.
 *
 * <p>Every statement runs through one of three paths here ({@link #open} for rows, {@link #update} for
 * counts, {@link #insertKeys} for generated keys), which bind parameters, report a {@link QueryEvent} and
 * turn a {@link SQLException} into a {@link QueryException} that carries no value. Inside a transaction
 * a failed statement also marks the transaction rollback-only.
 */
public final class SqlConnection implements DatabaseConnection {
    /** A read whose limit is at most this many rows is read at once; anything else streams. */
    static final int STREAM_THRESHOLD = 1_000;
    /** How much of a statement's text an error message quotes. */
    private static final int STATEMENT_IN_MESSAGE = 400;
    private static final System.Logger LOG = System.getLogger("dev.eloquent.sql");

    private final ConnectionName name;
    private final SqlDialect dialect;
    private final SqlCompiler compiler;
    /** Asked on every model query, so worked out once. */
    private final Set<Capability> capabilities;
    private final HikariDataSource pool;
    private final String target;
    /** The transaction this thread is in on this connection, so that work inside it runs on its connection. */
    private final ThreadLocal<Transaction> transaction = new ThreadLocal<>();
    private volatile QueryListener listener;
    /** Named in the message of a statement the server stopped answering. */
    private final SocketTimeout socketTimeout;
    /** Where reads may go instead of the primary (none for most connections): see {@link #read}. */
    private final ReadReplicas replicas;

    private SqlConnection(ConnectionName name, SqlDialect dialect, HikariDataSource pool, String target,
                          SocketTimeout socketTimeout, ReadReplicas replicas) {
        this.socketTimeout = socketTimeout;
        this.replicas = replicas;
        this.name = name;
        this.dialect = dialect;
        this.compiler = new SqlCompiler(dialect);
        this.capabilities = java.util.Collections.unmodifiableSet(dialect.capabilities());
        this.pool = pool;
        this.target = target;
    }

    /**
     * Opens the pool and checks that one connection can be made, within the connect timeout. A failure
     * names the connection, the target (never the password) and the keys to check.
     */
    public static SqlConnection open(SqlDialect dialect, PoolSettings settings) {
        HikariConfig config = Pools.config("eloquent-" + settings.connection(), settings.jdbcUrl(), settings,
                settings.properties(), settings.connectTimeoutSeconds());
        // Fail at open, within the timeout, when no connection can be made (HikariCP's fail-fast).
        config.setInitializationFailTimeout(settings.connectTimeoutSeconds() * 1000L);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            // The cause is dropped on purpose: a JDBC driver's exception chain could echo the URL or the
            // password; the root message is kept, with the password scrubbed in case a driver echoes it.
            throw new ConnectionException("connection '" + settings.connection() + "' could not connect to "
                    + settings.target() + " within " + settings.connectTimeoutSeconds() + "s: "
                    + redact(rootMessage(e), settings) + ". Check " + String.join(", ", settings.keysToCheck()) + ".");
        }
        try {
            return new SqlConnection(settings.connection(), dialect, pool, settings.target(), settings.socketTimeout(),
                    ReadReplicas.open(settings));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    static String redact(String message, PoolSettings settings) {
        String password = settings.password().reveal();
        return password.isEmpty() ? message : message.replace(password, settings.password().toString());
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.strip();
    }

    @Override
    public ConnectionName name() {
        return name;
    }

    @Override
    public String driverName() {
        return dialect.name();
    }

    @Override
    public int parameterLimit() {
        return dialect.maxParameters();
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    @Override
    public void listen(QueryListener listener) {
        this.listener = listener;
    }

    // ---- reads ----

    /**
     * A read with a small limit is read at once and its connection returned; any other read streams
     * through a cursor that holds its connection until closed or exhausted.
     */
    @Override
    public Cursor select(Query query) {
        CompiledSql compiled = compiler.select(query);
        boolean bounded = query.limit() != null && query.limit() <= STREAM_THRESHOLD;
        return read(compiled, !bounded, bounded, query.lock() == Lock.NONE);
    }

    /**
     * A read the caller takes whole runs without the streaming settings, so the JDBC driver fetches the
     * result in one exchange whatever its size: streaming it would cost round trips (PostgreSQL's portal
     * and the commit that ends it; MySQL's row-by-row protocol) to save memory the caller's list takes
     * anyway. The rows are not copied into a list of their own first: the caller reads them at once and
     * closes the cursor, which gives the connection back.
     */
    @Override
    public Cursor selectAll(Query query) {
        return read(compiler.select(query), false, false, query.lock() == Lock.NONE);
    }

    @Override
    public Cursor selectRaw(String sql, List<?> bindings) {
        CompiledSql compiled = raw(sql, bindings);
        // Classified only where there are replicas: the regex costs nothing on the others.
        boolean plain = !replicas.isEmpty() && ReadReplicas.plainRead(sql);
        if (!plain) {
            replicas.wrote(); // INSERT ... RETURNING and the like: a write as far as a sticky scope is concerned
        }
        return read(compiled, true, false, plain);
    }

    /**
     * Runs a read on a read replica when one may answer it ({@link ReadReplicas}: outside a transaction, no
     * row lock, no scope holding this thread on the primary), else on the primary. A read whose replica was
     * lost before any row reached the caller runs again on the primary; a streaming cursor that loses its
     * replica later fails like any other.
     */
    private Cursor read(CompiledSql compiled, boolean stream, boolean drain, boolean replicaAllowed) {
        Lease replica = replicaAllowed && !replicas.isEmpty() && transaction.get() == null ? replicas.lease() : null;
        if (replica != null) {
            try {
                return rows(open(compiled, stream, replica), drain);
            } catch (QueryException e) {
                if (!replicas.lost(replica, e.sqlState())) {
                    // The message names the primary's target; say where the statement really ran.
                    throw new QueryException(e.getMessage() + " (read on replica " + ReadReplicas.address(replica)
                            + ")", e.connection(), e.table(), e.sqlState());
                }
            }
        }
        return rows(open(compiled, stream, lease()), drain);
    }

    /** The cursor as it is, or with {@code drain} its rows read into memory and its connection given back. */
    private static Cursor rows(SqlCursor cursor, boolean drain) {
        if (!drain) {
            return cursor;
        }
        Rows rows = cursor.drain();
        return Cursor.of(rows.columns(), rows.values());
    }

    private CompiledSql raw(String sql, List<?> bindings) {
        if (sql == null || sql.isBlank()) {
            throw new EloquentException("raw SQL must not be empty");
        }
        List<Object> parameters = new ArrayList<>(bindings.size());
        for (Object binding : bindings) {
            parameters.add(dialect.toJdbc(binding));
        }
        return new CompiledSql(sql, parameters, null);
    }

    /**
     * Runs a statement that returns rows and hands back the open cursor.
     *
     * @param stream whether the result may be large: then the dialect's fetch size is set and, where the
     *               driver streams only without auto-commit (PostgreSQL), the cursor's own connection
     *               leaves auto-commit until the cursor closes
     */
    private SqlCursor open(CompiledSql compiled, boolean stream) {
        return open(compiled, stream, lease());
    }

    private SqlCursor open(CompiledSql compiled, boolean stream, Lease lease) {
        PreparedStatement statement = null;
        long start = System.nanoTime();
        try {
            if (stream && lease.owned() && dialect.streamsInTransactionOnly()) {
                lease.connection.setAutoCommit(false);
                lease.autoCommitOff = true;
            }
            statement = lease.connection.prepareStatement(compiled.sql(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            if (stream) {
                int fetchSize = dialect.fetchSize(lease.owned());
                if (fetchSize != 0) {
                    statement.setFetchSize(fetchSize);
                }
            }
            bind(statement, compiled.parameters());
            ResultSet results = statement.executeQuery();
            SqlCursor cursor = new SqlCursor(this, lease, statement, results, compiled, System.nanoTime() - start);
            if (lease.transaction != null) {
                lease.transaction.opened(cursor);
            }
            return cursor;
        } catch (SQLException e) {
            closeQuietly(statement);
            RuntimeException failure = failure(e, compiled);
            release(lease, false);
            throw failure;
        } catch (RuntimeException | Error e) {
            // A driver's unchecked failure: the connection must still go back.
            closeQuietly(statement);
            release(lease, false);
            throw e;
        }
    }

    /** Called once by a cursor as it closes: gives its connection back (or leaves it to the transaction). */
    void cursorClosed(SqlCursor cursor, Lease lease, boolean success) {
        if (lease.transaction != null) {
            lease.transaction.closed(cursor);
        }
        release(lease, success);
    }

    // ---- writes ----

    /**
     * Runs a write. An insert or upsert too large for one statement runs as several in one transaction
     * (a savepoint inside an open one), so that it is written whole or not at all.
     */
    @Override
    public WriteResult write(Write write) {
        List<CompiledSql> statements = compiler.write(write);
        if (statements.size() == 1) {
            return write(write, statements.get(0));
        }
        return transaction(() -> {
            long affected = 0;
            List<Object> keys = new ArrayList<>();
            for (CompiledSql statement : statements) {
                WriteResult part = write(write, statement);
                affected += part.affected();
                keys.addAll(part.generatedKeys());
            }
            return new WriteResult(affected, keys);
        });
    }

    private WriteResult write(Write write, CompiledSql statement) {
        if (write instanceof Write.Insert insert && insert.returning() != null) {
            List<Object> keys = insertKeys(statement, insert.returning());
            return new WriteResult(keys.size(), keys);
        }
        return WriteResult.of(update(statement, true));
    }

    @Override
    public long statement(String sql, List<?> bindings) {
        return update(raw(sql, bindings), true);
    }

    /**
     * Runs a statement that returns no rows; the affected row count, or -1 when the database has none.
     *
     * @param countsRows false for DDL, whose "0 rows" means nothing: its event reports -1
     */
    private long update(CompiledSql compiled, boolean countsRows) {
        replicas.wrote();
        Lease lease = lease();
        boolean success = false;
        long start = System.nanoTime();
        try (PreparedStatement statement = lease.connection.prepareStatement(compiled.sql())) {
            bind(statement, compiled.parameters());
            long rows = statement.execute() || !countsRows ? -1 : statement.getUpdateCount();
            success = true;
            emit(compiled, System.nanoTime() - start, rows);
            return rows;
        } catch (SQLException e) {
            throw failure(e, compiled);
        } finally {
            release(lease, success);
        }
    }

    /** Runs an insert and reads the generated key of each row, in order: RETURNING, or JDBC's generated keys. */
    private List<Object> insertKeys(CompiledSql compiled, String keyColumn) {
        replicas.wrote();
        Lease lease = lease();
        boolean success = false;
        long start = System.nanoTime();
        try (PreparedStatement statement = dialect.insertReturning()
                ? lease.connection.prepareStatement(compiled.sql())
                : lease.connection.prepareStatement(compiled.sql(), Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, compiled.parameters());
            List<Object> keys = new ArrayList<>();
            if (dialect.insertReturning()) {
                try (ResultSet results = statement.executeQuery()) {
                    while (results.next()) {
                        keys.add(dialect.fromJdbc(results.getObject(1)));
                    }
                }
            } else {
                statement.executeUpdate();
                try (ResultSet results = statement.getGeneratedKeys()) {
                    while (results.next()) {
                        keys.add(dialect.fromJdbc(results.getObject(1)));
                    }
                }
            }
            success = true;
            emit(compiled, System.nanoTime() - start, keys.size());
            return keys;
        } catch (SQLException e) {
            throw failure(e, compiled);
        } finally {
            release(lease, success);
        }
    }

    // ---- schema ----

    /**
     * Runs a change step by step ({@link #steps}): each step's statements come from the dialect, which
     * may read the table as the earlier steps left it (SQLite's rebuild). Where DDL is transactional,
     * several statements run in one transaction, so a table is changed whole or not at all; inside a
     * migration that is a savepoint of the migration's transaction, which already holds SQLite's write
     * lock, so what the dialect read is what the statements change.
     */
    @Override
    public void execute(SchemaChange change) {
        String table = change.tableName();
        SchemaReader reader = reader(table, false);
        List<SchemaChange> steps = steps(change);
        Runnable run = () -> steps.forEach(step -> {
            dialect.schemaStatements(step, compiler, reader)
                    .forEach(sql -> update(new CompiledSql(sql, List.of(), table), false));
            dialect.checkSchema(step, reader);
        });
        if (!dialect.transactionalDdl()) {
            // Nothing rolls back here, so every statement is compiled (and may fail) before the first runs.
            List<String> statements = new ArrayList<>();
            steps.forEach(step -> statements.addAll(dialect.schemaStatements(step, compiler, reader)));
            statements.forEach(sql -> update(new CompiledSql(sql, List.of(), table), false));
            steps.forEach(step -> dialect.checkSchema(step, reader));
            return;
        }
        if (steps.size() == 1) {
            List<String> statements = dialect.schemaStatements(change, compiler, reader);
            if (statements.size() == 1) {
                update(new CompiledSql(statements.get(0), List.of(), table), false);
                dialect.checkSchema(change, reader);
                return;
            }
        }
        // The statements are asked for again inside the transaction, so what a dialect read and what runs
        // belong to one transaction.
        transaction(() -> {
            run.run();
            return null;
        });
    }

    @Override
    public List<String> describe(SchemaChange change) {
        SchemaReader reader = reader(change.tableName(), true);
        List<String> statements = new ArrayList<>();
        steps(change).forEach(step -> statements.addAll(dialect.schemaStatements(step, compiler, reader)));
        return statements;
    }

    /**
     * A change split where a later part may depend on an earlier one having run: the column changes of an
     * {@code AlterTable} one by one (a column renamed and then changed in the same migration). Every
     * dialect compiles a column change on its own, so the statements are the same as the whole change's.
     */
    private static List<SchemaChange> steps(SchemaChange change) {
        if (change instanceof SchemaChange.AlterTable alter && alter.changes().size() > 1) {
            return alter.changes().stream()
                    .<SchemaChange>map(c -> new SchemaChange.AlterTable(alter.table(), List.of(c))).toList();
        }
        return List.of(change);
    }

    private SchemaReader reader(String table, boolean describing) {
        return new SchemaReader() {
            @Override
            public List<Object[]> rows(String sql, List<Object> bindings) {
                return open(new CompiledSql(sql, bindings, table), false).drain().values();
            }

            @Override
            public boolean describing() {
                return describing;
            }
        };
    }

    @Override
    public boolean hasColumn(String table, String column) {
        Identifiers.check(table, "table");
        Identifiers.check(column, "column");
        return !open(new CompiledSql(dialect.columnExistsQuery(), List.of(table, column), table), false).drain().isEmpty();
    }

    @Override
    public Optional<LiveTable> inspect(String table) {
        if (!hasTable(table)) {
            return Optional.empty();
        }
        // Made per call, not at open: verification is rare, and a dialect's DDL is only asked for when needed.
        return Optional.of(new LiveTables(dialect).read(table, reader(table, false)));
    }

    @Override
    public boolean hasTable(String table) {
        Identifiers.check(table, "table");
        return !open(new CompiledSql(dialect.tableExistsQuery(), List.of(table), table), false).drain().isEmpty();
    }

    @Override
    public List<String> tables() {
        List<String> names = new java.util.ArrayList<>();
        for (Object[] row : open(new CompiledSql(dialect.tablesQuery(), List.of()), false).drain().values()) {
            names.add(String.valueOf(row[0]));
        }
        return names;
    }

    // ---- transactions ----

    /**
     * Runs the work in a transaction on this thread. The outermost call takes a connection from the pool
     * and begins a transaction the dialect's way (auto-commit off; SQLite's BEGIN IMMEDIATE); a nested
     * call sets a savepoint. The work's exception rolls its level back
     * and propagates. A statement that failed inside the level (even one the work caught) rolls the level
     * back too, and this call then throws naming that statement's table: a transaction never reports
     * success for work it did not commit. Callbacks from {@link #afterCommit} run after the outermost commit.
     */
    @Override
    public <T> T transaction(Supplier<T> work) {
        Transaction current = transaction.get();
        return current == null ? outermost(work) : nested(current, work);
    }

    private <T> T outermost(Supplier<T> work) {
        Connection connection = borrow();
        Transaction tx = new Transaction(connection);
        Transaction.Level level = tx.push(null);
        List<Runnable> callbacks;
        T result;
        try {
            try {
                dialect.begin(connection);
            } catch (SQLException e) {
                throw describe(e, control("BEGIN"));
            }
            transaction.set(tx);
            try {
                result = work.get();
                tx.closeCursors();
            } catch (RuntimeException | Error e) {
                closeCursorsAfter(tx, e);
                // Always reached: SQLite's transaction was begun with SQL, so the pool's own rollback on
                // return (which follows JDBC's auto-commit flag) would not end it.
                rollback(tx, null, e);
                throw e;
            }
            if (level.failed != null) {
                QueryException rolledBack = rolledBack(level);
                rollback(tx, null, rolledBack);
                throw rolledBack;
            }
            try {
                dialect.commit(connection);
            } catch (SQLException e) {
                QueryException failure = describe(e, control("COMMIT"));
                rollback(tx, null, failure);
                throw failure;
            }
            callbacks = level.afterCommit;
        } finally {
            transaction.remove();
            giveBack(connection);
        }
        // After the connection is back and this thread is outside the transaction: a callback's own
        // statements run on their own.
        callbacks.forEach(Runnable::run);
        return result;
    }

    private <T> T nested(Transaction tx, Supplier<T> work) {
        String savepoint = "eloquent_" + tx.depth();
        try {
            SqlDialect.run(tx.connection, "SAVEPOINT " + savepoint);
        } catch (SQLException e) {
            throw failure(e, control("SAVEPOINT"));
        }
        Transaction.Level level = tx.push(savepoint);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            tx.pop();
            rollback(tx, savepoint, e);
            throw e;
        }
        tx.pop();
        if (level.failed != null) {
            QueryException rolledBack = rolledBack(level);
            rollback(tx, savepoint, rolledBack);
            throw rolledBack;
        }
        try {
            SqlDialect.run(tx.connection, "RELEASE SAVEPOINT " + savepoint);
        } catch (SQLException e) {
            throw failure(e, control("RELEASE SAVEPOINT"));
        }
        tx.current().afterCommit.addAll(level.afterCommit);
        return result;
    }

    /**
     * Closes a failed transaction's cursors before it rolls back. A failure while closing (a query
     * listener that throws) must not stop the rollback; it is dropped, not added to the error in flight,
     * because a listener's exception is not ours and may carry the statement's values. Only its type is logged.
     */
    private void closeCursorsAfter(Transaction tx, Throwable inFlight) {
        try {
            tx.closeCursors();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the cursors of a failed transaction on " + name + " failed ("
                    + e.getClass().getSimpleName() + ") while " + inFlight.getClass().getSimpleName() + " was in flight");
        }
    }

    private QueryException rolledBack(Transaction.Level level) {
        String table = level.failed.table();
        return new QueryException(prefix() + "the transaction rolled back because a statement "
                + (table == null ? "" : "on table '" + table + "' ") + "failed inside it ("
                + level.failedCode + "), even though the work went on. Statement: " + shape(level.failed),
                name.toString(), table, level.failedCode);
    }

    /**
     * Rolls back the whole transaction or to a savepoint (which then stays, released). A failure to do so
     * is added to the error in flight (it carries no value). After a failed rollback of the whole
     * transaction the connection is closed for good rather than returned to the pool with a transaction
     * open; after a failed rollback to a savepoint the enclosing level is marked rollback-only, since the
     * work of the failed level may still be in it and must not be committed with it.
     */
    private void rollback(Transaction tx, String savepoint, Throwable inFlight) {
        try {
            if (savepoint == null) {
                dialect.rollback(tx.connection);
            } else {
                SqlDialect.run(tx.connection, "ROLLBACK TO SAVEPOINT " + savepoint);
                SqlDialect.run(tx.connection, "RELEASE SAVEPOINT " + savepoint);
            }
        } catch (SQLException e) {
            if (savepoint == null) {
                inFlight.addSuppressed(describe(e, control("ROLLBACK")));
                evict(tx.connection);
            } else {
                // failure(), not describe(): it marks the level this thread is now back in.
                inFlight.addSuppressed(failure(e, control("ROLLBACK TO SAVEPOINT")));
            }
        }
    }

    /** Transaction control, named in messages like a statement. */
    private static CompiledSql control(String sql) {
        return new CompiledSql(sql, List.of());
    }

    @Override
    public boolean inTransaction() {
        return transaction.get() != null;
    }

    @Override
    public void afterCommit(Runnable callback) {
        Transaction tx = transaction.get();
        if (tx == null) {
            callback.run();
        } else {
            tx.current().afterCommit.add(callback);
        }
    }

    // ---- connections ----

    private Lease lease() {
        Transaction tx = transaction.get();
        return tx != null ? new Lease(tx.connection, tx) : new Lease(borrow(), null);
    }

    private Connection borrow() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new QueryException(prefix() + "no connection could be taken from the pool ("
                    + dialect.failure(e).describe() + ")", name.toString(), null, e.getSQLState());
        }
    }

    /**
     * Ends a statement's use of its connection: nothing inside a transaction; otherwise commits what a
     * streaming read opened (or rolls it back after a failure) and returns the connection to the pool.
     */
    private void release(Lease lease, boolean success) {
        if (!lease.owned()) {
            return;
        }
        try {
            if (lease.autoCommitOff) {
                if (success) {
                    lease.connection.commit();
                } else {
                    lease.connection.rollback();
                }
                lease.connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (success) {
                giveBack(lease.connection);
                throw failure(e, control("COMMIT"));
            }
            LOG.log(System.Logger.Level.DEBUG, "rolling back a failed read on " + name + " failed: "
                    + dialect.failure(e).describe());
        }
        giveBack(lease.connection);
    }

    private void giveBack(Connection connection) {
        try {
            // HikariCP restores auto-commit and rolls back what is left open when the connection comes back.
            connection.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "returning a connection of " + name + " to the pool failed: "
                    + dialect.failure(e).describe());
        }
    }

    /** Takes a connection out of the pool for good: its state is unknown after a failed rollback. */
    private void evict(Connection connection) {
        try {
            pool.evictConnection(connection);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "evicting a connection of " + name + " failed ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            // Closing cannot be retried and the statement's outcome is already known; the error's text
            // is not logged, as a driver's message may carry a value.
            LOG.log(System.Logger.Level.DEBUG, "closing " + resource.getClass().getSimpleName() + " failed ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            // JDBC 4.2 setObject: java.time values are written as they are, not through java.sql.Timestamp
            // and the JVM's time zone (which can move a value across a DST gap).
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    // ---- events and errors ----

    void emit(CompiledSql compiled, long nanos, long rows) {
        QueryListener current = listener;
        if (current == null) {
            return;
        }
        List<Object> bindings = current.wantsBindings() ? compiled.parameters() : List.of();
        current.statement(new QueryEvent(name, compiled.sql(), bindings, Duration.ofNanos(nanos), rows));
    }

    /**
     * The exception for a failed statement, and inside a transaction the rollback-only mark. The JDBC
     * exception is not kept as a cause: its text (and PostgreSQL's detail) may quote the values.
     */
    QueryException failure(SQLException error, CompiledSql compiled) {
        SqlFailure failure = dialect.failure(error);
        Transaction tx = transaction.get();
        if (tx != null) {
            tx.failed(compiled, failure.code());
        }
        return describe(failure, error, compiled);
    }

    private QueryException describe(SQLException error, CompiledSql compiled) {
        return describe(dialect.failure(error), error, compiled);
    }

    private QueryException describe(SqlFailure failure, SQLException error, CompiledSql compiled) {
        String table = compiled.table();
        // A socket timeout firing is a frozen server or network, not a refused statement: say so and name the key.
        String reason = SocketTimeout.firedIn(error) ? failure.code() + ": " + socketTimeout.explain() : failure.describe();
        String message = prefix() + "a statement " + (table == null ? "" : "on table '" + table + "' ") + "failed, "
                + reason + ". Statement: " + shape(compiled);
        // SQLite has no SQL states: its result code's name stands in.
        String state = error.getSQLState() != null ? error.getSQLState() : failure.code();
        if (failure.uniqueViolation()) {
            return new UniqueViolationException(message, name.toString(), table, state, failure.index());
        }
        return new QueryException(message, name.toString(), table, state);
    }

    private String prefix() {
        return "connection '" + name + "' (" + target + "): ";
    }

    private static String shape(CompiledSql compiled) {
        String sql = compiled.sql();
        return sql.length() <= STATEMENT_IN_MESSAGE ? sql : sql.substring(0, STATEMENT_IN_MESSAGE) + "...";
    }

    @Override
    public void close() {
        try {
            replicas.close();
        } finally {
            pool.close();
        }
    }

    @Override
    public String toString() {
        return "SqlConnection[" + name + " -> " + target + "]";
    }
}
