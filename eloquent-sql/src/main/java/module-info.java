/**
 * What the SQL drivers share: compiling the neutral query, write and schema descriptions to SQL, and
 * running it on a HikariCP pool of JDBC connections, with streaming cursors and savepoint transactions.
 * A SQL driver adds only a {@link dev.eloquent.sql.SqlDialect}, its env block and its factory.
 */
module dev.eloquent.sql {
    requires transitive dev.eloquent.api;
    requires transitive java.sql;
    requires com.zaxxer.hikari;

    exports dev.eloquent.sql;
}
