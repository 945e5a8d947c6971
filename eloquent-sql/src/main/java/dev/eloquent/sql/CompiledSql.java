package dev.eloquent.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * SQL text with its positional parameters, as the compiler produces it, and the table it reads or
 * writes first (named in error messages; null for SQL written by hand).
 */
public record CompiledSql(String sql, List<Object> parameters, String table) {
    public CompiledSql {
        // Not List.copyOf: a bound value may be null.
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    public CompiledSql(String sql, List<Object> parameters) {
        this(sql, parameters, null);
    }

    @Override
    public String toString() {
        // The text only: parameters are values and never printed.
        return sql;
    }
}
