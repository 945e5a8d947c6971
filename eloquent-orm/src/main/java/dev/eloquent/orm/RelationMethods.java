package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The relations one model class declares, by name: its public methods without parameters that return a
 * {@link Relationship}. They are found once, the first time a relation of the class is named (by
 * {@code with("albums")}, {@code whereHas}, {@code load}), and called through method handles from then
 * on. Calling {@code artist.albums()} in application code involves none of this.
 *
 * <p>Reading them needs the model's package exported (to {@code dev.eloquent.orm} at least) on the module
 * path, as any public API is; the error says so. No {@code requires} or {@code opens} is needed.
 */
final class RelationMethods {
    private final Class<?> type;
    private volatile Map<String, MethodHandle> methods;
    /** Signature of a relation (see {@link EagerRelation#signature}) to the name of the method declaring it. */
    private final Map<Object, String> names = new ConcurrentHashMap<>();

    RelationMethods(Class<?> type) {
        this.type = type;
    }

    private Map<String, MethodHandle> methods() {
        Map<String, MethodHandle> found = methods;
        if (found == null) {
            found = new TreeMap<>();
            // Method handles, unlike core reflection, check readability too: on the module path this module
            // does not read the application's, so it adds the edge (a module may add reads for itself).
            RelationMethods.class.getModule().addReads(type.getModule());
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            for (Method method : type.getMethods()) {
                if (method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                        && Relationship.class.isAssignableFrom(method.getReturnType())) {
                    try {
                        found.put(method.getName(), lookup.unreflect(method));
                    } catch (IllegalAccessException e) {
                        throw new EloquentException("cannot read the relations of " + type.getSimpleName() + ": export its"
                                + " package " + type.getPackageName() + " to dev.eloquent.orm in module-info.java");
                    }
                }
            }
            methods = found;
        }
        return found;
    }

    /** The relation {@code name} of the model, or an error listing the relations the class declares. */
    Relationship<?> get(Model<?> model, String name) {
        MethodHandle method = methods().get(name);
        if (method == null) {
            throw new EloquentException(type.getSimpleName() + " has no relation '" + name + "'; its relations are "
                    + (methods().isEmpty() ? "none (declare one as a public method returning HasMany, BelongsTo, ...)"
                    : String.join(", ", methods().keySet())));
        }
        try {
            return (Relationship<?>) method.invoke(model);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new EloquentException(type.getSimpleName() + "." + name + "() failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The relation {@code name} as eager loading and {@code whereHas} need it. */
    @SuppressWarnings("unchecked")
    <M extends Model<M>> EagerRelation<M> eager(M model, String name) {
        Relationship<?> relation = get(model, name);
        if (!(relation instanceof EagerRelation<?> eager)) {
            throw new EloquentException(type.getSimpleName() + "." + name + "() returns a "
                    + relation.getClass().getSimpleName() + ", which cannot be eager loaded");
        }
        return (EagerRelation<M>) eager;
    }

    /**
     * The name of the method that declares this relation, found by comparing signatures with each declared
     * relation of the model once; the answer is kept.
     */
    String nameOf(Model<?> model, Relationship<?> relation) {
        if (!(relation instanceof EagerRelation<?> eager)) {
            throw new EloquentException(relation.getClass().getSimpleName() + " is not a relation Eloquent can keep on a model");
        }
        Object signature = eager.signature();
        String name = names.get(signature);
        if (name == null) {
            for (String candidate : methods().keySet()) {
                Relationship<?> declared = get(model, candidate);
                if (declared instanceof EagerRelation<?> other) {
                    names.putIfAbsent(other.signature(), candidate);
                }
            }
            name = names.get(signature);
            if (name == null) {
                throw new EloquentException("the relation given is not declared by a public method of "
                        + type.getSimpleName() + " without parameters; declare it as one, for example"
                        + " public HasMany<" + type.getSimpleName() + ", Other> others()");
            }
        }
        return name;
    }
}
