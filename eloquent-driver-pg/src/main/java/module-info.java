/** The PostgreSQL driver: dialect, the PG_* env block, and the connection factory. Exports nothing. */
module dev.eloquent.driver.pg {
    requires dev.eloquent.api;
    requires dev.eloquent.sql;
    // The JDBC driver; the dialect also unwraps its PGobject (jsonb values).
    requires org.postgresql.jdbc;

    provides dev.eloquent.api.Driver with dev.eloquent.driver.pg.PgDriver;
}
