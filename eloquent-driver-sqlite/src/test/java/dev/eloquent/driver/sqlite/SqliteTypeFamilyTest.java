package dev.eloquent.driver.sqlite;

import dev.eloquent.api.ColumnType;
import dev.eloquent.sql.SqlDialect;
import dev.eloquent.sql.golden.TypeFamilyGoldenTest;

import java.util.Map;

/** pragma_table_info's type: the declared text, as this dialect or a person wrote it. */
class SqliteTypeFamilyTest extends TypeFamilyGoldenTest {
    @Override
    protected SqlDialect dialect() {
        return new SqliteDialect();
    }

    @Override
    protected Map<String, ColumnType> sameFamily() {
        return Map.of("INTEGER", ColumnType.INCREMENTS, "int", ColumnType.INTEGER, "VARCHAR(20)", ColumnType.STRING,
                "TEXT", ColumnType.JSON, "NUMERIC(10, 2)", ColumnType.DECIMAL, "DATETIME", ColumnType.TIMESTAMP_TZ,
                "CHAR(36)", ColumnType.UUID, "boolean", ColumnType.BOOLEAN, "BIGINT", ColumnType.BIG_INTEGER);
    }

    @Override
    protected Map<String, ColumnType> otherFamily() {
        return Map.of("TEXT", ColumnType.STRING, "INTEGER", ColumnType.BIG_INTEGER, "DATE", ColumnType.TIMESTAMP,
                "VARCHAR(36)", ColumnType.UUID);
    }
}
