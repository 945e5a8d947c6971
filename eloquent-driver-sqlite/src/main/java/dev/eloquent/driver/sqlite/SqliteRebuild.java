package dev.eloquent.driver.sqlite;

import dev.eloquent.api.ColumnChange;
import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.sql.SchemaReader;
import dev.eloquent.sql.SqlCompiler;
import dev.eloquent.sql.SqlDialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What SQLite's ALTER TABLE cannot do (change a column, add or drop a foreign key) done by rebuilding
 * the table, SQLite's own "other kinds of table schema changes" procedure, inside the caller's transaction:
 * create the new table from the live definition with one item replaced, added or removed, copy the rows,
 * drop the views and other triggers that name the table, drop the old table, rename the new one, create the
 * indexes, triggers and views again as they were written; then check the foreign keys.
 *
 * <p>The procedure's first step, {@code PRAGMA foreign_keys = OFF}, is impossible here: it is ignored
 * inside a transaction, and our connections always have foreign keys on. So keys are deferred to the
 * commit instead ({@code defer_foreign_keys}, which SQLite resets at COMMIT and ROLLBACK, so no setting
 * outlives the change on a pooled connection), and what foreign keys on still does is refused:
 * dropping the old table runs an implicit DELETE, which fires the ON DELETE actions of every table
 * referencing it (and counts their rows as violations, which the rename does not undo). A table that
 * another table, or its own new definition, references is therefore not rebuilt.
 *
 * <p>{@code legacy_alter_table} stays off: it is a connection setting that a failed migration would
 * leave on a pooled connection, and the rename it would change rewrites nothing here, because no other
 * table references either name.
 */
final class SqliteRebuild {
    private final SqlDialect dialect;
    private final SqlCompiler compiler;
    private final SchemaReader reader;

    SqliteRebuild(SqlDialect dialect, SqlCompiler compiler, SchemaReader reader) {
        this.dialect = dialect;
        this.compiler = compiler;
        this.reader = reader;
    }

    /** Whether the change needs a rebuild: a changed column, an added or dropped foreign key. */
    static boolean needed(SchemaChange change) {
        return change instanceof SchemaChange.AddForeignKey || change instanceof SchemaChange.DropForeignKey
                || (change instanceof SchemaChange.AlterTable alter
                && alter.changes().stream().anyMatch(c -> c instanceof ColumnChange.ChangeColumn));
    }

    /** The name of the new table while both exist. */
    static String temporaryName(String table) {
        return "eloquent_rebuild_" + table;
    }

    List<String> statements(SchemaChange change) {
        String table = change.tableName();
        String sql = first(reader.rows("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE",
                List.of(table)));
        if (sql == null) {
            return unreadable(change, "table " + table + " does not exist");
        }
        CreateTableText text = CreateTableText.parse(sql);
        List<String> items = new ArrayList<>(text.items());
        if (change instanceof SchemaChange.AlterTable alter) {
            if (alter.changes().size() != 1) {
                // SqlConnection hands over one column change at a time, each read after the last ran.
                throw new EloquentException("a rebuild of table " + table + " takes one column change at a time");
            }
            ColumnSpec column = ((ColumnChange.ChangeColumn) alter.changes().get(0)).column();
            int at = columnItem(items, column.name());
            if (at < 0) {
                return unreadable(change, "table " + table + " has no column " + column.name());
            }
            items.set(at, changedColumn(table, column, items.get(at)));
        } else if (change instanceof SchemaChange.AddForeignKey key) {
            if (foreignKeyItem(items, key.name()) >= 0) {
                if (reader.describing()) {
                    return unreadable(change, "table " + table + " has a foreign key named " + key.name() + " until then");
                }
                throw new EloquentException("table " + table + " already has a foreign key named " + key.name());
            }
            items.add(compiler.foreignKeyClause(key.foreignKey()));
        } else {
            SchemaChange.DropForeignKey key = (SchemaChange.DropForeignKey) change;
            int at = foreignKeyItem(items, key.name());
            if (at < 0) {
                if (reader.describing()) {
                    return unreadable(change, "table " + table + " has no foreign key named " + key.name());
                }
                throw new EloquentException("table " + table + " has no foreign key named " + key.name() + " on sqlite"
                        + " (SQLite knows a key's name only when it was declared as CONSTRAINT name FOREIGN KEY, as"
                        + " this library declares them)");
            }
            items.remove(at);
        }
        if (!reader.describing()) {
            // Describing reads the tables as they are now: an earlier change of the same migration may drop
            // the referencing keys first, as the refusal advises. The refusal is for the run.
            refuseReferences(table, items);
        }
        return rebuild(table, text, items);
    }

