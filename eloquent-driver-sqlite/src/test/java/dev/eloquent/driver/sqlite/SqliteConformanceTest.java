package dev.eloquent.driver.sqlite;

import dev.eloquent.api.Env;
import dev.eloquent.testkit.DriverConformanceKit;
import dev.eloquent.testkit.DriverTarget;
import dev.eloquent.testkit.JdbcRawAccess;
import dev.eloquent.testkit.RawAccess;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;

/** The whole conformance kit on a real SQLite file in a fresh temporary folder per test. */
class SqliteConformanceTest implements DriverConformanceKit {
    @TempDir
    Path folder;

    @Override
    public DriverTarget target() {
        Path file = folder.resolve("nested/kit.sqlite");
        return DriverTarget.of(Env.of(Map.of("SQLITE_TEST_PATH", file.toString())), "sqlite", new JdbcRawAccess(() -> DriverManager.getConnection("jdbc:sqlite:" + file), '"'));
    }
}
