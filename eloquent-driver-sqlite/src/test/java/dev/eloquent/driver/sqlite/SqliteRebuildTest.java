package dev.eloquent.driver.sqlite;

import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Env;
import dev.eloquent.api.QueryException;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.SchemaBuilder;
import dev.eloquent.orm.migration.MigrateOptions;
import dev.eloquent.orm.migration.Migration;
import dev.eloquent.orm.migration.MigrationFailedException;
import dev.eloquent.orm.migration.MigrationRun;
import dev.eloquent.orm.migration.Migrator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Changing columns and foreign keys by rebuilding the table, on a real SQLite file. Every result is read
 * back over a plain JDBC connection of its own: sqlite_master for definitions, the rows themselves.
 */
class SqliteRebuildTest {
    @TempDir
    Path folder;

    private Eloquent db;
    private SchemaBuilder schema;

    @BeforeEach
    void createTables() throws SQLException {
        db = Eloquent.builder().env(Env.of(Map.of("SQLITE_PATH", folder.resolve("rebuild.sqlite").toString()))).boot();
        schema = db.schema();
        schema.create("albums", t -> {
            t.increments("id");
            t.string("title", 60);
        });
        schema.create("tracks", t -> {
            t.increments("id");
            t.string("name", 50).unique();
            t.integer("plays");
            t.integer("album_id").nullable().index();
            t.string("note", 20).nullable();
        });
        raw("INSERT INTO albums (id, title) VALUES (1, 'Kind of Blue')");
        raw("INSERT INTO tracks (name, plays, album_id, note) VALUES ('So What', 7, 1, 'modal'), ('Blue in Green', 3, NULL, NULL)");
    }

    @AfterEach
    void close() {
        db.close();
    }

    // ---- raw JDBC, a connection of its own ----

