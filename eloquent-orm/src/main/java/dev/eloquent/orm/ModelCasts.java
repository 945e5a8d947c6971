package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Env;

import java.util.HashMap;
import java.util.Map;

/**
 * A model's {@link Model#casts()}, read once at registration: each named column must be declared, and
 * encrypted casts get their key from the environment when the model is registered. A cast failure names
 * the model, the column and the cast, never the value.
 */
final class ModelCasts {
    static final ModelCasts NONE = new ModelCasts("", Map.of());

    private final String model;
    private final Map<String, Cast<?>> casts;

    private ModelCasts(String model, Map<String, Cast<?>> casts) {
        this.model = model;
        this.casts = casts;
    }

    static ModelCasts of(ModelType<?> type, Map<String, Cast<?>> declared) {
        if (declared == null || declared.isEmpty()) {
            return NONE;
        }
        Map<String, Cast<?>> checked = new HashMap<>();
        declared.forEach((column, cast) -> {
            if (cast == null) {
                throw new EloquentException("casts() of " + type.name() + " gives no cast for " + column);
            }
            if (type.spec() != null && type.declared(column) == null && !type.keyNames().contains(column)) {
                throw new EloquentException("casts() of " + type.name() + " names " + column + ", which "
                        + type.table() + " does not declare");
            }
            checked.put(column, cast);
        });
        return new ModelCasts(type.name(), Map.copyOf(checked));
    }

    /** The casts with their keys: an encrypted cast without APP_KEY in {@code env} fails here, at registration. */
    ModelCasts bind(Env env) {
        if (!casts.containsValue(EncryptedCast.UNKEYED)) {
            return this;
        }
        Map<String, Cast<?>> bound = new HashMap<>(casts);
        bound.replaceAll((column, cast) -> cast == EncryptedCast.UNKEYED
                ? EncryptedCast.bind(env, model + "." + column) : cast);
        return new ModelCasts(model, Map.copyOf(bound));
    }

    boolean isEmpty() {
        return casts.isEmpty();
    }

    Cast<?> cast(String column) {
        return casts.get(column);
    }

    /** The application's value of a stored attribute. */
    Object get(String column, Object stored) {
        Cast<?> cast = casts.get(column);
        if (cast == null || stored == null) {
            return stored;
        }
        try {
            return cast.get(stored);
        } catch (EloquentException | ClassCastException | IllegalArgumentException e) {
            throw failure("reading", column, cast, e);
        }
    }

    /** The stored form of a value the application gives; a where value may also be given in its stored form. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object set(String column, Object value, boolean whereValue) {
        Cast cast = casts.get(column);
        if (cast == null || value == null) {
            return value;
        }
        try {
            if (whereValue && cast instanceof Casts.AnyValue any) {
                return any.setAny(value);
            }
            return cast.set(value);
        } catch (EloquentException | ClassCastException | IllegalArgumentException e) {
            throw failure("setting", column, cast, e);
        }
    }

    private EloquentException failure(String action, String column, Cast<?> cast, RuntimeException e) {
        // A ClassCastException's message names the value's class only; the others are the project's or the cast's.
        String reason = e instanceof ClassCastException ? "a value of another type was given"
                : e instanceof EloquentException ? e.getMessage() : e.getClass().getSimpleName();
        return new EloquentException(action + " " + model + "." + column + " (cast " + describe(cast) + "): " + reason);
    }

    private static String describe(Cast<?> cast) {
        String name = cast.toString();
        // A custom cast without its own toString would print its identity hash: name its class instead.
        return name.contains("@") ? cast.getClass().getSimpleName() : name;
    }
}
