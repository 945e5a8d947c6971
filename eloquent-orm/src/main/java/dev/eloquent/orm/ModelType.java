package dev.eloquent.orm;

import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.ColumnType;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Identifiers;
import dev.eloquent.api.Query;
import dev.eloquent.api.TableSpec;
import dev.eloquent.api.Values;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
    /** The key of a {@link MongoModel} in ObjectId mode: the document store's own record id. */
    static final String DOCUMENT_ID = "_id";

    private final Class<M> type;
    private final Supplier<M> factory;
    private final String table;
    private final String pinnedConnection;
    private final TableSpec spec;
    private final Map<String, ColumnSpec> columns;
    private final List<String> keyNames;
    /** What "every column" of this model's rows is; null without a schema (then it is every column stored). */
    private final RowSelection rowSelection;
    private final boolean keyGenerated;
    private final boolean timestamps;
    /** The timestamp columns this model keeps, each null when it keeps none (see {@link Model#usesTimestamps()}). */
    private final String createdAt;
    private final String updatedAt;
    private MassAssignment massAssignment = MassAssignment.OPEN;
    private final boolean document;
    private final RelationMethods relations;
    /** Global scopes and soft deletes (issue 11); set once by {@link #describe}, which has the prototype. */
    private ModelScopes<M> scopes;
    /** Casts, hidden/visible and appends (issue 11), read once by {@link #describe}; casts keyed by {@link #bindCasts}. */
    private ModelCasts casts = ModelCasts.NONE;
    private ModelSerialization<M> serialization;
    /** Whether the model's connection stores documents, asked once when a json value is first written. */
    private java.util.function.BooleanSupplier documentProbe;
    private volatile Boolean storesDocuments;

    private ModelType(Class<M> type, Supplier<M> factory, String table, String pinnedConnection, TableSpec spec,
                      M declarations) {
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
        this.relations = new RelationMethods(type);
        if (document && (spec == null || spec.primaryKey().isEmpty())) {
            // ObjectId mode: no declared key, so the document's own _id (a hex string in Java) is the key.
            keyNames = List.of(DOCUMENT_ID);
            keyGenerated = true;
        } else if (spec == null) {
            keyNames = List.of("id");
            keyGenerated = true;
        } else {
            List<ColumnSpec> key = spec.primaryKey();
            if (key.isEmpty()) {
                throw new EloquentException(type.getSimpleName() + " needs a primary key in its schema (for example"
                        + " t.increments(\"id\"), or t.primary(\"a\", \"b\") for a pivot table)");
            }
            keyNames = key.stream().map(ColumnSpec::name).toList();
            keyGenerated = key.size() == 1 && key.get(0).autoIncrement();
        }
        this.rowSelection = spec == null ? null : RowSelection.declared(keyNames, spec);
        // A timestamp column is kept when the model uses timestamps and declares it as a timestamp; an
        // undeclared model keeps none, as before the columns could be renamed.
        boolean uses = spec != null && declarations.usesTimestamps();
        String created = uses ? declarations.createdAtColumn() : null;
        String updated = uses ? declarations.updatedAtColumn() : null;
        this.createdAt = created != null && isTimestamp(byName.get(created)) ? created : null;
        this.updatedAt = updated != null && isTimestamp(byName.get(updated)) ? updated : null;
        this.timestamps = createdAt != null || updatedAt != null;
    }

    /** A read of this model's rows as sent to the connection: see {@link RowSelection#of(Query)}. */
    Query rowsOf(Query query) {
        return rowSelection == null ? query : rowSelection.of(query);
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
        ModelType<M> described = new ModelType<>(type, factory, table, pinned == null ? null : pinned.value(), spec,
                prototype);
        described.massAssignment = MassAssignment.of(described, prototype.fillable(), prototype.guarded());
        described.scopes = new ModelScopes<>(described, prototype);
        described.casts = ModelCasts.of(described, prototype.casts());
        described.serialization = ModelSerialization.of(described, prototype);
        return described;
    }

    /** The default table of a model class: {@link ModelNames#table}. */
    static String defaultTableName(String className) {
        return ModelNames.table(className);
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

    /**
     * The primary key column. A model with a composite key (a pivot table) has none: it saves, updates,
     * deletes and refreshes by all its key columns, but {@code find(key)} and chunking by key refuse it.
     */
    String keyName() {
        if (keyNames.size() > 1) {
            throw new EloquentException(name() + " has a composite primary key (" + String.join(", ", keyNames)
                    + "): find by one key and chunking by key are not supported; use where(...) on each key column");
        }
        return keyNames.get(0);
    }

    /** Every primary key column, in declaration order. */
    List<String> keyNames() {
        return keyNames;
    }

    boolean keyGenerated() {
        return keyGenerated;
    }

    /** The relations the class declares, found the first time one is named. */
    RelationMethods relations() {
        return relations;
    }

    /** Whether the model keeps a created or an updated timestamp. */
    boolean timestamps() {
        return timestamps;
    }

    /** The column of the creation time, or null when the model keeps none. */
    String createdAt() {
        return createdAt;
    }

    /** The column of the last update time, or null when the model keeps none. */
    String updatedAt() {
        return updatedAt;
    }

    MassAssignment massAssignment() {
        return massAssignment;
    }

    /** The model's global scopes and soft-delete column. */
    ModelScopes<M> scopes() {
        return scopes;
    }

    ModelCasts casts() {
        return casts;
    }

    ModelSerialization<M> serialization() {
        return serialization;
    }

    /** Keys the encrypted casts from the environment, and tells how to find whether the connection stores documents. */
    void bind(dev.eloquent.api.Env env, java.util.function.BooleanSupplier documentProbe) {
        this.casts = casts.bind(env);
        this.documentProbe = documentProbe;
    }

    /** Whether json values are written as nested documents (a document store) rather than JSON text. */
    private boolean storesDocuments() {
        Boolean known = storesDocuments;
        if (known == null) {
            known = documentProbe == null ? document : documentProbe.getAsBoolean();
            storesDocuments = known;
        }
        return known;
    }

    M newInstance() {
        return factory.get();
    }

    /** The declared column, or an error listing the declared ones; null when the model declares no schema. */
    ColumnSpec column(String name) {
        if (spec == null || (keyNames.contains(name) && !columns.containsKey(name))) {
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
        value = applyCast(columnName, column, value, true);
        if (column == null || value == null) {
            return value;
        }
        if (value instanceof Map || value instanceof List) {
            value = jsonForWrite(column, value);
            if (!(value instanceof String)) {
                return value;
            }
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
        value = applyCast(columnName, column, value, false);
        if (column == null) {
            return value;
        }
        if (value instanceof Map || value instanceof List) {
            value = jsonForWrite(column, value);
            if (!(value instanceof String)) {
                return value;
            }
        }
        return Values.write(table, column, value);
    }

    /**
     * The stored form of a value of a cast column. Where the column's value rules would refuse a cast's
     * natural output, it is fitted: a date or time into a text column as ISO-8601 text (UTC, as
     * {@link Serialization} prints it, so it sorts), a boolean into an integer column as 1 or 0.
     */
    private Object applyCast(String columnName, ColumnSpec column, Object value, boolean whereValue) {
        if (casts.cast(columnName) == null) {
            return value;
        }
        Object stored = casts.set(columnName, value, whereValue);
        if (column == null || stored == null) {
            return stored;
        }
        boolean text = column.type() == ColumnType.STRING || column.type() == ColumnType.TEXT;
        boolean integer = column.type() == ColumnType.INTEGER || column.type() == ColumnType.BIG_INTEGER;
        if (text && stored instanceof java.time.temporal.TemporalAccessor) {
            return Serialization.plain(stored);
        }
        if (integer && stored instanceof Boolean flag) {
            return flag ? 1 : 0;
        }
        return stored;
    }

    /**
     * The one rule for a Map or List written to a column: a json column of a document store keeps it as a
     * nested document or array; anywhere else it is stored as its JSON text (which the column's value
     * rules then check). Reading gives back the same: the document, or the text, which a json cast parses.
     */
    private Object jsonForWrite(ColumnSpec column, Object value) {
        if (column.type() == ColumnType.JSON && storesDocuments()) {
            return value;
        }
        try {
            return Json.print(value);
        } catch (EloquentException e) {
            throw new EloquentException(table + "." + column.name() + " (" + column.declaredType() + "): " + e.getMessage());
        }
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

    /** A json column read from a document store holds a nested document or array as such, not as JSON text. */
    private static boolean isNested(ColumnSpec column, Object value) {
        return column.type() == ColumnType.JSON && (value instanceof Map || value instanceof List);
    }

    private Object readStored(ColumnSpec column, Object raw) {
        try {
            return Values.read(column.type(), column.scale(), raw);
        } catch (EloquentException e) {
            throw new EloquentException("reading " + name() + " from " + table + "." + column.name() + " ("
                    + column.declaredType() + "): " + e.getMessage());
        }
    }

    /** A value read from the database for this column, in the column's Java type when it is declared. */
    Object read(String columnName, Object raw) {
        ColumnSpec column = columnName == null ? null : columns.get(columnName);
        return column == null || raw == null || isNested(column, raw) ? raw : readStored(column, raw);
    }

    /**
     * A reader of a result's rows: each column's spec is looked up once for the whole result, then each
     * row's values are converted into the map given. Every column of the result becomes an attribute:
     * what a row holds is decided by the selection ({@link #rowsOf}), not by asking where it came from.
     */
    AttributeReader attributeReader(List<String> names) {
        int width = names.size();
        ColumnSpec[] specs = new ColumnSpec[width];
        for (int i = 0; i < width; i++) {
            specs[i] = columns.get(names.get(i));
        }
        String[] keys = names.toArray(new String[0]);
        return (values, attributes) -> {
            for (int i = 0; i < width; i++) {
                ColumnSpec column = specs[i];
                Object raw = values[i];
                attributes.put(keys[i], column == null || raw == null || isNested(column, raw) ? raw
                        : readStored(column, raw));
            }
        };
    }

    /** Converts one row's values into attributes. */
    @FunctionalInterface
    interface AttributeReader {
        void read(Object[] values, Map<String, Object> into);
    }

    /** A reader of a result's rows as models bound to {@code db}: one attribute map per row, the model's own. */
    RowReader<M> reader(List<String> names, Eloquent db) {
        AttributeReader attributes = attributeReader(names);
        // Asked once per result, so that reading costs nothing per row when nobody listens.
        if (db.events().listens(type, ModelEvent.RETRIEVED)) {
            return values -> {
                M model = newInstance();
                attributes.read(values, model.loadingAttributes());
                model.loaded(db, this);
                db.events().dispatch(model, ModelEvent.RETRIEVED);
                return model;
            };
        }
        return values -> {
            M model = newInstance();
            attributes.read(values, model.loadingAttributes());
            model.loaded(db, this);
            return model;
        };
    }

    /** A reader of a result's rows as maps in column order, values converted as for models. */
    RowReader<Map<String, Object>> mapReader(List<String> names) {
        AttributeReader attributes = attributeReader(names);
        int capacity = names.size() * 2;
        return values -> {
            Map<String, Object> row = new LinkedHashMap<>(capacity);
            attributes.read(values, row);
            return row;
        };
    }
}
