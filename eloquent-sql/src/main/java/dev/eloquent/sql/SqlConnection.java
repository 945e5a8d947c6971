package dev.eloquent.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.eloquent.api.Capability;
import dev.eloquent.api.ConnectionException;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Query;
import dev.eloquent.api.Rows;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.Values;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.ObjectArgument;
import org.jdbi.v3.core.statement.SqlStatement;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A SQL connection as every SQL driver offers it: a HikariCP pool, Jdbi for handles, statements and
 * transactions, and the shared compiler. A driver supplies only the dialect and the settings.
 */
public final class SqlConnection implements DatabaseConnection {
    private final ConnectionName name;
    private final SqlDialect dialect;
    private final SqlCompiler compiler;
    /** Asked on every model query, so worked out once. */
    private final Set<Capability> capabilities;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final String target;
    /** The handle of the transaction this thread is in, so that work inside it runs on that handle. */
    private final ThreadLocal<Handle> transactionHandle = new ThreadLocal<>();

    private SqlConnection(ConnectionName name, SqlDialect dialect, HikariDataSource pool, String target) {
        this.name = name;
        this.dialect = dialect;
        this.compiler = new SqlCompiler(dialect);
        this.capabilities = java.util.Collections.unmodifiableSet(dialect.capabilities());
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        this.target = target;
    }

