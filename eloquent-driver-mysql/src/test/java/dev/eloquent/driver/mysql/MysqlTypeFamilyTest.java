package dev.eloquent.driver.mysql;

import dev.eloquent.api.ColumnType;
import dev.eloquent.sql.SqlDialect;
import dev.eloquent.sql.golden.TypeFamilyGoldenTest;

import java.util.Map;

/** information_schema.columns.column_type as MariaDB 10.11 and MySQL 8 report it. */
class MysqlTypeFamilyTest extends TypeFamilyGoldenTest {
    @Override
    protected SqlDialect dialect() {
        return new MysqlDialect();
    }

    @Override
    protected Map<String, ColumnType> sameFamily() {
        return Map.of("int(11)", ColumnType.INTEGER, "int", ColumnType.INCREMENTS, "bigint(20)", ColumnType.BIG_INTEGER,
                "varchar(255)", ColumnType.STRING, "tinyint(1)", ColumnType.BOOLEAN, "longtext", ColumnType.JSON,
                "decimal(8,2)", ColumnType.DECIMAL, "datetime(6)", ColumnType.TIMESTAMP_TZ, "char(36)", ColumnType.UUID,
                "json", ColumnType.TEXT);
    }

    @Override
    protected Map<String, ColumnType> otherFamily() {
        return Map.of("tinyint(4)", ColumnType.BOOLEAN, "text", ColumnType.TEXT, "varchar(36)", ColumnType.UUID,
                "int(11)", ColumnType.BIG_INTEGER, "date", ColumnType.TIMESTAMP);
    }
}
