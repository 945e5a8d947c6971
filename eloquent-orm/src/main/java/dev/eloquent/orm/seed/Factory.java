package dev.eloquent.orm.seed;

import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.Model;
import net.datafaker.Faker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Makes models with fake data. A factory says how one row looks ({@link #definition}); the chained calls
 * say how many ({@link #count}), what to change ({@link #state}), what to vary per row ({@link #sequence})
 * and where the randomness starts ({@link #seed}), then {@link #make()} or {@link #create()}:
 *
 * <pre>{@code
 * class ArtistFactory extends Factory<Artist> {
 *     ArtistFactory(Eloquent db) { super(db, Artist.class); }
 *     protected Map<String, Object> definition(Faker faker) {
 *         return Map.of("name", faker.music().genre() + " " + faker.name().lastName());
 *     }
 * }
 * List<Artist> artists = new ArtistFactory(db).count(10).seed(42).createMany();   // one insert statement
 * Album album = Factory.of(db, Album.class, faker -> Map.of("title", faker.book().title(),
 *         "artist_id", new ArtistFactory(db))).create();                          // the artist is created first
 * }</pre>
 *
 * Every chained call returns a new factory and leaves this one as it was. An attribute value that is a
 * {@code Factory} creates that model first and takes its key (a belongs-to parent, one per row, also for
 * {@code make()}); a {@link Model} value gives its key (saved first if new); a {@link Supplier} is asked per
 * row. These are resolved after the states and sequences, so an override never creates an unused parent.
 * {@link #forParent} gives every model of one call the same parent.
 *
 * @param <M> the model made
 */
public abstract class Factory<M extends Model<M>> {
    private final Eloquent db;
    private final Class<M> model;
    private final Settings settings;

    /** What the chained calls changed; a factory is immutable, a change makes a copy. */
    private record Settings(int count, List<Function<Map<String, Object>, Map<String, ?>>> states,
                            List<Map<String, ?>> sequence, Long seed, Map<String, Object> parents) {
    }

    protected Factory(Eloquent db, Class<M> model) {
        this(db, model, new Settings(1, List.of(), List.of(), null, Map.of()));
    }

    private Factory(Eloquent db, Class<M> model, Settings settings) {
        if (db == null || model == null) {
            throw new EloquentException("a factory needs the Eloquent instance and the model class");
        }
        this.db = db;
        this.model = model;
        this.settings = settings;
    }

    /** A factory without a class of its own: {@code Factory.of(db, Artist.class, faker -> Map.of("name", ...))}. */
    public static <M extends Model<M>> Factory<M> of(Eloquent db, Class<M> model,
                                                     Function<Faker, Map<String, ?>> definition) {
        return new Factory<>(db, model) {
            @Override
            protected Map<String, Object> definition(Faker faker) {
                return new LinkedHashMap<>(definition.apply(faker));
            }

            @Override
            String name() {
                return "Factory<" + model.getSimpleName() + ">";
            }
        };
    }

    /** One row's attributes, made with the faker (seeded when {@link #seed} was given). Called once per row. */
    protected abstract Map<String, Object> definition(Faker faker);

    /** The instance the models are made with. */
    protected Eloquent db() {
        return db;
    }

    public Class<M> model() {
        return model;
    }

    // ---- configuration: each returns a changed copy ----

    /** How many models {@link #makeMany()} and {@link #createMany()} make. */
    public Factory<M> count(int count) {
        if (count < 0) {
            throw new EloquentException(name() + ": count must not be negative");
        }
        return with(new Settings(count, settings.states, settings.sequence, settings.seed, settings.parents));
    }

    /** Attributes that replace the definition's, on every row. */
    public Factory<M> state(Map<String, ?> attributes) {
        Map<String, Object> copy = new LinkedHashMap<>(attributes);
        return state(row -> copy);
    }

    /** Attributes computed from the row so far (the definition and earlier states), replacing its values. */
    public Factory<M> state(Function<Map<String, Object>, Map<String, ?>> state) {
        List<Function<Map<String, Object>, Map<String, ?>>> states = new ArrayList<>(settings.states);
        states.add(state);
        return with(new Settings(settings.count, List.copyOf(states), settings.sequence, settings.seed, settings.parents));
    }

    /** Attributes that vary per row: row i takes {@code rows[i % rows.length]}, after the states. */
    @SafeVarargs
    public final Factory<M> sequence(Map<String, ?>... rows) {
        if (rows.length == 0) {
            throw new EloquentException(name() + ": a sequence needs at least one set of attributes");
        }
        List<Map<String, ?>> copies = new ArrayList<>();
        for (Map<String, ?> row : rows) {
            copies.add(new LinkedHashMap<>(row));
        }
        return with(new Settings(settings.count, settings.states, List.copyOf(copies), settings.seed, settings.parents));
    }

    /** Makes the fake data reproducible: the same seed gives the same values, run after run. */
    public Factory<M> seed(long seed) {
        return with(new Settings(settings.count, settings.states, settings.sequence, seed, settings.parents));
    }

    /**
     * One parent for every model made ({@code for} in Laravel): {@code parent} is a {@code Factory}, created
     * once per {@code make}/{@code create} call, or a {@link Model} (saved first if new); each row's
     * {@code foreignKey} takes its key. (A {@code Factory} given as an attribute instead makes a parent per row.)
     */
    public Factory<M> forParent(Object parent, String foreignKey) {
        if (!(parent instanceof Factory<?>) && !(parent instanceof Model<?>)) {
            throw new EloquentException(name() + ".forParent takes a Factory or a Model as the parent of "
                    + foreignKey);
        }
        Map<String, Object> parents = new LinkedHashMap<>(settings.parents);
        parents.put(foreignKey, parent);
        return with(new Settings(settings.count, settings.states, settings.sequence, settings.seed,
                Collections.unmodifiableMap(parents)));
    }

    private Factory<M> with(Settings changed) {
        Factory<M> base = this;
        return new Factory<>(db, model, changed) {
            @Override
            protected Map<String, Object> definition(Faker faker) {
                return base.definition(faker);
            }

            @Override
            String name() {
                return base.name();
            }
        };
    }

    // ---- making ----

    /** One unsaved model (parents given as factories are created, to have their keys). */
    public M make() {
        return one("make()", makeMany());
    }

    /** {@code count} unsaved models. */
    public List<M> makeMany() {
        Faker faker = faker();
        Map<String, Object> parentKeys = new LinkedHashMap<>();
        if (settings.count > 0) {
            settings.parents.forEach((foreignKey, parent) -> parentKeys.put(foreignKey, resolve(parent)));
        }
        List<M> made = new ArrayList<>(settings.count);
        for (int row = 0; row < settings.count; row++) {
            made.add(db.make(model).forceFill(attributes(faker, row, parentKeys)));
        }
        return made;
    }

    /** One model, saved. */
    public M create() {
        return one("create()", createMany());
    }

    /**
     * {@code count} models, saved with one insert statement (split by the driver only at its parameter
     * limit); each gets its generated key, defaults and timestamps as a single save gives them.
     */
    public List<M> createMany() {
        long start = System.nanoTime();
        List<M> models = db.saveMany(makeMany());
        Seeding.progress("  " + name() + ": " + models.size() + " " + model.getSimpleName()
                + (models.size() == 1 ? " row" : " rows") + " ... " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return models;
    }

    private M one(String call, List<M> models) {
        if (models.size() != 1) {
            throw new EloquentException(name() + "." + call + " makes one model but count is " + models.size()
                    + ": use " + call.replace("()", "Many()"));
        }
        return models.get(0);
    }

    private Faker faker() {
        return settings.seed == null ? new Faker() : new Faker(new Random(settings.seed));
    }

    /**
     * One row: the definition, the states in order, the row's sequence entry, the keys of the shared
     * parents; then parents and suppliers given as values are resolved (so a replaced one makes nothing).
     */
    private Map<String, Object> attributes(Faker faker, int row, Map<String, Object> parentKeys) {
        Map<String, Object> attributes = new LinkedHashMap<>(definition(faker));
        for (Function<Map<String, Object>, Map<String, ?>> state : settings.states) {
            attributes.putAll(state.apply(new LinkedHashMap<>(attributes)));
        }
        if (!settings.sequence.isEmpty()) {
            attributes.putAll(settings.sequence.get(row % settings.sequence.size()));
        }
        attributes.putAll(parentKeys);
        attributes.replaceAll((column, value) -> resolve(value));
        return attributes;
    }

    private static Object resolve(Object value) {
        if (value instanceof Factory<?> parent) {
            return parent.create().getKey();
        }
        if (value instanceof Model<?> parent) {
            if (!parent.exists()) {
                parent.save();
            }
            return parent.getKey();
        }
        if (value instanceof Supplier<?> supplier) {
            return resolve(supplier.get());
        }
        return value;
    }

    /** The name progress lines and errors use: the factory's class. */
    String name() {
        return getClass().getSimpleName();
    }
}
