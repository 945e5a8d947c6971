package dev.eloquent.orm;

import dev.eloquent.api.Blueprint;
import dev.eloquent.api.ColumnChange;
import dev.eloquent.api.ColumnDefinition;
import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.ForeignKeyDefinition;
import dev.eloquent.api.SchemaChange;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The changes to one existing table, in the manner of Laravel's {@code Schema::table}:
 * <pre>{@code
 * schema.table("tracks", t -> {
 *     t.string("composer", 120).nullable();          // adds a column
 *     t.renameColumn("name", "title");
 *     t.change().string("title", 200);               // changes a column
 *     t.index("album_id", "title");
 *     t.foreign("album_id").references("id").on("albums").onDelete("cascade");
 * });
 * }</pre>
 * The changes apply in the order they were declared; consecutive column changes form one
 * {@link SchemaChange.AlterTable}, indexes and foreign keys are changes of their own. Column
 * modifiers ({@code nullable()}, {@code defaultValue()}) may follow a declaration: columns are frozen
 * when the alteration is built, after the callback returns.
 */
public final class TableAlteration {
    private final String table;
    /** Each step yields its changes when the alteration is built. */
    private final List<Function<String, List<Object>>> steps = new ArrayList<>();

    TableAlteration(String table) {
        this.table = table;
    }

    // ---- adding columns ----

    public ColumnDefinition integer(String name) {
        return add(b -> b.integer(name));
    }

    public ColumnDefinition bigInteger(String name) {
        return add(b -> b.bigInteger(name));
    }

    public ColumnDefinition string(String name) {
        return add(b -> b.string(name));
    }

    public ColumnDefinition string(String name, int length) {
        return add(b -> b.string(name, length));
    }

    public ColumnDefinition text(String name) {
        return add(b -> b.text(name));
    }

    public ColumnDefinition bool(String name) {
        return add(b -> b.bool(name));
    }

    public ColumnDefinition decimal(String name, int precision, int scale) {
        return add(b -> b.decimal(name, precision, scale));
    }

    public ColumnDefinition doublePrecision(String name) {
        return add(b -> b.doublePrecision(name));
    }

    public ColumnDefinition json(String name) {
        return add(b -> b.json(name));
    }

    public ColumnDefinition date(String name) {
        return add(b -> b.date(name));
    }

    public ColumnDefinition timestamp(String name) {
        return add(b -> b.timestamp(name));
    }

    public ColumnDefinition timestampTz(String name) {
        return add(b -> b.timestampTz(name));
    }

    public ColumnDefinition uuid(String name) {
        return add(b -> b.uuid(name));
    }

    /** Adds nullable {@code created_at} and {@code updated_at}. */
    public void timestamps() {
        timestamp("created_at").nullable();
        timestamp("updated_at").nullable();
    }

    /** One column declared on its own blueprint, added when the alteration is built. */
    private ColumnDefinition add(Function<Blueprint, ColumnDefinition> declare) {
        Blueprint blueprint = new Blueprint();
        ColumnDefinition column = declare.apply(blueprint);
        steps.add(t -> List.of(new ColumnChange.AddColumn(only(blueprint, t))));
        return column;
    }

    // ---- changing, dropping and renaming columns ----

    /**
     * Changes existing columns: each column declared on the returned blueprint replaces the column of that
     * name (type, nullability, default): {@code t.change().string("title", 200).nullable()}.
     */
    public Blueprint change() {
        Blueprint blueprint = new Blueprint();
        steps.add(t -> {
            if (!blueprint.foreignKeys(t).isEmpty()) {
                throw new EloquentException("change() of table " + t + " declares a foreign key; use foreign() on"
                        + " the alteration");
            }
            return new ArrayList<>(blueprint.columns(t).stream().map(ColumnChange.ChangeColumn::new).toList());
        });
        return blueprint;
    }

    public void dropColumn(String... columns) {
        for (String column : columns) {
            ColumnChange drop = new ColumnChange.DropColumn(column);
            steps.add(t -> List.of(drop));
        }
    }

    public void dropTimestamps() {
        dropColumn("created_at", "updated_at");
    }

    public void renameColumn(String from, String to) {
        ColumnChange rename = new ColumnChange.RenameColumn(from, to);
        steps.add(t -> List.of(rename));
    }

    // ---- indexes ----

    /** An index over the columns, named {@code <table>_<cols>_index}. */
    public void index(String... columns) {
        indexNamed(null, false, columns);
    }

    /** A unique index over the columns, named {@code <table>_<cols>_unique}. */
    public void unique(String... columns) {
        indexNamed(null, true, columns);
    }

    /** An index with the given name (null for the default name). */
    public void indexNamed(String name, boolean unique, String... columns) {
        SchemaChange index = new SchemaChange.CreateIndex(table, name, List.of(columns), unique);
        steps.add(t -> List.of(index));
    }

    public void dropIndex(String name) {
        SchemaChange drop = new SchemaChange.DropIndex(table, name);
        steps.add(t -> List.of(drop));
    }

    /** Drops the unique index of these columns by its default name, {@code <table>_<cols>_unique}. */
    public void dropUnique(String... columns) {
        dropIndex(dev.eloquent.api.SchemaNames.index(table, List.of(columns), true));
    }

    // ---- foreign keys ----

    /** A foreign key: {@code t.foreign("album_id").references("id").on("albums").onDelete("cascade")}. */
    public ForeignKeyDefinition foreign(String... columns) {
        ForeignKeyDefinition key = new ForeignKeyDefinition(List.of(columns));
        steps.add(t -> {
            var frozen = key.toForeignKey(t);
            return List.of(new SchemaChange.AddForeignKey(t, frozen.name(), frozen.columns(), frozen.refTable(),
                    frozen.refColumns(), frozen.onDelete()));
        });
        return key;
    }

    /** Drops a foreign key by name; {@link #dropForeignOf} takes the columns of a key with the default name. */
    public void dropForeign(String name) {
        SchemaChange drop = new SchemaChange.DropForeignKey(table, name);
        steps.add(t -> List.of(drop));
    }

    public void dropForeignOf(String... columns) {
        dropForeign(dev.eloquent.api.SchemaNames.foreignKey(table, List.of(columns)));
    }

    /** The schema changes, in declaration order; consecutive column changes share one ALTER TABLE. */
    List<SchemaChange> build() {
        List<SchemaChange> changes = new ArrayList<>();
        List<ColumnChange> columns = new ArrayList<>();
        for (Function<String, List<Object>> step : steps) {
            for (Object change : step.apply(table)) {
                if (change instanceof ColumnChange column) {
                    columns.add(column);
                } else {
                    flush(changes, columns);
                    changes.add((SchemaChange) change);
                }
            }
        }
        flush(changes, columns);
        return changes;
    }

    private void flush(List<SchemaChange> changes, List<ColumnChange> columns) {
        if (!columns.isEmpty()) {
            changes.add(new SchemaChange.AlterTable(table, columns));
            columns.clear();
        }
    }

    private static ColumnSpec only(Blueprint blueprint, String table) {
        return blueprint.columns(table).get(0);
    }
}
