package dev.eloquent.examples;

import dev.eloquent.orm.SchemaBuilder;
import dev.eloquent.orm.migration.Migration;

import java.util.List;

/**
 * The example application's schema history, one migration a table. Unpinned migrations run on whichever
 * connection a command targets; {@code books} follows its model's pin to {@code sqlite}, and
 * {@code geolocations} lives on {@code mongo} (a collection with its index), so only {@code --mongo}
 * creates it.
 */
final class ExampleMigrations {
    private ExampleMigrations() {
    }

    static List<Migration> all() {
        return List.of(new CreateAuthorsTable(), new CreateBooksTable(), new CreateUsersTable(), new CreateVisitsTable(),
                new CreateExampleRunsTable(), new CreateGeolocationsCollection());
    }

    static final class CreateAuthorsTable implements Migration {
        @Override
        public void up(SchemaBuilder schema) {
            schema.create("authors", t -> {
                t.increments("id");
                t.string("name", 120).unique();
                t.string("country", 60).nullable();
                t.timestamps();
            });
        }

        @Override
        public void down(SchemaBuilder schema) {
            schema.dropIfExists("authors");
        }
    }

    static final class CreateBooksTable implements Migration {
        @Override
        public String connection() {
            return "sqlite"; // Book is pinned there with @Connection("sqlite")
        }

        @Override
        public void up(SchemaBuilder schema) {
            schema.create("books", t -> {
                t.increments("id");
                t.bigInteger("author_id").index();
                t.string("title", 200).unique();
                t.decimal("price", 8, 2);
                t.bool("in_print").defaultValue(true);
                t.date("published_on").nullable();
                t.integer("times_read").defaultValue(0);
                t.timestamps();
            });
        }

        @Override
        public void down(SchemaBuilder schema) {
            schema.dropIfExists("books");
        }
    }

    static final class CreateUsersTable implements Migration {
        @Override
        public void up(SchemaBuilder schema) {
            schema.create("users", t -> {
                t.increments("id");
                t.string("name", 120);
                t.timestamps();
            });
        }

        @Override
        public void down(SchemaBuilder schema) {
            schema.dropIfExists("users");
        }
    }

    static final class CreateVisitsTable implements Migration {
        @Override
        public void up(SchemaBuilder schema) {
            schema.create("visits", t -> {
                t.increments("id");
                t.string("page", 200);
            });
        }

        @Override
        public void down(SchemaBuilder schema) {
            schema.dropIfExists("visits");
        }
    }

    static final class CreateExampleRunsTable implements Migration {
        @Override
        public void up(SchemaBuilder schema) {
            schema.create("example_runs", t -> {
                t.increments("id");
                t.timestamps();
            });
        }

        @Override
        public void down(SchemaBuilder schema) {
            schema.dropIfExists("example_runs");
        }
    }

    static final class CreateGeolocationsCollection implements Migration {
        @Override
        public String connection() {
            return "mongo";
        }

        @Override
        public void up(SchemaBuilder schema) {
            schema.create("geolocations", t -> {
                t.bigInteger("user_id").index();
                t.decimal("lat", 9, 6);
                t.decimal("lng", 9, 6);
                t.json("tags").nullable();
                t.timestamps();
            });
        }

        @Override
        public void down(SchemaBuilder schema) {
            schema.dropIfExists("geolocations");
        }
    }
}
