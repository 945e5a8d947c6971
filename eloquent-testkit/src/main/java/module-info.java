/**
 * The driver conformance kit: JUnit 5 interfaces of {@code default @Test} methods that every driver's
 * test class implements, in the manner of R2DBC's TCK. A third-party driver runs the same kit.
 */
module dev.eloquent.testkit {
    requires transitive dev.eloquent.orm;
    requires transitive org.junit.jupiter.api;
    requires transitive java.sql;
    // QueryEventKit reads the query log through java.util.logging, where System.Logger writes by default.
    requires java.logging;

    exports dev.eloquent.testkit;
}
