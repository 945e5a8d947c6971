package dev.eloquent.orm;

import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.ColumnType;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Identifiers;
import dev.eloquent.api.Rows;
import dev.eloquent.api.TableSpec;
import dev.eloquent.api.Values;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the ORM knows about one registered model class, worked out once at registration: table,
 * pinned connection, declared columns, key, whether it keeps timestamps. Rows are mapped with column
 * positions resolved once per result, not per row.
 */
final class ModelType<M extends Model<M>> {
    static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";
    /** The record id of a document store; the key of a {@link MongoModel} in ObjectId mode. */
    static final String DOCUMENT_ID = "_id";

    private final Class<M> type;
    private final Supplier<M> factory;
    private final String table;
    private final String pinnedConnection;
    private final TableSpec spec;
    private final Map<String, ColumnSpec> columns;
    private final String keyName;
    private final boolean keyGenerated;
    private final boolean timestamps;
    private final boolean document;

    private ModelType(Class<M> type, Supplier<M> factory, String table, String pinnedConnection, TableSpec spec) {
        this.type = type;
        this.factory = factory;
        this.table = table;
        this.pinnedConnection = pinnedConnection;
        this.spec = spec;
        Map<String, ColumnSpec> byName = new HashMap<>();
        if (spec != null) {
            spec.columns().forEach(c -> byName.put(c.name(), c));
        }
        this.columns = Map.copyOf(byName);
        this.document = MongoModel.class.isAssignableFrom(type);
        if (document && (spec == null || spec.primaryKey().isEmpty())) {
            // ObjectId mode: no declared key, so the document's own _id (a hex string in Java) is the key.
            keyName = DOCUMENT_ID;
            keyGenerated = true;
            timestamps = spec != null && isTimestamp(byName.get(CREATED_AT)) && isTimestamp(byName.get(UPDATED_AT));
        } else if (spec == null) {
            keyName = "id";
            keyGenerated = true;
            timestamps = false;
        } else {
            List<ColumnSpec> key = spec.primaryKey();
            if (key.size() != 1) {
                throw new EloquentException(type.getSimpleName() + " needs exactly one primary key column in its"
                        + " schema (for example t.increments(\"id\")), found " + key.size());
            }
            keyName = key.get(0).name();
            keyGenerated = key.get(0).autoIncrement();
            timestamps = isTimestamp(byName.get(CREATED_AT)) && isTimestamp(byName.get(UPDATED_AT));
        }
    }

    private static boolean isTimestamp(ColumnSpec column) {
        return column != null && column.type() == ColumnType.TIMESTAMP;
    }

