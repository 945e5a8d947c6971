package dev.eloquent.sql;

import java.util.List;

/** SQL text with its positional parameters, as the compiler produces it. */
public record CompiledSql(String sql, List<Object> parameters) {
    public CompiledSql {
        parameters = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
    }
}
