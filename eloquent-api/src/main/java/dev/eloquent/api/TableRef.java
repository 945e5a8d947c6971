package dev.eloquent.api;

/**
 * What a query reads from or joins: a table with an optional alias ({@code employees AS managers}), or a
 * subquery with its alias ({@code (SELECT ...) AS paged}).
 *
 * @param name     the table's name, or null for a subquery
 * @param alias    the alias, or null; required for a subquery
 * @param subquery the derived table, or null for a table
 */
public record TableRef(String name, String alias, Query subquery) {
    public TableRef {
        if ((name == null) == (subquery == null)) {
            throw new EloquentException("a table reference needs either a table name or a subquery");
        }
        if (name != null) {
            Identifiers.check(name, "table");
        }
        if (alias != null) {
            Identifiers.check(alias, "alias");
        } else if (subquery != null) {
            throw new EloquentException("a subquery in FROM or JOIN needs an alias");
        }
    }

    public static TableRef table(String name) {
        return new TableRef(name, null, null);
    }

    /** {@code "employees"} or {@code "employees as managers"} (case-insensitive {@code as}). */
    public static TableRef parse(String text) {
        if (text == null) {
            throw new EloquentException("a table name is required");
        }
        String[] parts = text.trim().split("\\s+");
        if (parts.length == 1) {
            return table(parts[0]);
        }
        if (parts.length == 3 && parts[1].equalsIgnoreCase("as")) {
            return new TableRef(parts[0], parts[2], null);
        }
        throw new EloquentException("'" + text + "' is not a table reference: use table or table as alias");
    }

    public static TableRef sub(Query subquery, String alias) {
        return new TableRef(null, alias, subquery);
    }

    /** The name columns are qualified with: the alias if there is one, else the table's name. */
    public String reference() {
        return alias != null ? alias : name;
    }

    @Override
    public String toString() {
        return subquery != null ? "(subquery) as " + alias : alias == null ? name : name + " as " + alias;
    }
}
