package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Write;
import dev.eloquent.orm.seed.Factory;
import dev.eloquent.orm.seed.Seeder;
import dev.eloquent.orm.seed.Seeding;
import dev.eloquent.orm.seed.SeedingException;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeders and factories against recording connections: what is sent (one insert per batch, inside a
 * transaction), what comes back into the models, what is reported. The drivers run {@code SeedKit}.
 */
class SeedingTest {
    private static final LocalDateTime NOW = LocalDateTime.ofInstant(Fakes.NOW, ZoneOffset.UTC);

    /** A seeder whose work is given, with a name of its own. */
    private static class Named extends Seeder {
        private final String name;
        private final Runnable work;

        Named(String name, Runnable work) {
            this.name = name;
            this.work = work;
        }

        @Override
        public void run() {
            work.run();
        }

        @Override
        public String name() {
            return name;
        }
    }

    private static Factory<Fakes.Track> tracks(Eloquent db) {
        return Factory.of(db, Fakes.Track.class, faker -> Map.of("name", faker.name().fullName(),
                "plays", faker.number().numberBetween(1, 1000)));
    }

    @Test
    void saveManyInsertsNewModelsInOneStatementAndReadsTheirKeysBack() {
        try (Fakes fakes = new Fakes()) {
            List<Fakes.Track> models = new ArrayList<>();
            for (String name : List.of("a", "b", "c")) {
                models.add(fakes.db.make(Fakes.Track.class).set("name", name));
            }
            fakes.db.saveMany(models);

            List<Write> writes = fakes.sql().writes();
            assertEquals(1, writes.size());
            Write.Insert insert = (Write.Insert) writes.get(0);
            assertEquals("id", insert.returning());
            assertEquals(List.of("name", "plays", "created_at", "updated_at"), insert.columns());
            assertEquals(List.of("a", 0, NOW, NOW), insert.rows().get(0), "defaults and timestamps as save() gives them");
            for (int i = 0; i < 3; i++) {
                Fakes.Track model = models.get(i);
                assertEquals(i + 1, model.getInteger("id"));
                assertTrue(model.exists());
                assertFalse(model.isDirty());
            }
        }
    }

    @Test
    void saveManyStartsANewStatementWhereTheColumnsChange() {
        try (Fakes fakes = new Fakes()) {
            fakes.db.saveMany(List.of(
                    fakes.db.make(Fakes.Track.class).set("name", "a"),
                    fakes.db.make(Fakes.Track.class).set("name", "b").set("genre_id", 3),
                    fakes.db.make(Fakes.Track.class).set("name", "c").set("genre_id", 4)));
            List<Write> writes = fakes.sql().writes();
            assertEquals(2, writes.size());
            assertEquals(1, ((Write.Insert) writes.get(0)).rows().size());
            assertEquals(2, ((Write.Insert) writes.get(1)).rows().size());
        }
    }

    @Test
    void aSeederRunsInATransactionAndItsCalledSeedersInSavepoints() {
        try (Fakes fakes = new Fakes()) {
            List<String> progress = new ArrayList<>();
            Seeder inner = new Named("InnerSeeder", () -> tracks(fakes.db).count(3).seed(1).createMany());
            Seeder outer = new Named("OuterSeeder", () -> { }) {
                @Override
                public void run() {
                    call(inner);
                }
            };
            Seeding.run(fakes.db, "sqlfake", outer, progress::add);

            List<Object> statements = fakes.sql().statements;
            assertEquals(List.of("begin", "begin"), statements.subList(0, 2), "outer transaction, then the savepoint");
            assertTrue(statements.get(2) instanceof Write.Insert);
            assertEquals(List.of("commit", "commit"), statements.subList(3, 5));
            assertEquals(3, progress.size(), () -> "progress: " + progress);
            assertTrue(progress.get(0).matches("  Factory<Track>: 3 Track rows \\.\\.\\. \\d+ ms"), progress.get(0));
            assertTrue(progress.get(1).matches("InnerSeeder on sqlfake \\.\\.\\. \\d+ ms"), progress.get(1));
            assertTrue(progress.get(2).startsWith("OuterSeeder on sqlfake ... "), progress.get(2));
        }
    }

    @Test
    void aConnectionWithoutTransactionsRunsTheSeederDirectly() {
        try (Fakes fakes = new Fakes()) {
            List<String> progress = new ArrayList<>();
            Seeder seeder = new Named("SettingSeeder", () -> Factory.of(fakes.db, Fakes.Setting.class,
                    faker -> Map.of("key", faker.internet().uuid(), "value", "v")).count(2).createMany());
            Seeding.run(fakes.db, "kvfake", seeder, progress::add);
            List<Object> statements = fakes.kv().statements;
            assertEquals(1, statements.size(), "one insert, no transaction: " + statements);
            assertEquals(2, ((Write.Insert) statements.get(0)).rows().size());
            assertTrue(progress.get(progress.size() - 1).startsWith("SettingSeeder on kvfake ... "));
        }
    }

