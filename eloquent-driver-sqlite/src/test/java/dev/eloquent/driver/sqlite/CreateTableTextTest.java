package dev.eloquent.driver.sqlite;

import dev.eloquent.api.EloquentException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cutting sqlite_master's CREATE TABLE text into its items and reading them, without a database. */
class CreateTableTextTest {
    @Test
    void itemsAreCutAtTopLevelCommasOnly() {
        CreateTableText text = CreateTableText.parse("CREATE TABLE `tracks` (`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
                + " `name` VARCHAR(50) NOT NULL CHECK (length(`name`) <= 50), `price` NUMERIC(8, 2) NULL DEFAULT '1,5',"
                + " `a,b` TEXT NULL, \"c)d\" TEXT, [e,f] TEXT, g TEXT -- a comment, with a comma\n,"
                + " h TEXT /* another, ( */, CONSTRAINT `t_fk` FOREIGN KEY (`album_id`) REFERENCES `albums` (`id`) ON DELETE CASCADE"
                + ") WITHOUT ROWID");
        assertEquals(List.of(
                "`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL",
                "`name` VARCHAR(50) NOT NULL CHECK (length(`name`) <= 50)",
                "`price` NUMERIC(8, 2) NULL DEFAULT '1,5'",
                "`a,b` TEXT NULL",
                "\"c)d\" TEXT",
                "[e,f] TEXT",
                "g TEXT -- a comment, with a comma",
                "h TEXT /* another, ( */",
                "CONSTRAINT `t_fk` FOREIGN KEY (`album_id`) REFERENCES `albums` (`id`) ON DELETE CASCADE"), text.items());
        assertEquals(" WITHOUT ROWID", text.tail());
    }

    @Test
    void quotesInsideQuotesAreDoubledAndDoNotEndTheName() {
        CreateTableText text = CreateTableText.parse("CREATE TABLE x (`we``ird` TEXT DEFAULT 'it''s, here', y INTEGER)");
        assertEquals(List.of("`we``ird` TEXT DEFAULT 'it''s, here'", "y INTEGER"), text.items());
        assertEquals("we`ird", CreateTableText.columnName(text.items().get(0)));
    }

    @Test
    void theTableNameMayContainAParenthesisWhenQuoted() {
        CreateTableText text = CreateTableText.parse("CREATE TABLE \"odd(name\" (a TEXT)");
        assertEquals(List.of("a TEXT"), text.items());
    }

    @Test
    void renderingKeepsTheItemsAndTheTail() {
        CreateTableText text = CreateTableText.parse("CREATE TABLE `t` (a TEXT, b TEXT) STRICT");
        assertEquals("CREATE TABLE `n` (a TEXT, c INTEGER) STRICT", text.render("`n`", List.of("a TEXT", "c INTEGER")));
    }

    @Test
    void columnsAreToldFromTableConstraints() {
        assertEquals("name", CreateTableText.columnName("`name` VARCHAR(50)"));
        assertEquals("plays", CreateTableText.columnName("plays INTEGER"));
        assertEquals("check", CreateTableText.columnName("\"check\" INTEGER"), "a quoted keyword is a column");
        assertEquals("x y", CreateTableText.columnName("[x y] TEXT"));
        for (String constraint : List.of("CONSTRAINT k FOREIGN KEY (a) REFERENCES b (id)", "PRIMARY KEY (a, b)",
                "unique (a)", "CHECK (a > 0)", "FOREIGN KEY (a) REFERENCES b (id)")) {
            assertNull(CreateTableText.columnName(constraint), constraint);
        }
    }

    @Test
    void foreignKeyNamesAreReadFromNamedConstraintsOnly() {
        assertEquals("tracks_album_id_foreign", CreateTableText.foreignKeyName(
                "CONSTRAINT `tracks_album_id_foreign` FOREIGN KEY (`album_id`) REFERENCES `albums` (`id`)"));
        assertEquals("k", CreateTableText.foreignKeyName("constraint \"k\" foreign key (a) references b"));
        assertNull(CreateTableText.foreignKeyName("CONSTRAINT k CHECK (a > 0)"));
        assertNull(CreateTableText.foreignKeyName("FOREIGN KEY (a) REFERENCES b (id)"));
        assertNull(CreateTableText.foreignKeyName("`constraint` TEXT"));
    }

    @Test
    void wordsCountOnlyOutsideParenthesesStringsAndNames() {
        assertTrue(CreateTableText.hasWord("`slug` VARCHAR(40) NOT NULL UNIQUE CHECK (length(`slug`) <= 40)", "UNIQUE"));
        assertFalse(CreateTableText.hasWord("`note` TEXT DEFAULT 'unique' CHECK (note <> 'unique')", "UNIQUE"));
        assertFalse(CreateTableText.hasWord("`unique` TEXT", "UNIQUE"));
        assertFalse(CreateTableText.hasWord("`a` TEXT CHECK (a IN (SELECT 1 AS x))", "AS"));
        assertEquals(List.of("albums", "genres"), CreateTableText.referencedTables(
                "CONSTRAINT k FOREIGN KEY (a) REFERENCES `albums` (id) ON DELETE CASCADE, b INTEGER REFERENCES genres(id)"));
    }

    @Test
    void aDefinitionWithoutAColumnListIsRefused() {
        EloquentException e = assertThrows(EloquentException.class, () -> CreateTableText.parse("CREATE TABLE t AS SELECT 1"));
        assertTrue(e.getMessage().contains("has no column list"), e.getMessage());
    }
}
