package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.SchemaBuilder;
import dev.eloquent.orm.migration.MigrateOptions;
import dev.eloquent.orm.migration.Migration;
import dev.eloquent.orm.migration.MigrationFailedException;
import dev.eloquent.orm.migration.MigrationRun;
import dev.eloquent.orm.migration.MigrationStatus;
import dev.eloquent.orm.migration.Migrator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migrator on the target connection (docs/migrations.md): run, status, rollback by batch and by
 * step, reset, fresh, pretend, a changed checksum, a failing migration, and two runners racing for the
 * lock. The ledger ({@code eloquent_migrations}) and the tables are checked through the raw second path.
 */
public interface MigrationKit extends KitSupport {
    String LEDGER = "eloquent_migrations";
    String LOCK = "eloquent_migration_lock";

    /** A migration made of two lambdas, named for the ledger. */
    record KitMigration(String name, Consumer<SchemaBuilder> up, Consumer<SchemaBuilder> down) implements Migration {
        @Override
        public void up(SchemaBuilder schema) {
            up.accept(schema);
        }

        @Override
        public void down(SchemaBuilder schema) {
            down.accept(schema);
        }
    }

    /** A migration that creates table {@code mig_<suffix>} with an id and a name, and drops it. */
    static KitMigration creates(String suffix) {
        String table = "mig_" + suffix;
        return new KitMigration("create_" + table, schema -> schema.create(table, t -> {
            t.increments("id");
            t.string("name");
        }), schema -> schema.dropIfExists(table));
    }

    /** Boots with no migration table and no {@code mig_*} table left from an earlier case. */
    private Eloquent bootClean() {
        Eloquent db = boot();
        SchemaBuilder schema = db.schema(target().connection());
        for (String table : List.of(LEDGER, LOCK, "mig_a", "mig_b", "mig_c", "mig_half", "mig_stray")) {
            schema.dropIfExists(table);
        }
        return db;
    }

    private Migrator migrator(Eloquent db, Migration... migrations) {
        return db.migrator(List.of(migrations));
    }

    /** The ledger as the database's own client reads it: migration name to batch. */
    private Map<String, Integer> rawLedger() {
        Map<String, Integer> ledger = new java.util.TreeMap<>();
        for (Map<String, Object> row : target().raw().rowsOrderedBy(LEDGER, "migration")) {
            Integer previous = ledger.put((String) row.get("migration"), ((Number) row.get("batch")).intValue());
            assertEquals(null, previous, "migration " + row.get("migration") + " is in the ledger twice");
        }
        return ledger;
    }

    private static List<String> names(List<MigrationRun> runs) {
        return runs.stream().map(MigrationRun::migration).toList();
    }

    @Test
    default void runAppliesPendingMigrationsAsOneBatchAndRecordsThem() {
        try (Eloquent db = bootClean()) {
            List<String> progress = new CopyOnWriteArrayList<>();
            MigrateOptions options = MigrateOptions.defaults().withProgress(progress::add);
            List<MigrationRun> first = migrator(db, creates("a"), creates("b")).run(target().connection(), options);
            assertEquals(List.of("create_mig_a", "create_mig_b"), names(first));
            assertTrue(target().raw().hasTable("mig_a") && target().raw().hasTable("mig_b"));
            assertEquals(Map.of("create_mig_a", 1, "create_mig_b", 1), rawLedger());
            String twin = db.on(target().connection()).name().toString();
            assertTrue(progress.stream().anyMatch(line -> line.contains(twin) && line.contains("create_mig_b")
                    && line.endsWith(" ms)")), progress.toString());

            Migrator grown = migrator(db, creates("a"), creates("b"), creates("c"));
            assertTrue(grown.hasPending(target().connection()));
            assertEquals(List.of("create_mig_c"), names(grown.run(target().connection(), options)));
            assertEquals(List.of(), grown.run(target().connection(), options), "nothing left to apply");
            assertEquals(Map.of("create_mig_a", 1, "create_mig_b", 1, "create_mig_c", 2), rawLedger());
            assertFalse(grown.hasPending(target().connection()));

            List<MigrationStatus> status = grown.status(target().connection());
            assertEquals(List.of(1, 1, 2), status.stream().map(MigrationStatus::batch).toList());
            assertTrue(status.stream().allMatch(s -> s.appliedAt() != null && !s.checksumChanged()
                    && s.connection().equals(twin)));
        }
    }

