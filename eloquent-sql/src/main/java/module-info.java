/**
 * What the SQL drivers share: compiling the neutral query and schema descriptions to SQL, and executing
 * it through Jdbi on a HikariCP pool. A SQL driver adds only a {@link dev.eloquent.sql.SqlDialect}, its env
 * block and its factory.
 */
module dev.eloquent.sql {
    requires transitive dev.eloquent.api;
    requires transitive java.sql;
    requires org.jdbi.v3.core;
    requires io.leangen.geantyref;
    requires com.zaxxer.hikari;

    exports dev.eloquent.sql;
}
