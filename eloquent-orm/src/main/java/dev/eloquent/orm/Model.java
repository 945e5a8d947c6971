package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Values;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An active record: attributes by column name, typed getters, and save/delete that write only what
 * changed. Subclass {@link SqlModel} (or, with a Mongo driver, {@code MongoModel}) and register the
 * class with a constructor reference. A model loaded or created through an {@link Eloquent} stays bound
 * to it; a model made with {@code new} uses the one booted last ({@link Eloquent#current()}).
 *
 * @param <M> the model class itself, so that chained setters return it
 */
public abstract class Model<M extends Model<M>> {
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    /** The stored state; null while it equals {@link #attributes}, so a loaded model holds one map until changed. */
    private Map<String, Object> original = Map.of();
    private boolean exists;
    private Eloquent db;
    private ModelType<M> type;

    /** The declared columns; null means undeclared (no casts, no column checks). Called once, at registration. */
    public Schema schema() {
        return null;
    }

    /** The empty attribute map a reader fills from a row, before {@link #loaded}. */
    final Map<String, Object> loadingAttributes() {
        attributes.clear();
        return attributes;
    }

    /** Called after hydration from a row: the attributes are the stored state. */
    final void loaded(Eloquent db, ModelType<M> type) {
        this.db = db;
        this.type = type;
        original = null;
        exists = true;
    }

    final void bind(Eloquent db, ModelType<M> type) {
        this.db = db;
        this.type = type;
    }

    final void syncOriginal() {
        original = new LinkedHashMap<>(attributes);
    }

    /** Records a column's current value as stored, after a write of that column alone (an atomic increment). */
    final void syncOriginal(String column) {
        beforeChange();
        original.put(column, attributes.get(column));
    }

    /** Gives the stored state its own map before the attributes change. */
    private void beforeChange() {
        if (original == null) {
            original = new LinkedHashMap<>(attributes);
        }
    }

    private Map<String, Object> original() {
        return original == null ? attributes : original;
    }

    final void markExists(boolean exists) {
        this.exists = exists;
    }

    /** The instance this model belongs to: the one that loaded it, else the last booted. */
    final Eloquent db() {
        if (db == null) {
            db = Eloquent.current();
        }
        return db;
    }

    final ModelType<M> type() {
        if (type == null) {
            type = db().typeOf(selfClass());
        }
        return type;
    }

    @SuppressWarnings("unchecked")
    private Class<M> selfClass() {
        return (Class<M>) getClass();
    }

    @SuppressWarnings("unchecked")
    final M self() {
        return (M) this;
    }

    // ---- attributes ----

    /** Sets an attribute, converted to its column's type; an undeclared column or a value that does not fit fails here. */
    public M set(String column, Object value) {
        Object cast = type().cast(column, value);
        beforeChange();
        attributes.put(column, cast);
        return self();
    }

    public M fill(Map<String, ?> values) {
        values.forEach(this::set);
        return self();
    }

    public Object get(String column) {
        return attributes.get(column);
    }

    public boolean has(String column) {
        return attributes.containsKey(column);
    }

    public String getString(String column) {
        return Values.toText(get(column));
    }

    public Integer getInteger(String column) {
        return Values.toInteger(get(column));
    }

    public Long getLong(String column) {
        return Values.toLong(get(column));
    }

    public Boolean getBoolean(String column) {
        return Values.toBoolean(get(column));
    }

    public BigDecimal getDecimal(String column) {
        return Values.toBigDecimal(get(column));
    }

    public Double getDouble(String column) {
        return Values.toDouble(get(column));
    }

    public LocalDate getDate(String column) {
        return Values.toLocalDate(get(column));
    }

    public LocalDateTime getTimestamp(String column) {
        return Values.toLocalDateTime(get(column));
    }

    public UUID getUuid(String column) {
        return Values.toUuid(get(column));
    }

    /**
     * The primary key's value, or null before the first save of a generated key. A model with a composite
     * key returns a map of its key columns to their values.
     */
    public Object getKey() {
        List<String> keys = type().keyNames();
        if (keys.size() == 1) {
            return get(keys.get(0));
        }
        Map<String, Object> key = new LinkedHashMap<>();
        keys.forEach(column -> key.put(column, get(column)));
        return key;
    }

    /** A read-only view of the current attributes. */
    public Map<String, Object> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    /** Whether this model has been saved to (or loaded from) the database and not deleted since. */
    public boolean exists() {
        return exists;
    }

    /** The attributes whose values differ from the stored state, in the order they were set. */
    public Map<String, Object> getDirty() {
        Map<String, Object> dirty = new LinkedHashMap<>();
        if (original == null) {
            return dirty;
        }
        attributes.forEach((column, value) -> {
            if (!original.containsKey(column) || !Objects.equals(original.get(column), value)) {
                dirty.put(column, value);
            }
        });
        return dirty;
    }

    public boolean isDirty() {
        return !getDirty().isEmpty();
    }

    public boolean isDirty(String column) {
        return getDirty().containsKey(column);
    }

    /** The value as last loaded or saved. */
    public Object getOriginal(String column) {
        return original().get(column);
    }

    Map<String, Object> mutableAttributes() {
        beforeChange();
        return attributes;
    }

    // ---- persistence ----

    /** Inserts the model, or updates the changed attributes only; does nothing when nothing changed. */
    public M save() {
        db().save(self());
        return self();
    }

    /** Deletes the model's row; returns false when it was not stored. */
    public boolean delete() {
        return db().delete(self());
    }

    /** Reloads the attributes from the database. */
    public M refresh() {
        if (!exists) {
            throw new EloquentException("cannot refresh a " + getClass().getSimpleName() + " that was never saved");
        }
        ModelQuery<M> query = db().query(selfClass());
        originalKey().forEach(query::where);
        M fresh = query.firstOrFail();
        attributes.clear();
        attributes.putAll(fresh.attributes());
        syncOriginal();
        return self();
    }

    /**
     * Adds 1 to the column in the database, in one statement ({@code col = col + 1}, so concurrent
     * increments are never lost), and to the attribute in memory; {@code updated_at} is touched. Other
     * unsaved changes stay unsaved.
     */
    public M increment(String column) {
        return increment(column, 1);
    }

    public M increment(String column, Number amount) {
        db().increment(self(), column, amount, false);
        return self();
    }

    public M decrement(String column) {
        return decrement(column, 1);
    }

    public M decrement(String column, Number amount) {
        db().increment(self(), column, amount, true);
        return self();
    }

    /**
     * The key as stored, column by column (several for a composite key), so that a changed key still
     * updates the right row.
     */
    Map<String, Object> originalKey() {
        Map<String, Object> key = new LinkedHashMap<>();
        for (String column : type().keyNames()) {
            Object stored = original().get(column);
            key.put(column, stored != null ? stored : attributes.get(column));
        }
        return key;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + attributes;
    }
}
