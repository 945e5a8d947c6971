package dev.eloquent.driver.mysql;

import dev.eloquent.testkit.DriverTarget;
import dev.eloquent.testkit.LowMemoryCursorKit;

/** A million rows through a cursor in 64 MB: Connector/J's streaming result set. */
class MysqlLowMemoryTest implements LowMemoryCursorKit {
    @Override
    public DriverTarget target() {
        return MysqlTestServer.SERVER.target("mysql");
    }

    /** Six cross-joined digit tables: MariaDB 10.11 has no generate_series, and a recursive CTE this deep is slow. */
    @Override
    public String fillSql(int rows) {
        if (rows != 1_000_000) {
            throw new IllegalArgumentException("the digit tables make exactly 1,000,000 rows");
        }
        return "INSERT INTO " + TABLE + " WITH d AS (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2"
                + " UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7"
                + " UNION ALL SELECT 8 UNION ALL SELECT 9) SELECT id, CONCAT('row-', id) FROM (SELECT 1 + a.n + 10 * b.n"
                + " + 100 * c.n + 1000 * e.n + 10000 * f.n + 100000 * g.n AS id FROM d a, d b, d c, d e, d f, d g) AS ids";
    }
}
