package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The model event listeners of one {@link Eloquent}, by model class and event. Listeners run in the
 * thread of the write, in registration order; a cancellable event stops at the first listener that
 * returns false. An exception from a listener propagates out of the save or delete (inside a
 * {@code db.transaction} it rolls the transaction back, an "-ed" event's included).
 */
public final class ModelEvents {
    private final Map<Class<?>, Map<ModelEvent, List<Predicate<Model<?>>>>> listeners = new ConcurrentHashMap<>();
    /** Depth of {@link #withoutEvents} in the current thread: events of this instance are muted while above 0. */
    private final ThreadLocal<int[]> muted = ThreadLocal.withInitial(() -> new int[1]);

    ModelEvents() {
    }

    /**
     * Fires the event of this model through the instance it belongs to; false when a listener cancelled.
     * The hook for writes outside this package's persistence (a soft-delete restore fires
     * {@link ModelEvent#RESTORING} and {@link ModelEvent#RESTORED} with it).
     */
    public static boolean fire(Model<?> model, ModelEvent event) {
        return model.db().events().dispatch(model, event);
    }

    @SuppressWarnings("unchecked")
    <M extends Model<M>> void add(Class<M> type, ModelEvent event, Predicate<? super M> listener) {
        listeners.computeIfAbsent(type, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(event, e -> new CopyOnWriteArrayList<>())
                .add(model -> ((Predicate<Object>) (Predicate<?>) listener).test(model));
    }

    <M extends Model<M>> void on(Class<M> type, ModelEvent event, Consumer<? super M> listener) {
        add(type, event, model -> {
            listener.accept(model);
            return true;
        });
    }

    <M extends Model<M>> void onCancellable(Class<M> type, ModelEvent event, Predicate<? super M> listener) {
        if (!event.cancellable()) {
            throw new EloquentException(event + " cannot be cancelled (it runs after the write): listen with on(...)");
        }
        add(type, event, listener);
    }

    /** Registers the methods the observer's class overrides, each for its event. */
    <M extends Model<M>> void observe(Class<M> type, ModelObserver<M> observer) {
        Map<ModelEvent, Predicate<M>> methods = new EnumMap<>(ModelEvent.class);
        methods.put(ModelEvent.RETRIEVED, m -> { observer.retrieved(m); return true; });
        methods.put(ModelEvent.SAVING, observer::saving);
        methods.put(ModelEvent.CREATING, observer::creating);
        methods.put(ModelEvent.CREATED, m -> { observer.created(m); return true; });
        methods.put(ModelEvent.UPDATING, observer::updating);
        methods.put(ModelEvent.UPDATED, m -> { observer.updated(m); return true; });
        methods.put(ModelEvent.SAVED, m -> { observer.saved(m); return true; });
        methods.put(ModelEvent.DELETING, observer::deleting);
        methods.put(ModelEvent.DELETED, m -> { observer.deleted(m); return true; });
        methods.put(ModelEvent.RESTORING, observer::restoring);
        methods.put(ModelEvent.RESTORED, m -> { observer.restored(m); return true; });
        methods.put(ModelEvent.TRASHED, m -> { observer.trashed(m); return true; });
        methods.put(ModelEvent.FORCE_DELETING, observer::forceDeleting);
        methods.put(ModelEvent.FORCE_DELETED, m -> { observer.forceDeleted(m); return true; });
        methods.put(ModelEvent.REPLICATING, m -> { observer.replicating(m); return true; });
        methods.forEach((event, method) -> {
            if (overrides(observer, event)) {
                add(type, event, method);
            }
        });
    }

    /** Whether the observer's class declares the event's method (a generic override leaves a bridge taking Model). */
    private static boolean overrides(ModelObserver<?> observer, ModelEvent event) {
        String name = methodName(event);
        for (Class<?> c = observer.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Method method : c.getDeclaredMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The observer method of an event: {@code FORCE_DELETING} is {@code forceDeleting}. */
    static String methodName(ModelEvent event) {
        StringBuilder name = new StringBuilder();
        for (String word : event.name().toLowerCase(java.util.Locale.ROOT).split("_")) {
            name.append(name.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }

    /** Whether anything would hear the event: checked once per result for {@link ModelEvent#RETRIEVED}. */
    boolean listens(Class<?> type, ModelEvent event) {
        Map<ModelEvent, List<Predicate<Model<?>>>> byEvent = listeners.get(type);
        return byEvent != null && byEvent.containsKey(event) && muted.get()[0] == 0;
    }

    /** Runs the listeners of the event in order; false when a cancellable event was cancelled. */
    boolean dispatch(Model<?> model, ModelEvent event) {
        Map<ModelEvent, List<Predicate<Model<?>>>> byEvent = listeners.get(model.getClass());
        if (byEvent == null || muted.get()[0] > 0) {
            return true;
        }
        List<Predicate<Model<?>>> list = byEvent.get(event);
        if (list == null) {
            return true;
        }
        for (Predicate<Model<?>> listener : list) {
            if (!listener.test(model) && event.cancellable()) {
                return false;
            }
        }
        return true;
    }

    /** Runs the work with this instance's model events muted in the current thread. */
    <T> T withoutEvents(Supplier<T> work) {
        int[] depth = muted.get();
        depth[0]++;
        try {
            return work.get();
        } finally {
            depth[0]--;
        }
    }
}