    @Test
    void aSeederThatPinsAConnectionKeepsIt() {
        try (Fakes fakes = new Fakes()) {
            List<String> progress = new ArrayList<>();
            Seeder pinned = new Named("PinnedSeeder", () -> { }) {
                @Override
                public String connection() {
                    return "kvfake";
                }
            };
            Seeding.run(fakes.db, "sqlfake", pinned, progress::add);
            assertTrue(progress.get(0).startsWith("PinnedSeeder on kvfake ... "), progress.get(0));
        }
    }

    @Test
    void aFailingSeederIsNamedAndItsOwnMessageIsNotRepeated() {
        try (Fakes fakes = new Fakes()) {
            IllegalStateException cause = new IllegalStateException("secret-value-42");
            Seeder failing = new Named("FailingSeeder", () -> {
                throw cause;
            });
            Seeder outer = new Named("OuterSeeder", () -> { }) {
                @Override
                public void run() {
                    call(failing);
                }
            };
            SeedingException failure = assertThrows(SeedingException.class,
                    () -> Seeding.run(fakes.db, null, outer, line -> { }));
            assertEquals("FailingSeeder failed on sqlfake: IllegalStateException", failure.getMessage());
            assertEquals("FailingSeeder", failure.seeder());
            assertSame(cause, failure.getCause());
            assertFalse(failure.getMessage().contains("secret-value-42"));
        }
    }

    @Test
    void aSeederOutsideARunRefusesItsInstance() {
        Seeder loose = new Named("LooseSeeder", () -> { }) {
            @Override
            public void run() {
                db();
            }
        };
        EloquentException failure = assertThrows(EloquentException.class, loose::run);
        assertTrue(failure.getMessage().contains("LooseSeeder is not running"), failure::getMessage);
    }

    @Test
    void theSameSeedMakesTheSameRowsAndAnotherSeedOthers() {
        try (Fakes fakes = new Fakes()) {
            List<Map<String, Object>> first = tracks(fakes.db).count(5).seed(42).makeMany().stream()
                    .map(Model::attributes).toList();
            List<Map<String, Object>> again = tracks(fakes.db).count(5).seed(42).makeMany().stream()
                    .map(Model::attributes).toList();
            List<Map<String, Object>> other = tracks(fakes.db).count(5).seed(43).makeMany().stream()
                    .map(Model::attributes).toList();
            assertEquals(first, again);
            assertNotEquals(first, other);
            assertTrue(fakes.sql().statements.isEmpty(), "make() writes nothing");
        }
    }

    @Test
    void statesApplyInOrderAndSequencesCyclePerRow() {
        try (Fakes fakes = new Fakes()) {
            Factory<Fakes.Track> base = tracks(fakes.db);
            List<Fakes.Track> made = base.count(5)
                    .state(Map.of("plays", 7))
                    .state(row -> Map.of("name", "plays " + row.get("plays")))
                    .sequence(Map.of("genre_id", 1), Map.of("genre_id", 2), Map.of("genre_id", 3))
                    .makeMany();
            assertEquals(List.of(1, 2, 3, 1, 2), made.stream().map(track -> track.getInteger("genre_id")).toList());
            made.forEach(track -> assertEquals("plays 7", track.getString("name")));
            assertEquals(1, base.makeMany().size(), "a chained call leaves the factory it was called on as it was");
        }
    }

    @Test
    void aFactoryAttributeCreatesTheParentAndTakesItsKey() {
        try (Fakes fakes = new Fakes()) {
            Fakes.Track track = tracks(fakes.db).state(Map.of("genre_id", tracks(fakes.db))).create();
            List<Write> writes = fakes.sql().writes();
            assertEquals(2, writes.size(), "the parent first, then the row");
            assertEquals(1, track.getInteger("genre_id"), "the parent's generated key");
        }
    }

    @Test
    void forParentCreatesOneParentForEveryRowOfTheCall() {
        try (Fakes fakes = new Fakes()) {
            List<Fakes.Track> made = tracks(fakes.db).count(3)
                    .state(Map.of("genre_id", tracks(fakes.db)))     // replaced by the shared parent: never created
                    .forParent(tracks(fakes.db), "genre_id").createMany();
            List<Write> writes = fakes.sql().writes();
            assertEquals(2, writes.size(), "one parent, then one batch: " + writes);
            assertEquals(1, ((Write.Insert) writes.get(0)).rows().size());
            assertEquals(3, ((Write.Insert) writes.get(1)).rows().size());
            made.forEach(track -> assertEquals(1, track.getInteger("genre_id")));
            EloquentException wrong = assertThrows(EloquentException.class,
                    () -> tracks(fakes.db).forParent(5, "genre_id"));
            assertTrue(wrong.getMessage().contains("forParent takes a Factory or a Model"), wrong::getMessage);
        }
    }

    @Test
    void countsAreChecked() {
        try (Fakes fakes = new Fakes()) {
            EloquentException negative = assertThrows(EloquentException.class, () -> tracks(fakes.db).count(-1));
            assertTrue(negative.getMessage().contains("count must not be negative"), negative::getMessage);
            EloquentException many = assertThrows(EloquentException.class, () -> tracks(fakes.db).count(2).make());
            assertEquals("Factory<Track>.make() makes one model but count is 2: use makeMany()", many.getMessage());
            assertEquals(0, tracks(fakes.db).count(0).createMany().size());
            assertTrue(fakes.sql().writes().isEmpty());
        }
    }
}
