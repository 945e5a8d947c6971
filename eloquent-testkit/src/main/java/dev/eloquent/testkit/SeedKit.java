package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.seed.Factory;
import dev.eloquent.orm.seed.Seeder;
import dev.eloquent.orm.seed.Seeding;
import dev.eloquent.orm.seed.SeedingException;
import net.datafaker.Faker;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeders and factories (docs/seeding.md): a seeder that calls another, the rollback of a failed seeder
 * where the connection has transactions, factory counts, states and sequences, the same data for the
 * same seed, one insert statement for a {@code createMany}, and parents made by a factory attribute.
 * Every result is read back through the raw second path, on the music store's {@code artists} and
 * {@code albums} tables.
 */
public interface SeedKit extends KitSupport {
    String ARTISTS = "artists";
    String ALBUMS = "albums";

    /** Artists with fake names. */
    final class ArtistFactory extends Factory<Artist> {
        public ArtistFactory(Eloquent db) {
            super(db, Artist.class);
        }

        @Override
        protected Map<String, Object> definition(Faker faker) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", faker.name().fullName());
            return row;
        }
    }

    /** Albums, each of a new artist unless {@code artist_id} is given. */
    final class AlbumFactory extends Factory<Album> {
        public AlbumFactory(Eloquent db) {
            super(db, Album.class);
        }

        @Override
        protected Map<String, Object> definition(Faker faker) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("title", faker.book().title());
            row.put("artist_id", new ArtistFactory(db()));
            row.put("released", faker.number().numberBetween(1950, 2025));
            return row;
        }
    }

    /** Boots in test mode on the target with {@code artists} and {@code albums} dropped and created anew. */
    private Eloquent bootStore() {
        Eloquent db = Eloquent.builder().env(target().env()).testMode()
                .register(Artist.class, Artist::new).register(Album.class, Album::new).boot();
        try {
            db.dropTables(Artist.class, Album.class);
            db.createTables(Artist.class, Album.class);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private List<String> rawColumn(String table, String column) {
        List<String> values = new ArrayList<>();
        target().raw().rows(table).forEach(row -> values.add(String.valueOf(row.get(column))));
        return values;
    }

    private static Seeder seeder(String name, Runnable run) {
        return new NamedSeeder(name, run);
    }

    @Test
    default void seedingRunsASeederThatCallsAnotherAndReportsEach() {
        try (Eloquent db = bootStore()) {
            List<String> progress = new CopyOnWriteArrayList<>();
            Seeder artists = seeder("ArtistSeeder", () -> new ArtistFactory(db).count(3).createMany());
            Seeder main = new NamedSeeder("DatabaseSeeder", null) {
                @Override
                public void run() {
                    call(artists);
                    new AlbumFactory(db()).count(2).createMany();
                }
            };
            Seeding.run(db, target().connection(), main, progress::add);

            assertEquals(5, target().raw().rows(ARTISTS).size(), "3 by the called seeder, 2 as album parents");
            assertEquals(2, target().raw().rows(ALBUMS).size());
            String connection = target().connection() + "_test";
            assertTrue(progress.stream().anyMatch(line -> line.matches("ArtistSeeder on " + connection + " \\.\\.\\. \\d+ ms")),
                    () -> "progress: " + progress);
            assertTrue(progress.get(progress.size() - 1).startsWith("DatabaseSeeder on " + connection + " ... "),
                    () -> "the calling seeder reports last: " + progress);
            assertTrue(progress.stream().anyMatch(line -> line.contains("AlbumFactory: 2 Album rows")),
                    () -> "factories report their row counts: " + progress);
        }
    }

    @Test
    default void seedingRollsBackEverySeederOfAFailedRunAndNamesTheFailingOne() {
        try (Eloquent db = bootStore()) {
            assumeCapability(db, Capability.TRANSACTIONS);
            Seeder artists = seeder("ArtistSeeder", () -> new ArtistFactory(db).count(3).createMany());
            Seeder failing = seeder("BrokenSeeder", () -> {
                new AlbumFactory(db).create();
                throw new IllegalStateException("broken on purpose");
            });
            Seeder main = new NamedSeeder("DatabaseSeeder", null) {
                @Override
                public void run() {
                    call(artists, failing);
                }
            };
            SeedingException failure = assertThrows(SeedingException.class,
                    () -> Seeding.run(db, target().connection(), main, line -> { }));
            assertEquals("BrokenSeeder", failure.seeder());
            assertTrue(failure.getMessage().startsWith("BrokenSeeder failed on " + target().connection() + "_test: "
                    + "IllegalStateException"), failure::getMessage);
            assertEquals(0, target().raw().rows(ARTISTS).size(), "the called seeder's rows roll back too");
            assertEquals(0, target().raw().rows(ALBUMS).size());
        }
    }

    @Test
    default void seedingRollsBackWhenAStatementFailedEvenIfTheSeederCaughtIt() {
        try (Eloquent db = bootStore()) {
            assumeCapability(db, Capability.TRANSACTIONS);
            assumeCapability(db, Capability.RAW_SQL);
            Seeder swallowing = seeder("SwallowingSeeder", () -> {
                new ArtistFactory(db).count(2).createMany();
                try {
                    db.on(target().connection()).statement("insert into no_such_table_seed (x) values (?)", 1);
                } catch (EloquentException expected) {
                    // the seeder carries on; the transaction is rollback-only all the same
                }
            });
            SeedingException failure = assertThrows(SeedingException.class,
                    () -> Seeding.run(db, target().connection(), swallowing, line -> { }));
            assertTrue(failure.getMessage().startsWith("SwallowingSeeder failed on "), failure::getMessage);
            assertEquals(0, target().raw().rows(ARTISTS).size());
        }
    }

    @Test
    default void seedingWithoutTransactionsKeepsWhatWasWrittenBeforeTheFailure() {
        try (Eloquent db = bootStore()) {
            var connection = db.connections().connection(target().connection());
            Assumptions.assumeFalse(connection.supports(Capability.TRANSACTIONS),
                    "skipped: driver " + connection.driverName() + " has transactions (see the rollback cases)");
            Seeder failing = seeder("HalfSeeder", () -> {
                new ArtistFactory(db).count(2).createMany();
                throw new IllegalStateException("half way");
            });
            SeedingException failure = assertThrows(SeedingException.class,
                    () -> Seeding.run(db, target().connection(), failing, line -> { }));
            assertTrue(failure.getMessage().startsWith("HalfSeeder failed on "), failure::getMessage);
            assertEquals(2, target().raw().rows(ARTISTS).size(), "documented: no rollback without transactions");
        }
    }

    @Test
    default void seedingFactoryAppliesCountStatesAndSequencesPerRow() {
        try (Eloquent db = bootStore()) {
            Artist artist = new ArtistFactory(db).state(Map.of("name", "Solo")).create();
            List<Album> albums = new AlbumFactory(db).count(5)
                    .state(Map.of("artist_id", artist.getKey()))
                    .state(row -> Map.of("title", "Vol. " + row.get("released")))
                    .sequence(Map.of("released", 1990), Map.of("released", 2000))
                    .createMany();
            assertEquals(5, albums.size());
            albums.forEach(album -> assertNotNull(album.getKey(), "every created model has its key"));

            assertEquals(List.of("Solo"), rawColumn(ARTISTS, "name"), "no parent made when the key is given");
            List<Map<String, Object>> rows = target().raw().rows(ALBUMS);
            assertEquals(5, rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> row = rows.get(i);
                assertEquals(i % 2 == 0 ? 1990L : 2000L, ((Number) row.get("released")).longValue(), "row " + i);
                assertEquals(String.valueOf(artist.getKey()), String.valueOf(row.get("artist_id")));
                assertTrue(String.valueOf(row.get("title")).startsWith("Vol. "), "a state sees the row so far");
                assertEquals(String.valueOf(albums.get(i).getKey()), String.valueOf(row.get("id")),
                        "keys are read back in row order");
            }
            List<Album> unsaved = new AlbumFactory(db).count(2).state(Map.of("artist_id", 1)).makeMany();
            assertEquals(2, unsaved.size());
            assertTrue(unsaved.stream().noneMatch(Album::exists));
            assertEquals(5, target().raw().rows(ALBUMS).size(), "make() saves nothing");
            EloquentException many = assertThrows(EloquentException.class, () -> new ArtistFactory(db).count(2).create());
            assertTrue(many.getMessage().contains("use createMany()"), many::getMessage);
        }
    }

    @Test
    default void seedingFactoryWithTheSameSeedMakesTheSameData() {
        try (Eloquent db = bootStore()) {
            new ArtistFactory(db).count(4).seed(42).createMany();
            new ArtistFactory(db).count(4).seed(42).createMany();
            new ArtistFactory(db).count(4).seed(7).createMany();
            List<String> names = rawColumn(ARTISTS, "name");
            assertEquals(12, names.size());
            assertEquals(names.subList(0, 4), names.subList(4, 8), "seed 42 twice: the same names");
            assertNotEquals(names.subList(0, 4), names.subList(8, 12), "another seed: other names");
        }
    }

    @Test
    default void seedingCreateManyIsOneInsertStatement() {
        try (Eloquent db = bootStore()) {
            AtomicInteger inserts = new AtomicInteger();
            db.listen(event -> {
                if (event.statement().strip().toLowerCase(java.util.Locale.ROOT).startsWith("insert")) {
                    inserts.incrementAndGet();
                }
            });
            List<Artist> artists = new ArtistFactory(db).count(50).seed(1).createMany();
            assertEquals(1, inserts.get(), "50 rows, one statement");
            assertEquals(50, target().raw().rows(ARTISTS).size());
            assertEquals(50, artists.stream().map(Artist::getKey).distinct().count(), "each row has its own key");
        }
    }

    @Test
    default void seedingFactoryAttributeCreatesTheParentOfEachRow() {
        try (Eloquent db = bootStore()) {
            List<Album> albums = new AlbumFactory(db).count(3).createMany();
            List<Map<String, Object>> artists = target().raw().rows(ARTISTS);
            assertEquals(3, artists.size(), "one parent per row");
            List<String> artistIds = artists.stream().map(row -> String.valueOf(row.get("id"))).toList();
            List<String> albumArtists = rawColumn(ALBUMS, "artist_id");
            assertEquals(artistIds, albumArtists, "each album points at the artist made for it");
            assertEquals(albumArtists, albums.stream().map(album -> String.valueOf(album.get("artist_id"))).toList());

            Artist given = db.make(Artist.class).set("name", "Given");
            Album album = new AlbumFactory(db).state(Map.of("artist_id", given)).create();
            assertTrue(given.exists(), "a model given as a parent is saved first");
            assertEquals(String.valueOf(given.getKey()), String.valueOf(album.get("artist_id")));
        }
    }

    @Test
    default void seedingFactoryForParentSharesOneParentAcrossTheRows() {
        try (Eloquent db = bootStore()) {
            new AlbumFactory(db).count(4).forParent(new ArtistFactory(db).state(Map.of("name", "Shared")), "artist_id")
                    .createMany();
            List<Map<String, Object>> artists = target().raw().rows(ARTISTS);
            assertEquals(1, artists.size(), "one parent for the four rows, none from the definition");
            assertEquals("Shared", artists.get(0).get("name"));
            String id = String.valueOf(artists.get(0).get("id"));
            assertEquals(List.of(id, id, id, id), rawColumn(ALBUMS, "artist_id"));
        }
    }

    /** A seeder with a name of its own, for progress lines and errors. */
    class NamedSeeder extends Seeder {
        private final String name;
        private final Runnable work;

        NamedSeeder(String name, Runnable work) {
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
}
