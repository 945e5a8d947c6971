package dev.eloquent.testkit;

import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.QueryException;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.SchemaBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Altering tables on a real SQL database, each result read back through raw JDBC metadata and rows:
 * added, dropped, renamed and changed columns, indexes (present, unique, dropped), foreign keys
 * (enforced, cascading, dropped), renamed tables, and {@code describe} running nothing. On SQLite a
 * changed column and an added or dropped foreign key rebuild the table; the same cases hold.
 */
public interface SchemaKit extends KitSupport {
    String ARTISTS = "kit_schema_artists";
    String ALBUMS = "kit_schema_albums";
    String TRACKS = "kit_schema_tracks";
    String RENAMED = "kit_schema_songs";

    private JdbcRawAccess schemaJdbc() {
        if (target().raw() instanceof JdbcRawAccess jdbc) {
            return jdbc;
        }
        return Assumptions.abort("skipped: the target's raw access is not JDBC (schema changes on SQL databases)");
    }

    private SchemaBuilder freshSchema(Eloquent db) {
        SchemaBuilder schema = db.schema(target().connection());
        for (String table : List.of(TRACKS, RENAMED, ALBUMS, ARTISTS)) {
            schema.dropIfExists(table);
        }
        schema.create(TRACKS, t -> {
            t.increments("id");
            t.string("name", 50);
            t.integer("plays");
            t.integer("album_id").nullable();
        });
        return schema;
    }

    @Test
    default void alteringAddsRenamesAndDropsColumnsAndIndexes() {
        JdbcRawAccess raw = schemaJdbc();
        try (Eloquent db = boot()) {
            SchemaBuilder schema = freshSchema(db);
            raw.execute("INSERT INTO " + TRACKS + " (name, plays) VALUES ('intro', 7)");
            schema.table(TRACKS, t -> {
                t.string("composer", 120).nullable();
                t.integer("rating").defaultValue(3);
                t.renameColumn("name", "title");
                t.index("title");
                t.unique("plays");
            });
            assertEquals(List.of("id", "title", "plays", "album_id", "composer", "rating"), raw.columns(TRACKS));
            Map<String, Object> row = raw.rows(TRACKS).get(0);
            assertEquals("intro", row.get("title"), "the renamed column kept its value");
            assertEquals(3, ((Number) row.get("rating")).intValue(), "the default filled the existing row");
            assertTrue(schema.hasColumn(TRACKS, "title"));
            assertFalse(schema.hasColumn(TRACKS, "name"));
            assertEquals(java.util.Set.of(TRACKS + "_title_index", TRACKS + "_plays_unique"), raw.indexes(TRACKS));
            QueryException duplicate = assertThrows(QueryException.class,
                    () -> db.on(target().connection()).table(TRACKS).insert(Map.of("title", "again", "plays", 7)));
            assertTrue(duplicate.getMessage().contains(TRACKS), duplicate.getMessage());

            schema.table(TRACKS, t -> {
                t.dropIndex(TRACKS + "_title_index");
                t.dropUnique("plays");
                t.dropColumn("composer");
            });
            assertEquals(List.of("id", "title", "plays", "album_id", "rating"), raw.columns(TRACKS));
            assertEquals(java.util.Set.of(), raw.indexes(TRACKS));
            db.on(target().connection()).table(TRACKS).insert(Map.of("title", "again", "plays", 7));
            assertEquals(2, raw.rows(TRACKS).size(), "the unique index is gone");
        }
    }

    @Test
    default void changingAColumnAltersItsTypeAndNullability() {
        JdbcRawAccess raw = schemaJdbc();
        try (Eloquent db = boot()) {
            SchemaBuilder schema = freshSchema(db);
            raw.execute("INSERT INTO " + TRACKS + " (name, plays) VALUES ('intro', 7)");
            assertEquals(false, raw.columnInfo(TRACKS, "name").get("nullable"));
            schema.table(TRACKS, t -> t.change().string("name", 200).nullable());
            Map<String, Object> info = raw.columnInfo(TRACKS, "name");
            assertEquals(200, info.get("size"));
            assertEquals(true, info.get("nullable"));
            raw.execute("INSERT INTO " + TRACKS + " (name, plays) VALUES (NULL, 8)");
            schema.table(TRACKS, t -> t.change().bigInteger("plays").defaultValue(5));
            raw.execute("INSERT INTO " + TRACKS + " (name) VALUES ('defaulted')");
            List<Map<String, Object>> rows = raw.rows(TRACKS);
            assertEquals(3, rows.size());
            assertEquals("intro", rows.get(0).get("name"), "existing values kept");
            assertEquals(5L, ((Number) rows.get(2).get("plays")).longValue(), "the new default applies");
        }
    }

