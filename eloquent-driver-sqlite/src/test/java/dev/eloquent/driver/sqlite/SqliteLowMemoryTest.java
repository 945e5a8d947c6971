package dev.eloquent.driver.sqlite;

import dev.eloquent.api.Env;
import dev.eloquent.testkit.DriverTarget;
import dev.eloquent.testkit.JdbcRawAccess;
import dev.eloquent.testkit.LowMemoryCursorKit;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;

/** A million rows through a cursor in 64 MB: sqlite-jdbc steps one row at a time. */
class SqliteLowMemoryTest implements LowMemoryCursorKit {
    @TempDir
    Path folder;

    @Override
    public DriverTarget target() {
        Path file = folder.resolve("low-memory.sqlite");
        return DriverTarget.of(Env.of(Map.of("SQLITE_TEST_PATH", file.toString())), "sqlite",
                new JdbcRawAccess(() -> DriverManager.getConnection("jdbc:sqlite:" + file), '`'));
    }

    @Override
    public String fillSql(int rows) {
        return "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < " + rows + ")"
                + " INSERT INTO " + TABLE + " SELECT n, 'row-' || n FROM seq";
    }
}
