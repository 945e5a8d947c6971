package dev.eloquent.orm.migration;

import dev.eloquent.api.ColumnChange;
import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.ForeignKey;
import dev.eloquent.api.IndexSpec;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.SchemaNames;
import dev.eloquent.api.TableSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What turns a table as the migrations leave it into the table a model declares: the changes of a
 * migration's {@code up} and, undoing them in reverse, its {@code down}. Tables are created and columns
 * added, changed and dropped; indexes and foreign keys added and dropped by name. A column the model no
 * longer declares is dropped only when asked ({@code dropMissing}); otherwise the drop is returned in
 * {@link Plan#kept} for the generated file to carry as a comment. A renamed column cannot be told from a
 * drop plus an add, and is treated as both.
 */
public final class SchemaDiff {
    private SchemaDiff() {
    }

    /**
     * @param up     the changes to apply, in order
     * @param down   what undoes them, in order
     * @param kept   drops that were not made (columns the model no longer declares), and their undo
     * @param notes  what could not be generated and why, for the generated file's comments
     */
    public record Plan(List<SchemaChange> up, List<SchemaChange> down, List<SchemaChange> kept,
                       List<SchemaChange> keptDown, List<String> notes) {
        public Plan {
            up = List.copyOf(up);
            down = List.copyOf(down);
            kept = List.copyOf(kept);
            keptDown = List.copyOf(keptDown);
            notes = List.copyOf(notes);
        }

        /** Nothing to apply (kept drops and notes alone do not make a migration). */
        public boolean isEmpty() {
            return up.isEmpty();
        }
    }

    /**
     * The changes from {@code current} (null: the table does not exist) to {@code declared}. For a document
     * collection ({@code document}) only indexes are compared: collections are schemaless.
     */
    public static Plan diff(TableSpec current, TableSpec declared, boolean document, boolean dropMissing) {
        Steps steps = new Steps();
        if (document) {
            Map<String, IndexSpec> old = current == null ? Map.of() : indexesOf(current);
            Map<String, IndexSpec> wanted = indexesOf(declared);
            dropIndexes(steps, declared.name(), old, wanted);
            createIndexes(steps, declared.name(), old, wanted);
            return steps.plan();
        }
        if (current == null) {
            steps.add(new SchemaChange.CreateTable(declared, false), new SchemaChange.DropTable(declared.name(), true));
            return steps.plan();
        }
        String table = declared.name();
        List<ColumnSpec> missing = current.columns().stream().filter(c -> declared.column(c.name()).isEmpty()).toList();
        Set<String> missingNames = missing.stream().map(ColumnSpec::name).collect(Collectors.toSet());
        List<ColumnChange> up = new ArrayList<>();
        List<ColumnChange> down = new ArrayList<>();
        for (ColumnSpec column : declared.columns()) {
            ColumnSpec old = current.column(column.name()).orElse(null);
            if (old == null) {
                addColumn(steps, column, up, down);
            } else if (!sameColumn(old, column)) {
                changeColumn(steps, old, column, up, down);
            }
        }
        // Keys over columns that go away go first: MySQL refuses to drop a column a foreign key uses.
        Map<String, ForeignKey> oldKeys = byName(current.foreignKeys(), ForeignKey::name);
        Map<String, ForeignKey> newKeys = byName(declared.foreignKeys(), ForeignKey::name);
        for (ForeignKey key : oldKeys.values()) {
            boolean overMissing = key.columns().stream().anyMatch(missingNames::contains);
            if (!key.equals(newKeys.get(key.name())) && (!overMissing || dropMissing)) {
                steps.add(new SchemaChange.DropForeignKey(table, key.name()), addKey(table, key));
            }
        }
        Map<String, IndexSpec> oldIndexes = indexesOf(current);
        Map<String, IndexSpec> newIndexes = indexesOf(declared);
        if (!dropMissing) {
            // The indexes over a kept column stay with it (the kept drop, commented out, drops them first).
            oldIndexes.values().stream().filter(i -> i.columns().stream().anyMatch(missingNames::contains))
                    .forEach(i -> steps.kept(new SchemaChange.DropIndex(table, i.name()), createIndex(table, i)));
            oldIndexes.values().removeIf(i -> i.columns().stream().anyMatch(missingNames::contains));
        }
        // Indexes are dropped before their columns and created after them: SQLite refuses to drop a
        // column an index still names, so each index is its own change, on the way up and down.
        dropIndexes(steps, table, oldIndexes, newIndexes);
        for (ColumnSpec column : missing) {
            if (dropMissing) {
                up.add(new ColumnChange.DropColumn(column.name()));
                down.add(0, restore(steps, column));
            }
        }
        if (!up.isEmpty()) {
            steps.add(new SchemaChange.AlterTable(table, up), new SchemaChange.AlterTable(table, down));
        }
        if (!dropMissing && !missing.isEmpty()) {
            List<ColumnChange> restore = new ArrayList<>();
            missing.forEach(c -> restore.add(0, restore(steps, c)));
            steps.kept(new SchemaChange.AlterTable(table, missing.stream()
                            .map(c -> (ColumnChange) new ColumnChange.DropColumn(c.name())).toList()),
                    new SchemaChange.AlterTable(table, restore));
        }
        createIndexes(steps, table, oldIndexes, newIndexes);
        for (ForeignKey key : newKeys.values()) {
            if (!key.equals(oldKeys.get(key.name()))) {
                steps.add(addKey(table, key), new SchemaChange.DropForeignKey(table, key.name()));
            }
        }
        return steps.plan();
    }

    private static void addColumn(Steps steps, ColumnSpec column, List<ColumnChange> up, List<ColumnChange> down) {
        if (column.primary() || column.autoIncrement()) {
            steps.note("column '" + column.name() + "' is a primary key column: a key is not added to an existing"
                    + " table by a generated migration; write that migration by hand");
            return;
        }
        if (!column.nullable() && !column.hasDefault()) {
            steps.note("column '" + column.name() + "' is NOT NULL without a default, so the rows already there"
                    + " would have no value: give it a defaultValue() or make it nullable(), then generate again");
            return;
        }
        up.add(new ColumnChange.AddColumn(withoutKey(column, column.nullable())));
        down.add(0, new ColumnChange.DropColumn(column.name()));
    }

    private static void changeColumn(Steps steps, ColumnSpec old, ColumnSpec column, List<ColumnChange> up,
                                     List<ColumnChange> down) {
        if (old.primary() || column.primary() || old.autoIncrement() || column.autoIncrement()) {
            steps.note("column '" + column.name() + "' is a primary key column and differs from what the migrations"
                    + " create (" + old.declaredType() + " there, " + column.declaredType() + " in the model): key"
                    + " columns are not changed by a generated migration");
            return;
        }
        up.add(new ColumnChange.ChangeColumn(column));
        down.add(0, new ColumnChange.ChangeColumn(old));
    }

    /** Adds back a dropped column; one that was NOT NULL without a default comes back nullable (rows need a value). */
    private static ColumnChange restore(Steps steps, ColumnSpec c) {
        if (c.nullable() || c.hasDefault()) {
            return new ColumnChange.AddColumn(withoutKey(c, c.nullable()));
        }
        steps.note("undoing the drop of column '" + c.name() + "' adds it back nullable: it had no default for the"
                + " rows already there");
        return new ColumnChange.AddColumn(withoutKey(c, true));
    }

    /** A column to add: without key or index flags, since its indexes are changes of their own. */
    private static ColumnSpec withoutKey(ColumnSpec c, boolean nullable) {
        return new ColumnSpec(c.name(), c.type(), c.length(), c.precision(), c.scale(), nullable, c.hasDefault(),
                c.defaultValue(), false, false, false);
    }

    private static void dropIndexes(Steps steps, String table, Map<String, IndexSpec> old, Map<String, IndexSpec> declared) {
        for (IndexSpec index : old.values()) {
            if (!index.equals(declared.get(index.name()))) {
                steps.add(new SchemaChange.DropIndex(table, index.name()), createIndex(table, index));
            }
        }
    }

    private static void createIndexes(Steps steps, String table, Map<String, IndexSpec> old, Map<String, IndexSpec> declared) {
        for (IndexSpec index : declared.values()) {
            if (!index.equals(old.get(index.name()))) {
                steps.add(createIndex(table, index), new SchemaChange.DropIndex(table, index.name()));
            }
        }
    }

    private static SchemaChange createIndex(String table, IndexSpec index) {
        return new SchemaChange.CreateIndex(table, index.name(), index.columns(), index.unique());
    }

    private static SchemaChange addKey(String table, ForeignKey key) {
        return new SchemaChange.AddForeignKey(table, key.name(), key.columns(), key.refTable(), key.refColumns(),
                key.onDelete());
    }

    /** Two columns are the same when all but their index flags agree: indexes are compared on their own. */
    static boolean sameColumn(ColumnSpec a, ColumnSpec b) {
        return a.type() == b.type() && a.length() == b.length() && a.precision() == b.precision()
                && a.scale() == b.scale() && a.nullable() == b.nullable() && a.hasDefault() == b.hasDefault()
                && java.util.Objects.equals(a.defaultValue(), b.defaultValue()) && a.primary() == b.primary();
    }

    /**
     * Every index of a table by name: those declared with it and those its columns' {@code unique()} and
     * {@code index()} flags make, under the names the SQL compiler gives them (a key column gets none).
     */
    static Map<String, IndexSpec> indexesOf(TableSpec table) {
        Map<String, IndexSpec> indexes = new LinkedHashMap<>();
        for (ColumnSpec c : table.columns()) {
            if (!c.primary() && (c.unique() || c.index())) {
                IndexSpec index = new IndexSpec(SchemaNames.index(table.name(), List.of(c.name()), c.unique()),
                        List.of(c.name()), c.unique());
                indexes.put(index.name(), index);
            }
        }
        table.indexes().forEach(i -> indexes.put(i.name(), i));
        return indexes;
    }

    private static <T> Map<String, T> byName(List<T> items, java.util.function.Function<T, String> name) {
        Map<String, T> byName = new LinkedHashMap<>();
        items.forEach(i -> byName.put(name.apply(i), i));
        return byName;
    }

    /** The changes as they are found; the undo of each is kept to be played back in reverse. */
    private static final class Steps {
        private final List<SchemaChange> up = new ArrayList<>();
        private final List<SchemaChange> down = new ArrayList<>();
        private final List<SchemaChange> kept = new ArrayList<>();
        private final List<SchemaChange> keptDown = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        void add(SchemaChange change, SchemaChange undo) {
            up.add(change);
            down.add(undo);
        }

        void kept(SchemaChange change, SchemaChange undo) {
            kept.add(change);
            keptDown.add(undo);
        }

        void note(String note) {
            notes.add(note);
        }

        Plan plan() {
            return new Plan(up, reversed(down), kept, reversed(keptDown), notes);
        }

        private static List<SchemaChange> reversed(List<SchemaChange> changes) {
            List<SchemaChange> reversed = new ArrayList<>(changes);
            Collections.reverse(reversed);
            return reversed;
        }
    }
}