    static <M extends Model<M>> ModelType<M> describe(Class<M> type, Supplier<M> factory) {
        Table tableAnnotation = type.getAnnotation(Table.class);
        String table = tableAnnotation != null ? tableAnnotation.value() : defaultTableName(type.getSimpleName());
        Identifiers.check(table, "table");
        Connection pinned = type.getAnnotation(Connection.class);
        M prototype = factory.get();
        if (prototype == null || prototype.getClass() != type) {
            throw new EloquentException("the factory registered for " + type.getName() + " must create a "
                    + type.getSimpleName() + ", it created " + (prototype == null ? "null" : prototype.getClass().getName()));
        }
        Schema schema = prototype.schema();
        TableSpec spec;
        try {
            spec = schema == null ? null : schema.toTable(table);
        } catch (EloquentException e) {
            throw new EloquentException("schema of " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        return new ModelType<>(type, factory, table, pinned == null ? null : pinned.value(), spec);
    }

    /** {@code BlogPost} becomes {@code blog_posts}, {@code Category} {@code categories}, {@code Box} {@code boxes}. */
    static String defaultTableName(String className) {
        String snake = className.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        if (snake.endsWith("y") && snake.length() > 1 && "aeiou".indexOf(snake.charAt(snake.length() - 2)) < 0) {
            return snake.substring(0, snake.length() - 1) + "ies";
        }
        if (snake.endsWith("s") || snake.endsWith("x") || snake.endsWith("ch") || snake.endsWith("sh")) {
            return snake + "es";
        }
        return snake + "s";
    }

    Class<M> type() {
        return type;
    }

    String name() {
        return type.getSimpleName();
    }

    String table() {
        return table;
    }

    /** The pinned connection name, or null when the model follows the default. */
    String pinnedConnection() {
        return pinnedConnection;
    }

    TableSpec spec() {
        return spec;
    }

    String keyName() {
        return keyName;
    }

    boolean keyGenerated() {
        return keyGenerated;
    }

    boolean timestamps() {
        return timestamps;
    }

    M newInstance() {
        return factory.get();
    }

    /** The declared column, or an error listing the declared ones; null when the model declares no schema. */
    ColumnSpec column(String name) {
        if (spec == null || (name.equals(keyName) && !columns.containsKey(name))) {
            Identifiers.check(name, "column");
            return null;
        }
        ColumnSpec column = columns.get(name);
        if (column == null) {
            List<String> known = new ArrayList<>();
            spec.columns().forEach(c -> known.add(c.name()));
            throw new EloquentException(table + " has no column '" + name + "' (model " + name() + "); its columns are "
                    + String.join(", ", known));
        }
        return column;
    }

    /**
     * A value to compare a column with (a {@code where} value): converted to the column's Java type, never
     * rounded or refused for its size, so that {@code price < 100000} works on a {@code decimal(5, 2)}.
     * A value that cannot be converted fails naming the column and its declared type, not the value.
     */
    Object cast(String columnName, Object value) {
        ColumnSpec column = column(columnName);
        if (column == null || value == null || isNested(column, value)) {
            return value;
        }
        try {
            return Values.read(column.type(), column.scale(), value);
        } catch (EloquentException e) {
            throw new EloquentException(table + "." + columnName + " (" + column.declaredType() + "): " + e.getMessage());
        }
    }

    /**
     * A value to write into a column (set, insert, update, upsert), after the value rules of
     * {@link Values#write}: the same rounding, refusals and truncation on every driver.
     */
    Object castForWrite(String columnName, Object value) {
        ColumnSpec column = column(columnName);
        if (column == null || isNested(column, value)) {
            return value;
        }
        return Values.write(table, column, value);
    }

    /**
     * Refuses a row to insert that leaves a NOT NULL column without a value when the column has no default
     * and the database does not generate it: the same error on every driver, before anything is written.
     */
    void checkInsert(Map<String, ?> row) {
        if (spec == null) {
            return;
        }
        for (ColumnSpec column : spec.columns()) {
            if (!column.nullable() && !column.hasDefault() && !column.autoIncrement()
                    && row.get(column.name()) == null) {
                throw new EloquentException(table + "." + column.name() + " (" + column.declaredType() + ") is NOT NULL"
                        + " and has no default: give it a value before saving " + name());
            }
        }
    }

    /** The declared column, or null when the model declares no schema or no such column (no error). */
    ColumnSpec declared(String columnName) {
        return columns.get(columnName);
    }

    /** Whether this model class is a {@link MongoModel}, which needs a document connection. */
    boolean document() {
        return document;
    }

    /** A json column of a MongoModel holds a nested document or array as such, not as JSON text. */
    private boolean isNested(ColumnSpec column, Object value) {
        return document && column.type() == ColumnType.JSON && (value instanceof Map || value instanceof List);
    }

    private Object readStored(ColumnSpec column, Object raw) {
        try {
            return Values.read(column.type(), column.scale(), raw);
        } catch (EloquentException e) {
            throw new EloquentException("reading " + name() + " from " + table + "." + column.name() + " ("
                    + column.declaredType() + "): " + e.getMessage());
        }
    }

    /**
     * Models for the rows, bound to {@code db}; each column's spec is looked up once for the whole result.
     * From a document connection, an {@code _id} that is neither the key nor declared is the store's own
     * record id and is left out of the attributes.
     */
    List<M> hydrate(Rows rows, Eloquent db, boolean fromDocuments) {
        List<String> names = rows.columns();
        ColumnSpec[] specs = new ColumnSpec[names.size()];
        boolean[] skip = new boolean[names.size()];
        for (int i = 0; i < specs.length; i++) {
            specs[i] = columns.get(names.get(i));
            skip[i] = fromDocuments && spec != null && names.get(i).equals(DOCUMENT_ID)
                    && !keyName.equals(DOCUMENT_ID) && specs[i] == null;
        }
        List<M> models = new ArrayList<>(rows.size());
        for (Object[] values : rows.values()) {
            Map<String, Object> attributes = new LinkedHashMap<>(specs.length * 2);
            for (int i = 0; i < specs.length; i++) {
                if (skip[i]) {
                    continue;
                }
                ColumnSpec column = specs[i];
                Object raw = values[i];
                attributes.put(names.get(i), column == null || raw == null || isNested(column, raw) ? raw
                        : readStored(column, raw));
            }
            M model = newInstance();
            model.loaded(db, this, attributes);
            models.add(model);
        }
        return models;
    }
}
