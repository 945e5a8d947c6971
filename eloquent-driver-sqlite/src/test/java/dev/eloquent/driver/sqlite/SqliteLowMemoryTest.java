package dev.eloquent.driver.sqlite;

import dev.eloquent.api.Env;
import dev.eloquent.orm.Database;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code cursor()} over 1,000,000 rows in a JVM of 64 MB (surefire's "low-memory" execution runs the
 * classes named *LowMemoryTest with {@code -Xmx64m}). The rows, about 200 bytes each as maps, would need
 * some 200 MB if they were read into memory at once: only a streaming cursor (sqlite-jdbc steps one row at a time) gets through.
 * The rows are generated on the server, checked by count and sum, and the count read again over plain JDBC.
 */
class SqliteLowMemoryTest {
    private static final int ROWS = 1_000_000;

    @Test
    void aCursorReadsAMillionRowsInSixtyFourMegabytes() throws Exception {
        // -Dtest=... also selects this class in the default execution, whose heap is the machine's default.
        assumeTrue(Boolean.getBoolean("eloquent.lowMemory"), "runs in surefire's low-memory execution only");
        assertTrue(Runtime.getRuntime().maxMemory() <= 80L * 1024 * 1024,
                "run with -Xmx64m (surefire's low-memory execution); heap is " + Runtime.getRuntime().maxMemory());
        Map<String, String> env = new HashMap<>();
        env.put("SQLITE_TEST_PATH", folder.resolve("low-memory.sqlite").toString());
        env.put("DB_TEST_CONNECTION", "sqlite_test");
        try (Eloquent db = Eloquent.builder().env(Env.of(env)).testMode().boot()) {
            Database database = db.on("sqlite");
            database.statement("DROP TABLE IF EXISTS low_memory_numbers");
            database.statement("CREATE TABLE low_memory_numbers (id BIGINT PRIMARY KEY, label VARCHAR(40) NOT NULL)");
            try {
                database.statement("WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < " + ROWS + ")"
                        + " INSERT INTO low_memory_numbers SELECT n, 'row-' || n FROM seq");
                long count = 0;
                long sum = 0;
                try (Stream<Map<String, Object>> rows = database.table("low_memory_numbers").cursor()) {
                    for (Map<String, Object> row : (Iterable<Map<String, Object>>) rows::iterator) {
                        long id = ((Number) row.get("id")).longValue();
                        assertEquals("row-" + id, row.get("label"));
                        count++;
                        sum += id;
                    }
                }
                assertEquals(ROWS, count);
                assertEquals((long) ROWS * (ROWS + 1) / 2, sum);
                assertEquals(ROWS, rawCount());
            } finally {
                database.statement("DROP TABLE IF EXISTS low_memory_numbers");
            }
        }
    }

    @TempDir
    Path folder;

    private long rawCount() throws java.sql.SQLException {
        try (java.sql.Connection raw = java.sql.DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("low-memory.sqlite"));
             java.sql.ResultSet results = raw.createStatement().executeQuery("SELECT COUNT(*) FROM low_memory_numbers")) {
            results.next();
            return results.getLong(1);
        }
    }
}
