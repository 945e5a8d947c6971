package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Env;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.Write;
import dev.eloquent.orm.migration.MigrateOptions;
import dev.eloquent.orm.migration.Migration;
import dev.eloquent.orm.migration.MigrationFailedException;
import dev.eloquent.orm.migration.MigrationRun;
import dev.eloquent.orm.migration.MigrationStatus;
import dev.eloquent.resolver.DriverRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the migrator sends, on recording connections: the lock around the work, one transaction per
 * migration with its ledger row where DDL is transactional, the ledger row after the migration where it
 * is not (the document fake), pins, batches, checksum refusal and rollback order.
 */
class MigratorPlanTest {
    private static final List<String> LEDGER_COLUMNS = List.of("migration", "batch", "checksum", "applied_at");
    private final Fakes fakes = new Fakes();

    @AfterEach
    void close() {
        fakes.close();
    }

    /** A migration that creates one table and drops it; optionally pinned. */
    private record Creates(String table, String connection) implements Migration {
        Creates(String table) {
            this(table, null);
        }

        @Override
        public void up(SchemaBuilder schema) {
            schema.create(table, t -> {
                t.increments("id");
                t.string("name");
            });
        }

        @Override
        public void down(SchemaBuilder schema) {
            schema.drop(table);
        }

        @Override
        public String name() {
            return "create_" + table;
        }
    }

    /** A readable trace: "begin", "commit", "create x", "drop x", "insert t", "delete t", "select t". */
    private static List<String> trace(RecordingConnection connection) {
        List<String> trace = new ArrayList<>();
        for (Object statement : connection.statements) {
            if (statement instanceof String text) {
                trace.add(text);
            } else if (statement instanceof SchemaChange.CreateTable create) {
                trace.add("create " + create.table().name());
            } else if (statement instanceof SchemaChange.DropTable drop) {
                trace.add("drop " + drop.table());
            } else if (statement instanceof Write write) {
                trace.add(write.getClass().getSimpleName().toLowerCase() + " " + write.table());
            } else if (statement instanceof dev.eloquent.api.Query query) {
                trace.add("select " + query.from().name());
            }
        }
        return trace;
    }

    @Test
    void eachMigrationCommitsWithItsLedgerRowWhereDdlIsTransactionalInsideTheLock() {
        RecordingConnection sql = fakes.sql();
        List<MigrationRun> runs = fakes.db.migrator(List.of(new Creates("a"), new Creates("b")))
                .run("sqlfake", MigrateOptions.defaults());
        assertEquals(List.of(1, 1), runs.stream().map(MigrationRun::batch).toList());
        assertEquals(List.of(
                "insert eloquent_migration_lock", "select eloquent_migrations",
                "begin", "create a", "insert eloquent_migrations", "commit",
                "begin", "create b", "insert eloquent_migrations", "commit",
                "delete eloquent_migration_lock"), trace(sql));
        Write.Insert ledgerRow = (Write.Insert) sql.writes().get(1);
        assertEquals("create_a", ledgerRow.rows().get(0).get(ledgerRow.columns().indexOf("migration")));
        assertEquals(64, ((String) ledgerRow.rows().get(0).get(ledgerRow.columns().indexOf("checksum"))).length());
    }

    @Test
    void withoutTransactionalDdlTheLedgerRowFollowsTheMigrationAndPinsAreKept() {
        RecordingConnection doc = fakes.doc();
        fakes.db.migrator(List.of(new Creates("a"), new Creates("pinned_sql", "sqlfake"), new Creates("b", "docfake")))
                .run("docfake", MigrateOptions.defaults());
        assertEquals(List.of(
                "insert eloquent_migration_lock", "select eloquent_migrations",
                "create a", "insert eloquent_migrations",
                "create b", "insert eloquent_migrations",
                "delete eloquent_migration_lock"), trace(doc));
    }

    @Test
    void theNextBatchFollowsTheLedgerAndAChangedChecksumIsRefusedUnlessForcedTheLockReleased() {
        RecordingConnection sql = fakes.sql();
        Object[] applied = {"create_a", 3, "0".repeat(64), LocalDateTime.of(2024, 1, 1, 0, 0)};
        sql.answer(LEDGER_COLUMNS, applied);
        var migrator = fakes.db.migrator(List.of(new Creates("a"), new Creates("b")));
        EloquentException refused = assertThrows(EloquentException.class,
                () -> migrator.run("sqlfake", MigrateOptions.defaults()));
        assertTrue(refused.getMessage().contains("create_a") && refused.getMessage().contains("changed"), refused.getMessage());
        assertEquals("delete eloquent_migration_lock", trace(sql).get(trace(sql).size() - 1), "released in finally");
        assertFalse(trace(sql).contains("create b"));

        sql.answer(LEDGER_COLUMNS, applied);
        List<MigrationRun> forced = migrator.run("sqlfake", MigrateOptions.defaults().withForce(true));
        assertEquals(List.of("create_b"), forced.stream().map(MigrationRun::migration).toList());
        assertEquals(4, forced.get(0).batch());

        sql.answer(LEDGER_COLUMNS, applied);
        List<MigrationStatus> status = migrator.status("sqlfake");
        assertTrue(status.get(0).checksumChanged());
        assertEquals(3, status.get(0).batch());
        assertEquals(null, status.get(1).batch());
    }

