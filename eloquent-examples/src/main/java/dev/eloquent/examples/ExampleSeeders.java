package dev.eloquent.examples;

import dev.eloquent.examples.MixedDriversExample.GeoLocation;
import dev.eloquent.orm.seed.Seeder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The example application's seeders. {@code DatabaseSeeder} (the default of {@code db:seed}) fills the
 * unpinned tables of the targeted connection; {@code BookSeeder} keeps its model's pin to sqlite and
 * {@code GeoLocationSeeder} its pin to mongo.
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

    static final class GeoLocationSeeder extends Seeder {
        @Override
        public String connection() {
            return "mongo";
        }

        @Override
        public void run() {
            db().create(GeoLocation.class, Map.of("user_id", 1, "lat", new BigDecimal("52.520008"),
                    "lng", new BigDecimal("13.404954"), "tags", Map.of("city", "Berlin")));
            db().create(GeoLocation.class, Map.of("user_id", 1, "lat", new BigDecimal("48.856613"),
                    "lng", new BigDecimal("2.352222"), "tags", Map.of("city", "Paris")));
        }
    }
}
