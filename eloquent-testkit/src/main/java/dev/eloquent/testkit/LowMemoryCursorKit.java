package dev.eloquent.testkit;

import dev.eloquent.orm.Database;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code cursor()} over 1,000,000 rows in a JVM of 64 MB. A SQL driver's test class named
 * {@code *LowMemoryTest} implements this and its module runs such classes in a surefire execution of their
 * own with {@code -Xmx64m -Deloquent.lowMemory=true}. The rows, about 200 bytes each as maps, would need
 * some 200 MB if they were read into memory at once: only a streaming cursor gets through. The rows are
 * generated on the server, checked by count and sum, and counted again over plain JDBC.
 */
public interface LowMemoryCursorKit {
    int ROWS = 1_000_000;
    String TABLE = "low_memory_numbers";

    /** The driver's target; its raw access must be a {@link JdbcRawAccess}. */
    DriverTarget target();

    /** SQL that fills {@value #TABLE} (id, label) with ids 1 to {@code rows} and labels {@code row-<id>}, on the server. */
    String fillSql(int rows);

    @Test
    default void aCursorReadsAMillionRowsInSixtyFourMegabytes() {
        // -Dtest=... also selects the class in the default execution, whose heap is the machine's default.
        assumeTrue(Boolean.getBoolean("eloquent.lowMemory"), "runs in surefire's low-memory execution only");
        assertTrue(Runtime.getRuntime().maxMemory() <= 80L * 1024 * 1024,
                "run with -Xmx64m (surefire's low-memory execution); heap is " + Runtime.getRuntime().maxMemory());
        JdbcRawAccess raw = assertInstanceOf(JdbcRawAccess.class, target().raw(), "a SQL driver's raw access");
        try (Eloquent db = Eloquent.builder().env(target().env()).testMode().boot()) {
            Database database = db.on(target().connection());
            database.statement("DROP TABLE IF EXISTS " + TABLE);
            database.statement("CREATE TABLE " + TABLE + " (id BIGINT PRIMARY KEY, label VARCHAR(40) NOT NULL)");
            try {
                database.statement(fillSql(ROWS));
                long count = 0;
                long sum = 0;
                try (Stream<Map<String, Object>> rows = database.table(TABLE).cursor()) {
                    for (Map<String, Object> row : (Iterable<Map<String, Object>>) rows::iterator) {
                        long id = ((Number) row.get("id")).longValue();
                        assertEquals("row-" + id, row.get("label"));
                        count++;
                        sum += id;
                    }
                }
                assertEquals(ROWS, count);
                assertEquals((long) ROWS * (ROWS + 1) / 2, sum);
                assertEquals(ROWS, ((Number) raw.select("SELECT COUNT(*) AS n FROM " + TABLE).get(0).get("n")).longValue());
            } finally {
                database.statement("DROP TABLE IF EXISTS " + TABLE);
            }
        }
    }
}
