package dev.eloquent.api;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An open, named connection, as a driver offers it to the ORM. Every operation takes a neutral
 * description ({@link Query}, {@link SchemaChange}) that the driver compiles; identifiers in those
 * descriptions are already checked, values are always bound, never spliced into statement text.
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

    Rows select(Query query);

    long count(Query query);

    boolean exists(Query query);

    /**
     * Inserts one row and returns the value generated for {@code generatedKey} (an auto-increment
     * column), or {@code null} when {@code generatedKey} is null.
     */
    Object insert(String table, Map<String, ?> values, String generatedKey);

    /**
     * Inserts each row, or, where a row with the same values in {@code uniqueBy} (a primary key or unique
     * index) exists, sets only {@code updateColumns} of it from the row. One statement, atomic per row.
     * Returns nothing: databases count "affected" rows differently (MySQL counts an update twice).
     * Every row must have the same columns.
     */
    default void upsert(String table, java.util.List<? extends Map<String, ?>> rows, java.util.List<String> uniqueBy,
                        java.util.List<String> updateColumns) {
        require(Capability.UPSERT);
        throw new IllegalStateException(driverName() + " claims upsert but does not implement it");
    }

    /** Updates the rows the query's conditions select; returns how many. */
    long update(Query query, Map<String, ?> values);

    /** Deletes the rows the query's conditions select; returns how many. */
    long delete(Query query);

    void execute(SchemaChange change);

    boolean hasTable(String table);

    /**
     * Runs the work in one transaction on this thread: commits when it returns, rolls back when it
     * throws. Nested calls join the outer transaction.
     */
    default <T> T transaction(Supplier<T> work) {
        require(Capability.TRANSACTIONS);
        throw new IllegalStateException(driverName() + " claims transactions but does not implement them");
    }

    /** Closes the connection and any pool behind it. Idempotent. */
    @Override
    void close();
}