    @Test
    void rollbackUndoesNewestFirstAndStepsCountMigrations() {
        RecordingConnection sql = fakes.sql();
        Object[][] ledger = {{"create_a", 1, "x", null}, {"create_b", 2, "x", null}, {"create_c", 2, "x", null}};
        var migrator = fakes.db.migrator(List.of(new Creates("a"), new Creates("b"), new Creates("c")));
        sql.answer(LEDGER_COLUMNS, ledger);
        assertEquals(List.of("create_c", "create_b"), migrator.rollback("sqlfake", 0, MigrateOptions.defaults())
                .stream().map(MigrationRun::migration).toList());
        assertTrue(trace(sql).containsAll(List.of("drop c", "delete eloquent_migrations", "drop b")));
        assertTrue(trace(sql).indexOf("drop c") < trace(sql).indexOf("drop b"));

        sql.answer(LEDGER_COLUMNS, ledger);
        assertEquals(List.of("create_c"), migrator.rollback("sqlfake", 1, MigrateOptions.defaults())
                .stream().map(MigrationRun::migration).toList());
        sql.answer(LEDGER_COLUMNS, ledger);
        assertEquals(3, migrator.reset("sqlfake", MigrateOptions.defaults()).size());
    }

    @Test
    void aFailingMigrationNamesItselfAndWhatApplied() {
        RecordingConnection sql = fakes.sql();
        Migration broken = new Migration() {
            @Override
            public void up(SchemaBuilder schema) {
                throw new EloquentException("cannot do that");
            }

            @Override
            public void down(SchemaBuilder schema) {
            }

            @Override
            public String name() {
                return "broken";
            }
        };
        MigrationFailedException failure = assertThrows(MigrationFailedException.class,
                () -> fakes.db.migrator(List.of(new Creates("a"), broken, new Creates("c"))).run("sqlfake",
                        MigrateOptions.defaults()));
        assertEquals(List.of("create_a"), failure.applied());
        assertTrue(failure.getMessage().contains("broken") && failure.getMessage().contains("cannot do that"),
                failure.getMessage());
        assertFalse(trace(sql).contains("create c"));
        assertEquals("delete eloquent_migration_lock", trace(sql).get(trace(sql).size() - 1));
    }

    @Test
    void pretendSendsNothingButReadsTheLedger() {
        RecordingConnection sql = fakes.sql();
        List<String> progress = new ArrayList<>();
        List<MigrationRun> runs = fakes.db.migrator(List.of(new Creates("a")))
                .run("sqlfake", MigrateOptions.defaults().withPretend(true).withProgress(progress::add));
        assertEquals(List.of("select eloquent_migrations"), trace(sql));
        assertTrue(String.join(" ", runs.get(0).statements()).contains("a"));
        assertTrue(progress.get(0).contains("sqlfake") && progress.get(0).contains("create_a"), progress.toString());
    }

    @Test
    void aLedgerRowNoMigrationMatchesIsListedAndCannotBeRolledBack() {
        RecordingConnection sql = fakes.sql();
        Object[] gone = {"create_gone", 1, "x", null};
        var migrator = fakes.db.migrator(List.of(new Creates("a")));
        sql.answer(LEDGER_COLUMNS, gone);
        List<MigrationStatus> status = migrator.status("sqlfake");
        assertEquals(List.of("create_a", "create_gone"), status.stream().map(MigrationStatus::migration).toList());
        assertFalse(status.get(0).applied());
        assertEquals(1, status.get(1).batch());

        sql.answer(LEDGER_COLUMNS, gone);
        EloquentException refused = assertThrows(EloquentException.class,
                () -> migrator.rollback("sqlfake", 0, MigrateOptions.defaults()));
        assertTrue(refused.getMessage().contains("create_gone") && refused.getMessage().contains("no longer provides"),
                refused.getMessage());
        assertEquals("delete eloquent_migration_lock", trace(sql).get(trace(sql).size() - 1));
    }

    @Test
    void duplicateNamesAndNegativeStepsAreRefused() {
        EloquentException duplicate = assertThrows(EloquentException.class,
                () -> fakes.db.migrator(List.of(new Creates("a"), new Creates("a"))));
        assertTrue(duplicate.getMessage().contains("create_a"), duplicate.getMessage());
        EloquentException negative = assertThrows(EloquentException.class,
                () -> fakes.db.migrator(List.of()).rollback("sqlfake", -1, MigrateOptions.defaults()));
        assertTrue(negative.getMessage().contains("-1"), negative.getMessage());
    }

    @Test
    void migrateOnBootAppliesPendingMigrationsOnTheNamedConnections() {
        RecordingConnection.RecordingDriver sqlDriver = new RecordingConnection.RecordingDriver("sqlfake", Fakes.SQL);
        RecordingConnection.RecordingDriver docDriver = new RecordingConnection.RecordingDriver("docfake", Fakes.DOCUMENTS);
        try (Eloquent db = Eloquent.builder().env(Env.of(Map.of("DB_CONNECTION", "sqlfake")))
                .drivers(DriverRegistry.of(sqlDriver, docDriver))
                .migrateOnBoot(List.of(new Creates("a")), "sqlfake", "docfake").boot()) {
            assertTrue(trace(sqlDriver.last).contains("create a"));
            assertTrue(trace(docDriver.last).contains("create a"));
        }
    }
}
