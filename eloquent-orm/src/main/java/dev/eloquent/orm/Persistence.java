package dev.eloquent.orm;

import dev.eloquent.api.Capabilities;
import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Query;
import dev.eloquent.api.Write;
import dev.eloquent.api.WriteResult;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one model is written: insert with its defaults, timestamps and generated key; update of the changed
 * attributes only; delete; an atomic increment. Rows are found by the key as stored (every column of a
 * composite key), so a changed key still updates the right row.
 */
final class Persistence {
    private final Eloquent db;

    Persistence(Eloquent db) {
        this.db = db;
    }

    /**
     * Saves with the events around the write (saving, creating or updating, the write, created or updated,
     * saved); false when a listener cancelled, nothing written then.
     */
    <M extends Model<M>> boolean save(M model) {
        ModelType<M> type = model.type();
        DatabaseConnection connection = db.connectionFor(type);
        ModelEvents events = db.events();
        if (!events.dispatch(model, ModelEvent.SAVING)) {
            return false;
        }
        if (!model.exists()) {
            if (!events.dispatch(model, ModelEvent.CREATING)) {
                return false;
            }
            insert(model, type, connection);
            model.bind(db, type);
            events.dispatch(model, ModelEvent.CREATED);
        } else if (model.isDirty()) {
            if (!events.dispatch(model, ModelEvent.UPDATING)) {
                return false;
            }
            update(model, type, connection);
            model.bind(db, type);
            events.dispatch(model, ModelEvent.UPDATED);
        }
        model.bind(db, type);
        events.dispatch(model, ModelEvent.SAVED);
        return true;
    }

    private <M extends Model<M>> void insert(M model, ModelType<M> type, DatabaseConnection connection) {
        insertAll(List.of(model), type, connection);
    }

    /**
     * Inserts new models of one type: consecutive models with the same columns go in one insert (which the
     * driver splits at its parameter limit), each gets its defaults, timestamps and generated key as a
     * single save does. Models already stored are saved one by one.
     */
    <M extends Model<M>> void saveMany(List<M> models) {
        if (models.isEmpty()) {
            return;
        }
        ModelType<M> type = models.get(0).type();
        DatabaseConnection connection = db.connectionFor(type);
        List<M> fresh = new ArrayList<>();
        ModelEvents events = db.events();
        for (M model : models) {
            if (model.type() != type) {
                throw new EloquentException("saveMany takes models of one class: " + type.name() + " and "
                        + model.getClass().getSimpleName() + " were given together");
            }
            if (model.exists()) {
                save(model);
            } else if (events.dispatch(model, ModelEvent.SAVING) && events.dispatch(model, ModelEvent.CREATING)) {
                fresh.add(model); // a model whose listener cancelled is left out, unsaved
            }
        }
        insertAll(fresh, type, connection);
        fresh.forEach(model -> model.bind(db, type));
        for (M model : fresh) {
            events.dispatch(model, ModelEvent.CREATED);
            events.dispatch(model, ModelEvent.SAVED);
        }
    }

    private <M extends Model<M>> void insertAll(List<M> models, ModelType<M> type, DatabaseConnection connection) {
        List<M> run = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (M model : models) {
            Map<String, Object> values = insertValues(model, type, connection);
            if (!rows.isEmpty() && !rows.get(0).keySet().equals(values.keySet())) {
                insertRun(run, rows, type, connection);
                run = new ArrayList<>();
                rows = new ArrayList<>();
            }
            run.add(model);
            rows.add(values);
        }
        if (!rows.isEmpty()) {
            insertRun(run, rows, type, connection);
        }
    }

    /** The model's attributes as inserted: defaults and timestamps filled in, checked; a key still to generate left out. */
    private <M extends Model<M>> Map<String, Object> insertValues(M model, ModelType<M> type, DatabaseConnection connection) {
        Map<String, Object> attributes = model.mutableAttributes();
        if (type.spec() != null) {
            for (ColumnSpec column : type.spec().columns()) {
                if (column.hasDefault() && !attributes.containsKey(column.name())) {
                    attributes.put(column.name(), column.defaultValue());
                }
            }
        }
        if (type.timestamps()) {
            LocalDateTime now = db.now();
            if (type.createdAt() != null) {
                attributes.putIfAbsent(type.createdAt(), now);
            }
            if (type.updatedAt() != null) {
                attributes.putIfAbsent(type.updatedAt(), now);
            }
        }
        ChronoUnit precision = connection.timestampPrecision();
        attributes.replaceAll((column, value) -> stored(precision, value));
        Map<String, Object> values = new LinkedHashMap<>(attributes);
        type.checkInsert(values);
        if (type.keyGenerated() && values.get(type.keyName()) == null) {
            values.remove(type.keyName());
        }
        return values;
    }