    private void raw(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("rebuild.sqlite"));
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private List<List<Object>> rows(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("rebuild.sqlite"));
             Statement statement = connection.createStatement();
             ResultSet results = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = results.getMetaData().getColumnCount();
            while (results.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = results.getObject(i + 1);
                }
                rows.add(Arrays.asList(row));
            }
            return rows;
        }
    }

    private String definition(String table) throws SQLException {
        return (String) rows("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'").get(0).get(0);
    }

    private List<Object> indexes(String table) throws SQLException {
        return rows("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '" + table + "' ORDER BY name")
                .stream().map(r -> r.get(0)).toList();
    }

    private List<List<Object>> tracks() throws SQLException {
        return rows("SELECT id, name, plays, album_id, note FROM tracks ORDER BY id");
    }

    private List<Object> tableNames() throws SQLException {
        return rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
                .stream().map(r -> r.get(0)).toList();
    }

    // ---- changing a column ----

    @Test
    void aChangedColumnTakesItsNewTypeNullabilityAndDefaultAndKeepsTheRows() throws SQLException {
        List<List<Object>> before = tracks();
        List<Object> indexesBefore = indexes("tracks");
        schema.table("tracks", t -> t.change().string("name", 200).nullable());
        schema.table("tracks", t -> t.change().bigInteger("plays").defaultValue(5));

        String sql = definition("tracks");
        assertTrue(sql.contains("`name` VARCHAR(200) NULL CHECK (length(`name`) <= 200) UNIQUE"), sql);
        assertTrue(sql.contains("`plays` BIGINT NOT NULL DEFAULT 5"), sql);
        assertEquals(before, tracks(), "every row and every other column kept");
        assertEquals(indexesBefore, indexes("tracks"), "the index and the unique constraint survive");
        assertEquals(List.of("albums", "tracks"), tableNames(), "no table of the rebuild is left");

        db.table("tracks").insert(Map.of("name", "x".repeat(150)));
        db.table("tracks").insert(Map.of("plays", 1));
        List<List<Object>> after = tracks();
        assertEquals(5, ((Number) after.get(2).get(2)).intValue(), "the new default applies");
        assertEquals(null, after.get(3).get(1), "the column takes nulls now");
        QueryException tooLong = assertThrows(QueryException.class, () -> db.table("tracks").insert(Map.of("name", "y".repeat(201), "plays", 1)));
        assertTrue(tooLong.getMessage().contains("tracks"), tooLong.getMessage());
        assertThrows(SQLException.class, () -> raw("INSERT INTO tracks (name, plays) VALUES ('So What', 1)"), "unique kept");
    }

    @Test
    void aRenamedColumnCanBeChangedInTheSameAlteration() throws SQLException {
        schema.table("tracks", t -> {
            t.renameColumn("note", "remark");
            t.change().string("remark", 80).nullable();
        });
        assertTrue(definition("tracks").contains("`remark` VARCHAR(80) NULL"), definition("tracks"));
        assertEquals(List.of(List.of("modal")), rows("SELECT remark FROM tracks WHERE id = 1"));
    }

    @Test
    void autoincrementIdsAreNotHandedOutAgainAfterARebuild() throws SQLException {
        raw("DELETE FROM tracks WHERE id = 2");
        schema.table("tracks", t -> t.change().integer("plays").defaultValue(0));
        db.table("tracks").insert(Map.of("name", "Freddie Freeloader"));
        assertEquals(List.of(List.of(1), List.of(3)), rows("SELECT id FROM tracks ORDER BY id"));
    }

    @Test
    void valuesThatDoNotFitTheChangedColumnFailAndLeaveTheTableAsItWas() throws SQLException {
        String before = definition("tracks");
        List<List<Object>> rowsBefore = tracks();
        QueryException nulls = assertThrows(QueryException.class,
                () -> schema.table("tracks", t -> t.change().string("note", 20)));
        assertTrue(nulls.getMessage().contains("NOT NULL"), nulls.getMessage());
        assertFalse(nulls.getMessage().contains("modal"), "no value in the message");
        QueryException tooLong = assertThrows(QueryException.class,
                () -> schema.table("tracks", t -> t.change().string("note", 3).nullable()));
        assertFalse(tooLong.getMessage().contains("modal"), tooLong.getMessage());

        assertEquals(before, definition("tracks"));
        assertEquals(rowsBefore, tracks());
        assertEquals(List.of("albums", "tracks"), tableNames());
    }

    @Test
    void aFailedRebuildInsideATransactionRollsBackTheEarlierChangesToo() throws SQLException {
        String before = definition("tracks");
        assertThrows(QueryException.class, () -> db.transaction(() -> {
            schema.table("tracks", t -> t.change().string("name", 80));
            schema.table("tracks", t -> t.change().string("note", 20));
            return null;
        }));
        assertEquals(before, definition("tracks"), "the first rebuild was rolled back with the failed second");
        assertEquals(2, tracks().size());
    }

    @Test
    void changingAMissingColumnNamesIt() {
        EloquentException e = assertThrows(EloquentException.class,
                () -> schema.table("tracks", t -> t.change().string("composer", 20)));
        assertTrue(e.getMessage().contains("table tracks has no column composer"), e.getMessage());
    }

    // ---- foreign keys ----

    @Test
    void anAddedForeignKeyIsEnforcedAndADroppedOneNoLonger() throws SQLException {
        schema.table("tracks", t -> t.foreign("album_id").on("albums").onDelete("set null"));
        assertTrue(definition("tracks").contains("CONSTRAINT `tracks_album_id_foreign` FOREIGN KEY (`album_id`)"
                + " REFERENCES `albums` (`id`) ON DELETE SET NULL"), definition("tracks"));
        assertEquals(List.of("sqlite_autoindex_tracks_1", "tracks_album_id_index"), indexes("tracks"),
                "the named index and the inline unique constraint's index survive");
        QueryException refused = assertThrows(QueryException.class,
                () -> db.table("tracks").insert(Map.of("name", "x", "plays", 1, "album_id", 999)));
        assertTrue(refused.getMessage().contains("tracks"), refused.getMessage());
        db.table("albums").where("id", 1).delete();
        assertEquals(List.of(List.of("So What"), List.of("Blue in Green")), rows("SELECT name FROM tracks ORDER BY id"),
                "set null, not cascade");
        assertEquals(List.of(Arrays.asList((Object) null)), rows("SELECT album_id FROM tracks WHERE id = 1"));

        schema.table("tracks", t -> t.dropForeign("tracks_album_id_foreign"));
        assertFalse(definition("tracks").contains("FOREIGN KEY"), definition("tracks"));
        db.table("tracks").insert(Map.of("name", "x", "plays", 1, "album_id", 999));
        assertEquals(3, tracks().size(), "the foreign key is gone");
    }

    @Test
    void aForeignKeyThatExistingRowsBreakIsRefusedNamingIt() throws SQLException {
        raw("INSERT INTO tracks (name, plays, album_id) VALUES ('orphan', 1, 42)");
        String before = definition("tracks");
        EloquentException e = assertThrows(EloquentException.class,
                () -> schema.table("tracks", t -> t.foreign("album_id").on("albums")));
        assertTrue(e.getMessage().contains("rows of table tracks break foreign key tracks_album_id_foreign (album_id)"
                + " referencing albums"), e.getMessage());
        assertFalse(e.getMessage().contains("42"), "no value in the message");
        assertEquals(before, definition("tracks"));
        assertEquals(List.of("albums", "tracks"), tableNames());
    }

    @Test
    void droppingAnUnknownForeignKeyNamesIt() {
        EloquentException e = assertThrows(EloquentException.class,
                () -> schema.table("tracks", t -> t.dropForeign("tracks_nothing_foreign")));
        assertTrue(e.getMessage().contains("table tracks has no foreign key named tracks_nothing_foreign"), e.getMessage());
    }

    @Test
    void aTableOtherTablesReferenceIsNotRebuilt() throws SQLException {
        schema.create("reviews", t -> {
            t.increments("id");
            t.integer("album_id");
            t.foreign("album_id").on("albums").onDelete("cascade");
        });
        raw("INSERT INTO reviews (album_id) VALUES (1)");
        String before = definition("albums");
        EloquentException e = assertThrows(EloquentException.class,
                () -> schema.table("albums", t -> t.change().string("title", 120)));
        assertTrue(e.getMessage().contains("table albums cannot be rebuilt on sqlite: it is referenced by foreign keys"
                + " of reviews"), e.getMessage());
        assertTrue(e.getMessage().contains("drop those foreign keys first"), e.getMessage());
        assertEquals(before, definition("albums"));
        assertEquals(1, rows("SELECT * FROM reviews").size(), "no cascade ran");
    }

    @Test
    void aForeignKeyToTheTableItselfIsNotAddedByARebuild() {
        EloquentException e = assertThrows(EloquentException.class,
                () -> schema.table("tracks", t -> t.foreign("album_id").on("tracks")));
        assertTrue(e.getMessage().contains("referenced by foreign keys of tracks itself"), e.getMessage());
    }

    // ---- describing ----

    @Test
    void describeShowsTheRebuildAndRunsNothing() throws SQLException {
        String before = definition("tracks");
        DatabaseConnection connection = db.connections().connection();
        List<String> statements = connection.describe(
                new SchemaChange.AddForeignKey("tracks", null, List.of("album_id"), "albums", List.of("id"), null));
        assertEquals("PRAGMA defer_foreign_keys = ON", statements.get(0));
        assertTrue(statements.get(1).startsWith("CREATE TABLE `eloquent_rebuild_tracks` ("), statements.get(1));
        assertTrue(statements.contains("DROP TABLE `tracks`"), statements.toString());
        assertTrue(statements.contains("ALTER TABLE `eloquent_rebuild_tracks` RENAME TO `tracks`"), statements.toString());
        assertTrue(statements.contains("CREATE INDEX `tracks_album_id_index` ON `tracks` (`album_id`)"), statements.toString());
        assertEquals(before, definition("tracks"), "describe ran nothing");
        assertEquals(List.of("albums", "tracks"), tableNames());
    }

    @Test
    void describingAChangeToATableCreatedEarlierInTheSameMigrationSaysWhenItIsRebuilt() {
        DatabaseConnection connection = db.connections().connection();
        List<String> statements = connection.describe(
                new SchemaChange.AddForeignKey("reviews", null, List.of("album_id"), "albums", List.of("id"), null));
        assertEquals(1, statements.size(), statements.toString());
        assertTrue(statements.get(0).startsWith("-- table reviews is rebuilt here"), statements.get(0));
        assertTrue(statements.get(0).endsWith("; now table reviews does not exist"), statements.get(0));
    }

    // ---- in migrations ----

    /** A migration with a name (an anonymous class has none) and no down step. */
    private record Step(String name, Consumer<SchemaBuilder> up) implements Migration {
        @Override
        public void up(SchemaBuilder schema) {
            up.accept(schema);
        }

        @Override
        public void down(SchemaBuilder schema) {
        }
    }

    private List<MigrationRun> migrate(boolean pretend, List<String> progress, Migration... migrations) {
        return new Migrator(db, List.of(migrations)).run(db.connections().defaultName().toString(),
                MigrateOptions.defaults().withPretend(pretend).withProgress(progress::add));
    }

    @Test
    void aMigrationCreatingATableAndThenAddingItsForeignKeyPretendsAndRuns() throws SQLException {
        Migration reviews = new Step("CreateReviews", schema -> {
            schema.create("reviews", t -> {
                t.increments("id");
                t.integer("album_id");
            });
            schema.table("reviews", t -> t.foreign("album_id").on("albums").onDelete("cascade"));
        });
        List<String> progress = new ArrayList<>();
        migrate(true, progress, reviews);
        assertTrue(progress.stream().anyMatch(l -> l.contains("-- table reviews is rebuilt here")), progress.toString());
        assertFalse(tableNames().contains("reviews"), "pretend ran nothing");

        migrate(false, new ArrayList<>(), reviews);
        assertTrue(definition("reviews").contains("CONSTRAINT `reviews_album_id_foreign` FOREIGN KEY"), definition("reviews"));
        assertThrows(QueryException.class, () -> db.table("reviews").insert(Map.of("album_id", 99)));
    }

    @Test
    void aMigrationDroppingTheReferencingKeyFirstCanRebuildTheReferencedTable() throws SQLException {
        schema.create("reviews", t -> {
            t.increments("id");
            t.integer("album_id");
            t.foreign("album_id").on("albums").onDelete("cascade");
        });
        raw("INSERT INTO reviews (album_id) VALUES (1)");
        migrate(false, new ArrayList<>(), new Step("LongerTitles", schema -> {
            schema.table("reviews", t -> t.dropForeignOf("album_id"));
            schema.table("albums", t -> t.change().string("title", 200));
            schema.table("reviews", t -> t.foreign("album_id").on("albums").onDelete("cascade"));
        }));
        assertTrue(definition("albums").contains("`title` VARCHAR(200) NOT NULL"), definition("albums"));
        assertTrue(definition("reviews").contains("CONSTRAINT `reviews_album_id_foreign` FOREIGN KEY"), definition("reviews"));
        assertEquals(1, rows("SELECT * FROM reviews").size(), "no cascade ran");
        assertEquals(List.of(List.of("Kind of Blue")), rows("SELECT title FROM albums"));
    }

    @Test
    void pretendPrintsTheRebuildOfAnExistingTable() throws SQLException {
        List<String> progress = new ArrayList<>();
        String before = definition("tracks");
        migrate(true, progress, new Step("WidenNames", schema -> schema.table("tracks", t -> t.change().string("name", 120))));
        assertTrue(progress.contains("  DROP TABLE `tracks`"), progress.toString());
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("  CREATE TABLE `eloquent_rebuild_tracks` (")
                && l.contains("`name` VARCHAR(120) NOT NULL CHECK (length(`name`) <= 120) UNIQUE")), progress.toString());
        assertEquals(before, definition("tracks"));
    }

    @Test
    void aMigrationWhoseRebuildFailsIsRolledBackWholeAndNotRecorded() throws SQLException {
        String before = definition("tracks");
        Migration failing = new Step("NotesRequired", schema -> {
            schema.table("tracks", t -> t.string("remark", 20).nullable());
            schema.table("tracks", t -> t.change().string("note", 20));
        });
        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> migrate(false, new ArrayList<>(), failing));
        assertTrue(e.getMessage().contains("NotesRequired"), e.getMessage());
        assertTrue(e.getMessage().contains("rolled back"), e.getMessage());
        assertEquals(before, definition("tracks"), "the added column went with the failed rebuild");
        assertEquals(2, tracks().size());
        assertEquals(List.of(), rows("SELECT migration FROM eloquent_migrations"));
    }

    @Test
    void viewsAndTriggersThatNameTheTableAreCreatedAgainAfterTheRebuild() throws SQLException {
        schema.create("plays_log", t -> t.integer("plays"));
        raw("CREATE VIEW popular AS SELECT name FROM tracks WHERE plays > 5");
        raw("CREATE VIEW popular_names AS SELECT upper(name) AS loud FROM popular");
        raw("CREATE TRIGGER log_plays AFTER INSERT ON tracks BEGIN INSERT INTO plays_log (plays) VALUES (new.plays); END");
        raw("CREATE TRIGGER copy_back AFTER INSERT ON plays_log WHEN new.plays < 0"
                + " BEGIN UPDATE tracks SET plays = 0 WHERE plays < 0; END");
        List<List<Object>> before = rows("SELECT type, name, sql FROM sqlite_master WHERE type IN ('view', 'trigger') ORDER BY name");

        schema.table("tracks", t -> t.change().string("name", 120));

        assertEquals(before, rows("SELECT type, name, sql FROM sqlite_master WHERE type IN ('view', 'trigger') ORDER BY name"));
        assertEquals(List.of(List.of("SO WHAT")), rows("SELECT loud FROM popular_names"), "the views read the new table");
        db.table("tracks").insert(Map.of("name", "Flamenco Sketches", "plays", 9));
        assertEquals(List.of(List.of(9)), rows("SELECT plays FROM plays_log"), "the table's trigger fires");
    }
}
