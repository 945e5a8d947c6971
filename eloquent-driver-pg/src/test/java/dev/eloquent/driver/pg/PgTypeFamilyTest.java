package dev.eloquent.driver.pg;

import dev.eloquent.api.ColumnType;
import dev.eloquent.sql.SqlDialect;
import dev.eloquent.sql.golden.TypeFamilyGoldenTest;

import java.util.Map;

/** information_schema.columns.data_type as PostgreSQL reports it (spelled in full). */
class PgTypeFamilyTest extends TypeFamilyGoldenTest {
    @Override
    protected SqlDialect dialect() {
        return new PgDialect();
    }

    @Override
    protected Map<String, ColumnType> sameFamily() {
        return Map.of("integer", ColumnType.INTEGER, "bigint", ColumnType.BIG_INCREMENTS,
                "character varying", ColumnType.STRING, "numeric", ColumnType.DECIMAL, "jsonb", ColumnType.JSON,
                "timestamp without time zone", ColumnType.TIMESTAMP, "timestamp with time zone", ColumnType.TIMESTAMP_TZ,
                "double precision", ColumnType.DOUBLE, "boolean", ColumnType.BOOLEAN, "uuid", ColumnType.UUID);
    }

    @Override
    protected Map<String, ColumnType> otherFamily() {
        return Map.of("text", ColumnType.STRING, "json", ColumnType.JSON, "character", ColumnType.STRING,
                "timestamp with time zone", ColumnType.TIMESTAMP, "integer", ColumnType.BIG_INTEGER);
    }
}
