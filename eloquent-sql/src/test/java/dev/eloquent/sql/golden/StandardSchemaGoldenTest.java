package dev.eloquent.sql.golden;

import dev.eloquent.sql.SqlDialect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the shared compiler writes for schema changes when a dialect overrides nothing; compile-only. */
class StandardSchemaGoldenTest extends SchemaGoldenTest {
    @Override
    protected SqlDialect dialect() {
        return new StandardDialect();
    }

    @Override
    protected Map<String, List<String>> expectedStatements() {
        Map<String, List<String>> sql = new LinkedHashMap<>();
        sql.put("rename table", List.of(
                "ALTER TABLE \"tracks\" RENAME TO \"songs\""));
        sql.put("add column", List.of(
                "ALTER TABLE \"tracks\" ADD COLUMN \"composer\" STRING NULL"));
        sql.put("add column with default and unique", List.of(
                "ALTER TABLE \"tracks\" ADD COLUMN \"plays\" INTEGER NOT NULL DEFAULT 0",
                "CREATE UNIQUE INDEX \"tracks_plays_unique\" ON \"tracks\" (\"plays\")"));
        sql.put("add indexed column", List.of(
                "ALTER TABLE \"tracks\" ADD COLUMN \"bytes\" BIG_INTEGER NULL",
                "CREATE INDEX \"tracks_bytes_index\" ON \"tracks\" (\"bytes\")"));
        sql.put("drop column", List.of(
                "ALTER TABLE \"tracks\" DROP COLUMN \"composer\""));
        sql.put("rename column", List.of(
                "ALTER TABLE \"tracks\" RENAME COLUMN \"name\" TO \"title\""));
        sql.put("change column", List.of(
                "ALTER TABLE \"tracks\" ALTER COLUMN \"name\" SET DATA TYPE STRING, ALTER COLUMN \"name\" SET NOT NULL, ALTER COLUMN \"name\" DROP DEFAULT"));
        sql.put("change column nullable with default", List.of(
                "ALTER TABLE \"tracks\" ALTER COLUMN \"plays\" SET DATA TYPE INTEGER, ALTER COLUMN \"plays\" DROP NOT NULL, ALTER COLUMN \"plays\" SET DEFAULT 1"));
        sql.put("two changes in order", List.of(
                "ALTER TABLE \"tracks\" RENAME COLUMN \"name\" TO \"title\"",
                "ALTER TABLE \"tracks\" DROP COLUMN \"bytes\""));
        sql.put("create index with default name", List.of(
                "CREATE INDEX \"tracks_album_id_name_index\" ON \"tracks\" (\"album_id\", \"name\")"));
        sql.put("create unique named index", List.of(
                "CREATE UNIQUE INDEX \"tracks_isrc\" ON \"tracks\" (\"isrc\")"));
        sql.put("drop index", List.of(
                "DROP INDEX \"tracks_album_id_name_index\""));
        sql.put("add foreign key", List.of(
                "ALTER TABLE \"tracks\" ADD CONSTRAINT \"tracks_album_id_foreign\" FOREIGN KEY (\"album_id\") REFERENCES \"albums\" (\"id\") ON DELETE CASCADE"));
        sql.put("add foreign key set null", List.of(
                "ALTER TABLE \"tracks\" ADD CONSTRAINT \"tracks_genre\" FOREIGN KEY (\"genre_id\") REFERENCES \"genres\" (\"id\") ON DELETE SET NULL"));
        sql.put("drop foreign key", List.of(
                "ALTER TABLE \"tracks\" DROP CONSTRAINT \"tracks_album_id_foreign\""));
        sql.put("create table with foreign key", List.of(
                "CREATE TABLE \"albums\" (\"id\" INTEGER PRIMARY KEY, \"artist_id\" INTEGER NOT NULL, CONSTRAINT \"albums_artist_id_foreign\" FOREIGN KEY (\"artist_id\") REFERENCES \"artists\" (\"id\") ON DELETE CASCADE)"));
        sql.put("create table with composite indexes", List.of(
                "CREATE TABLE IF NOT EXISTS \"playlist_track\" (\"playlist_id\" INTEGER NOT NULL, \"track_id\" INTEGER NOT NULL, \"position\" INTEGER NOT NULL)",
                "CREATE UNIQUE INDEX IF NOT EXISTS \"playlist_track_playlist_id_position_unique\" ON \"playlist_track\" (\"playlist_id\", \"position\")",
                "CREATE INDEX IF NOT EXISTS \"playlist_track_by_track\" ON \"playlist_track\" (\"track_id\", \"playlist_id\")"));
        return sql;
    }
}
