package dev.eloquent.orm.migration;

import dev.eloquent.api.ColumnChange;
import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.ForeignKey;
import dev.eloquent.api.IndexSpec;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.SchemaNames;
import dev.eloquent.api.TableSpec;
import dev.eloquent.orm.SchemaBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema a list of migrations produces, worked out without a database: each migration's {@code up}
 * runs on a recording schema builder and the recorded changes are folded into tables. Model-first
 * generation compares models with this, so it is offline and gives the same answer on every machine.
 * A migration that asks the database ({@code hasTable}/{@code hasColumn}) cannot be replayed and fails.
 */
public final class SchemaReplay {
    private final Map<String, TableSpec> tables = new LinkedHashMap<>();
    /** The tables known only through indexes: document collections (see {@link #collection}). */
    private final java.util.Set<String> collections = new java.util.HashSet<>();

    private SchemaReplay() {
    }

    /** The tables after every migration's {@code up}, by name, in the order they were created. */
    public static Map<String, TableSpec> replay(List<Migration> migrations) {
        SchemaReplay replay = new SchemaReplay();
        for (Migration migration : migrations) {
            SchemaBuilder recording = SchemaBuilder.recording();
            try {
                migration.up(recording);
                recording.recorded().forEach(replay::apply);
            } catch (EloquentException e) {
                throw new EloquentException("replaying migration " + migration.name() + " without a database: "
                        + e.getMessage(), e);
            }
        }
        return java.util.Collections.unmodifiableMap(replay.tables);
    }

    /** The tables after applying the changes in order to these tables. */
    public static Map<String, TableSpec> apply(Map<String, TableSpec> tables, List<SchemaChange> changes) {
        SchemaReplay replay = new SchemaReplay();
        replay.tables.putAll(tables);
        changes.forEach(replay::apply);
        return java.util.Collections.unmodifiableMap(replay.tables);
    }

    private void apply(SchemaChange change) {
        if (change instanceof SchemaChange.CreateTable create) {
            if (tables.containsKey(create.tableName()) && !create.ifNotExists()) {
                throw new EloquentException("table '" + create.tableName() + "' is created twice");
            }
            tables.putIfAbsent(create.tableName(), create.table());
        } else if (change instanceof SchemaChange.DropTable drop) {
            if (tables.remove(drop.table()) == null && !drop.ifExists()) {
                throw new EloquentException("table '" + drop.table() + "' is dropped but no earlier migration creates it");
            }
        } else if (change instanceof SchemaChange.RenameTable rename) {
            TableSpec table = existing(rename.from());
            tables.remove(rename.from());
            tables.put(rename.to(), new TableSpec(rename.to(), table.columns(), table.foreignKeys(), table.indexes()));
        } else if (change instanceof SchemaChange.AlterTable alter) {
            TableSpec table = existing(alter.table());
            for (ColumnChange columnChange : alter.changes()) {
                table = alterColumn(table, columnChange);
            }
            tables.put(alter.table(), table);
        } else if (change instanceof SchemaChange.CreateIndex index) {
            TableSpec table = tables.containsKey(index.table()) ? tables.get(index.table()) : collection(index.table());
            if (collections.contains(table.name())) {
                table = withFields(table, index.columns());
            }
            List<IndexSpec> indexes = new ArrayList<>(table.indexes());
            indexes.add(new IndexSpec(index.name(), index.columns(), index.unique()));
            tables.put(table.name(), with(table, table.columns(), table.foreignKeys(), indexes));
        } else if (change instanceof SchemaChange.DropIndex drop) {
            tables.put(drop.table(), dropIndex(existing(drop.table()), drop.name()));
        } else if (change instanceof SchemaChange.AddForeignKey key) {
            TableSpec table = existing(key.table());
            List<ForeignKey> keys = new ArrayList<>(table.foreignKeys());
            keys.add(key.foreignKey());
            tables.put(table.name(), with(table, table.columns(), keys, table.indexes()));
        } else if (change instanceof SchemaChange.DropForeignKey drop) {
            TableSpec table = existing(drop.table());
            List<ForeignKey> keys = table.foreignKeys().stream().filter(k -> !k.name().equals(drop.name())).toList();
            tables.put(table.name(), with(table, table.columns(), keys, table.indexes()));
        }
    }