    private List<String> rebuild(String table, CreateTableText text, List<String> items) {
        String quoted = dialect.quote(table);
        String temporary = dialect.quote(temporaryName(table));
        List<String> columns = new ArrayList<>();
        for (Object[] row : reader.rows("SELECT name FROM pragma_table_info(?) ORDER BY cid", List.of(table))) {
            columns.add(dialect.quote(String.valueOf(row[0])));
        }
        String columnList = String.join(", ", columns);
        List<String> statements = new ArrayList<>();
        statements.add("PRAGMA defer_foreign_keys = ON");
        statements.add(text.render(temporary, items));
        statements.add("INSERT INTO " + temporary + " (" + columnList + ") SELECT " + columnList + " FROM " + quoted);
        if (!reader.rows("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'", List.of()).isEmpty()
                && !reader.rows("SELECT 1 FROM sqlite_sequence WHERE name = ? COLLATE NOCASE", List.of(table)).isEmpty()) {
            // AUTOINCREMENT's promise (an id is never handed out twice) outlives the copy: the new table
            // continues from the old table's counter, not from its largest remaining id.
            String newName = dialect.literal(temporaryName(table));
            statements.add("DELETE FROM sqlite_sequence WHERE name = " + newName);
            statements.add("INSERT INTO sqlite_sequence (name, seq) SELECT " + newName
                    + ", seq FROM sqlite_sequence WHERE name = " + dialect.literal(table) + " COLLATE NOCASE");
        }
        List<Object[]> dependants = dependants(table);
        for (Object[] row : dependants) {
            if ("trigger".equals(row[0])) {
                statements.add("DROP TRIGGER " + dialect.quote(String.valueOf(row[1])));
            }
        }
        for (Object[] row : dependants) {
            if ("view".equals(row[0])) {
                statements.add("DROP VIEW " + dialect.quote(String.valueOf(row[1])));
            }
        }
        statements.add("DROP TABLE " + quoted);
        statements.add("ALTER TABLE " + temporary + " RENAME TO " + quoted);
        // Indexes first, then triggers, each as it was written; automatic indexes (sql null) come with the table.
        for (Object[] row : reader.rows("SELECT sql FROM sqlite_master WHERE tbl_name = ? COLLATE NOCASE"
                + " AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type = 'trigger', rowid", List.of(table))) {
            statements.add(String.valueOf(row[0]));
        }
        dependants.forEach(row -> statements.add(String.valueOf(row[2])));
        return statements;
    }

