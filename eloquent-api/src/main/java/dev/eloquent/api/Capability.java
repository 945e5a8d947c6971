package dev.eloquent.api;

/**
 * What a driver can do beyond the basics (CRUD on one table with the neutral {@link Query}). The ORM
 * checks a capability before it asks for it, so an unsupported operation fails with a clear message
 * instead of silently doing less; the conformance kit skips, visibly, the cases a driver does not claim.
 */
public enum Capability {
    TRANSACTIONS("transactions"),
    TRANSACTIONAL_DDL("transactional schema changes"),
    JOINS("joins"),
    RAW_SQL("raw SQL"),
    ROW_LOCKS("row locks"),
    SCHEMA("schema changes"),
    /**
     * Document storage: nested maps and lists as values, an {@code _id} key per record. What a
     * {@code MongoModel} needs, and what tells a document connection from a SQL one.
     */
    DOCUMENTS("documents"),
    /** Insert-or-update on a unique key in one statement ({@link DatabaseConnection#upsert}). */
    UPSERT("upsert");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
