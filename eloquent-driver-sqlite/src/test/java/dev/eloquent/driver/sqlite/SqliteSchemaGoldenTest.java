package dev.eloquent.driver.sqlite;

import dev.eloquent.sql.SqlDialect;
import dev.eloquent.sql.golden.SchemaGoldenTest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The schema statements on Sqlite; compile-only. Each text was checked by hand against the database's documentation. */
class SqliteSchemaGoldenTest extends SchemaGoldenTest {
    @Override
    protected SqlDialect dialect() {
        return new SqliteDialect();
    }

    @Override
    protected Map<String, List<String>> expectedStatements() {
        Map<String, List<String>> sql = new LinkedHashMap<>();
        sql.put("rename table", List.of(
                "ALTER TABLE `tracks` RENAME TO `songs`"));
        sql.put("add column", List.of(
                "ALTER TABLE `tracks` ADD COLUMN `composer` VARCHAR(120) NULL CHECK (length(`composer`) <= 120)"));
        sql.put("add column with default and unique", List.of(
                "ALTER TABLE `tracks` ADD COLUMN `plays` INTEGER NOT NULL DEFAULT 0",
                "CREATE UNIQUE INDEX `tracks_plays_unique` ON `tracks` (`plays`)"));
        sql.put("add indexed column", List.of(
                "ALTER TABLE `tracks` ADD COLUMN `bytes` BIGINT NULL",
                "CREATE INDEX `tracks_bytes_index` ON `tracks` (`bytes`)"));
        sql.put("drop column", List.of(
                "ALTER TABLE `tracks` DROP COLUMN `composer`"));
        sql.put("rename column", List.of(
                "ALTER TABLE `tracks` RENAME COLUMN `name` TO `title`"));
        sql.put("two changes in order", List.of(
                "ALTER TABLE `tracks` RENAME COLUMN `name` TO `title`",
                "ALTER TABLE `tracks` DROP COLUMN `bytes`"));
        sql.put("create index with default name", List.of(
                "CREATE INDEX `tracks_album_id_name_index` ON `tracks` (`album_id`, `name`)"));
        sql.put("create unique named index", List.of(
                "CREATE UNIQUE INDEX `tracks_isrc` ON `tracks` (`isrc`)"));
        sql.put("drop index", List.of(
                "DROP INDEX `tracks_album_id_name_index`"));
        sql.put("create table with foreign key", List.of(
                "CREATE TABLE `albums` (`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, `artist_id` INTEGER NOT NULL, CONSTRAINT `albums_artist_id_foreign` FOREIGN KEY (`artist_id`) REFERENCES `artists` (`id`) ON DELETE CASCADE)"));
        sql.put("create table with composite indexes", List.of(
                "CREATE TABLE IF NOT EXISTS `playlist_track` (`playlist_id` INTEGER NOT NULL, `track_id` INTEGER NOT NULL, `position` INTEGER NOT NULL)",
                "CREATE UNIQUE INDEX IF NOT EXISTS `playlist_track_playlist_id_position_unique` ON `playlist_track` (`playlist_id`, `position`)",
                "CREATE INDEX IF NOT EXISTS `playlist_track_by_track` ON `playlist_track` (`track_id`, `playlist_id`)"));
        return sql;
    }

    /**
     * What SQLite's ALTER TABLE cannot do is a rebuild from the live table (SqliteRebuildTest), so the
     * compiler alone refuses it, saying it needs a connection.
     */
    @Override
    protected Map<String, String> refusals() {
        return Map.of(
                "change column", "changing column name on sqlite rebuilds the table from its current definition",
                "change column nullable with default", "compiled only through a connection (execute or describe)",
                "add foreign key", "adding a foreign key on sqlite rebuilds the table",
                "add foreign key set null", "adding a foreign key on sqlite rebuilds the table",
                "drop foreign key", "dropping a foreign key on sqlite rebuilds the table");
    }
}
