package dev.eloquent.sql.contract;

import dev.eloquent.api.Blueprint;
import dev.eloquent.api.Condition;
import dev.eloquent.api.Cursor;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Lock;
import dev.eloquent.api.Operator;
import dev.eloquent.api.Order;
import dev.eloquent.api.Query;
import dev.eloquent.api.QueryEvent;
import dev.eloquent.api.QueryException;
import dev.eloquent.api.QueryListener;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.UniqueViolationException;
import dev.eloquent.api.Write;
import dev.eloquent.api.WriteResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every SQL connection promises, on a real database, checked through plain JDBC: transactions that
 * tell the truth (savepoints, rollback-only after a failed statement, afterCommit), writes whole or not at
 * all, generated keys, value-free errors, query events, cursors that give their connection back, and no
 * lost update under 8 threads. A SQL driver's test extends this and opens its connection.
 */
public abstract class SqlConnectionContract {
    /** A value that must never show in an error: a stand-in for a password or a card number. */
    protected static final String SECRET = "Secret-Marker-7731";
    protected static final String TABLE = "contract_items";

    protected DatabaseConnection connection;

    /** Opens the driver's {@code _test} connection with at most {@code poolSize} pooled connections. */
    protected abstract DatabaseConnection open(int poolSize);

    /** A plain JDBC connection to the same database, with none of Eloquent's settings. */
    protected abstract Connection rawJdbc() throws SQLException;

    @BeforeEach
    void createTable() {
        connection = open(4);
        connection.execute(new SchemaChange.DropTable(TABLE, true));
        Blueprint t = new Blueprint();
        t.increments("id");
        t.string("name", 60).unique();
        t.integer("counter").defaultValue(0);
        t.string("note", 60).nullable();
        connection.execute(new SchemaChange.CreateTable(t.build(TABLE), false));
    }

    @AfterEach
    void dropTable() {
        if (connection != null) {
            connection.listen(null);
            connection.execute(new SchemaChange.DropTable(TABLE, true));
            connection.close();
        }
    }

    // ---- helpers ----