    /** One insert of models whose rows have the same columns; generated keys are read back in row order. */
    private <M extends Model<M>> void insertRun(List<M> models, List<Map<String, Object>> rows, ModelType<M> type,
                                                DatabaseConnection connection) {
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        String generatedKey = type.keyGenerated() && !columns.contains(type.keyName()) ? type.keyName() : null;
        List<List<Object>> values = new ArrayList<>(rows.size());
        rows.forEach(row -> values.add(new ArrayList<>(row.values())));
        WriteResult result = write(connection, new Write.Insert(type.table(), columns, values, generatedKey));
        if (generatedKey != null && result.generatedKeys().size() != models.size()) {
            throw new EloquentException("connection '" + connection.name() + "' generated "
                    + (result.generatedKeys().isEmpty() ? "no key" : result.generatedKeys().size() + " keys for "
                    + models.size() + " rows") + " for " + type.table() + "." + generatedKey);
        }
        for (int i = 0; i < models.size(); i++) {
            M model = models.get(i);
            if (generatedKey != null) {
                Object generated = result.generatedKeys().get(i);
                if (generated == null) {
                    throw new EloquentException("connection '" + connection.name() + "' generated no key for "
                            + type.table() + "." + generatedKey);
                }
                model.mutableAttributes().put(generatedKey, type.cast(generatedKey, generated));
            }
            model.syncOriginal();
            model.syncChanges(Map.of());
            model.markExists(true);
        }
    }

    private <M extends Model<M>> void update(M model, ModelType<M> type, DatabaseConnection connection) {
        Map<String, Object> dirty = model.getDirty();
        if (dirty.isEmpty()) {
            return;
        }
        if (type.updatedAt() != null && !dirty.containsKey(type.updatedAt())) {
            dirty.put(type.updatedAt(), db.now());
        }
        ChronoUnit precision = connection.timestampPrecision();
        dirty.replaceAll((column, value) -> stored(precision, value));
        model.mutableAttributes().putAll(dirty);
        List<Write.Assignment> assignments = new ArrayList<>();
        dirty.forEach((column, value) -> assignments.add(new Write.Assignment(column, Expression.value(value))));
        long updated = write(connection, new Write.Update(keyQuery(type, model.originalKey()), assignments)).affected();
        if (updated == 0) {
            throw goneMissing("saving", type);
        }
        model.syncOriginal();
        model.syncChanges(dirty);
    }

    <M extends Model<M>> boolean delete(M model) {
        return delete(model, false);
    }

    /**
     * Deletes the model's row; a soft-deleting model's row is only marked (deleting, trashed, deleted), unless
     * {@code force}: then, as Laravel's SoftDeletes, forceDeleting, deleting, the delete, deleted, forceDeleted.
     */
    <M extends Model<M>> boolean delete(M model, boolean force) {
        if (!model.exists()) {
            return false;
        }
        ModelType<M> type = model.type();
        boolean forcing = force && type.scopes().softDeletes();
        if (forcing && !db.events().dispatch(model, ModelEvent.FORCE_DELETING)) {
            return false;
        }
        if (!db.events().dispatch(model, ModelEvent.DELETING)) {
            return false;
        }
        if (!force && type.scopes().softDeletes()) {
            boolean trashed = SoftDeletion.delete(db, model);
            db.events().dispatch(model, ModelEvent.TRASHED);
            db.events().dispatch(model, ModelEvent.DELETED);
            return trashed;
        }
        long deleted = write(db.connectionFor(type), new Write.Delete(keyQuery(type, model.originalKey()))).affected();
        model.markExists(false);
        db.events().dispatch(model, ModelEvent.DELETED);
        if (forcing && deleted > 0) {
            db.events().dispatch(model, ModelEvent.FORCE_DELETED);
        }
        return deleted > 0;
    }

