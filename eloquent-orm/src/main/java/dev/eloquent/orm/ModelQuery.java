package dev.eloquent.orm;

import dev.eloquent.api.Capability;
import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.Cursor;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.Expression;
import dev.eloquent.api.TableRef;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query builder of one model class: {@code db.query(User.class).where("age", ">=", 18).orderBy("name").limit(20).get()}.
 * Rows are models. The model's own columns (unqualified, or qualified with its table) are checked against
 * its schema as they are named and values compared with or written to them are cast to the column's type;
 * columns of joined tables are named {@code table.column} and checked for spelling only.
 */
public final class ModelQuery<M extends Model<M>> extends QueryBuilder<ModelQuery<M>, M> {
    private final ModelType<M> type;

    ModelQuery(Eloquent db, ModelType<M> type) {
        super(db, TableRef.table(type.table()));
        this.type = type;
    }

    @Override
    DatabaseConnection connection() {
        return db.connectionFor(type);
    }

    @Override
    ConnectionName connectionName() {
        return db.connectionNameOf(type);
    }

    @Override
    String keyName() {
        return type.keyName();
    }

    @Override
    List<String> keyNames() {
        return type.keyNames();
    }

    @Override
    RowReader<M> reader(List<String> columns, DatabaseConnection connection) {
        return type.reader(columns, db, connection.supports(Capability.DOCUMENTS));
    }

    @Override
    Object keyOf(M row) {
        return row.get(type.keyName());
    }

    @Override
    String describeRows() {
        return type.name() + " in " + type.table();
    }

    /** Whether the column is the model's own: unqualified, or qualified with its table's name. */
    private boolean own(Expression.Column column) {
        return column.qualifier() == null || column.qualifier().equals(type.table());
    }

    @Override
    void checkColumn(Expression.Column column) {
        if (own(column) && !column.name().equals("*")) {
            type.column(column.name());
        }
    }

    @Override
    Object bindValue(Expression.Column column, Object value) {
        return own(column) ? type.cast(column.name(), value) : value;
    }

    @Override
    Object writeValue(Expression.Column column, Object value) {
        return own(column) ? type.castForWrite(column.name(), value) : value;
    }

    /** A model's row to insert: its values under the value rules, and no NOT NULL column left without one. */
    @Override
    Map<String, Object> insertRow(Map<String, ?> row) {
        Map<String, Object> values = super.insertRow(row);
        type.checkInsert(values);
        return values;
    }

    @Override
    Object readColumn(String column, Object raw) {
        return type.read(column, raw);
    }

    @Override
    ColumnSpec declared(String column) {
        return type.spec() == null ? null : type.spec().column(column).orElse(null);
    }

    /** As {@link #insertRow}, with the timestamps filled in before the NOT NULL check (they may be NOT NULL). */
    @Override
    Map<String, Object> upsertRow(Map<String, ?> row) {
        Map<String, Object> values = super.insertRow(row);
        if (type.timestamps()) {
            LocalDateTime now = db.now();
            values.putIfAbsent(ModelType.CREATED_AT, now);
            values.putIfAbsent(ModelType.UPDATED_AT, now);
        }
        type.checkInsert(values);
        return values;
    }

    @Override
    List<String> upsertUpdates(List<String> updateColumns) {
        if (!type.timestamps() || updateColumns.contains(ModelType.UPDATED_AT)) {
            return updateColumns;
        }
        List<String> updates = new ArrayList<>(updateColumns);
        updates.add(ModelType.UPDATED_AT);
        return updates;
    }

    @Override
    void touch(Map<String, Expression> assignments) {
        if (type.timestamps() && !assignments.containsKey(ModelType.UPDATED_AT)) {
            assignments.put(ModelType.UPDATED_AT, Expression.value(db.now()));
        }
    }

    // ---- model-only reads and writes ----

    /**
     * The rows as maps in column order, for reports such as grouped aggregates ({@code select("genre_id",
     * "count(*) as tracks").groupBy("genre_id").rows()}); the model's declared columns are converted.
     */
    public List<Map<String, Object>> rows() {
        DatabaseConnection connection = connection();
        try (Cursor cursor = run(toQuery())) {
            RowReader<Map<String, Object>> reader = type.mapReader(cursor.columns(),
                    connection.supports(Capability.DOCUMENTS));
            List<Map<String, Object>> rows = new ArrayList<>();
            while (cursor.hasNext()) {
                rows.add(reader.read(cursor.next()));
            }
            return rows;
        }
    }

    /** The first model matching the attributes (and this query), or a new one made of both maps and saved. */
    public M firstOrCreate(Map<String, ?> attributes, Map<String, ?> values) {
        return matching(attributes).first().orElseGet(() -> newModel(attributes, values).save());
    }

    public M firstOrCreate(Map<String, ?> attributes) {
        return firstOrCreate(attributes, Map.of());
    }

    /** The first model matching the attributes (and this query), or a new one made of both maps, not saved. */
    public M firstOrNew(Map<String, ?> attributes, Map<String, ?> values) {
        return matching(attributes).first().orElseGet(() -> newModel(attributes, values));
    }

    public M firstOrNew(Map<String, ?> attributes) {
        return firstOrNew(attributes, Map.of());
    }

    /**
     * The first model matching the attributes with the values filled in and saved, or a new one of both
     * saved. Two statements, not atomic: use {@link #upsert} where rows may be written concurrently.
     */
    public M updateOrCreate(Map<String, ?> attributes, Map<String, ?> values) {
        Optional<M> found = matching(attributes).first();
        if (found.isPresent()) {
            return found.get().fill(values).save();
        }
        return newModel(attributes, values).save();
    }

    private ModelQuery<M> matching(Map<String, ?> attributes) {
        ModelQuery<M> query = clone();
        attributes.forEach(query::where);
        return query;
    }

    private M newModel(Map<String, ?> attributes, Map<String, ?> values) {
        M model = type.newInstance();
        model.bind(db, type);
        Map<String, Object> all = new LinkedHashMap<>(attributes);
        all.putAll(values);
        return model.fill(all);
    }
}
