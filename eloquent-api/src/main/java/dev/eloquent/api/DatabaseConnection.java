package dev.eloquent.api;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An open, named connection, as a driver offers it to the ORM. Reads take a {@link Query}, writes a
 * {@link Write}, schema changes a {@link SchemaChange}; the driver compiles them. Identifiers in those
 * descriptions are already checked; values are always bound, never spliced into statement text. The ORM
 * checks {@link Capabilities#required} before calling, and a compiler throws on a node it does not know.
 */
public interface DatabaseConnection extends AutoCloseable {
    ConnectionName name();

    String driverName();

    Set<Capability> capabilities();

    default boolean supports(Capability capability) {
        return capabilities().contains(capability);
    }

    /** Fails with "X is not supported on driver" unless the capability is claimed. */
    default void require(Capability capability) {
        if (!supports(capability)) {
            throw new UnsupportedFeatureException(capability, driverName());
        }
    }

    /**
     * Runs a read and returns its rows as a cursor, which the caller closes. Inside a transaction the
     * cursor reads on the transaction's connection.
     */
    Cursor select(Query query);

    /**
     * Runs a read whose rows the caller takes all at once (a list, a page, a first row, a column): the
     * driver may fetch the whole result in one exchange instead of streaming it, since it all ends up in
     * memory anyway. {@link #select} is for the reads the caller streams ({@code cursor()}). The default
     * is {@code select}.
     */
    default Cursor selectAll(Query query) {
        return select(query);
    }

    /** Runs a write; failures are {@link QueryException}s ({@link UniqueViolationException} for duplicate keys). */
    WriteResult write(Write write);

    /** Runs SQL text that returns rows, with {@code ?} bindings ({@link Capability#RAW_SQL}). */
    default Cursor selectRaw(String sql, List<?> bindings) {
        require(Capability.RAW_SQL);
        throw new IllegalStateException(driverName() + " claims raw SQL but does not implement it");
    }

    /** Runs one SQL statement that returns no rows, with {@code ?} bindings; returns the affected row count. */
    default long statement(String sql, List<?> bindings) {
        require(Capability.RAW_SQL);
        throw new IllegalStateException(driverName() + " claims raw SQL but does not implement it");
    }

    void execute(SchemaChange change);

    /**
     * What {@link #execute} would run for the change, without running it: the SQL statements on SQL
     * drivers, the command shapes on MongoDB. For {@code --pretend} and for showing what a migration did.
     * The default names the change only.
     */
    default List<String> describe(SchemaChange change) {
        return List.of(change.getClass().getSimpleName() + " " + change.tableName());
    }

    boolean hasTable(String table);

    /** Whether the table has the column. */
    default boolean hasColumn(String table, String column) {
        throw new EloquentException("hasColumn is not supported on " + driverName());
    }

    /**
     * The names of the tables (collections on MongoDB) of this connection's database or schema, as
     * {@code migrate:fresh} needs them to drop everything ({@link Capability#SCHEMA}).
     */
    default List<String> tables() {
        require(Capability.SCHEMA);
        throw new EloquentException(driverName() + " cannot list its tables");
    }

    /**
     * The table (collection) as the database has it now, from its catalog: columns with the database's
     * type names and the declared types each can hold, nullability, indexes other than the primary key's,
     * foreign keys; empty when there is no such table. For {@code migrate:status --verify}, which compares
     * it with what the migrations create ({@link Capability#SCHEMA}).
     */
    default java.util.Optional<LiveTable> inspect(String table) {
        require(Capability.SCHEMA);
        throw new EloquentException(driverName() + " cannot read a table's definition from its catalog");
    }

    /**
     * Runs the work in one transaction on this thread: commits when it returns, rolls back when it
     * throws. A nested call is a savepoint: its failure rolls back its own work only. A statement that
     * fails inside the transaction marks it rollback-only: even if the work catches the failure, the
     * transaction rolls back at the end and this call throws, naming the failed statement's table.
     */
    default <T> T transaction(Supplier<T> work) {
        require(Capability.TRANSACTIONS);
        throw new IllegalStateException(driverName() + " claims transactions but does not implement them");
    }

    /** Whether this thread is inside a transaction of this connection. */
    default boolean inTransaction() {
        return false;
    }

    /**
     * Runs the callback after the outermost transaction of this thread commits (never if it rolls back);
     * outside a transaction, at once.
     */
    default void afterCommit(Runnable callback) {
        if (inTransaction()) {
            throw new IllegalStateException(driverName() + " reports a transaction but does not implement afterCommit");
        }
        callback.run();
    }

    /**
     * The finest time unit this connection stores in TIMESTAMP and TIMESTAMP_TZ columns: microseconds on
     * SQL drivers, milliseconds on MongoDB (BSON dates), which truncates anything finer. Callers that keep
     * the written value (a model after save) truncate to it, so they hold what is stored.
     */
    default java.time.temporal.ChronoUnit timestampPrecision() {
        return java.time.temporal.ChronoUnit.MICROS;
    }

    /**
     * The most values one statement may bind. Callers that send long key lists (eager loading, the
     * inner half of a two-query plan) split them below it. The default is SQLite's historical 999, safe
     * for any SQL database; drivers report their own.
     */
    default int parameterLimit() {
        return 999;
    }

    /** Sends a {@link QueryEvent} for every statement from now on to the listener (one listener; null removes it). */
    default void listen(QueryListener listener) {
    }

    /** Closes the connection and any pool behind it. Idempotent. */
    @Override
    void close();
}
