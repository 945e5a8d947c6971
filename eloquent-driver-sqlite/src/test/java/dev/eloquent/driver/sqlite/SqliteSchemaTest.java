package dev.eloquent.driver.sqlite;

import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Env;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema builder on a real SQLite file, checked through sqlite_master over plain JDBC. */
class SqliteSchemaTest {
    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("schema.sqlite");
    }

    private Eloquent boot() {
        return Eloquent.builder().env(Env.of(Map.of("SQLITE_PATH", file().toString()))).boot();
    }

    private List<String> raw(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = connection.createStatement();
             ResultSet results = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (results.next()) {
                values.add(results.getString(1));
            }
            return values;
        }
    }

    @Test
    void createMakesTheTableItsIndexesAndItsConstraints() throws SQLException {
        try (Eloquent db = boot()) {
            SchemaBuilder schema = db.schema();
            assertFalse(schema.hasTable("posts"));
            schema.create("posts", t -> {
                t.increments("id");
                t.string("slug", 40).unique();
                t.integer("author_id").index();
                t.json("meta").nullable();
            });
            assertTrue(schema.hasTable("posts"));
            assertEquals(List.of("posts"), raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'posts'"));
            assertEquals(List.of("posts_author_id_index"),
                    raw("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = 'posts'"));
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO posts (slug, author_id) VALUES ('a', 1)");
                assertThrows(SQLException.class,
                        () -> statement.executeUpdate("INSERT INTO posts (slug, author_id) VALUES ('a', 2)"), "unique");
                assertThrows(SQLException.class,
                        () -> statement.executeUpdate("INSERT INTO posts (slug, author_id) VALUES ('" + "x".repeat(41) + "', 3)"),
                        "length check");
                assertThrows(SQLException.class,
                        () -> statement.executeUpdate("INSERT INTO posts (slug, author_id, meta) VALUES ('b', 4, '{oops')"),
                        "json check");
            }
        }
    }

    @Test
    void createFailsOnAnExistingTableAndCreateIfNotExistsDoesNot() {
        try (Eloquent db = boot()) {
            db.schema().create("tags", t -> t.increments("id"));
            EloquentException error = assertThrows(EloquentException.class,
                    () -> db.schema().create("tags", t -> t.increments("id")));
            assertTrue(error.getMessage().contains("already exists"), error.getMessage());
            db.schema().createIfNotExists("tags", t -> t.increments("id"));
            db.schema().drop("tags");
            assertFalse(db.schema().hasTable("tags"));
            db.schema().dropIfExists("tags");
            assertThrows(EloquentException.class, () -> db.schema().drop("tags"));
        }
    }

    @Test
    void aTableAndItsIndexesAreCreatedTogetherOrNotAtAll() throws SQLException {
        try (Eloquent db = boot()) {
            db.schema().create("taken_index_name", t -> t.increments("id"));
            // The second statement (the index) fails because its name is taken by a table: the table must roll back too.
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE \"things_kind_index\" (x INTEGER)");
            }
            assertThrows(EloquentException.class, () -> db.schema().create("things", t -> {
                t.increments("id");
                t.string("kind").index();
            }));
            assertFalse(db.schema().hasTable("things"));
            assertEquals(List.of(), raw("SELECT name FROM sqlite_master WHERE name = 'things'"));
        }
    }
}
