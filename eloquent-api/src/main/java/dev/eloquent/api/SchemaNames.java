package dev.eloquent.api;

import java.util.HashSet;
import java.util.List;

/**
 * The names of indexes and foreign keys that were not given one, decided here once for every driver:
 * {@code <table>_<col>_<col>_index}, {@code _unique} or {@code _foreign}, as Laravel names them. A name
 * longer than the 64 characters every database accepts is cut and ends with a hash of the full name, so
 * it stays unique and the same on each run.
 */
public final class SchemaNames {
    private static final int MAX = 64;

    private SchemaNames() {
    }

    public static String index(String table, List<String> columns, boolean unique) {
        return name(table, columns, unique ? "unique" : "index");
    }

    public static String foreignKey(String table, List<String> columns) {
        return name(table, columns, "foreign");
    }

    private static String name(String table, List<String> columns, String suffix) {
        String full = table + "_" + String.join("_", columns) + "_" + suffix;
        if (full.length() <= MAX) {
            return full;
        }
        String hash = Integer.toHexString(full.hashCode());
        return full.substring(0, MAX - hash.length() - 1) + "_" + hash;
    }

    /** A non-empty list of valid, distinct column names, frozen. */
    static List<String> checkColumns(List<String> columns, String owner) {
        if (columns == null || columns.isEmpty()) {
            throw new EloquentException(owner + " needs at least one column");
        }
        HashSet<String> seen = new HashSet<>();
        for (String column : columns) {
            if (!seen.add(Identifiers.check(column, "column"))) {
                throw new EloquentException(owner + " names column '" + column + "' twice");
            }
        }
        return List.copyOf(columns);
    }
}
