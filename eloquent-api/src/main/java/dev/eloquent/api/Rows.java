package dev.eloquent.api;

import java.util.List;

/**
 * A result set in memory, in positional form: the column names once, then each row's values in that
 * order. Mapping code resolves a column's position once per result, not once per row.
 */
public record Rows(List<String> columns, List<Object[]> values) {
    public Rows {
        columns = List.copyOf(columns);
    }

    public int size() {
        return values.size();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
