package dev.eloquent.orm.seed;

import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Database;
import dev.eloquent.orm.Eloquent;

/**
 * Fills a connection with data: {@code run()} writes through the ORM ({@link #db()}) and may
 * {@link #call} other seeders. Seeders are run by {@link Seeding#run} (and {@code eloquent db:seed}),
 * each inside a transaction on connections that have them.
 */
public abstract class Seeder {
    private Eloquent db;
    private String target;

    public abstract void run();

    /** The connection this seeder always runs on (its {@code _test} twin in test mode), or null for the targeted one. */
    public String connection() {
        return null;
    }

    /** The instance this seeder runs with; set before {@link #run()}. */
    protected Eloquent db() {
        if (db == null) {
            throw new EloquentException(name() + " is not running: run seeders through Seeding.run");
        }
        return db;
    }

    /** The connection this run targets ({@code db.on(...)} of its name): for tables and SQL seeded by hand. */
    protected Database database() {
        db();
        return target == null ? db.on(db.connections().defaultName().toString()) : db.on(target);
    }

    /**
     * Runs other seeders now, with the same instance, each inside the running transaction (a savepoint)
     * on the same connection unless it pins another; each reports its time to the same progress.
     */
    protected void call(Seeder... seeders) {
        db();
        for (Seeder seeder : seeders) {
            Seeding.runNested(db, target, seeder);
        }
    }

    /** Gives the seeder its instance; called by the runner before {@link #run()}. */
    public final void bind(Eloquent db) {
        this.db = db;
    }

    /** The targeted connection name (not the test twin; null = the default); set by the runner. */
    final void target(String connection) {
        this.target = connection;
    }

    /** The name progress lines, errors and {@code db:seed --class} use: the class's simple name unless overridden. */
    public String name() {
        String simple = getClass().getSimpleName();
        return simple.isEmpty() ? getClass().getName() : simple;
    }
}
