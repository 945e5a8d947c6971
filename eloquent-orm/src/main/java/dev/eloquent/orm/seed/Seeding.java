package dev.eloquent.orm.seed;

import dev.eloquent.api.Capability;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Eloquent;

import java.util.function.Consumer;

/**
 * Runs seeders: {@code Seeding.run(db, "pg", new DatabaseSeeder(), System.out::println)}. Each top-level
 * seeder runs inside one transaction on its connection where the driver has transactions (SQL), so a
 * seeder that fails leaves nothing behind; the seeders it {@link Seeder#call calls} run inside the same
 * transaction (savepoints). On a connection without transactions (MongoDB) seeders run directly, and a
 * failure keeps what was written before it. Each seeder reports {@code "<Seeder> on <connection> ... <ms> ms"}
 * to the progress; factories run inside a seeder report their row counts there too.
 */
public final class Seeding {
    /** The progress of the seeding running on this thread, for the factories a seeder uses. */
    private static final ThreadLocal<Consumer<String>> PROGRESS = new ThreadLocal<>();

    private Seeding() {
    }

    /**
     * Runs the seeder on the connection (its {@code _test} twin in test mode; null = the default
     * connection; a seeder that pins a connection keeps it). A failure comes out as an
     * {@link EloquentException} naming the seeder and the connection.
     */
    public static void run(Eloquent db, String connection, Seeder seeder, Consumer<String> progress) {
        Consumer<String> report = progress == null ? line -> { } : progress;
        Consumer<String> outer = PROGRESS.get();
        PROGRESS.set(report);
        try {
            runNested(db, connection, seeder);
        } finally {
            if (outer == null) {
                PROGRESS.remove();
            } else {
                PROGRESS.set(outer);
            }
        }
    }

    /** Runs one seeder, inside a transaction (a savepoint when one is open) where the connection has them. */
    static void runNested(Eloquent db, String connection, Seeder seeder) {
        String target = seeder.connection() != null ? seeder.connection() : connection;
        ConnectionName name = target == null ? db.connections().defaultName() : db.connections().check(target);
        seeder.bind(db);
        seeder.target(name.toString());
        long start = System.nanoTime();
        try {
            if (db.connections().connection(name).supports(Capability.TRANSACTIONS)) {
                db.on(name.toString()).transaction(() -> {
                    seeder.run();
                    return null;
                });
            } else {
                seeder.run();
            }
        } catch (SeedingException e) {
            throw e; // a nested seeder failed: its own message already names it
        } catch (RuntimeException e) {
            throw new SeedingException(seeder.name(), name, e);
        }
        progress(seeder.name() + " on " + name + " ... " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    /** Sends a line to the progress of the seeding running on this thread; outside one, nowhere. */
    static void progress(String line) {
        Consumer<String> progress = PROGRESS.get();
        if (progress != null) {
            progress.accept(line);
        }
    }
}
