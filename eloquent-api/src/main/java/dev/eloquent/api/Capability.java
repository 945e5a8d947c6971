package dev.eloquent.api;

/**
 * A driver's promise to compile a family of nodes or to offer an operation beyond the basics (reading,
 * filtering, sorting and writing one table with column/value expressions). The ORM walks each statement
 * before sending it ({@link Capabilities#required}) and refuses a node the connection does not claim with
 * "X is not supported on driver" (or rewrites it, where a two-query plan gives the same answer); the
 * conformance kit skips, visibly, the cases a driver does not claim.
 */
public enum Capability {
    /** {@link DatabaseConnection#transaction}, nesting with savepoints. */
    TRANSACTIONS("transactions"),
    /** Schema changes that roll back with their transaction. */
    TRANSACTIONAL_DDL("transactional schema changes"),
    /** {@link Join} nodes. */
    JOINS("joins"),
    /** {@link Expression.Subquery}, {@link Condition.InSubquery}, {@link Condition.Exists}, subqueries in FROM. */
    SUBQUERIES("subqueries"),
    /** {@link Expression.Aggregate}, group by and having. */
    AGGREGATES("aggregates"),
    /** {@link Expression.Raw}, {@link Condition.Raw}, and SQL text run by hand. */
    RAW_SQL("raw SQL"),
    /** {@link Lock#SHARED} and {@link Lock#UPDATE}. */
    ROW_LOCKS("row locks"),
    /** {@link SchemaChange}s. */
    SCHEMA("schema changes"),
    /**
     * Document storage: nested maps and lists as values, an {@code _id} key per record. What a
     * {@code MongoModel} needs, and what tells a document connection from a SQL one.
     */
    DOCUMENTS("documents"),
    /** {@link Write.Upsert}. */
    UPSERT("upsert");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