    @Test
    default void rollbackUndoesTheLastBatchOrTheLastStepsAndResetUndoesAll() {
        try (Eloquent db = bootClean()) {
            String conn = target().connection();
            migrator(db, creates("a"), creates("b")).run(conn, MigrateOptions.defaults());
            Migrator all = migrator(db, creates("a"), creates("b"), creates("c"));
            all.run(conn, MigrateOptions.defaults());

            assertEquals(List.of("create_mig_c"), names(all.rollback(conn, 0, MigrateOptions.defaults())));
            assertFalse(target().raw().hasTable("mig_c"));
            assertEquals(Map.of("create_mig_a", 1, "create_mig_b", 1), rawLedger());

            assertEquals(List.of("create_mig_b"), names(all.rollback(conn, 1, MigrateOptions.defaults())),
                    "--step 1 rolls back one migration, not the whole batch 1");
            assertFalse(target().raw().hasTable("mig_b"));
            assertTrue(target().raw().hasTable("mig_a"));
            assertEquals(Map.of("create_mig_a", 1), rawLedger());

            all.run(conn, MigrateOptions.defaults());
            assertEquals(Map.of("create_mig_a", 1, "create_mig_b", 2, "create_mig_c", 2), rawLedger());
            assertEquals(List.of("create_mig_c", "create_mig_b", "create_mig_a"),
                    names(all.reset(conn, MigrateOptions.defaults())), "newest first");
            assertEquals(Map.of(), rawLedger());
            assertFalse(target().raw().hasTable("mig_a"));
            assertEquals(List.of(), all.rollback(conn, 0, MigrateOptions.defaults()), "nothing to roll back");
        }
    }

    @Test
    default void freshDropsEveryTableThenAppliesEverything() {
        try (Eloquent db = bootClean()) {
            String conn = target().connection();
            Migrator migrator = migrator(db, creates("a"), creates("b"));
            migrator.run(conn, MigrateOptions.defaults());
            db.schema(conn).create("mig_stray", t -> t.string("name"));
            db.on(conn).table("mig_a").insert(Map.of("name", "old row"));

            List<MigrationRun> runs = migrator.fresh(conn, MigrateOptions.defaults());
            assertEquals(List.of("create_mig_a", "create_mig_b"), names(runs));
            assertFalse(target().raw().hasTable("mig_stray"), "fresh drops tables no migration knows");
            assertFalse(target().raw().hasTable(TABLE), "fresh drops every table of the connection");
            assertEquals(List.of(), target().raw().rowsOrderedBy("mig_a", "name"), "mig_a was made anew");
            assertEquals(Map.of("create_mig_a", 1, "create_mig_b", 1), rawLedger());
        }
    }

    @Test
    default void pretendRecordsTheStatementsAndChangesNothing() {
        try (Eloquent db = bootClean()) {
            String conn = target().connection();
            List<String> progress = new ArrayList<>();
            Migrator migrator = migrator(db, creates("a"), creates("b"));
            List<MigrationRun> runs = migrator.run(conn, MigrateOptions.defaults().withPretend(true).withProgress(progress::add));
            assertEquals(List.of("create_mig_a", "create_mig_b"), names(runs));
            assertTrue(!runs.get(0).statements().isEmpty() && String.join(" ", runs.get(0).statements()).contains("mig_a"),
                    runs.get(0).statements().toString());
            assertTrue(progress.stream().anyMatch(line -> line.contains("mig_b")), progress.toString());
            assertFalse(target().raw().hasTable("mig_a"));
            assertFalse(target().raw().hasTable(LEDGER), "pretending does not even create the ledger");

            migrator.run(conn, MigrateOptions.defaults());
            List<MigrationRun> undo = migrator.rollback(conn, 0, MigrateOptions.defaults().withPretend(true));
            assertEquals(List.of("create_mig_b", "create_mig_a"), names(undo));
            assertTrue(undo.get(0).statements().get(0).contains("mig_b"), undo.get(0).statements().toString());
            assertTrue(target().raw().hasTable("mig_b"));
            assertEquals(Map.of("create_mig_a", 1, "create_mig_b", 1), rawLedger());
        }
    }

    @Test
    default void aChangedChecksumIsReportedAndRefusedUnlessForced() {
        try (Eloquent db = bootClean()) {
            String conn = target().connection();
            migrator(db, creates("a")).run(conn, MigrateOptions.defaults());
            KitMigration edited = new KitMigration("create_mig_a", schema -> schema.create("mig_a", t -> {
                t.increments("id");
                t.string("name");
                t.integer("added_later").nullable();
            }), schema -> schema.dropIfExists("mig_a"));
            Migrator migrator = migrator(db, edited, creates("b"));

            assertTrue(migrator.status(conn).get(0).checksumChanged());
            assertFalse(migrator.status(conn).get(1).checksumChanged(), "a pending migration has no checksum to compare");
            EloquentException refused = assertThrows(EloquentException.class,
                    () -> migrator.run(conn, MigrateOptions.defaults()));
            assertTrue(refused.getMessage().contains("create_mig_a") && refused.getMessage().contains("changed"),
                    refused.getMessage());
            assertFalse(target().raw().hasTable("mig_b"), "a refused run applies nothing");

            assertEquals(List.of("create_mig_b"), names(migrator.run(conn, MigrateOptions.defaults().withForce(true))));
            assertEquals(Map.of("create_mig_a", 1, "create_mig_b", 2), rawLedger());
        }
    }

