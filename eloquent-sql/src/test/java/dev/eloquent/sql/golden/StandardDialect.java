package dev.eloquent.sql.golden;

import dev.eloquent.api.ColumnSpec;
import dev.eloquent.sql.SqlDialect;

/** A dialect that overrides nothing the compiler asks: what the shared compiler writes by itself. */
public final class StandardDialect extends SqlDialect {
    @Override
    public String name() {
        return "standard";
    }

    @Override
    public String columnType(ColumnSpec column) {
        return column.type().name();
    }

    @Override
    public String autoIncrementColumn(ColumnSpec column) {
        return quote(column.name()) + " INTEGER PRIMARY KEY";
    }

    @Override
    public String tableExistsQuery() {
        return "SELECT 1 FROM information_schema.tables WHERE table_name = ?";
    }
}