    /**
     * Opens the pool and checks that one connection can be made, within the connect timeout. A failure
     * names the connection, the target (never the password) and the keys to check.
     */
    public static SqlConnection open(SqlDialect dialect, PoolSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("eloquent-" + settings.connection());
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (!settings.password().isEmpty()) {
            config.setPassword(settings.password().reveal());
        }
        settings.properties().forEach(config::addDataSourceProperty);
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(1, settings.poolSize()));
        long timeoutMillis = settings.connectTimeoutSeconds() * 1000L;
        config.setConnectionTimeout(Math.max(250, timeoutMillis));
        config.setValidationTimeout(Math.max(250, Math.min(timeoutMillis, 5_000)));
        // Fail at open, within the timeout, when no connection can be made (HikariCP's fail-fast).
        config.setInitializationFailTimeout(timeoutMillis);
        try {
            return new SqlConnection(settings.connection(), dialect, new HikariDataSource(config), settings.target());
        } catch (RuntimeException e) {
            // The cause is dropped on purpose: a JDBC driver's exception chain could echo the URL or the
            // password; the root message is kept, with the password scrubbed in case a driver echoes it.
            throw new ConnectionException("connection '" + settings.connection() + "' could not connect to "
                    + settings.target() + " within " + settings.connectTimeoutSeconds() + "s: "
                    + redact(rootMessage(e), settings) + ". Check " + String.join(", ", settings.keysToCheck()) + ".");
        }
    }

    private static String redact(String message, PoolSettings settings) {
        String password = settings.password().reveal();
        return password.isEmpty() ? message : message.replace(password, settings.password().toString());
    }

    private static String rootMessage(Throwable error) {
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
    public Set<Capability> capabilities() {
        return capabilities;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    @Override
    public Rows select(Query query) {
        return query(compiler.select(query), this::readRows);
    }

    /**
     * Runs raw SQL that returns rows, with bound parameters: the escape hatch for what the neutral
     * query cannot say (and what driver tests use to read pragmas and settings).
     */
    public Rows selectRaw(String sql, List<Object> parameters) {
        return query(new CompiledSql(sql, parameters), this::readRows);
    }

    /** A result-set reader; the statement is closed as soon as it returns. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(ResultSet results) throws SQLException;
    }

    /**
     * Runs a query and closes its statement before returning. Closing promptly matters: SQLite cannot
     * commit while a statement (an INSERT ... RETURNING, say) is still open on the connection.
     */
    private <T> T query(CompiledSql compiled, Reader<T> reader) {
        return withHandle(handle -> {
            try (org.jdbi.v3.core.statement.Query query = bind(handle.createQuery(compiled.sql()), compiled)) {
                return query.scanResultSet((results, context) -> reader.read(results.get()));
            }
        });
    }

    private long execute(CompiledSql compiled) {
        return withHandle(handle -> {
            try (org.jdbi.v3.core.statement.Update update = bind(handle.createUpdate(compiled.sql()), compiled)) {
                return (long) update.execute();
            }
        });
    }

    private Rows readRows(ResultSet results) throws SQLException {
        ResultSetMetaData meta = results.getMetaData();
        int width = meta.getColumnCount();
        List<String> columns = new ArrayList<>(width);
        Class<?>[] readAs = new Class<?>[width];
        for (int i = 1; i <= width; i++) {
            columns.add(meta.getColumnLabel(i));
            readAs[i - 1] = dialect.readAs(meta.getColumnType(i), meta.getColumnTypeName(i));
        }
        List<Object[]> values = new ArrayList<>();
        while (results.next()) {
            Object[] row = new Object[width];
            for (int i = 0; i < width; i++) {
                Object raw = readAs[i] == null ? results.getObject(i + 1) : results.getObject(i + 1, readAs[i]);
                row[i] = dialect.fromJdbc(raw);
            }
            values.add(row);
        }
        return new Rows(columns, values);
    }

    @Override
    public long count(Query query) {
        return query(compiler.count(query), results -> {
            results.next();
            return results.getLong(1);
        });
    }

    @Override
    public boolean exists(Query query) {
        return query(compiler.exists(query), results -> results.next() && Values.toBoolean(results.getObject(1)));
    }

    @Override
    public Object insert(String table, Map<String, ?> values, String generatedKey) {
        CompiledSql statement = compiler.insert(table, values, generatedKey);
        if (generatedKey == null) {
            execute(statement);
            return null;
        }
        if (dialect.insertReturning()) {
            return query(statement, results -> firstValue(results, table));
        }
        return withHandle(handle -> {
            try (org.jdbi.v3.core.statement.Update update = bind(handle.createUpdate(statement.sql()), statement)) {
                return update.executeAndReturnGeneratedKeys(generatedKey)
                        .scanResultSet((results, context) -> firstValue(results.get(), table));
            }
        });
    }

    private Object firstValue(ResultSet results, String table) throws SQLException {
        if (!results.next()) {
            throw new EloquentException("insert into '" + table + "' returned no generated key");
        }
        return dialect.fromJdbc(results.getObject(1));
    }

    @Override
    public void upsert(String table, List<? extends Map<String, ?>> rows, List<String> uniqueBy,
                       List<String> updateColumns) {
        execute(compiler.upsert(table, rows, uniqueBy, updateColumns));
    }

    @Override
    public long update(Query query, Map<String, ?> values) {
        return execute(compiler.update(query, values));
    }

    @Override
    public long delete(Query query) {
        return execute(compiler.delete(query));
    }

    @Override
    public void execute(SchemaChange change) {
        List<String> statements = compiler.schema(change);
        Function<Handle, Void> run = handle -> {
            statements.forEach(handle::execute);
            return null;
        };
        if (dialect.transactionalDdl() && statements.size() > 1) {
            // All of a table or none of it: the table and its indexes commit together.
            transaction(() -> withHandle(run));
        } else {
            withHandle(run);
        }
    }

    @Override
    public boolean hasTable(String table) {
        dev.eloquent.api.Identifiers.check(table, "table");
        return query(new CompiledSql(dialect.tableExistsQuery(), List.of(table)), ResultSet::next);
    }

    @Override
    public <T> T transaction(Supplier<T> work) {
        if (transactionHandle.get() != null) {
            return work.get();
        }
        try {
            return jdbi.inTransaction(handle -> {
                transactionHandle.set(handle);
                try {
                    return work.get();
                } finally {
                    transactionHandle.remove();
                }
            });
        } catch (JdbiException e) {
            throw translate(e);
        }
    }

    /** Runs on this thread's transaction handle when there is one, else on a pooled handle for the call. */
    public <T> T withHandle(Function<Handle, T> work) {
        Handle current = transactionHandle.get();
        try {
            return current != null ? work.apply(current) : jdbi.withHandle(work::apply);
        } catch (JdbiException e) {
            throw translate(e);
        }
    }

    private EloquentException translate(JdbiException e) {
        Throwable cause = e.getCause() instanceof SQLException ? e.getCause() : e;
        return new EloquentException("connection '" + name + "' (" + target + "): " + rootMessage(cause), e);
    }

    private static <S extends SqlStatement<S>> S bind(S statement, CompiledSql compiled) {
        List<Object> parameters = compiled.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof java.time.temporal.Temporal) {
                // JDBC 4.2 setObject: the driver writes the java.time value as it is. Jdbi's default goes
                // through java.sql.Timestamp and the JVM's time zone, which can move a value (DST gaps).
                statement.bind(i, ObjectArgument.of(value));
            } else {
                statement.bind(i, value);
            }
        }
        return statement;
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "SqlConnection[" + name + " -> " + target + "]";
    }
}