    /**
     * The views and the other tables' triggers whose text names the table or one of those views, and the
     * triggers of those views, in the order they were created ({@code type, name, sql}). They are dropped
     * before the old table and created again, as written, after the rename: SQLite's rename checks every
     * view and trigger of the schema and fails on one that names a table or view gone at that moment.
     */
    private List<Object[]> dependants(String table) {
        List<Object[]> all = reader.rows("SELECT type, name, sql, tbl_name FROM sqlite_master WHERE type IN ('view', 'trigger')"
                + " AND tbl_name <> ? COLLATE NOCASE AND sql IS NOT NULL ORDER BY rowid", List.of(table));
        List<String> gone = new ArrayList<>(List.of(table));
        List<Object[]> dependants = new ArrayList<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Object[] row : all) {
                if (!dependants.contains(row) && gone.stream().anyMatch(name -> name.equalsIgnoreCase(String.valueOf(row[3]))
                        || CreateTableText.mentions(String.valueOf(row[2]), name))) {
                    dependants.add(row);
                    if ("view".equals(row[0])) {
                        gone.add(String.valueOf(row[1]));
                    }
                    grew = true;
                }
            }
        }
        // Created again in their original order, so a view is there before what names it.
        dependants.sort(java.util.Comparator.comparingInt(all::indexOf));
        return dependants;
    }

    /**
     * The compiler's definition of the changed column. The column's UNIQUE (declared inline at creation)
     * is kept, as {@code change()} promises; a column that is part of what the definition cannot carry
     * (the increments key, an inline REFERENCES, a generated column) is refused rather than silently changed.
     */
    private String changedColumn(String table, ColumnSpec column, String old) {
        for (String word : List.of("PRIMARY", "REFERENCES", "AS", "COLLATE")) {
            if (CreateTableText.hasWord(old, word)) {
                throw new EloquentException("column " + table + "." + column.name() + " cannot be changed on sqlite:"
                        + " its definition has " + word + ", which the changed definition would lose");
            }
        }
        return compiler.columnDefinition(table, column) + (CreateTableText.hasWord(old, "UNIQUE") ? " UNIQUE" : "");
    }

    private void refuseReferences(String table, List<String> items) {
        List<String> referencing = new ArrayList<>();
        for (Object[] row : reader.rows("SELECT DISTINCT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f"
                + " WHERE m.type = 'table' AND m.name <> ? COLLATE NOCASE AND f.\"table\" = ? COLLATE NOCASE"
                + " ORDER BY m.name", List.of(table, table))) {
            referencing.add(String.valueOf(row[0]));
        }
        boolean self = items.stream().flatMap(i -> CreateTableText.referencedTables(i).stream())
                .anyMatch(table::equalsIgnoreCase);
        if (self) {
            referencing.add(0, table + " itself");
        }
        if (!referencing.isEmpty()) {
            throw new EloquentException("table " + table + " cannot be rebuilt on sqlite: it is referenced by foreign"
                    + " keys of " + String.join(", ", referencing) + ", and dropping the old table would run their"
                    + " ON DELETE actions on those rows; drop those foreign keys first and add them back after the"
                    + " change, or create the new table, copy the rows and swap the tables in a migration of your own");
        }
    }

    /**
     * When only describing, what cannot be read yet (the table or column comes from an earlier change of
     * the same migration) is described in words, as a SQL comment; when running, it is an error.
     */
    private List<String> unreadable(SchemaChange change, String why) {
        if (reader.describing()) {
            return List.of("-- table " + change.tableName() + " is rebuilt here (create the new table, copy the rows,"
                    + " drop the old one, rename) from its definition at that point; now " + why);
        }
        throw new EloquentException("cannot rebuild on sqlite: " + why);
    }

    private static int columnItem(List<String> items, String column) {
        for (int i = 0; i < items.size(); i++) {
            if (column.equalsIgnoreCase(CreateTableText.columnName(items.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static int foreignKeyItem(List<String> items, String name) {
        for (int i = 0; i < items.size(); i++) {
            if (name.equalsIgnoreCase(CreateTableText.foreignKeyName(items.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Fails, naming the table and the key (never a row or value), when rows of the rebuilt table break one
     * of its foreign keys: the deferred keys would fail the commit with SQLite's bare "FOREIGN KEY
     * constraint failed", and inside a migration only at its end.
     */
    void check(SchemaChange change) {
        String table = change.tableName();
        List<Object[]> broken = reader.rows("SELECT DISTINCT parent, fkid FROM pragma_foreign_key_check(?) ORDER BY fkid",
                List.of(table));
        if (broken.isEmpty()) {
            return;
        }
        Object[] first = broken.get(0);
        List<String> from = new ArrayList<>();
        for (Object[] row : reader.rows("SELECT \"from\" FROM pragma_foreign_key_list(?) WHERE id = ? ORDER BY seq",
                List.of(table, first[1]))) {
            from.add(String.valueOf(row[0]));
        }
        String key = change instanceof SchemaChange.AddForeignKey added
                && added.refTable().equalsIgnoreCase(String.valueOf(first[0])) && added.columns().equals(from)
                ? "foreign key " + added.name() + " " : "its foreign key ";
        throw new EloquentException("rows of table " + table + " break " + key + "(" + String.join(", ", from)
                + ") referencing " + first[0] + ": they reference rows that do not exist; the change was rolled back");
    }

    private static String first(List<Object[]> rows) {
        return rows.isEmpty() ? null : Objects.toString(rows.get(0)[0], null);
    }
}
