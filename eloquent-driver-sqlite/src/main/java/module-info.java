/** The SQLite driver: dialect, the SQLITE_* env block, and the connection factory. Exports nothing. */
module dev.eloquent.driver.sqlite {
    requires dev.eloquent.api;
    requires dev.eloquent.sql;
    requires org.xerial.sqlitejdbc;

    provides dev.eloquent.api.Driver with dev.eloquent.driver.sqlite.SqliteDriver;
}
