package dev.eloquent.orm.migration;

import dev.eloquent.api.Capability;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.ReadScope;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.SchemaBuilder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies and undoes an application's migrations on one connection at a time, keeping the ledger
 * ({@code eloquent_migrations}) and holding the lock ({@code eloquent_migration_lock}) while it changes
 * anything. Get one with {@code db.migrator(migrations)}; a connection argument of null means the
 * default connection, and every name means its {@code _test} twin in test mode.
 *
 * <p>The migrations that apply to a connection are the unpinned ones and those pinned to it, in the
 * order the application lists them. Where the connection claims {@link Capability#TRANSACTIONAL_DDL}
 * (PostgreSQL, SQLite) each migration and its ledger row commit together; elsewhere (MySQL, MongoDB)
 * the ledger row is written right after the migration, so a migration that fails halfway leaves what it
 * did and is not recorded.
 */
public final class Migrator {
    /** How long a held lock counts as live: a runner that died is taken over after this. */
    public static final Duration DEFAULT_STALE_LOCK = Duration.ofMinutes(10);

    private final Eloquent db;
    private final List<Migration> migrations;
    private final Clock clock;
    private Duration staleLock = DEFAULT_STALE_LOCK;

    /** Prefer {@code db.migrator(migrations)}. Names must be unique. */
    public Migrator(Eloquent db, List<Migration> migrations) {
        this(db, migrations, Clock.systemUTC());
    }

    Migrator(Eloquent db, List<Migration> migrations, Clock clock) {
        this.db = db;
        this.migrations = List.copyOf(migrations);
        this.clock = clock;
        Set<String> names = new HashSet<>();
        for (Migration migration : this.migrations) {
            if (!names.add(migration.name())) {
                throw new EloquentException("two migrations are named " + migration.name()
                        + ": ledger names must be unique");
            }
        }
    }

    /** After how long a held lock is taken over (default ten minutes). */
    public Migrator staleLockAfter(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new EloquentException("the stale lock timeout must be zero or positive");
        }
        this.staleLock = timeout;
        return this;
    }

    // ---- commands ----

    /**
     * Applies the pending migrations of the connection as one new batch. Every command reads on the
     * primary ({@link ReadScope#onPrimary}): the ledger and the lock must never be read from a replica
     * that has not caught up (a migration would run twice).
     */
    public List<MigrationRun> run(String connection, MigrateOptions options) {
        return ReadScope.onPrimary(() -> {
            String name = resolve(connection);
            if (options.pretend()) {
                return pretendRun(name, options, new MigrationLedger(db, name).entries());
            }
            return lock(name).holding(() -> applyPending(name, options));
        });
    }

    /** Undoes the last batch ({@code steps} 0) or the last {@code steps} migrations, newest first. */
    public List<MigrationRun> rollback(String connection, int steps, MigrateOptions options) {
        if (steps < 0) {
            throw new EloquentException("rollback steps must be 0 (the last batch) or more, not " + steps);
        }
        return ReadScope.onPrimary(() -> {
            String name = resolve(connection);
            if (options.pretend()) {
                return undo(name, select(new MigrationLedger(db, name).entries(), steps), options);
            }
            return lock(name).holding(() -> undo(name, select(new MigrationLedger(db, name).entries(), steps), options));
        });
    }

    /** Undoes every applied migration, newest first. */
    public List<MigrationRun> reset(String connection, MigrateOptions options) {
        return rollback(connection, Integer.MAX_VALUE, options);
    }

    /**
     * Drops every table of the connection (the lock's aside), then applies every migration. When
     * pretending, the first run returned, named {@code (drop all tables)}, lists the drops.
     */
    public List<MigrationRun> fresh(String connection, MigrateOptions options) {
        return ReadScope.onPrimary(() -> freshOnPrimary(connection, options));
    }

    private List<MigrationRun> freshOnPrimary(String connection, MigrateOptions options) {
        String name = resolve(connection);
        DatabaseConnection target = connectionOf(name);
        target.require(Capability.SCHEMA);
        if (options.pretend()) {
            List<MigrationRun> runs = new ArrayList<>();
            List<String> drops = new ArrayList<>();
            for (String table : target.tables()) {
                if (!table.equals(MigrationLock.TABLE)) {
                    drops.addAll(target.describe(new SchemaChange.DropTable(table, true)));
                }
            }
            runs.add(new MigrationRun(name, "(drop all tables)", 0, Duration.ZERO, drops));
            runs.addAll(pretendRun(name, options, List.of()));
            return runs;
        }
        return lock(name).holding(() -> {
            long start = System.nanoTime();
            dropAllTables(name, target);
            options.progress().accept(line(name, "dropped all tables", start));
            return applyPending(name, options);
        });
    }

    /** Every migration of the connection, applied or pending, then any ledger row no migration matches. */
    public List<MigrationStatus> status(String connection) {
        return ReadScope.onPrimary(() -> statusOnPrimary(connection));
    }

    private List<MigrationStatus> statusOnPrimary(String connection) {
        String name = resolve(connection);
        Map<String, MigrationLedger.Entry> applied = byName(new MigrationLedger(db, name).entries());
        List<MigrationStatus> statuses = new ArrayList<>();
        for (Migration migration : applicable(name)) {
            MigrationLedger.Entry entry = applied.remove(migration.name());
            statuses.add(entry == null
                    ? new MigrationStatus(name, migration.name(), null, null, false)
                    : new MigrationStatus(name, migration.name(), entry.batch(), entry.appliedAt(),
                    !checksum(name, migration).equals(entry.checksum())));
        }
        for (MigrationLedger.Entry orphan : applied.values()) {
            statuses.add(new MigrationStatus(name, orphan.migration(), orphan.batch(), orphan.appliedAt(), false));
        }
        return statuses;
    }

    public boolean hasPending(String connection) {
        return status(connection).stream().anyMatch(status -> !status.applied());
    }

    // ---- applying ----

    private List<MigrationRun> applyPending(String name, MigrateOptions options) {
        MigrationLedger ledger = new MigrationLedger(db, name);
        ledger.ensure();
        List<MigrationLedger.Entry> entries = ledger.entries();
        refuseChangedChecksums(name, entries, options);
        Set<String> done = byName(entries).keySet();
        int batch = entries.stream().mapToInt(MigrationLedger.Entry::batch).max().orElse(0) + 1;
        boolean transactional = connectionOf(name).supports(Capability.TRANSACTIONAL_DDL);
        List<MigrationRun> runs = new ArrayList<>();
        for (Migration migration : applicable(name)) {
            if (done.contains(migration.name())) {
                continue;
            }
            long start = System.nanoTime();
            options.progress().accept(line(name, "migrating " + migration.name(), -1));
            List<String> statements;
            try {
                // Recorded first (the checksum and the run's statements): a migration that throws fails here too.
                statements = describe(name, migration::up);
                String checksum = checksum(name, migration);
                inTransactionIf(transactional, name, () -> {
                    migration.up(db.schema(name));
                    ledger.record(migration.name(), batch, checksum, clock.instant());
                });
            } catch (RuntimeException e) {
                throw new MigrationFailedException(name, migration.name(), runs.stream().map(MigrationRun::migration).toList(),
                        transactional ? "its changes were rolled back and it is not recorded"
                                : connectionOf(name).driverName() + " cannot roll back schema changes, so whatever"
                                + " it changed before the failure stays and it is not recorded as applied; undo"
                                + " that by hand before a re-run", e);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            runs.add(new MigrationRun(name, migration.name(), batch, took, statements));
            options.progress().accept(line(name, "migrated  " + migration.name(), start));
        }
        if (runs.isEmpty()) {
            options.progress().accept(line(name, "nothing to migrate", -1));
        }
        return runs;
    }

    private List<MigrationRun> pretendRun(String name, MigrateOptions options, List<MigrationLedger.Entry> entries) {
        Set<String> done = byName(entries).keySet();
        int batch = entries.stream().mapToInt(MigrationLedger.Entry::batch).max().orElse(0) + 1;
        List<MigrationRun> runs = new ArrayList<>();
        for (Migration migration : applicable(name)) {
            if (!done.contains(migration.name())) {
                List<String> statements = describe(name, migration::up);
                runs.add(new MigrationRun(name, migration.name(), batch, Duration.ZERO, statements));
                options.progress().accept(line(name, "would migrate " + migration.name(), -1));
                statements.forEach(statement -> options.progress().accept("  " + statement));
            }
        }
        return runs;
    }

    private void refuseChangedChecksums(String name, List<MigrationLedger.Entry> entries, MigrateOptions options) {
        Map<String, MigrationLedger.Entry> applied = byName(entries);
        List<String> changed = new ArrayList<>();
        for (Migration migration : applicable(name)) {
            MigrationLedger.Entry entry = applied.get(migration.name());
            if (entry != null && !checksum(name, migration).equals(entry.checksum())) {
                changed.add(migration.name());
            }
        }
        if (!changed.isEmpty() && !options.force()) {
            throw new EloquentException("applied migrations changed since they ran on connection '" + name + "': "
                    + changed + "; restore them (write a new migration for new changes), or force the run");
        }
        changed.forEach(migration -> options.progress().accept(line(name, "changed since applied (forced): " + migration, -1)));
    }

    // ---- undoing ----

    /** The ledger rows to undo, newest first: the last batch, or the last {@code steps} migrations. */
    private List<MigrationLedger.Entry> select(List<MigrationLedger.Entry> entries, int steps) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < migrations.size(); i++) {
            position.put(migrations.get(i).name(), i);
        }
        List<MigrationLedger.Entry> newestFirst = new ArrayList<>(entries);
        newestFirst.sort(Comparator.comparingInt(MigrationLedger.Entry::batch)
                .thenComparingInt(entry -> position.getOrDefault(entry.migration(), -1)).reversed());
        if (steps == 0) {
            int last = newestFirst.isEmpty() ? 0 : newestFirst.get(0).batch();
            return newestFirst.stream().filter(entry -> entry.batch() == last).toList();
        }
        return newestFirst.subList(0, Math.min(steps, newestFirst.size()));
    }

    private List<MigrationRun> undo(String name, List<MigrationLedger.Entry> entries, MigrateOptions options) {
        Map<String, Migration> known = new HashMap<>();
        migrations.forEach(migration -> known.put(migration.name(), migration));
        MigrationLedger ledger = new MigrationLedger(db, name);
        boolean transactional = connectionOf(name).supports(Capability.TRANSACTIONAL_DDL);
        List<MigrationRun> runs = new ArrayList<>();
        for (MigrationLedger.Entry entry : entries) {
            Migration migration = known.get(entry.migration());
            if (migration == null) {
                throw new EloquentException("the ledger of connection '" + name + "' lists migration "
                        + entry.migration() + ", which the application no longer provides; it cannot be rolled back");
            }
            if (options.pretend()) {
                List<String> statements = describe(name, migration::down);
                runs.add(new MigrationRun(name, migration.name(), entry.batch(), Duration.ZERO, statements));
                options.progress().accept(line(name, "would roll back " + migration.name(), -1));
                statements.forEach(statement -> options.progress().accept("  " + statement));
                continue;
            }
            long start = System.nanoTime();
            options.progress().accept(line(name, "rolling back " + migration.name(), -1));
            SchemaBuilder schema = db.schema(name);
            try {
                inTransactionIf(transactional, name, () -> {
                    migration.down(schema);
                    ledger.forget(migration.name());
                });
            } catch (RuntimeException e) {
                throw new MigrationFailedException(name, migration.name() + " (down)",
                        runs.stream().map(MigrationRun::migration).toList(),
                        "it is still recorded as applied", e);
            }
            DatabaseConnection connection = connectionOf(name);
            List<String> statements = schema.recorded().stream().flatMap(change -> connection.describe(change).stream()).toList();
            runs.add(new MigrationRun(name, migration.name(), entry.batch(), Duration.ofNanos(System.nanoTime() - start),
                    statements));
            options.progress().accept(line(name, "rolled back " + migration.name(), start));
        }
        if (runs.isEmpty()) {
            options.progress().accept(line(name, "nothing to roll back", -1));
        }
        return runs;
    }

    /**
     * Drops every table but the lock's. Foreign keys may forbid an order, so tables that cannot be dropped
     * yet are retried after the others, until a round drops nothing.
     */
    private void dropAllTables(String name, DatabaseConnection connection) {
        List<String> remaining = new ArrayList<>(connection.tables());
        remaining.remove(MigrationLock.TABLE);
        SchemaBuilder schema = db.schema(name);
        while (!remaining.isEmpty()) {
            List<String> failed = new ArrayList<>();
            EloquentException last = null;
            for (String table : remaining) {
                try {
                    schema.dropIfExists(table);
                } catch (EloquentException e) {
                    failed.add(table);
                    last = e;
                }
            }
            if (failed.size() == remaining.size()) {
                throw last;
            }
            remaining = failed;
        }
    }

    // ---- helpers ----

    private void inTransactionIf(boolean transactional, String name, Runnable work) {
        if (transactional) {
            db.on(name).transaction(() -> {
                work.run();
                return null;
            });
        } else {
            work.run();
        }
    }

    /**
     * The migrations of a connection (null: the default): the unpinned ones and those pinned to it, in order.
     * Only names are compared, so no driver is needed (model-first generation works offline).
     */
    public List<Migration> migrationsOf(String connection) {
        return applicable((connection == null ? db.connections().defaultName()
                : db.connections().resolve(connection)).toString());
    }

    /** The migrations for this connection: unpinned ones and those pinned to it, in the application's order. */
    private List<Migration> applicable(String name) {
        List<Migration> applicable = new ArrayList<>();
        for (Migration migration : migrations) {
            // A pin is only compared, not checked: a pin to a driver absent here simply does not match.
            if (migration.connection() == null
                    || db.connections().resolve(migration.connection()).toString().equals(name)) {
                applicable.add(migration);
            }
        }
        return applicable;
    }

    private String resolve(String connection) {
        return (connection == null ? db.connections().defaultName() : db.connections().check(connection)).toString();
    }

    private DatabaseConnection connectionOf(String name) {
        return db.connections().connection(name);
    }

    private MigrationLock lock(String name) {
        return new MigrationLock(db, name, staleLock, clock);
    }

    private static Map<String, MigrationLedger.Entry> byName(List<MigrationLedger.Entry> entries) {
        Map<String, MigrationLedger.Entry> byName = new LinkedHashMap<>();
        entries.forEach(entry -> byName.put(entry.migration(), entry));
        return byName;
    }

    /**
     * The statements a step would run on the connection, as the driver describes them (SQL text on SQL
     * drivers), recorded without changing anything; {@code hasTable}/{@code hasColumn} are answered by
     * the connection.
     */
    private List<String> describe(String name, java.util.function.Consumer<SchemaBuilder> step) {
        DatabaseConnection connection = connectionOf(name);
        SchemaBuilder recording = SchemaBuilder.recording(connection);
        step.accept(recording);
        return recording.recorded().stream().flatMap(change -> connection.describe(change).stream()).toList();
    }

    /**
     * SHA-256 of the neutral schema changes {@code up} records (records print every field), the same on
     * every driver: editing an applied migration's schema changes it.
     */
    private String checksum(String name, Migration migration) {
        SchemaBuilder recording = SchemaBuilder.recording(connectionOf(name));
        migration.up(recording);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String statement : recording.recorded().stream().map(SchemaChange::toString).toList()) {
                digest.update(statement.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private String line(String name, String what, long startNanos) {
        String took = startNanos < 0 ? "" : " (" + Duration.ofNanos(System.nanoTime() - startNanos).toMillis() + " ms)";
        return "[" + name + " " + Instant.now(clock) + "] " + what + took;
    }
}