    /**
     * A document collection that only indexes declare (collections are schemaless, so a migration for one
     * creates no table): known here by the indexed fields, as nullable text columns.
     */
    private TableSpec collection(String name) {
        collections.add(name);
        return new TableSpec(name, List.of(field("_id")));
    }

    private static TableSpec withFields(TableSpec collection, List<String> fields) {
        List<ColumnSpec> columns = new ArrayList<>(collection.columns());
        fields.stream().filter(f -> collection.column(f).isEmpty()).forEach(f -> columns.add(field(f)));
        return with(collection, columns, collection.foreignKeys(), collection.indexes());
    }

    private static ColumnSpec field(String name) {
        return new ColumnSpec(name, dev.eloquent.api.ColumnType.TEXT, 0, 0, 0, true, false, null, false, false, false);
    }

    private TableSpec existing(String table) {
        TableSpec spec = tables.get(table);
        if (spec == null) {
            throw new EloquentException("table '" + table + "' is changed but no earlier migration creates it");
        }
        return spec;
    }

    private static TableSpec alterColumn(TableSpec table, ColumnChange change) {
        List<ColumnSpec> columns = new ArrayList<>(table.columns());
        if (change instanceof ColumnChange.AddColumn add) {
            columns.add(add.column());
        } else if (change instanceof ColumnChange.DropColumn drop) {
            column(table, drop.name());
            columns.removeIf(c -> c.name().equals(drop.name()));
            // The databases drop the indexes and keys over a dropped column with it.
            return with(table, columns,
                    table.foreignKeys().stream().filter(k -> !k.columns().contains(drop.name())).toList(),
                    table.indexes().stream().filter(i -> !i.columns().contains(drop.name())).toList());
        } else if (change instanceof ColumnChange.RenameColumn rename) {
            ColumnSpec old = column(table, rename.from());
            columns.set(columns.indexOf(old), renamed(old, rename.to()));
            return with(table, columns,
                    table.foreignKeys().stream().map(k -> new ForeignKey(k.name(), swap(k.columns(), rename),
                            k.refTable(), k.refColumns(), k.onDelete())).toList(),
                    table.indexes().stream().map(i -> new IndexSpec(i.name(), swap(i.columns(), rename),
                            i.unique())).toList());
        } else if (change instanceof ColumnChange.ChangeColumn changed) {
            ColumnSpec old = column(table, changed.column().name());
            ColumnSpec c = changed.column();
            // A change keeps the column's index flags and key: indexes change on their own (see ChangeColumn).
            columns.set(columns.indexOf(old), new ColumnSpec(c.name(), c.type(), c.length(), c.precision(),
                    c.scale(), c.nullable(), c.hasDefault(), c.defaultValue(), old.unique(), old.index(), old.primary()));
        }
        return with(table, columns, table.foreignKeys(), table.indexes());
    }

    /** Drops an index by name: a declared one, or the index a column's unique()/index() flag made. */
    private static TableSpec dropIndex(TableSpec table, String name) {
        List<ColumnSpec> columns = table.columns().stream().map(c -> {
            boolean flagIndex = c.unique() && SchemaNames.index(table.name(), List.of(c.name()), true).equals(name)
                    || c.index() && SchemaNames.index(table.name(), List.of(c.name()), false).equals(name);
            return flagIndex ? new ColumnSpec(c.name(), c.type(), c.length(), c.precision(), c.scale(), c.nullable(),
                    c.hasDefault(), c.defaultValue(), false, false, c.primary()) : c;
        }).toList();
        return with(table, columns, table.foreignKeys(),
                table.indexes().stream().filter(i -> !i.name().equals(name)).toList());
    }

    private static ColumnSpec column(TableSpec table, String name) {
        return table.column(name).orElseThrow(() -> new EloquentException("column '" + name + "' of table '"
                + table.name() + "' is changed but the table has no such column"));
    }

    private static ColumnSpec renamed(ColumnSpec c, String name) {
        return new ColumnSpec(name, c.type(), c.length(), c.precision(), c.scale(), c.nullable(), c.hasDefault(),
                c.defaultValue(), c.unique(), c.index(), c.primary());
    }

    private static List<String> swap(List<String> columns, ColumnChange.RenameColumn rename) {
        return columns.stream().map(c -> c.equals(rename.from()) ? rename.to() : c).toList();
    }

    private static TableSpec with(TableSpec table, List<ColumnSpec> columns, List<ForeignKey> keys, List<IndexSpec> indexes) {
        return new TableSpec(table.name(), columns, keys, indexes);
    }
}
