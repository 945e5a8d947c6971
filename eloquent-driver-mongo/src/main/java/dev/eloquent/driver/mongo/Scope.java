package dev.eloquent.driver.mongo;

import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.TableRef;

import java.util.Map;

/**
 * What the documents at one point of a read hold, so that a column or an aggregate in the query can be
 * named as a field there. Before grouping a column is the field of the same name (any field: documents
 * need not share fields); after a {@code $group} only the grouped columns and the computed aggregates
 * exist, under internal names ({@code k0}, {@code a0}). A column's qualifier must name the table read
 * (its name or its alias); MongoDB has no joins, so any other qualifier is refused.
 *
 * @param table      the table's name, or null when reading from a subquery
 * @param alias      the alias, or null
 * @param columns    grouped columns by name and their field, or null before grouping
 * @param aggregates computed aggregates and their field, or null before grouping
 */
record Scope(String table, String alias, Map<String, String> columns, Map<Expression.Aggregate, String> aggregates) {
    static Scope of(TableRef from) {
        return new Scope(from.name(), from.alias(), null, null);
    }

    Scope grouped(Map<String, String> groupedColumns, Map<Expression.Aggregate, String> computed) {
        return new Scope(table, alias, Map.copyOf(groupedColumns), Map.copyOf(computed));
    }

    /** The field holding the column here. */
    String field(Expression.Column column) {
        if (column.qualifier() != null && !column.qualifier().equals(table) && !column.qualifier().equals(alias)) {
            throw new EloquentException("column " + column + " is qualified with '" + column.qualifier()
                    + "', which is not the collection read (" + (alias != null ? alias : table)
                    + "): mongo reads one collection per query (joins are not supported on mongo)");
        }
        if (column.name().equals("*")) {
            throw new EloquentException("'" + column + "' is not a column here: use it only as a selection");
        }
        if (columns == null) {
            return column.name();
        }
        String field = columns.get(column.name());
        if (field == null) {
            throw new EloquentException("column " + column + " is not available after grouping (groupBy or"
                    + " distinct): group it, select it, or use an aggregate of it");
        }
        return field;
    }

    /** Checks that {@code *} or {@code t.*} names the collection read. */
    void checkAll(Expression.Column star) {
        if (star.qualifier() != null && !star.qualifier().equals(table) && !star.qualifier().equals(alias)) {
            throw new EloquentException("'" + star + "' names no collection of this read; use * or "
                    + (alias != null ? alias : table) + ".*");
        }
    }

    /** The field holding a computed aggregate; aggregates exist only after grouping (having, order, selection). */
    String aggregate(Expression.Aggregate aggregate) {
        String field = aggregates == null ? null : aggregates.get(aggregate);
        if (field == null) {
            throw new EloquentException("aggregate " + aggregate + " cannot be used here: aggregates belong in"
                    + " the selection, having or order by of a read");
        }
        return field;
    }

    boolean isGrouped() {
        return columns != null;
    }
}
