package dev.eloquent.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Declares a table's columns, in the manner of Laravel's schema builder:
 * <pre>{@code t.increments("id"); t.string("name", 120).unique(); t.decimal("price", 10, 2).defaultValue("0.00"); t.timestamps();}</pre>
 * {@link #build(String)} validates the whole declaration and returns an immutable {@link TableSpec}.
 */
public final class Blueprint {
    public static final int DEFAULT_STRING_LENGTH = 255;
    private final List<ColumnDefinition> columns = new ArrayList<>();
    private final List<String> primaryKey = new ArrayList<>();
    private final List<ForeignKeyDefinition> foreignKeys = new ArrayList<>();
    private final List<DeclaredIndex> indexes = new ArrayList<>();

    /** An index as declared: its name is null until the table's name gives the default. */
    private record DeclaredIndex(String name, boolean unique, List<String> columns) {
    }

    public ColumnDefinition increments(String name) {
        return add(name, ColumnType.INCREMENTS).primary();
    }

    public ColumnDefinition bigIncrements(String name) {
        return add(name, ColumnType.BIG_INCREMENTS).primary();
    }

    public ColumnDefinition integer(String name) {
        return add(name, ColumnType.INTEGER);
    }

    public ColumnDefinition bigInteger(String name) {
        return add(name, ColumnType.BIG_INTEGER);
    }

    public ColumnDefinition string(String name) {
        return string(name, DEFAULT_STRING_LENGTH);
    }

    public ColumnDefinition string(String name, int length) {
        if (length < 1 || length > 16_383) {
            throw new EloquentException("string column '" + name + "' needs a length from 1 to 16383, got " + length
                    + "; use text() for longer values");
        }
        return add(name, ColumnType.STRING).sized(length, 0, 0);
    }

    public ColumnDefinition text(String name) {
        return add(name, ColumnType.TEXT);
    }

    /** A boolean column ({@code boolean} is a Java keyword). */
    public ColumnDefinition bool(String name) {
        return add(name, ColumnType.BOOLEAN);
    }

    public ColumnDefinition decimal(String name, int precision, int scale) {
        if (precision < 1 || precision > 65 || scale < 0 || scale > precision) {
            throw new EloquentException("decimal column '" + name + "' needs 1 <= precision <= 65 and"
                    + " 0 <= scale <= precision, got (" + precision + ", " + scale + ")");
        }
        return add(name, ColumnType.DECIMAL).sized(0, precision, scale);
    }

    /** A double-precision floating point column ({@code double} is a Java keyword). */
    public ColumnDefinition doublePrecision(String name) {
        return add(name, ColumnType.DOUBLE);
    }

    public ColumnDefinition json(String name) {
        return add(name, ColumnType.JSON);
    }

    public ColumnDefinition date(String name) {
        return add(name, ColumnType.DATE);
    }

    public ColumnDefinition timestamp(String name) {
        return add(name, ColumnType.TIMESTAMP);
    }

    /** An instant with time zone; it reads as an {@link java.time.OffsetDateTime} in UTC (see {@link ColumnType#TIMESTAMP_TZ}). */
    public ColumnDefinition timestampTz(String name) {
        return add(name, ColumnType.TIMESTAMP_TZ);
    }

    public ColumnDefinition uuid(String name) {
        return add(name, ColumnType.UUID);
    }

    /** Nullable {@code created_at} and {@code updated_at}, which models fill in on save. */
    public void timestamps() {
        timestamp("created_at").nullable();
        timestamp("updated_at").nullable();
    }

    /**
     * A primary key of these columns, such as a pivot table's {@code t.primary("playlist_id", "track_id")}.
     * The columns may be declared before or after this call; {@link #build} checks that they exist.
     */
    public void primary(String... columns) {
        if (columns.length == 0) {
            throw new EloquentException("primary() needs at least one column");
        }
        if (!primaryKey.isEmpty()) {
            throw new EloquentException("primary() may be called once per table; pass every key column at once");
        }
        for (String column : columns) {
            if (primaryKey.contains(Identifiers.check(column, "column"))) {
                throw new EloquentException("primary() names column '" + column + "' twice");
            }
            primaryKey.add(column);
        }
    }

    /** A foreign key of these columns: {@code t.foreign("artist_id").references("id").on("artists").onDelete("cascade")}. */
    public ForeignKeyDefinition foreign(String... columns) {
        ForeignKeyDefinition key = new ForeignKeyDefinition(SchemaNames.checkColumns(List.of(columns), "foreign()"));
        foreignKeys.add(key);
        return key;
    }

    /** An index over these columns, in order, named {@code <table>_<cols>_index}: {@code t.index("album_id", "name")}. */
    public void index(String... columns) {
        indexNamed(null, false, columns);
    }

    /** A unique index over these columns, named {@code <table>_<cols>_unique}: {@code t.unique("first", "last")}. */
    public void unique(String... columns) {
        indexNamed(null, true, columns);
    }

    /** An index with its own name (null for the default name). */
    public void indexNamed(String name, boolean unique, String... columns) {
        indexes.add(new DeclaredIndex(name, unique, SchemaNames.checkColumns(List.of(columns), "index")));
    }

    /** The indexes over given columns declared so far, named for {@code table}. */
    public List<IndexSpec> indexes(String table) {
        return indexes.stream().map(i -> new IndexSpec(i.name() != null ? i.name()
                : SchemaNames.index(table, i.columns(), i.unique()), i.columns(), i.unique())).toList();
    }

    /** The columns declared so far, frozen for {@code table} (used by the schema builder's alterations). */
    public List<ColumnSpec> columns(String table) {
        List<ColumnSpec> specs = new ArrayList<>();
        columns.forEach(c -> specs.add(c.toSpec(table)));
        return specs;
    }

    /** The foreign keys declared so far, frozen for {@code table}. */
    public List<ForeignKey> foreignKeys(String table) {
        return foreignKeys.stream().map(k -> k.toForeignKey(table)).toList();
    }

    private ColumnDefinition add(String name, ColumnType type) {
        ColumnDefinition column = new ColumnDefinition(Identifiers.check(name, "column"), type);
        columns.add(column);
        return column;
    }

    /** Validates the declaration as a whole and freezes it. */
    public TableSpec build(String table) {
        Identifiers.check(table, "table");
        for (String key : primaryKey) {
            ColumnDefinition column = columns.stream().filter(c -> c.name().equals(key)).findFirst()
                    .orElseThrow(() -> new EloquentException("table '" + table + "' declares primary key column '" + key
                            + "' but no such column"));
            column.primary();
        }
        Set<String> seen = new HashSet<>();
        List<ColumnSpec> specs = new ArrayList<>();
        for (ColumnDefinition column : columns) {
            if (!seen.add(column.name())) {
                throw new EloquentException("table '" + table + "' declares column '" + column.name() + "' twice");
            }
            specs.add(column.toSpec(table));
        }
        long autoIncrements = specs.stream().filter(ColumnSpec::autoIncrement).count();
        long primaries = specs.stream().filter(ColumnSpec::primary).count();
        if (autoIncrements > 1) {
            throw new EloquentException("table '" + table + "' declares more than one increments column");
        }
        if (autoIncrements == 1 && primaries > 1) {
            throw new EloquentException("table '" + table + "' combines an increments column with another primary"
                    + " key column; an increments column is the whole primary key");
        }
        return new TableSpec(table, specs, foreignKeys(table), indexes(table));
    }
}
