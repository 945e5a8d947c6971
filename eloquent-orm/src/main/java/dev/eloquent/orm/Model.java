package dev.eloquent.orm;

import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.ColumnType;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Values;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

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
    /** Loaded relations by name; null until the first one, so a model without relations holds no map. */
    private Map<String, Object> relations;
    /** Whether this model came with others from one query: lazy loading its relations is then an N+1. */
    private boolean loadedTogether;
    /** What the last save wrote (see {@link #getChanges()}); shared empty map until a save wrote something. */
    private Map<String, Object> changes = Map.of();

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

    /** The attributes are what is stored (after a save or refresh): no copy until they change again. */
    final void syncOriginal() {
        original = null;
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

    /**
     * Sets an attribute, converted to its column's type under the value rules (docs/values.md): an
     * undeclared column, a value that does not fit, or null in a NOT NULL column fails here, naming the
     * column and its declared type, never the value.
     */
    public M set(String column, Object value) {
        Object cast = type().castForWrite(column, value);
        beforeChange();
        attributes.put(column, cast);
        return self();
    }

    /**
     * Sets the attributes the model allows to be mass assigned ({@link #fillable()}, {@link #guarded()}):
     * the others are dropped, or refused with {@link MassAssignmentException} where the application asked
     * for it. {@link #set} and {@link #forceFill} are not mass assignment.
     */
    public M fill(Map<String, ?> values) {
        type().massAssignment().fill(self(), values, db().preventsSilentlyDiscardingAttributes());
        return self();
    }

    /** The attribute's value, through its cast when {@link #casts()} declares one. */
    public Object get(String column) {
        Object stored = attributes.get(column);
        return stored == null ? null : type().casts().get(column, stored);
    }

    public boolean has(String column) {
        return attributes.containsKey(column);
    }

    public String getString(String column) {
        return typed(column, String.class, Values::toText, ReadableTypes.STRING);
    }

    public Integer getInteger(String column) {
        return typed(column, Integer.class, Values::toInteger, ReadableTypes.INTEGER);
    }

    public Long getLong(String column) {
        return typed(column, Long.class, Values::toLong, ReadableTypes.LONG);
    }

    public Boolean getBoolean(String column) {
        return typed(column, Boolean.class, Values::toBoolean, ReadableTypes.BOOLEAN);
    }

    public BigDecimal getDecimal(String column) {
        return typed(column, BigDecimal.class, Values::toBigDecimal, ReadableTypes.DECIMAL);
    }

    public Double getDouble(String column) {
        return typed(column, Double.class, Values::toDouble, ReadableTypes.DOUBLE);
    }

    public LocalDate getDate(String column) {
        return typed(column, LocalDate.class, Values::toLocalDate, ReadableTypes.DATE);
    }

    /** A {@code timestamp}; a {@code timestampTz} reads as its UTC date and time. */
    public LocalDateTime getTimestamp(String column) {
        return typed(column, LocalDateTime.class, Values::toLocalDateTime, ReadableTypes.TIMESTAMP);
    }

    /** A {@code timestampTz} as the instant at offset UTC. */
    public OffsetDateTime getTimestampTz(String column) {
        return typed(column, OffsetDateTime.class, Values::toOffsetDateTime, ReadableTypes.TIMESTAMP_TZ);
    }

    public UUID getUuid(String column) {
        return typed(column, UUID.class, Values::toUuid, ReadableTypes.UUID);
    }

    /**
     * A typed read. A declared column must be of one of the {@code readable} types, whatever its value;
     * an undeclared one (no schema, or a computed column) converts its value without loss or fails.
     * Either failure names the model, the column, the type asked for and the declared type, never the value.
     */
    private <T> T typed(String column, Class<T> requested, Function<Object, T> convert, Set<ColumnType> readable) {
        ColumnSpec declared = type().declared(column);
        // A cast column reads as its cast's type, whatever the column stores.
        if (declared != null && !readable.contains(declared.type()) && type().casts().cast(column) == null) {
            throw new EloquentException(getClass().getSimpleName() + "." + column + " is declared "
                    + declared.declaredType() + ": it cannot be read as " + requested.getSimpleName()
                    + "; read it as " + declared.type().javaType().getSimpleName());
        }
        Object value = get(column);
        try {
            return convert.apply(value);
        } catch (EloquentException e) {
            throw new EloquentException(getClass().getSimpleName() + "." + column + " ("
                    + (declared == null ? "not declared" : "declared " + declared.declaredType()) + "): "
                    + e.getMessage());
        }
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

    // ---- relations ----

    /**
     * The relation's value, read once and kept: eager loaded ({@code with}) or loaded before, it is
     * returned as is; otherwise it is queried now (lazy loading), unless the N+1 guard forbids it.
     * {@code List<Album> albums = artist.related(Artist::albums); Artist artist = album.related(Album::artist);}
     */
    public <T> T related(java.util.function.Function<M, ? extends Relationship<T>> relation) {
        Relationship<T> declared = relation.apply(self());
        return relationValue(type().relations().nameOf(this, declared), declared);
    }

    /** The relation by the name of its method, loaded as {@link #related} loads it. */
    public Object getRelation(String name) {
        if (relations != null && relations.containsKey(name)) {
            return relations.get(name);
        }
        return relationValue(name, type().relations().get(this, name));
    }

    @SuppressWarnings("unchecked")
    private <T> T relationValue(String name, Relationship<T> relation) {
        if (relations != null && relations.containsKey(name)) {
            return (T) relations.get(name);
        }
        db().checkLazyLoading(this, name);
        T value = relation.getResults();
        setRelation(name, value);
        return value;
    }

    public boolean relationLoaded(String name) {
        return relations != null && relations.containsKey(name);
    }

    /** Keeps a value as the loaded relation {@code name} (eager loading does this for every parent). */
    public M setRelation(String name, Object value) {
        if (relations == null) {
            relations = new LinkedHashMap<>(4); // a model usually holds a relation or two: not 16 slots each
        }
        relations.put(name, value);
        return self();
    }

    /** Forgets a loaded relation, so the next access reads it again. */
    public M unsetRelation(String name) {
        if (relations != null) {
            relations.remove(name);
        }
        return self();
    }

    /** The loaded relations, by name, read-only. */
    public Map<String, Object> getRelations() {
        return relations == null ? Map.of() : Collections.unmodifiableMap(relations);
    }

    /** Loads relations (dotted paths for nested ones) onto this model now, one query each. */
    public M load(String... relations) {
        db().load(List.of(self()), relations);
        return self();
    }

    /** As {@link #load}, for the relations not loaded yet. */
    public M loadMissing(String... relations) {
        db().loadMissing(List.of(self()), relations);
        return self();
    }

    final void markLoadedTogether() {
        loadedTogether = true;
    }

    final boolean loadedTogether() {
        return loadedTogether;
    }

    /**
     * Stores a value that came from the database with the model (an aggregate of a relation such as
     * {@code albums_count}) without making the model dirty.
     */
    final void putLoaded(String column, Object value) {
        attributes.put(column, value);
        if (original != null) {
            original.put(column, value);
        }
    }

    /** Removes a value read with the model that is not an attribute (a through relation's key), leaving it clean. */
    final Object takeLoaded(String column) {
        if (original != null) {
            original.remove(column);
        }
        return attributes.remove(column);
    }

    // ---- declaring relations ----

    /** {@code artist.albums()} with the foreign key named after this class: {@code artist_id} for {@code Artist}. */
    protected final <R extends Model<R>> HasMany<M, R> hasMany(Class<R> related) {
        return hasMany(related, foreignKeyOf(getClass()));
    }

    /** {@code artist.albums()}: the related rows hold this model's key in {@code foreignKey}. */
    protected final <R extends Model<R>> HasMany<M, R> hasMany(Class<R> related, String foreignKey) {
        return new HasMany<>(self(), related, foreignKey, type().keyName());
    }

    /** As {@link #hasMany(Class, String)}, matching {@code foreignKey} with this model's {@code localKey}. */
    protected final <R extends Model<R>> HasMany<M, R> hasMany(Class<R> related, String foreignKey, String localKey) {
        return new HasMany<>(self(), related, foreignKey, localKey);
    }

    /** {@code user.profile()}: at most one related row holds this model's key in {@code foreignKey}. */
    protected final <R extends Model<R>> HasOne<M, R> hasOne(Class<R> related, String foreignKey) {
        return new HasOne<>(self(), related, foreignKey, type().keyName());
    }

    protected final <R extends Model<R>> HasOne<M, R> hasOne(Class<R> related, String foreignKey, String localKey) {
        return new HasOne<>(self(), related, foreignKey, localKey);
    }

    /** {@code album.artist()} with the foreign key named after the related class: {@code artist_id} for {@code Artist}. */
    protected final <R extends Model<R>> BelongsTo<M, R> belongsTo(Class<R> related) {
        return belongsTo(related, foreignKeyOf(related));
    }

    /** {@code album.artist()}: this model holds the related model's key in {@code foreignKey}. */
    protected final <R extends Model<R>> BelongsTo<M, R> belongsTo(Class<R> related, String foreignKey) {
        return new BelongsTo<>(self(), related, foreignKey, db().typeOf(related).keyName());
    }

    /** As {@link #belongsTo(Class, String)}, matching {@code foreignKey} with the related model's {@code ownerKey}. */
    protected final <R extends Model<R>> BelongsTo<M, R> belongsTo(Class<R> related, String foreignKey, String ownerKey) {
        return new BelongsTo<>(self(), related, foreignKey, ownerKey);
    }

    // ---- belongsToMany (many to many through a pivot table) ----

    /** The pivot row's columns this model was read with through a belongsToMany; null otherwise. */
    private Map<String, Object> pivot;

    /**
     * The columns of the pivot row this model was read with through a {@link BelongsToMany} (its two keys,
     * the {@code withPivot} columns, the timestamps), read-only; empty for a model not read so. They are
     * not attributes: they do not make the model dirty and a save does not write them.
     */
    public Map<String, Object> pivot() {
        return pivot == null ? Map.of() : Collections.unmodifiableMap(pivot);
    }

    final void setPivot(Map<String, Object> values) {
        pivot = new LinkedHashMap<>(values);
    }

    /** Moves the pivot columns read under {@code prefix} (a joined read) out of the attributes into {@link #pivot()}. */
    final void takePivot(List<String> columns, String prefix) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String column : columns) {
            values.put(column, attributes.remove(prefix + column));
            if (original != null) {
                original.remove(prefix + column);
            }
        }
        pivot = values;
    }

    /**
     * {@code playlist.tracks()} through the pivot named after both classes in alphabetical order
     * ({@code playlist_track}), whose keys are named after them ({@code playlist_id}, {@code track_id}).
     */
    protected final <R extends Model<R>> BelongsToMany<M, R> belongsToMany(Class<R> related) {
        String mine = ModelNames.snake(getClass().getSimpleName());
        String theirs = ModelNames.snake(related.getSimpleName());
        String table = mine.compareTo(theirs) <= 0 ? mine + "_" + theirs : theirs + "_" + mine;
        return belongsToMany(related, table, mine + "_id", theirs + "_id");
    }

    /** {@code playlist.tracks()}: the pivot {@code table} holds this model's key in {@code foreignPivotKey} and the related one's in {@code relatedPivotKey}. */
    protected final <R extends Model<R>> BelongsToMany<M, R> belongsToMany(Class<R> related, String table,
                                                                         String foreignPivotKey, String relatedPivotKey) {
        return new BelongsToMany<>(self(), related, table, foreignPivotKey, relatedPivotKey, type().keyName(),
                db().typeOf(related).keyName());
    }

    /** As above, the pivot keys matching this model's {@code parentKey} and the related model's {@code relatedKey}. */
    protected final <R extends Model<R>> BelongsToMany<M, R> belongsToMany(Class<R> related, String table,
                                                                         String foreignPivotKey, String relatedPivotKey,
                                                                         String parentKey, String relatedKey) {
        return new BelongsToMany<>(self(), related, table, foreignPivotKey, relatedPivotKey, parentKey, relatedKey);
    }

    // ---- mass assignment, dirty tracking, timestamps, events (declarations read once at registration) ----

    /**
     * The attributes {@link #fill} and {@code create} may set; null (the default) declares none. Read once,
     * at registration; each name must be a declared column. With neither this nor {@link #guarded()}
     * declared every attribute is fillable; with a set, only those.
     */
    protected java.util.Set<String> fillable() {
        return null;
    }

    /** The attributes {@link #fill} must not set, all others allowed; {@code "*"} guards every attribute. */
    protected java.util.Set<String> guarded() {
        return null;
    }

    /** Whether saves keep the created and updated timestamps (when the schema declares them as timestamps). */
    protected boolean usesTimestamps() {
        return true;
    }

    /** The creation timestamp's column; null for none. Read once, at registration. */
    protected String createdAtColumn() {
        return ModelType.CREATED_AT;
    }

    /** The last update timestamp's column; null for none. Read once, at registration. */
    protected String updatedAtColumn() {
        return ModelType.UPDATED_AT;
    }

    /** Sets every attribute given, fillable or not: for trusted input only (a seeder, a migration). */
    public M forceFill(Map<String, ?> values) {
        values.forEach(this::set);
        return self();
    }

    public boolean isClean() {
        return !isDirty();
    }

    public boolean isClean(String column) {
        return !isDirty(column);
    }

    /** Whether the last save wrote any attribute (an insert writes none in this sense: nothing changed). */
    public boolean wasChanged() {
        return !changes.isEmpty();
    }

    public boolean wasChanged(String column) {
        return changes.containsKey(column);
    }

    /** The attributes the last update wrote, with the values written (the updated timestamp included). */
    public Map<String, Object> getChanges() {
        return Collections.unmodifiableMap(changes);
    }

    final void syncChanges(Map<String, Object> written) {
        changes = written.isEmpty() ? Map.of() : new LinkedHashMap<>(written);
    }

    /** Every attribute as last loaded or saved, read-only. */
    public Map<String, Object> getOriginal() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(original()));
    }

    /**
     * A new, unsaved copy of the attributes without the key and the timestamps, bound to the same
     * instance: {@code save()} inserts it as a new row.
     */
    public M replicate() {
        ModelType<M> type = type();
        M copy = type.newInstance();
        copy.bind(db(), type);
        Map<String, Object> values = copy.mutableAttributes();
        values.putAll(attributes);
        type.keyNames().forEach(values::remove);
        if (type.createdAt() != null) {
            values.remove(type.createdAt());
        }
        if (type.updatedAt() != null) {
            values.remove(type.updatedAt());
        }
        ModelEvents.fire(copy, ModelEvent.REPLICATING);
        return copy;
    }

    /** The model as stored now, read anew; empty when it was never saved or its row is gone. This model is unchanged. */
    public java.util.Optional<M> fresh() {
        if (!exists) {
            return java.util.Optional.empty();
        }
        ModelQuery<M> query = db().query(selfClass()).withoutGlobalScopes(); // the row itself, trashed or scoped out
        originalKey().forEach(query::where);
        return query.first();
    }

    /**
     * Sets the updated timestamp to now in the database, alone, in one statement; other unsaved changes
     * stay unsaved and no event fires. False when the model keeps no updated timestamp.
     */
    public boolean touch() {
        return db().touch(self());
    }

    /** As {@link #save()}, no event firing. */
    public M saveQuietly() {
        return db().withoutEvents(this::save);
    }

    /** As {@link #delete()}, no event firing. */
    public boolean deleteQuietly() {
        return db().withoutEvents(this::delete);
    }

    /** As {@link #save()}, returning false instead of throwing when a listener cancelled the save. */
    public boolean trySave() {
        return db().save(self());
    }

    // ---- scopes and soft deletes (issue 11) ----

    /**
     * The global scopes every query of this model gets, by name: {@code Map.of("published", q ->
     * q.where("status", "published"))}. Read once, at registration; a query lifts one with
     * {@code withoutGlobalScope(name)}. None by default.
     */
    public Map<String, Scope<M>> globalScopes() {
        return Map.of();
    }

    /** Whether this soft-deleting model is trashed (its {@code deleted_at} is set); false for other models. */
    public boolean trashed() {
        String deletedAt = type().scopes().deletedAt();
        return deletedAt != null && get(deletedAt) != null;
    }

    /**
     * Clears {@code deleted_at} and saves the model (with any other change it holds), firing "restoring"
     * (which can cancel) and "restored" around the save; false when a listener cancelled. The model must
     * use soft deletes.
     */
    public boolean restore() {
        String deletedAt = type().scopes().requireDeletedAt("restore()");
        if (!ModelEvents.fire(this, ModelEvent.RESTORING)) {
            return false;
        }
        set(deletedAt, null);
        markExists(true);
        if (!trySave()) {
            return false;
        }
        ModelEvents.fire(this, ModelEvent.RESTORED);
        return true;
    }

    /**
     * Removes the row from the table, even of a soft-deleting model (which fires "forceDeleting", which can
     * cancel, and "forceDeleted" around its deleting/deleted); false when it was not stored or was cancelled.
     */
    public boolean forceDelete() {
        return db().forceDelete(self());
    }

    // ---- declaring relations: hasManyThrough, hasOneThrough, morphOne, morphMany, morphTo ----

    /**
     * {@code artist.tracks()} through albums, with Laravel's defaults: {@code firstKey} on the through table
     * named after this class ({@code artist_id}), {@code secondKey} on the related table named after the
     * through class ({@code album_id}).
     */
    protected final <R extends Model<R>> HasManyThrough<M, R> hasManyThrough(Class<R> related, Class<? extends Model<?>> through) {
        return hasManyThrough(related, through, foreignKeyOf(getClass()), foreignKeyOf(through));
    }

    /** The related rows hold a through row's key in {@code secondKey}; the through rows hold this model's key in {@code firstKey}. */
    protected final <R extends Model<R>> HasManyThrough<M, R> hasManyThrough(Class<R> related, Class<? extends Model<?>> through,
                                                                            String firstKey, String secondKey) {
        return hasManyThrough(related, through, firstKey, secondKey, type().keyName(), keyNameOf(through));
    }

    /** As above, matching {@code firstKey} with this model's {@code localKey} and {@code secondKey} with the through model's {@code secondLocalKey}. */
    protected final <R extends Model<R>> HasManyThrough<M, R> hasManyThrough(Class<R> related, Class<? extends Model<?>> through,
                                                                            String firstKey, String secondKey,
                                                                            String localKey, String secondLocalKey) {
        return new HasManyThrough<>(self(), related, through, firstKey, secondKey, localKey, secondLocalKey);
    }

    protected final <R extends Model<R>> HasOneThrough<M, R> hasOneThrough(Class<R> related, Class<? extends Model<?>> through) {
        return hasOneThrough(related, through, foreignKeyOf(getClass()), foreignKeyOf(through));
    }

    /** At most one related model through another: the first read (order the relation to choose). */
    protected final <R extends Model<R>> HasOneThrough<M, R> hasOneThrough(Class<R> related, Class<? extends Model<?>> through,
                                                                          String firstKey, String secondKey) {
        return hasOneThrough(related, through, firstKey, secondKey, type().keyName(), keyNameOf(through));
    }

    protected final <R extends Model<R>> HasOneThrough<M, R> hasOneThrough(Class<R> related, Class<? extends Model<?>> through,
                                                                          String firstKey, String secondKey,
                                                                          String localKey, String secondLocalKey) {
        return new HasOneThrough<>(self(), related, through, firstKey, secondKey, localKey, secondLocalKey);
    }

    /**
     * {@code album.comments()}: the related rows hold this model's key in {@code <name>_id} and its morph
     * type (the morph map alias of its class, else the class name) in {@code <name>_type}.
     */
    protected final <R extends Model<R>> MorphMany<M, R> morphMany(Class<R> related, String name) {
        return morphMany(related, name + "_type", name + "_id", type().keyName());
    }

    protected final <R extends Model<R>> MorphMany<M, R> morphMany(Class<R> related, String typeColumn, String idColumn,
                                                                 String localKey) {
        return new MorphMany<>(self(), related, typeColumn, idColumn, localKey);
    }

    /** As {@link #morphMany(Class, String)}, at most one related model (the first read). */
    protected final <R extends Model<R>> MorphOne<M, R> morphOne(Class<R> related, String name) {
        return morphOne(related, name + "_type", name + "_id", type().keyName());
    }

    protected final <R extends Model<R>> MorphOne<M, R> morphOne(Class<R> related, String typeColumn, String idColumn,
                                                               String localKey) {
        return new MorphOne<>(self(), related, typeColumn, idColumn, localKey);
    }

    /** {@code comment.commentable()}: the model of whichever class {@code <name>_type} names, by its key in {@code <name>_id}. */
    protected final MorphTo<M> morphTo(String name) {
        return morphTo(name + "_type", name + "_id");
    }

    protected final MorphTo<M> morphTo(String typeColumn, String idColumn) {
        return new MorphTo<>(self(), typeColumn, idColumn);
    }

    /** The default foreign key naming a class: {@code artist_id} for {@code Artist}. */
    private static String foreignKeyOf(Class<?> type) {
        return ModelNames.snake(type.getSimpleName()) + "_id";
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String keyNameOf(Class<? extends Model<?>> type) {
        return db().typeOf((Class) type).keyName();
    }

    // ---- casts and serialization (issue 11; declarations read once at registration) ----

    /**
     * How attributes are seen and stored, by column: {@code Map.of("status", Casts.enumByName(Status.class),
     * "meta", Casts.json())}. Each must be a declared column. None by default.
     */
    protected Map<String, Cast<?>> casts() {
        return Map.of();
    }

    /** The attributes, appends and relations {@link #toMap()} and {@link #toJson()} leave out. */
    protected java.util.Set<String> hidden() {
        return java.util.Set.of();
    }

    /** When not null, the only attributes, appends and relations {@link #toMap()} shows (less the hidden ones). */
    protected java.util.Set<String> visible() {
        return null;
    }

    /**
     * Computed attributes {@link #toMap()} adds after the columns, by name: {@code Map.of("label", m ->
     * m.getString("name").toUpperCase())}; in the map's order when it keeps one (LinkedHashMap), else by name.
     */
    protected Map<String, Function<M, Object>> appends() {
        return Map.of();
    }

    /** The attribute through its cast, as {@code type}: {@code Status s = post.get("status", Status.class)}. */
    public <T> T get(String column, Class<T> as) {
        Object value = get(column);
        if (value != null && !as.isInstance(value)) {
            throw new EloquentException(getClass().getSimpleName() + "." + column + " holds a "
                    + value.getClass().getSimpleName() + ", not a " + as.getSimpleName());
        }
        return as.cast(value);
    }

    /**
     * The model as JSON types (docs/models.md): visible attributes through their casts in schema order,
     * then appends, then loaded relations by name (recursively), then {@code pivot} when read through one.
     */
    public Map<String, Object> toMap() {
        return type().serialization().toMap(self());
    }

    /** {@link #toMap()} as JSON text. */
    public String toJson() {
        return Json.print(toMap());
    }

    // ---- quiet soft-delete writes (issue 11, Laravel's *Quietly) ----

    /** As {@link #forceDelete()}, no event firing. */
    public boolean forceDeleteQuietly() {
        return db().withoutEvents(this::forceDelete);
    }

    /** As {@link #restore()}, no event firing. */
    public boolean restoreQuietly() {
        return db().withoutEvents(this::restore);
    }

    // ---- persistence ----

    /** Inserts the model, or updates the changed attributes only; does nothing when nothing changed. */
    public M save() {
        if (!db().save(self())) {
            throw new SaveCancelledException("saving a " + getClass().getSimpleName()
                    + " was cancelled by a saving, creating or updating listener; nothing was written");
        }
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
        ModelQuery<M> query = db().query(selfClass()).withoutGlobalScopes(); // the row itself, trashed or scoped out
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

    /**
     * The class, whether it is stored and the attribute names, never their values: models hold personal
     * data and secrets, and a model's toString ends up in logs and assertion messages.
     */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + (exists ? "stored" : "not saved") + ", attributes "
                + attributes.keySet() + "]";
    }
}
