package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The inverse of a morphOne/morphMany: the parent of whichever class {@code <name>_type} names, found by
 * its key in {@code <name>_id}: {@code public MorphTo<Comment> commentable() { return morphTo("commentable"); }}.
 * The type is a morph map alias or the class name of a registered model; any other value fails naming the
 * column (not the value, which is data). Classes are never loaded by the stored name.
 *
 * <p>Its rows live in one table per type, so it is no single query: lazy loading reads the one row,
 * eager loading groups the models by type and reads each type's rows by one query per chunk of keys
 * (1 + the number of types present). {@code has}/{@code whereHas}/{@code withCount} are refused.
 *
 * @param <P> the class declaring it
 */
public final class MorphTo<P extends Model<P>> implements Relationship<Model<?>>, EagerRelation<P> {
    private final P parent;
    private final String typeColumn;
    private final String idColumn;

    MorphTo(P parent, String typeColumn, String idColumn) {
        this.parent = parent;
        this.typeColumn = typeColumn;
        this.idColumn = idColumn;
        parent.type().column(typeColumn);
        parent.type().column(idColumn);
    }

    public String typeColumn() {
        return typeColumn;
    }

    public String idColumn() {
        return idColumn;
    }

    @Override
    public Model<?> getResults() {
        Object type = parent.get(typeColumn);
        Object id = parent.get(idColumn);
        if (type == null || id == null) {
            return null;
        }
        return find(relatedType(type), id);
    }

    private <M extends Model<M>> M find(ModelType<M> type, Object id) {
        return new ModelQuery<>(parent.db(), type).where(type.table() + "." + type.keyName(), id).first().orElse(null);
    }

    /** The registered model type a stored type value names. */
    private ModelType<?> relatedType(Object value) {
        Eloquent db = parent.db();
        Class<?> type = db.morphClass(value.toString());
        if (type == null) {
            throw new EloquentException(parent.type().name() + "." + typeColumn + " holds a type that is neither a morph"
                    + " map alias nor the class name of a registered model (aliases mapped: " + db.morphAliases()
                    + "); map it with Eloquent.builder().morphMap(...) or db.morphMap(...)");
        }
        return typeOf(db, type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ModelType<?> typeOf(Eloquent db, Class<?> type) {
        return db.typeOf((Class) type);
    }

    @Override
    public void eagerLoad(List<P> parents, String name, Consumer<AbstractModelQuery<?, ?>> constraint, EagerLoads nested) {
        Map<String, List<P>> byType = new LinkedHashMap<>();
        for (P model : parents) {
            Object type = model.get(typeColumn);
            if (type != null && model.get(idColumn) != null) {
                byType.computeIfAbsent(type.toString(), t -> new ArrayList<>()).add(model);
            }
        }
        Map<P, Model<?>> found = new IdentityHashMap<>();
        byType.forEach((type, group) -> load(relatedType(type), group, constraint, nested, found));
        parents.forEach(model -> model.setRelation(name, found.get(model)));
    }

    /** One type's rows, by one query per chunk of keys; the nested loads run once on them. */
    private <M extends Model<M>> void load(ModelType<M> type, List<P> group, Consumer<AbstractModelQuery<?, ?>> constraint,
                                           EagerLoads nested, Map<P, Model<?>> found) {
        ModelQuery<M> query = new ModelQuery<>(parent.db(), type);
        constraint.accept(query);
        EagerLoads next = query.takeEagerLoads();
        next.merge(nested);
        Map<Object, List<P>> byId = RelationKeys.group(group, model -> model.get(idColumn));
        String key = type.table() + "." + type.keyName();
        int room = BoundValues.room(query.connection(), query.toQuery());
        List<M> loaded = new ArrayList<>();
        for (List<Object> chunk : RelationKeys.chunks(new ArrayList<>(byId.keySet()), room)) {
            ModelQuery<M> part = query.clone().whereIn(key, chunk);
            loaded.addAll(part.readWithoutRelations(part.toQuery()));
        }
        AbstractModelQuery.markLoadedTogether(loaded);
        next.loadInto(loaded);
        Map<Object, M> byKey = new HashMap<>();
        loaded.forEach(model -> byKey.putIfAbsent(RelationKeys.normalize(model.get(type.keyName())), model));
        byId.forEach((id, models) -> {
            M model = byKey.get(id);
            if (model != null) {
                models.forEach(p -> found.put(p, model));
            }
        });
    }

    /** Points the parent at the model (both columns, not saved) and keeps it as the loaded relation. */
    public P associate(Model<?> model) {
        Object key = model.getKey();
        if (key == null) {
            throw new EloquentException("save the " + model.getClass().getSimpleName() + " before associating it: its key"
                    + " is not set yet");
        }
        parent.set(typeColumn, parent.db().morphAlias(model.getClass()));
        parent.set(idColumn, key);
        parent.setRelation(parent.type().relations().nameOf(parent, this), model);
        return parent;
    }

    /** Clears both columns (not saved) and the loaded relation. */
    public P dissociate() {
        parent.set(typeColumn, null);
        parent.set(idColumn, null);
        parent.setRelation(parent.type().relations().nameOf(parent, this), null);
        return parent;
    }

    @Override
    public Object signature() {
        return List.of(MorphTo.class, parent.getClass(), typeColumn, idColumn);
    }
}
