package dev.eloquent.driver.mysql;

import dev.eloquent.sql.SqlDialect;
import dev.eloquent.sql.golden.SchemaGoldenTest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The schema statements on Mysql; compile-only. Each text was checked by hand against the database's documentation. */
class MysqlSchemaGoldenTest extends SchemaGoldenTest {
    @Override
    protected SqlDialect dialect() {
        return new MysqlDialect();
    }

    @Override
    protected Map<String, List<String>> expectedStatements() {
        Map<String, List<String>> sql = new LinkedHashMap<>();
        sql.put("rename table", List.of(
                "RENAME TABLE `tracks` TO `songs`"));
        sql.put("add column", List.of(
                "ALTER TABLE `tracks` ADD COLUMN `composer` VARCHAR(120) NULL"));
        sql.put("add column with default and unique", List.of(
                "ALTER TABLE `tracks` ADD COLUMN `plays` INT NOT NULL DEFAULT 0",
                "CREATE UNIQUE INDEX `tracks_plays_unique` ON `tracks` (`plays`)"));
        sql.put("add indexed column", List.of(
                "ALTER TABLE `tracks` ADD COLUMN `bytes` BIGINT NULL",
                "CREATE INDEX `tracks_bytes_index` ON `tracks` (`bytes`)"));
        sql.put("drop column", List.of(
                "ALTER TABLE `tracks` DROP COLUMN `composer`"));
        sql.put("rename column", List.of(
                "ALTER TABLE `tracks` RENAME COLUMN `name` TO `title`"));
        sql.put("change column", List.of(
                "ALTER TABLE `tracks` MODIFY COLUMN `name` VARCHAR(200) NOT NULL"));
        sql.put("change column nullable with default", List.of(
                "ALTER TABLE `tracks` MODIFY COLUMN `plays` INT NULL DEFAULT 1"));
        sql.put("two changes in order", List.of(
                "ALTER TABLE `tracks` RENAME COLUMN `name` TO `title`",
                "ALTER TABLE `tracks` DROP COLUMN `bytes`"));
        sql.put("create index with default name", List.of(
                "CREATE INDEX `tracks_album_id_name_index` ON `tracks` (`album_id`, `name`)"));
        sql.put("create unique named index", List.of(
                "CREATE UNIQUE INDEX `tracks_isrc` ON `tracks` (`isrc`)"));
        sql.put("drop index", List.of(
                "DROP INDEX `tracks_album_id_name_index` ON `tracks`"));
        sql.put("add foreign key", List.of(
                "ALTER TABLE `tracks` ADD CONSTRAINT `tracks_album_id_foreign` FOREIGN KEY (`album_id`) REFERENCES `albums` (`id`) ON DELETE CASCADE"));
        sql.put("add foreign key set null", List.of(
                "ALTER TABLE `tracks` ADD CONSTRAINT `tracks_genre` FOREIGN KEY (`genre_id`) REFERENCES `genres` (`id`) ON DELETE SET NULL"));
        sql.put("drop foreign key", List.of(
                "ALTER TABLE `tracks` DROP FOREIGN KEY `tracks_album_id_foreign`"));
        sql.put("create table with foreign key", List.of(
                "CREATE TABLE `albums` (`id` INT NOT NULL AUTO_INCREMENT PRIMARY KEY, `artist_id` INT NOT NULL, CONSTRAINT `albums_artist_id_foreign` FOREIGN KEY (`artist_id`) REFERENCES `artists` (`id`) ON DELETE CASCADE) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"));
        sql.put("create table with composite indexes", List.of(
                "CREATE TABLE IF NOT EXISTS `playlist_track` (`playlist_id` INT NOT NULL, `track_id` INT NOT NULL, `position` INT NOT NULL, UNIQUE INDEX `playlist_track_playlist_id_position_unique` (`playlist_id`, `position`), INDEX `playlist_track_by_track` (`track_id`, `playlist_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"));
        return sql;
    }
}