    @Test
    default void aFailingMigrationStopsTheRunSaysWhatAppliedAndARerunContinues() {
        try (Eloquent db = bootClean()) {
            String conn = target().connection();
            boolean transactionalDdl = db.connections().connection(conn).supports(Capability.TRANSACTIONAL_DDL);
            // Creates mig_half, then fails creating mig_a again (it exists): half of it ran.
            KitMigration failing = new KitMigration("create_mig_half", schema -> {
                schema.create("mig_half", t -> t.string("name"));
                schema.create("mig_a", t -> t.string("name"));
            }, schema -> schema.dropIfExists("mig_half"));
            MigrationFailedException failure = assertThrows(MigrationFailedException.class,
                    () -> migrator(db, creates("a"), failing, creates("c")).run(conn, MigrateOptions.defaults()));
            assertEquals("create_mig_half", failure.migration());
            assertEquals(List.of("create_mig_a"), failure.applied());
            assertTrue(failure.getMessage().contains("create_mig_half") && failure.getMessage().contains("create_mig_a"),
                    failure.getMessage());
            assertEquals(Map.of("create_mig_a", 1), rawLedger(), "only what completed is recorded");
            assertFalse(target().raw().hasTable("mig_c"), "the run stopped at the failure");
            assertEquals(!transactionalDdl, target().raw().hasTable("mig_half"),
                    transactionalDdl ? "rolled back with its transaction" : "DDL is not transactional: half of it stays");

            KitMigration fixed = new KitMigration("create_mig_half",
                    schema -> schema.createIfNotExists("mig_half", t -> t.string("name")),
                    schema -> schema.dropIfExists("mig_half"));
            assertEquals(List.of("create_mig_half", "create_mig_c"),
                    names(migrator(db, creates("a"), fixed, creates("c")).run(conn, MigrateOptions.defaults())));
            assertEquals(Map.of("create_mig_a", 1, "create_mig_half", 2, "create_mig_c", 2), rawLedger());
        }
    }

    @Test
    default void twoRunnersRacingApplyEachMigrationExactlyOnce() throws Exception {
        try (Eloquent setup = bootClean()) {
            assertFalse(setup.schema(target().connection()).hasTable(LEDGER));
        }
        // Each migration sleeps a little, so that the runners overlap while one holds the lock.
        List<Migration> migrations = new ArrayList<>();
        for (String suffix : List.of("a", "b", "c")) {
            KitMigration plain = creates(suffix);
            migrations.add(new KitMigration(plain.name(), schema -> {
                pause();
                plain.up(schema);
            }, plain::down));
        }
        List<MigrationRun> applied = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Eloquent> instances = List.of(boot(), boot());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Eloquent db : instances) {
                done.add(pool.submit(() -> {
                    try {
                        applied.addAll(db.migrator(migrations).run(target().connection(), MigrateOptions.defaults()));
                    } catch (RuntimeException e) {
                        failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }));
            }
            assertTimeoutPreemptively(Duration.ofMinutes(1), () -> {
                for (Future<?> future : done) {
                    future.get();
                }
            });
        } finally {
            pool.shutdownNow();
            instances.forEach(Eloquent::close);
        }
        assertEquals(List.of(), failures);
        assertEquals(List.of("create_mig_a", "create_mig_b", "create_mig_c"),
                names(applied).stream().sorted().toList(), "each migration applied by exactly one runner");
        assertEquals(Map.of("create_mig_a", 1, "create_mig_b", 1, "create_mig_c", 1), rawLedger());
        assertEquals(List.of(), target().raw().rowsOrderedBy(LOCK, "name"), "the lock was released");
    }

    @Test
    default void aStaleLockIsTakenOverAndALiveOneIsWaitedFor() {
        try (Eloquent db = bootClean()) {
            String conn = target().connection();
            db.migrator(List.of(creates("a"))).run(conn, MigrateOptions.defaults());
            // A runner that died an hour ago left its lock row behind.
            db.on(conn).table(LOCK).insert(Map.of("name", "migrate", "owner", "dead runner",
                    "acquired_ms", System.currentTimeMillis() - Duration.ofHours(1).toMillis()));
            assertEquals(List.of("create_mig_b"),
                    names(db.migrator(List.of(creates("a"), creates("b"))).run(conn, MigrateOptions.defaults())));
            assertEquals(List.of(), target().raw().rowsOrderedBy(LOCK, "name"));

            // A live lock: the runner waits until it is released or, here, goes stale after a second.
            db.on(conn).table(LOCK).insert(Map.of("name", "migrate", "owner", "slow runner",
                    "acquired_ms", System.currentTimeMillis()));
            long start = System.nanoTime();
            List<MigrationRun> runs = db.migrator(List.of(creates("a"), creates("b"), creates("c")))
                    .staleLockAfter(Duration.ofSeconds(1)).run(conn, MigrateOptions.defaults());
            assertEquals(List.of("create_mig_c"), names(runs));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 900, "it waited for the lock");
            assertEquals(Map.of("create_mig_a", 1, "create_mig_b", 2, "create_mig_c", 3), rawLedger());
            assertEquals(List.of(), target().raw().rowsOrderedBy(LOCK, "name"));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
