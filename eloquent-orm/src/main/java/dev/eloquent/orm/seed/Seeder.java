package dev.eloquent.orm.seed;

import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Eloquent;

/**
 * Fills a connection with data: {@code run()} writes through the ORM ({@link #db()}) and may
 * {@link #call} other seeders. Seeders are run by {@code Seeding} (and {@code eloquent db:seed}).
 */
public abstract class Seeder {
    private Eloquent db;

    public abstract void run();

    /** The connection this seeder always runs on (its {@code _test} twin in test mode), or null for the targeted one. */
    public String connection() {
        return null;
    }

    /** The instance this seeder runs with; set before {@link #run()}. */
    protected Eloquent db() {
        if (db == null) {
            throw new EloquentException(getClass().getSimpleName() + " is not running: run seeders through Seeding.run");
        }
        return db;
    }

    /** Runs other seeders now, with the same instance. */
    protected void call(Seeder... seeders) {
        for (Seeder seeder : seeders) {
            seeder.bind(db());
            seeder.run();
        }
    }

    /** Gives the seeder its instance; called by the runner before {@link #run()}. */
    public final void bind(Eloquent db) {
        this.db = db;
    }
}