    protected WriteResult insert(String... names) {
        List<List<Object>> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(List.of(name));
        }
        return connection.write(new Write.Insert(TABLE, List.of("name"), rows, "id"));
    }

    /** An insert the database refuses: NOT NULL on a column the schema declares NOT NULL. */
    protected Write failingInsert() {
        List<Object> row = new ArrayList<>();
        row.add("refused");
        row.add(null);
        row.add(SECRET);
        return new Write.Insert(TABLE, List.of("name", "counter", "note"), List.of(row), null);
    }

    protected List<String> rawNames() {
        List<String> names = new ArrayList<>();
        try (Connection raw = rawJdbc(); Statement statement = raw.createStatement();
             ResultSet results = statement.executeQuery("SELECT name FROM " + TABLE + " ORDER BY id")) {
            while (results.next()) {
                names.add(results.getString(1));
            }
        } catch (SQLException e) {
            throw new AssertionError("raw JDBC read failed: " + e.getMessage());
        }
        return names;
    }

    protected long rawLong(String sql) {
        try (Connection raw = rawJdbc(); Statement statement = raw.createStatement();
             ResultSet results = statement.executeQuery(sql)) {
            results.next();
            return results.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError("raw JDBC read failed: " + e.getMessage());
        }
    }

    protected static Condition nameIs(String name) {
        return new Condition.Compare(Expression.column("name"), Operator.EQ, Expression.value(name));
    }

    /** Everything printable about an exception: message, toString, causes and suppressed, with stack traces. */
    protected static String everythingIn(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text + "\n" + error;
    }

    // ---- transactions ----

    @Test
    void aTransactionCommitsWhenTheWorkReturnsAndRollsBackWhenItThrows() {
        assertFalse(connection.inTransaction());
        String result = connection.transaction(() -> {
            assertTrue(connection.inTransaction());
            insert("kept");
            return "done";
        });
        assertEquals("done", result);
        assertFalse(connection.inTransaction());
        IllegalStateException failure = new IllegalStateException("work failed");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> connection.transaction(() -> {
            insert("undone");
            throw failure;
        }));
        assertSame(failure, thrown, "the work's own exception propagates");
        assertEquals(List.of("kept"), rawNames());
    }

    @Test
    void aNestedTransactionIsASavepointWhoseFailureUndoesOnlyItsOwnWork() {
        connection.transaction(() -> {
            insert("outer before");
            assertThrows(IllegalStateException.class, () -> connection.transaction(() -> {
                insert("inner");
                throw new IllegalStateException("inner failed");
            }));
            connection.transaction(() -> insert("inner kept"));
            insert("outer after");
            return null;
        });
        assertEquals(List.of("outer before", "inner kept", "outer after"), rawNames());
    }

    @Test
    void aFailedStatementTheWorkCaughtStillRollsTheTransactionBackAndTheCallThrows() {
        QueryException error = assertThrows(QueryException.class, () -> connection.transaction(() -> {
            insert("written first");
            QueryException refused = assertThrows(QueryException.class, () -> connection.write(failingInsert()));
            assertTrue(refused.getMessage().contains("on table '" + TABLE + "' failed"), refused.getMessage());
            return "the work carried on";
        }));
        assertTrue(error.getMessage().contains("rolled back"), error.getMessage());
        assertTrue(error.getMessage().contains("'" + TABLE + "'"), error.getMessage());
        assertEquals(TABLE, error.table());
        assertFalse(everythingIn(error).contains(SECRET), everythingIn(error));
        assertEquals(List.of(), rawNames(), "nothing was committed");
        assertFalse(connection.inTransaction());
        insert("the connection works after");
        assertEquals(List.of("the connection works after"), rawNames());
    }

    @Test
    void aFailedStatementInsideANestedTransactionRollsBackThatLevelOnly() {
        connection.transaction(() -> {
            insert("outer");
            QueryException inner = assertThrows(QueryException.class, () -> connection.transaction(() -> {
                insert("inner");
                QueryException refused = assertThrows(QueryException.class, () -> connection.write(failingInsert()));
                assertTrue(refused.getMessage().contains("on table '" + TABLE + "' failed"), refused.getMessage());
                return null;
            }));
            assertTrue(inner.getMessage().contains("rolled back"), inner.getMessage());
            insert("outer after");
            return null;
        });
        assertEquals(List.of("outer", "outer after"), rawNames());
    }

    @Test
    void aSavepointThatCannotBeRolledBackFailsTheEnclosingTransaction() {
        QueryException error = assertThrows(QueryException.class, () -> connection.transaction(() -> {
            insert("outer");
            assertThrows(IllegalStateException.class, () -> connection.transaction(() -> {
                insert("inner");
                // The work ends the level's savepoint itself (eloquent_<depth>): rolling back to it then fails,
                // and "inner" stays in the transaction.
                connection.statement("RELEASE SAVEPOINT eloquent_1", List.of());
                throw new IllegalStateException("inner failed");
            }));
            return "the work carried on";
        }));
        assertTrue(error.getMessage().contains("rolled back"), error.getMessage());
        assertTrue(error.getMessage().contains("ROLLBACK TO SAVEPOINT"), error.getMessage());
        assertEquals(List.of(), rawNames(), "nothing of either level was committed");
        assertFalse(connection.inTransaction());
    }

    @Test
    void aListenerThatThrowsAsATransactionClosesItsCursorsStillLeavesNothingOpen() {
        // One pooled connection: a transaction left open on it would swallow the next statement.
        connection.close();
        connection = open(1);
        IllegalStateException listenerFailed = new IllegalStateException("listener failed");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> connection.transaction(() -> {
            insert("undone");
            Cursor open = connection.select(Query.from(TABLE)); // left open: the transaction closes it
            assertNotNull(open);
            connection.listen(event -> {
                throw listenerFailed;
            });
            return null;
        }));
        assertSame(listenerFailed, thrown);
        connection.listen(null);
        assertFalse(connection.inTransaction());
        assertEquals(List.of(), rawNames(), "the work was rolled back");
        insert("after");
        assertEquals(List.of("after"), rawNames(), "the next statement ran outside any transaction");
    }

    @Test
    void afterCommitCallbacksRunOnlyOnceTheOutermostTransactionCommits() {
        List<String> ran = new CopyOnWriteArrayList<>();
        connection.afterCommit(() -> ran.add("outside: at once"));
        assertEquals(List.of("outside: at once"), ran);
        connection.transaction(() -> {
            connection.afterCommit(() -> ran.add("outer"));
            connection.transaction(() -> {
                connection.afterCommit(() -> ran.add("inner released"));
                return null;
            });
            assertThrows(IllegalStateException.class, () -> connection.transaction(() -> {
                connection.afterCommit(() -> ran.add("inner rolled back"));
                throw new IllegalStateException("undo");
            }));
            assertEquals(List.of("outside: at once"), ran, "nothing runs before the commit");
            return null;
        });
        assertEquals(List.of("outside: at once", "outer", "inner released"), ran);
        assertThrows(IllegalStateException.class, () -> connection.transaction(() -> {
            connection.afterCommit(() -> ran.add("never"));
            throw new IllegalStateException("rolled back");
        }));
        assertFalse(ran.contains("never"));
    }

    @Test
    void anAfterCommitCallbackRunsOutsideTheTransaction() {
        List<Boolean> inside = new ArrayList<>();
        connection.transaction(() -> {
            insert("a");
            connection.afterCommit(() -> {
                inside.add(connection.inTransaction());
                insert("written by the callback");
            });
            return null;
        });
        assertEquals(List.of(false), inside);
        assertEquals(List.of("a", "written by the callback"), rawNames());
    }

    @Test
    void aTableAndItsIndexesAreCreatedTogetherOrNotAtAllWhereSchemaChangesAreTransactional() {
        org.junit.jupiter.api.Assumptions.assumeTrue(connection.supports(dev.eloquent.api.Capability.TRANSACTIONAL_DDL),
                "skipped: " + connection.driverName() + " commits each schema change by itself");
        connection.execute(new SchemaChange.DropTable("contract_things", true));
        connection.execute(new SchemaChange.DropTable("contract_things_kind_index", true));
        Blueprint taken = new Blueprint();
        taken.integer("x");
        // A table holding the index's name: the CREATE INDEX after the CREATE TABLE fails.
        connection.execute(new SchemaChange.CreateTable(taken.build("contract_things_kind_index"), false));
        try {
            Blueprint t = new Blueprint();
            t.increments("id");
            t.string("kind", 20).index();
            QueryException refused = assertThrows(QueryException.class, () -> connection.execute(
                    new SchemaChange.CreateTable(t.build("contract_things"), false)));
            assertTrue(refused.getMessage().contains("on table 'contract_things' failed"), refused.getMessage());
            assertFalse(connection.hasTable("contract_things"), "the table rolled back with its index");
        } finally {
            connection.execute(new SchemaChange.DropTable("contract_things_kind_index", true));
        }
    }

    // ---- writes ----

    @Test
    void anInsertOfManyRowsHandsBackEachRowsGeneratedKeyInOrder() {
        WriteResult result = insert("a", "b", "c");
        assertEquals(3, result.affected());
        assertEquals(3, result.generatedKeys().size());
        for (int i = 0; i < 3; i++) {
            long key = ((Number) result.generatedKeys().get(i)).longValue();
            assertEquals(key, rawLong("SELECT id FROM " + TABLE + " WHERE name = '" + "abc".charAt(i) + "'"));
        }
    }

    @Test
    void anInsertTooLargeForOneStatementIsWrittenWholeOrNotAtAll() {
        int rows = 70_000; // more than the parameter limit of every dialect allows in one statement
        List<List<Object>> values = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            values.add(List.of("row " + i));
        }
        values.set(rows - 1, List.of("row 0")); // the last batch breaks the unique key
        List<QueryEvent> events = new CopyOnWriteArrayList<>();
        connection.listen(events::add);
        UniqueViolationException error = assertThrows(UniqueViolationException.class,
                () -> connection.write(new Write.Insert(TABLE, List.of("name"), values, null)));
        assertFalse(events.isEmpty(), "an earlier batch was written before the last one failed");
        assertEquals(TABLE, error.table());
        assertEquals(0, rawLong("SELECT COUNT(*) FROM " + TABLE), "the earlier batches were rolled back");
        values.set(rows - 1, List.of("row last"));
        assertEquals(rows, connection.write(new Write.Insert(TABLE, List.of("name"), values, null)).affected());
        assertEquals(rows, rawLong("SELECT COUNT(*) FROM " + TABLE));
    }

    @Test
    void anIncrementIsOneStatementThatLosesNothingUnderEightThreads() throws Exception {
        insert("counted");
        Write increment = new Write.Update(Query.from(TABLE).where(nameIs("counted")), List.of(new Write.Assignment(
                "counter", new Expression.Arithmetic(Expression.column("counter"),
                        dev.eloquent.api.ArithmeticOperator.ADD, Expression.value(1)))));
        runConcurrently(() -> connection.write(increment));
        assertEquals(400, rawLong("SELECT counter FROM " + TABLE + " WHERE name = 'counted'"));
    }

    @Test
    void aLockedReadThenWriteInsideTransactionsLosesNothingUnderEightThreads() throws Exception {
        insert("counted");
        Query locked = Query.from(TABLE).selecting(Expression.column("counter")).where(nameIs("counted"))
                .withLock(Lock.UPDATE);
        runConcurrently(() -> connection.transaction(() -> {
            long value;
            try (Cursor cursor = connection.select(locked)) {
                value = ((Number) cursor.next()[0]).longValue();
            }
            return connection.write(new Write.Update(Query.from(TABLE).where(nameIs("counted")),
                    List.of(new Write.Assignment("counter", Expression.value(value + 1)))));
        }));
        assertEquals(400, rawLong("SELECT counter FROM " + TABLE + " WHERE name = 'counted'"));
    }

    @Test
    void readThenWriteTransactionsOnEightThreadsNeverFailWithBusyOrDeadlock() throws Exception {
        AtomicInteger next = new AtomicInteger();
        runConcurrently(() -> connection.transaction(() -> {
            connection.select(Query.from(TABLE).selecting(Expression.countAll())).drain();
            return insert("row " + next.incrementAndGet());
        }));
        assertEquals(400, rawLong("SELECT COUNT(*) FROM " + TABLE));
    }

    /** 8 threads run the task 50 times each; every failure is reported, none may happen. */
    private void runConcurrently(Runnable task) throws Exception {
        connection.close();
        connection = open(8);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 8; t++) {
                futures.add(threads.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        try {
                            task.run();
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(120, TimeUnit.SECONDS);
            }
            assertEquals(List.of(), failures.stream().map(Throwable::getMessage).toList());
        } finally {
            threads.shutdownNow();
        }
    }

    // ---- errors ----

    @Test
    void aDuplicateKeyIsAUniqueViolationThatNamesTheTableAndNeverTheValue() {
        insert(SECRET);
        UniqueViolationException error = assertThrows(UniqueViolationException.class, () -> insert(SECRET));
        assertEquals(TABLE, error.table());
        assertEquals(connection.name().toString(), error.connection());
        assertTrue(error.getMessage().contains("'" + connection.name() + "'"), error.getMessage());
        assertTrue(error.getMessage().contains("'" + TABLE + "'"), error.getMessage());
        assertTrue(error.getMessage().contains("VALUES (?)"), "the statement's shape: " + error.getMessage());
        assertNull(error.getCause(), "the JDBC exception is not kept");
        assertEquals(0, error.getSuppressed().length);
        assertFalse(everythingIn(error).contains(SECRET), everythingIn(error));
        assertFalse(everythingIn(error).contains("Secret-Marker"), everythingIn(error));
    }

    @Test
    void aNotNullViolationNamesTheColumnAndNeverTheRow() {
        QueryException error = assertThrows(QueryException.class, () -> connection.write(failingInsert()));
        assertFalse(error instanceof UniqueViolationException);
        assertTrue(error.getMessage().toUpperCase(java.util.Locale.ROOT).contains("NOT NULL"), error.getMessage());
        assertTrue(error.getMessage().contains("counter"), error.getMessage());
        assertNotNull(error.sqlState());
        assertNull(error.getCause());
        assertFalse(everythingIn(error).contains(SECRET), everythingIn(error));
    }

    @Test
    void aFailedReadNamesTheStatementWithPlaceholdersAndNotItsValues() {
        Query query = Query.from(TABLE).where(new Condition.Compare(Expression.column("no_such_column"), Operator.EQ,
                Expression.value(SECRET)));
        QueryException error = assertThrows(QueryException.class, () -> connection.select(query).drain());
        assertTrue(error.getMessage().contains("= ?"), error.getMessage());
        assertFalse(everythingIn(error).contains(SECRET), everythingIn(error));
        QueryException raw = assertThrows(QueryException.class,
                () -> connection.statement("UPDATE " + TABLE + " SET nope = ?", List.of(SECRET)));
        assertNull(raw.table(), "raw SQL names no table");
        assertFalse(everythingIn(raw).contains(SECRET), everythingIn(raw));
    }

    @Test
    void aComparisonWithNullIsRefusedBeforeReachingTheDatabase() {
        EloquentException error = assertThrows(EloquentException.class, () -> connection.select(Query.from(TABLE)
                .where(new Condition.Compare(Expression.column("note"), Operator.EQ, Expression.value(null)))));
        assertTrue(error.getMessage().contains("whereNull"), error.getMessage());
    }

    // ---- reads ----

    @Test
    void likeIgnoresAsciiCaseWhileTheCaseSensitiveFormMatchesLettersExactly() {
        insert("Love Song", "love me", "a*b?c[d]_e%f");
        assertEquals(List.of("Love Song", "love me"), names(new Condition.Compare(Expression.column("name"),
                Operator.LIKE, Expression.value("LOVE%"))));
        assertEquals(List.of("Love Song"), names(new Condition.Compare(Expression.column("name"),
                Operator.LIKE_CASE_SENSITIVE, Expression.value("Love%"))));
        assertEquals(List.of("love me", "a*b?c[d]_e%f"), names(new Condition.Compare(
                Expression.column("name"), Operator.NOT_LIKE_CASE_SENSITIVE, Expression.value("Love%"))));
        // Characters that are wildcards elsewhere (GLOB's * ? [) are plain text in a LIKE pattern.
        assertEquals(List.of("a*b?c[d]_e%f"), names(new Condition.Compare(Expression.column("name"),
                Operator.LIKE_CASE_SENSITIVE, Expression.value("a*b?c[d]%"))));
        assertEquals(List.of(), names(new Condition.Compare(Expression.column("name"),
                Operator.LIKE_CASE_SENSITIVE, Expression.value("a*b?c[x]%"))));
        assertEquals(List.of("a*b?c[d]_e%f"), names(new Condition.Compare(Expression.column("name"),
                Operator.LIKE_CASE_SENSITIVE, Expression.value("a_b_c%"))));
    }

    private List<Object> names(Condition condition) {
        List<Object> names = new ArrayList<>();
        Query query = Query.from(TABLE).selecting(Expression.column("name")).where(condition)
                .withOrders(List.of(new Order(Expression.column("id"), false)));
        for (Object[] row : connection.select(query).drain().values()) {
            names.add(row[0]);
        }
        return names;
    }

    @Test
    void anUpdateOrDeleteMayReadItsOwnTableInASubquery() {
        insert("a", "b", "c");
        Query newest = Query.from(TABLE).selecting(new Expression.Aggregate(dev.eloquent.api.AggregateFunction.MAX,
                Expression.column("id"), false));
        assertEquals(2, connection.write(new Write.Update(Query.from(TABLE).where(new Condition.InSubquery(
                Expression.column("id"), newest, true)), List.of(new Write.Assignment("note",
                Expression.value("older"))))).affected());
        assertEquals(2, connection.write(new Write.Delete(Query.from(TABLE).where(new Condition.InSubquery(
                Expression.column("id"), newest, true)))).affected());
        assertEquals(List.of("c"), rawNames());
    }

    // ---- events ----

    @Test
    void everyStatementReachesTheListenerWithItsTextRowsAndDurationButNoValuesUnlessAsked() {
        List<QueryEvent> events = new CopyOnWriteArrayList<>();
        connection.listen(events::add);
        insert(SECRET, "b");
        connection.select(Query.from(TABLE).where(nameIs(SECRET))).drain();
        connection.write(new Write.Update(Query.from(TABLE).where(nameIs("b")),
                List.of(new Write.Assignment("note", Expression.value(SECRET)))));
        connection.statement("DELETE FROM " + TABLE + " WHERE name = ?", List.of("b"));
        connection.selectRaw("SELECT name FROM " + TABLE, List.of()).drain();
        assertEquals(5, events.size(), events.toString());
        assertEquals(List.of(2L, 1L, 1L, 1L, 1L), events.stream().map(QueryEvent::rows).toList());
        for (QueryEvent event : events) {
            assertEquals(connection.name(), event.connection());
            assertTrue(event.statement().contains(TABLE), event.statement());
            assertFalse(event.statement().contains(SECRET), event.statement());
            assertEquals(List.of(), event.bindings());
            assertFalse(event.duration().isNegative());
            assertFalse(event.toString().contains(SECRET));
        }
        assertTrue(events.get(0).statement().startsWith("INSERT INTO"), events.get(0).statement());
        assertTrue(events.get(1).statement().contains("?"), events.get(1).statement());

        events.clear();
        connection.listen(new QueryListener() {
            @Override
            public void statement(QueryEvent event) {
                events.add(event);
            }

            @Override
            public boolean wantsBindings() {
                return true;
            }
        });
        connection.select(Query.from(TABLE).where(nameIs(SECRET))).drain();
        assertEquals(List.of(SECRET), events.get(0).bindings(), "values only when the listener asks");
        connection.execute(new SchemaChange.DropTable("contract_nothing", true));
        assertEquals(-1, events.get(1).rows(), "DDL has no row count");
    }

    // ---- cursors ----

    @Test
    void aCursorStreamsEveryRowAndGivesItsConnectionBackWhenExhaustedOrClosed() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            rows.add(List.of("n" + i, i));
        }
        connection.write(new Write.Insert(TABLE, List.of("name", "counter"), rows, null));
        connection.close();
        connection = open(1);
        Query all = Query.from(TABLE).selecting(Expression.column("counter"))
                .withOrders(List.of(new Order(Expression.column("id"), false)));
        long sum = 0;
        int count = 0;
        try (Cursor cursor = connection.select(all)) {
            assertEquals(List.of("counter"), cursor.columns());
            while (cursor.hasNext()) {
                sum += ((Number) cursor.next()[0]).longValue();
                count++;
            }
        }
        assertEquals(3_000, count);
        assertEquals(2_999L * 3_000 / 2, sum);
        // With one pooled connection, each of these would wait for the previous one's connection.
        for (int i = 0; i < 3; i++) {
            Cursor early = connection.select(all);
            early.next();
            early.close();
            early.close();
            assertFalse(early.hasNext());
        }
        Cursor exhausted = connection.select(all.withLimit(2));
        exhausted.next();
        exhausted.next();
        assertFalse(exhausted.hasNext());
        Cursor raw = connection.selectRaw("SELECT COUNT(*) FROM " + TABLE, List.of());
        assertEquals(3_000L, ((Number) raw.next()[0]).longValue());
        assertFalse(raw.hasNext(), "exhausted: closes itself");
        assertEquals(3_000L, ((Number) connection.select(Query.from(TABLE).selecting(Expression.countAll()))
                .drain().values().get(0)[0]).longValue());
    }

    @Test
    void aStreamingCursorReadsEachRowIntoTheArrayItIsGivenAndAMismatchedOneIsNotUsed() {
        insert("a", "b", "c");
        Query names = Query.from(TABLE).selecting(Expression.column("name"), Expression.column("id"))
                .withOrders(List.of(new Order(Expression.column("id"), false)));
        List<Object> read = new ArrayList<>();
        try (Cursor cursor = connection.select(names)) {
            Object[] first = cursor.next(null);
            read.add(first[0]);
            Object[] second = cursor.next(first);
            assertSame(first, second, "a streaming read writes the next row into the array given");
            read.add(second[0]);
            Object[] narrow = new Object[1];
            Object[] third = cursor.next(narrow);
            assertNotSame(narrow, third, "an array of another width is not written into");
            assertEquals(2, third.length);
            read.add(third[0]);
        }
        assertEquals(List.of("a", "b", "c"), read);
    }

    @Test
    void aCursorInsideATransactionReadsTheTransactionsOwnRowsAndIsClosedWhenItEnds() {
        Cursor[] left = new Cursor[1];
        connection.transaction(() -> {
            insert("uncommitted");
            Cursor cursor = connection.select(Query.from(TABLE).selecting(Expression.column("name")));
            assertEquals("uncommitted", cursor.next()[0]);
            left[0] = connection.select(Query.from(TABLE));
            return null;
        });
        assertFalse(left[0].hasNext(), "a cursor left open is closed with its transaction");
        assertEquals(List.of("uncommitted"), rawNames());
    }
}
