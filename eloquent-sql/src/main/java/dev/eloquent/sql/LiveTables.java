package dev.eloquent.sql;

import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.ColumnType;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.LiveTable;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a table's definition from the catalog with the dialect's three queries ({@link SqlDialect#columnsQuery},
 * {@link SqlDialect#indexesQuery}, {@link SqlDialect#foreignKeysQuery}), the one mechanism every SQL driver
 * shares. A column's family is the declared types whose DDL type the dialect reduces ({@link SqlDialect#typeFamily})
 * to the same name as the live type: the dialect's own {@code columnType} is the reference, so a type is
 * tolerated exactly where the driver itself would have written it that way.
 */
final class LiveTables {
    private final SqlDialect dialect;
    /** Reduced DDL type name to the declared types the dialect writes as it, computed once. */
    private final Map<String, Set<ColumnType>> families = new LinkedHashMap<>();

    LiveTables(SqlDialect dialect) {
        this.dialect = dialect;
        for (ColumnType type : ColumnType.values()) {
            ColumnSpec sample = new ColumnSpec("c", type, 255, 10, 2, true, false, null, false, false, false);
            String ddl;
            try {
                ddl = dialect.columnType(sample);
            } catch (EloquentException e) {
                continue; // a type this dialect refuses: no live column can be of it
            }
            families.computeIfAbsent(dialect.typeFamily(ddl), k -> EnumSet.noneOf(ColumnType.class)).add(type);
        }
    }

    /** The table as the catalog describes it, read through the connection's own {@link SchemaReader}. */
    LiveTable read(String table, SchemaReader reader) {
        String columnsQuery = dialect.columnsQuery();
        if (columnsQuery == null) {
            throw new EloquentException(dialect.name() + " cannot read a table's definition from its catalog");
        }
        Function<String, List<Object[]>> rows = sql -> reader.rows(sql, tableBindings(sql, table));
        List<LiveTable.Column> columns = new ArrayList<>();
        for (Object[] row : rows.apply(columnsQuery)) {
            String type = String.valueOf(row[1]);
            columns.add(new LiveTable.Column(String.valueOf(row[0]), type, truthy(row[2]),
                    families.getOrDefault(dialect.typeFamily(type), Set.of())));
        }
        // Rows come ordered by index (key) and position; consecutive rows of one index are its columns.
        Map<String, LiveTable.Index> indexes = new LinkedHashMap<>();
        for (Object[] row : rows.apply(dialect.indexesQuery())) {
            String name = String.valueOf(row[0]);
            LiveTable.Index old = indexes.get(name);
            List<String> cols = new ArrayList<>(old == null ? List.of() : old.columns());
            cols.add(String.valueOf(row[1]));
            indexes.put(name, new LiveTable.Index(name, cols, truthy(row[2])));
        }
        Map<String, LiveTable.Key> keys = new LinkedHashMap<>();
        for (Object[] row : rows.apply(dialect.foreignKeysQuery())) {
            String id = String.valueOf(row[0]);
            LiveTable.Key old = keys.get(id);
            List<String> cols = new ArrayList<>(old == null ? List.of() : old.columns());
            List<String> refs = new ArrayList<>(old == null ? List.of() : old.refColumns());
            cols.add(String.valueOf(row[2]));
            refs.add(String.valueOf(row[4]));
            keys.put(id, new LiveTable.Key(row[1] == null ? null : String.valueOf(row[1]), cols, String.valueOf(row[3]),
                    refs, String.valueOf(row[5]).toUpperCase(java.util.Locale.ROOT)));
        }
        return new LiveTable(table, columns, List.copyOf(indexes.values()), List.copyOf(keys.values()));
    }

    /** The bindings of a catalog query of the dialect: every {@code ?} is the table's name. */
    private static List<Object> tableBindings(String sql, String table) {
        List<Object> bindings = new ArrayList<>();
        sql.chars().filter(c -> c == '?').forEach(c -> bindings.add(table));
        return bindings;
    }

    /** A catalog's yes: a boolean, a non-zero number, or YES/Y/T/TRUE/1 as text (catalogs differ). */
    static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.longValue() != 0;
        }
        String text = String.valueOf(value).trim().toUpperCase(java.util.Locale.ROOT);
        return text.equals("YES") || text.equals("Y") || text.equals("T") || text.equals("TRUE") || text.equals("1");
    }
}
