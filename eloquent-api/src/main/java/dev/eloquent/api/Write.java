package dev.eloquent.api;

import java.util.List;
import java.util.Objects;

/**
 * A write, described neutrally for a driver to compile, through one SPI entry point
 * ({@link DatabaseConnection#write}). Identifiers are checked here; values are bound by the compiler.
 */
public sealed interface Write {
    /** The table written to. */
    String table();

    /**
     * Inserts rows, each with a value for every column, in one statement. With {@code returning} (an
     * auto-increment or generated key column) the result carries the generated key of each row, in order.
     * No columns and one row inserts a row of defaults.
     */
    record Insert(String table, List<String> columns, List<List<Object>> rows, String returning) implements Write {
        public Insert {
            Identifiers.check(table, "table");
            columns = List.copyOf(columns);
            columns.forEach(c -> Identifiers.check(c, "column"));
            rows = rows.stream().map(Lists::copy).toList();
            if (rows.isEmpty()) {
                throw new EloquentException("an insert into '" + table + "' needs at least one row");
            }
            for (List<Object> row : rows) {
                if (row.size() != columns.size()) {
                    throw new EloquentException("an insert into '" + table + "' has a row of " + row.size()
                            + " values for " + columns.size() + " columns " + columns);
                }
            }
            if (columns.isEmpty() && rows.size() > 1) {
                throw new EloquentException("an insert into '" + table + "' without columns inserts one row of defaults");
            }
            if (returning != null) {
                Identifiers.check(returning, "column");
            }
        }

        /** The table, columns and row count, never the rows' values. */
        @Override
        public String toString() {
            return "Insert[" + table + " " + columns + ", " + rows.size() + " rows"
                    + (returning == null ? "" : ", returning " + returning) + "]";
        }
    }

    /**
     * Sets columns of the rows the target's conditions select. The target reads from a table (no
     * subquery), without selection, order, paging or lock ({@link Query#conditionsOnly()}).
     */
    record Update(Query target, List<Assignment> assignments) implements Write {
        public Update {
            Objects.requireNonNull(target, "target");
            target.table();
            assignments = List.copyOf(assignments);
            if (assignments.isEmpty()) {
                throw new EloquentException("an update of '" + target.table() + "' needs at least one column to set");
            }
        }

        @Override
        public String table() {
            return target.table();
        }
    }

    /** {@code column = expression}: a value, or {@code column + n} for an atomic increment. */
    record Assignment(String column, Expression value) {
        public Assignment {
            Identifiers.check(column, "column");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Deletes the rows the target's conditions select (target as in {@link Update}). */
    record Delete(Query target) implements Write {
        public Delete {
            Objects.requireNonNull(target, "target");
            target.table();
        }

        @Override
        public String table() {
            return target.table();
        }
    }

    /**
     * Inserts each row or, where a row with the same values in {@code uniqueBy} (a primary key or unique
     * index) exists, sets only {@code updateColumns} of it from the proposed row; an empty
     * {@code updateColumns} keeps the existing row. Atomic per row ({@link Capability#UPSERT}).
     */
    record Upsert(Insert insert, List<String> uniqueBy, List<String> updateColumns) implements Write {
        public Upsert {
            Objects.requireNonNull(insert, "insert");
            uniqueBy = List.copyOf(uniqueBy);
            updateColumns = List.copyOf(updateColumns);
            if (uniqueBy.isEmpty()) {
                throw new EloquentException("an upsert of '" + insert.table() + "' needs the unique columns to match rows by");
            }
            for (String column : uniqueBy) {
                if (!insert.columns().contains(column)) {
                    throw new EloquentException("upsert of '" + insert.table() + "': unique column '" + column
                            + "' is not among the row's columns " + insert.columns());
                }
            }
            for (String column : updateColumns) {
                if (!insert.columns().contains(column)) {
                    throw new EloquentException("upsert of '" + insert.table() + "': update column '" + column
                            + "' is not among the row's columns " + insert.columns());
                }
            }
        }

        @Override
        public String table() {
            return insert.table();
        }
    }
}
