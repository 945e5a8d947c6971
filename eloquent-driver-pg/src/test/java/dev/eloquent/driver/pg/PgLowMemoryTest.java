package dev.eloquent.driver.pg;

import dev.eloquent.testkit.DriverTarget;
import dev.eloquent.testkit.LowMemoryCursorKit;

/** A million rows through a cursor in 64 MB: pgJDBC's fetch size, with auto-commit off on the cursor's connection. */
class PgLowMemoryTest implements LowMemoryCursorKit {
    @Override
    public DriverTarget target() {
        return PgTestServer.SERVER.target("pg");
    }

    @Override
    public String fillSql(int rows) {
        return "INSERT INTO " + TABLE + " SELECT g, 'row-' || g FROM generate_series(1, " + rows + ") AS g";
    }
}
