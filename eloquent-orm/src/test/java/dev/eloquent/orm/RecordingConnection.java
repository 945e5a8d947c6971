package dev.eloquent.orm;

import dev.eloquent.api.Capability;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.ConnectionSettings;
import dev.eloquent.api.Cursor;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.Driver;
import dev.eloquent.api.EnvBlock;
import dev.eloquent.api.Query;
import dev.eloquent.api.QueryEvent;
import dev.eloquent.api.QueryListener;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.Write;
import dev.eloquent.api.WriteResult;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A hand-written fake connection (no mocking library) that records every statement it is given and
 * answers reads from a queue of canned results: what the query-plan tests assert on. It claims the
 * capabilities it is made with, so one instance plays a SQL connection and another a document store.
 */
final class RecordingConnection implements DatabaseConnection {
    /** One canned result: column names and rows. */
    record Result(List<String> columns, List<Object[]> rows) {
    }

    private final ConnectionName name;
    private final String driverName;
    private final Set<Capability> capabilities;
    final List<Object> statements = new ArrayList<>();
    private final Deque<Result> answers = new ArrayDeque<>();
    private QueryListener listener;
    int openCursors;
    boolean closed;
    /** What {@link #parameterLimit()} reports; tests lower it to see key lists cut or refused. */
    int parameterLimit = 999;

    RecordingConnection(ConnectionName name, String driverName, Set<Capability> capabilities) {
        this.name = name;
        this.driverName = driverName;
        this.capabilities = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
    }

    /** Queues the answer to the next read: columns, then rows. */
    RecordingConnection answer(List<String> columns, Object[]... rows) {
        answers.add(new Result(columns, new ArrayList<>(Arrays.asList(rows))));
        return this;
    }

    /** The reads recorded so far. */
    List<Query> queries() {
        return statements.stream().filter(Query.class::isInstance).map(Query.class::cast).toList();
    }

    List<Write> writes() {
        return statements.stream().filter(Write.class::isInstance).map(Write.class::cast).toList();
    }

    Query lastQuery() {
        List<Query> queries = queries();
        return queries.get(queries.size() - 1);
    }

    @Override
    public ConnectionName name() {
        return name;
    }

    @Override
    public String driverName() {
        return driverName;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public int parameterLimit() {
        return parameterLimit;
    }

    @Override
    public Cursor select(Query query) {
        statements.add(query);
        Result result = answers.isEmpty() ? new Result(List.of(), List.of()) : answers.poll();
        report("select from " + query.from(), List.of(), result.rows().size());
        openCursors++;
        Cursor rows = Cursor.of(result.columns(), result.rows());
        return new Cursor() {
            private boolean open = true;

            @Override
            public List<String> columns() {
                return rows.columns();
            }

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Object[] next() {
                return rows.next();
            }

            @Override
            public void close() {
                if (open) {
                    open = false;
                    openCursors--;
                }
            }
        };
    }

    @Override
    public WriteResult write(Write write) {
        statements.add(write);
        report("write " + write.table(), List.of("bound"), 1);
        if (write instanceof Write.Insert insert) {
            List<Object> keys = new ArrayList<>();
            if (insert.returning() != null) {
                for (int i = 0; i < insert.rows().size(); i++) {
                    keys.add((long) (i + 1));
                }
            }
            return new WriteResult(insert.rows().size(), keys);
        }
        return WriteResult.of(1);
    }

    @Override
    public Cursor selectRaw(String sql, List<?> bindings) {
        require(Capability.RAW_SQL);
        statements.add(sql);
        Result result = answers.isEmpty() ? new Result(List.of(), List.of()) : answers.poll();
        return Cursor.of(result.columns(), result.rows());
    }

    @Override
    public long statement(String sql, List<?> bindings) {
        require(Capability.RAW_SQL);
        statements.add(sql);
        return 1;
    }

    @Override
    public void execute(SchemaChange change) {
        statements.add(change);
    }

    @Override
    public boolean hasTable(String table) {
        return true;
    }

    @Override
    public <T> T transaction(Supplier<T> work) {
        require(Capability.TRANSACTIONS);
        statements.add("begin");
        T result = work.get();
        statements.add("commit");
        return result;
    }

    @Override
    public void listen(QueryListener listener) {
        this.listener = listener;
    }

    private void report(String text, List<Object> bindings, long rows) {
        if (listener != null) {
            listener.statement(new QueryEvent(name, text, listener.wantsBindings() ? bindings : List.of(),
                    Duration.ofMillis(5), rows));
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    /** A driver that opens recording connections and keeps the last one for the test to inspect. */
    static final class RecordingDriver implements Driver {
        private final String name;
        private final Set<Capability> capabilities;
        RecordingConnection last;

        RecordingDriver(String name, Set<Capability> capabilities) {
            this.name = name;
            this.capabilities = capabilities;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ConnectionSettings settings(EnvBlock block) {
            ConnectionName connection = block.connection();
            return new ConnectionSettings() {
                @Override
                public ConnectionName connection() {
                    return connection;
                }

                @Override
                public String describe() {
                    return "recording " + connection;
                }
            };
        }

        @Override
        public DatabaseConnection open(ConnectionSettings settings) {
            last = new RecordingConnection(settings.connection(), name, capabilities);
            return last;
        }
    }
}
