/** The MySQL/MariaDB driver: dialect, the DB_* env block, and the connection factory. Exports nothing. */
module dev.eloquent.driver.mysql {
    requires dev.eloquent.api;
    requires dev.eloquent.sql;
    // Read by nothing here at compile time; required so that the JDBC driver is in the module graph
    // and java.sql's ServiceLoader finds it.
    requires mysql.connector.j;

    provides dev.eloquent.api.Driver with dev.eloquent.driver.mysql.MysqlDriver;
}