    @Test
    default void foreignKeysDeclaredAtCreationAreEnforcedAndCascade() {
        JdbcRawAccess raw = schemaJdbc();
        try (Eloquent db = boot()) {
            SchemaBuilder schema = freshSchema(db);
            schema.create(ARTISTS, t -> {
                t.increments("id");
                t.string("name", 60);
            });
            schema.create(ALBUMS, t -> {
                t.increments("id");
                t.integer("artist_id");
                t.foreign("artist_id").references("id").on(ARTISTS).onDelete("cascade");
            });
            var conn = db.on(target().connection());
            assertThrows(QueryException.class, () -> conn.table(ALBUMS).insert(Map.of("artist_id", 999)),
                    "no artist 999");
            assertEquals(0, raw.rows(ALBUMS).size());
            Object artist = conn.table(ARTISTS).insertGetId(Map.of("name", "Miles"));
            conn.table(ALBUMS).insert(Map.of("artist_id", artist));
            assertEquals(1, raw.rows(ALBUMS).size());
            conn.table(ARTISTS).where("id", artist).delete();
            assertEquals(0, raw.rows(ALBUMS).size(), "the album was deleted with its artist");
        }
    }

    @Test
    default void foreignKeysAddedToAnExistingTableAreEnforcedUntilDropped() {
        JdbcRawAccess raw = schemaJdbc();
        try (Eloquent db = boot()) {
            SchemaBuilder schema = freshSchema(db);
            schema.create(ALBUMS, t -> {
                t.increments("id");
                t.string("title", 60);
            });
            schema.table(TRACKS, t -> t.foreign("album_id").references("id").on(ALBUMS).onDelete("set null"));
            var conn = db.on(target().connection());
            assertThrows(QueryException.class, () -> conn.table(TRACKS).insert(Map.of("name", "x", "plays", 1, "album_id", 999)));
            Object album = conn.table(ALBUMS).insertGetId(Map.of("title", "Kind of Blue"));
            conn.table(TRACKS).insert(Map.of("name", "So What", "plays", 1, "album_id", album));
            conn.table(ALBUMS).where("id", album).delete();
            assertEquals(null, raw.rows(TRACKS).get(0).get("album_id"), "set null on delete");

            schema.table(TRACKS, t -> t.dropForeignOf("album_id"));
            conn.table(TRACKS).insert(Map.of("name", "y", "plays", 2, "album_id", 999));
            assertEquals(2, raw.rows(TRACKS).size(), "the foreign key is gone");
        }
    }

    @Test
    default void compositeAndNamedIndexesDeclaredAtCreationExistAndAreEnforced() {
        JdbcRawAccess raw = schemaJdbc();
        try (Eloquent db = boot()) {
            SchemaBuilder schema = freshSchema(db);
            schema.create(ALBUMS, t -> {
                t.increments("id");
                t.integer("artist_id");
                t.integer("position");
                t.unique("artist_id", "position");
                t.indexNamed("kit_albums_by_position", false, "position");
            });
            assertEquals(java.util.Set.of(ALBUMS + "_artist_id_position_unique", "kit_albums_by_position"), raw.indexes(ALBUMS));
            var conn = db.on(target().connection());
            conn.table(ALBUMS).insert(Map.of("artist_id", 1, "position", 1));
            conn.table(ALBUMS).insert(Map.of("artist_id", 1, "position", 2));
            assertThrows(QueryException.class, () -> conn.table(ALBUMS).insert(Map.of("artist_id", 1, "position", 1)));
            assertEquals(2, raw.rows(ALBUMS).size());
        }
    }

    @Test
    default void renamingATableKeepsItsRowsAndDescribeRunsNothing() {
        JdbcRawAccess raw = schemaJdbc();
        try (Eloquent db = boot()) {
            SchemaBuilder schema = freshSchema(db);
            raw.execute("INSERT INTO " + TRACKS + " (name, plays) VALUES ('intro', 7)");
            DatabaseConnection connection = db.connections().connection(target().connection());
            List<String> statements = connection.describe(new SchemaChange.RenameTable(TRACKS, RENAMED));
            assertEquals(1, statements.size());
            assertTrue(statements.get(0).contains(RENAMED), statements.get(0));
            assertTrue(schema.hasTable(TRACKS), "describe ran nothing");
            schema.rename(TRACKS, RENAMED);
            assertFalse(schema.hasTable(TRACKS));
            assertTrue(schema.hasTable(RENAMED));
            assertEquals("intro", raw.rows(RENAMED).get(0).get("name"));
            assertEquals(List.of(new SchemaChange.RenameTable(TRACKS, RENAMED)),
                    schema.recorded().subList(schema.recorded().size() - 1, schema.recorded().size()));
            schema.drop(RENAMED);
        }
    }
}
