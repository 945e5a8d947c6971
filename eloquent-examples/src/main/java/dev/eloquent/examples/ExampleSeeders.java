package dev.eloquent.examples;

import dev.eloquent.examples.MixedDriversExample.GeoLocation;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.seed.Factory;
import dev.eloquent.orm.seed.Seeder;
import net.datafaker.Faker;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The example application's seeders. {@code DatabaseSeeder} (the default of {@code db:seed}) fills the
 * unpinned tables of the targeted connection; {@code BookSeeder} keeps its model's pin to sqlite and
 * {@code GeoLocationSeeder} its pin to mongo and fills it through a factory.
 */
final class ExampleSeeders {
    private ExampleSeeders() {
    }

    static List<Seeder> all() {
        return List.of(new DatabaseSeeder(), new AuthorSeeder(), new UserSeeder(), new VisitSeeder(),
                new BookSeeder(), new GeoLocationSeeder());
    }

    static final class DatabaseSeeder extends Seeder {
        @Override
        public void run() {
            call(new AuthorSeeder(), new UserSeeder(), new VisitSeeder());
        }
    }

    static final class AuthorSeeder extends Seeder {
        @Override
        public void run() {
            database().table("authors").insert(List.of(
                    Map.of("name", "Ann Leckie", "country", "US"),
                    Map.of("name", "N. K. Jemisin", "country", "US")));
        }
    }

    static final class UserSeeder extends Seeder {
        @Override
        public void run() {
            database().table("users").insert(List.of(Map.of("name", "Ann"), Map.of("name", "Bo"), Map.of("name", "Cy")));
        }
    }

    static final class VisitSeeder extends Seeder {
        @Override
        public void run() {
            database().table("visits").insert(Map.of("page", "/"));
        }
    }

    static final class BookSeeder extends Seeder {
        @Override
        public String connection() {
            return "sqlite";
        }

        @Override
        public void run() {
            db().create(Book.class, Map.of("author_id", 1, "title", "Ancillary Justice",
                    "price", new BigDecimal("17.99"), "published_on", LocalDate.of(2013, 10, 1)));
        }
    }

    /** Places made by a factory: fake but reproducible coordinates (seeded), written in one batch. */
    static final class GeoLocationSeeder extends Seeder {
        @Override
        public String connection() {
            return "mongo";
        }

        @Override
        public void run() {
            new GeoLocationFactory(db()).count(2).seed(2026).createMany();
        }
    }

    static final class GeoLocationFactory extends Factory<GeoLocation> {
        GeoLocationFactory(Eloquent db) {
            super(db, GeoLocation.class);
        }

        @Override
        protected Map<String, Object> definition(Faker faker) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("user_id", faker.number().numberBetween(1, 4));
            row.put("lat", BigDecimal.valueOf(faker.number().randomDouble(6, -89, 89)).setScale(6, RoundingMode.HALF_UP));
            row.put("lng", BigDecimal.valueOf(faker.number().randomDouble(6, -179, 179)).setScale(6, RoundingMode.HALF_UP));
            row.put("tags", Map.of("city", faker.address().city()));
            return row;
        }
    }
}
