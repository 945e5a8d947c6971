package dev.eloquent.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One database under test: its Eloquent env, and a HikariCP pool with the settings the ORM's driver
 * gives its own pool (pool size, minimum idle, timeouts, the driver properties / SQLite pragmas), so
 * the hand-written contenders run on the same pool configuration as the ORM.
 *
 * <p>Servers are the local ones ({@code scripts/ensure-databases.sh}); the database is
 * {@code eloquent_bench}. Overrides: system properties {@code bench.pg.password} (default
 * {@code $PG_TEST_PASSWORD}, else {@code postgres}), {@code bench.mysql.user} (root),
 * {@code bench.mysql.password} (empty), {@code bench.dir} (where the SQLite file lives).
 */
public enum Target {
    SQLITE, PG, MYSQL;

    public static Target of(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    static Path dataDir() {
        return Path.of(System.getProperty("bench.dir", "target/bench-data")).toAbsolutePath();
    }

    static Path sqliteFile() {
        return dataDir().resolve("bench.sqlite");
    }

    private static String pgPassword() {
        String fromEnv = System.getenv("PG_TEST_PASSWORD");
        return System.getProperty("bench.pg.password", fromEnv == null || fromEnv.isBlank() ? "postgres" : fromEnv);
    }

    private static String mysqlUser() {
        return System.getProperty("bench.mysql.user", "root");
    }

    private static String mysqlPassword() {
        return System.getProperty("bench.mysql.password", "");
    }

    /** The connection name the models follow (DB_CONNECTION). */
    public String connection() {
        return switch (this) {
            case SQLITE -> "sqlite";
            case PG -> "pg";
            case MYSQL -> "mysql";
        };
    }

    /** The ORM's env for this database. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("DB_CONNECTION", connection());
        switch (this) {
            case SQLITE -> env.put("SQLITE_PATH", sqliteFile().toString());
            case PG -> {
                env.put("PG_HOST", "127.0.0.1");
                env.put("PG_PORT", "5432");
                env.put("PG_USER", "postgres");
                env.put("PG_PASSWORD", pgPassword());
                env.put("PG_NAME", "eloquent_bench");
            }
            case MYSQL -> {
                env.put("DB_HOST", "127.0.0.1");
                env.put("DB_PORT", "3306");
                env.put("DB_USER", mysqlUser());
                env.put("DB_PASSWORD", mysqlPassword());
                env.put("DB_NAME", "eloquent_bench");
            }
        }
        return env;
    }

    /** A pool configured as the ORM's driver configures its own (see SqlConnection.open and the drivers). */
    public HikariDataSource pool(String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bench-" + name);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(5_000);
        config.setInitializationFailTimeout(5_000);
        switch (this) {
            case SQLITE -> {
                config.setJdbcUrl("jdbc:sqlite:" + sqliteFile());
                config.setMaximumPoolSize(4);
                config.addDataSourceProperty("journal_mode", "WAL");
                config.addDataSourceProperty("foreign_keys", "true");
                config.addDataSourceProperty("busy_timeout", "5000");
                config.addDataSourceProperty("synchronous", "NORMAL");
            }
            case PG -> {
                config.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/eloquent_bench");
                config.setUsername("postgres");
                config.setPassword(pgPassword());
                config.setMaximumPoolSize(10);
                config.addDataSourceProperty("connectTimeout", "5");
                config.addDataSourceProperty("loginTimeout", "5");
                config.addDataSourceProperty("socketTimeout", "60");
                config.addDataSourceProperty("stringtype", "unspecified");
            }
            case MYSQL -> {
                config.setJdbcUrl("jdbc:mysql://127.0.0.1:3306/eloquent_bench");
                config.setUsername(mysqlUser());
                config.setPassword(mysqlPassword());
                config.setMaximumPoolSize(10);
                config.addDataSourceProperty("connectTimeout", "5000");
                config.addDataSourceProperty("socketTimeout", "60000");
                config.addDataSourceProperty("characterEncoding", "UTF-8");
                config.addDataSourceProperty("tinyInt1isBit", "true");
                // The hand-written batch as one writes it for MySQL: without this Connector/J sends one INSERT
                // per row of a batch. The ORM's driver does not need it (it never calls executeBatch: an
                // insert of many is one multi-row INSERT it writes itself), so the pools differ only here.
                config.addDataSourceProperty("rewriteBatchedStatements", "true");
            }
        }
        return new HikariDataSource(config);
    }
}