    /**
     * {@code col = col + amount} on the model's row in one statement, then the same addition in memory;
     * the column (and {@code updated_at}) is recorded as stored, other changes stay dirty.
     */
    <M extends Model<M>> void increment(M model, String column, Number amount, boolean subtract) {
        ModelType<M> type = model.type();
        if (!model.exists()) {
            throw new EloquentException("cannot " + (subtract ? "decrement" : "increment") + " " + column + " of a "
                    + type.name() + " that was never saved");
        }
        ModelQuery<M> query = new ModelQuery<>(db, type);
        Expression.Column target = query.writable(column);
        Number delta = query.amount(target, amount);
        List<Write.Assignment> assignments = new ArrayList<>();
        assignments.add(new Write.Assignment(column, Aggregates.increment(target, delta, subtract)));
        DatabaseConnection connection = db.connectionFor(type);
        String updatedAt = type.updatedAt();
        LocalDateTime now = updatedAt != null ? (LocalDateTime) stored(connection.timestampPrecision(), db.now()) : null;
        if (now != null && !column.equals(updatedAt)) {
            assignments.add(new Write.Assignment(updatedAt, Expression.value(now)));
        }
        long updated = write(connection, new Write.Update(keyQuery(type, model.originalKey()), assignments)).affected();
        if (updated == 0) {
            throw goneMissing(subtract ? "decrementing" : "incrementing", type);
        }
        Map<String, Object> attributes = model.mutableAttributes();
        Object current = attributes.get(column);
        attributes.put(column, current == null ? null : type.cast(column, Aggregates.add(current, delta, subtract)));
        model.syncOriginal(column);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(column, attributes.get(column));
        if (now != null) {
            attributes.put(updatedAt, now);
            model.syncOriginal(updatedAt);
            changes.put(updatedAt, now);
        }
        model.syncChanges(changes);
    }

    /**
     * Sets the updated timestamp of a stored model, alone, in one statement; no event fires (it is not a
     * save of the model's changes, which stay unsaved). False when the model keeps no updated timestamp.
     */
    <M extends Model<M>> boolean touch(M model) {
        ModelType<M> type = model.type();
        String updatedAt = type.updatedAt();
        if (updatedAt == null) {
            return false;
        }
        if (!model.exists()) {
            throw new EloquentException("cannot touch a " + type.name() + " that was never saved");
        }
        DatabaseConnection connection = db.connectionFor(type);
        LocalDateTime now = (LocalDateTime) stored(connection.timestampPrecision(), db.now());
        long updated = write(connection, new Write.Update(keyQuery(type, model.originalKey()),
                List.of(new Write.Assignment(updatedAt, Expression.value(now))))).affected();
        if (updated == 0) {
            throw goneMissing("touching", type);
        }
        model.mutableAttributes().put(updatedAt, now);
        model.syncOriginal(updatedAt);
        model.syncChanges(Map.of(updatedAt, now));
        return true;
    }

    /**
     * A timestamp as the connection stores it (MongoDB keeps milliseconds, SQL microseconds, which the value
     * rules already applied), so that a model holds after a write exactly what a read returns.
     */
    static Object stored(ChronoUnit precision, Object value) {
        if (value instanceof LocalDateTime time) {
            return time.truncatedTo(precision);
        }
        if (value instanceof OffsetDateTime time) {
            return time.truncatedTo(precision);
        }
        return value;
    }

    static EloquentException goneMissing(String action, ModelType<?> type) {
        return new EloquentException(action + " a " + type.name() + " updated no row in " + type.table()
                + ": it was deleted by someone else (or its key changed)");
    }

    static Query keyQuery(ModelType<?> type, Map<String, Object> key) {
        Query query = Query.from(type.table());
        for (Map.Entry<String, Object> column : key.entrySet()) {
            if (column.getValue() == null) {
                throw new EloquentException(type.name() + " has no value for its key column " + column.getKey());
            }
            query = query.whereEquals(column.getKey(), column.getValue());
        }
        return query;
    }

    /** Every write of a model passes the same capability walk as the builder's. */
    static WriteResult write(DatabaseConnection connection, Write write) {
        Capabilities.check(connection, Capabilities.required(write));
        return connection.write(write);
    }
}
