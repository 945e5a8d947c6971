package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text that reaches DDL (column defaults) comes back byte for byte and cannot change the statement, on
 * every SQL driver: a corpus of hostile defaults, each a column of one table, read back through raw JDBC
 * by inserting a row that takes every default. Also: a name that is not a column fails, as on MySQL and
 * PostgreSQL, instead of SQLite's fallback to a string.
 */
public interface DdlLiteralKit extends KitSupport {
    String DDL_TABLE = "kit_ddl";

    /** Quotes, backslashes, comment starters, unicode look-alikes, placeholders: each must stay plain text. */
    List<String> CORPUS = List.of(
            "it's", "''", "'", "\\", "\\\\", "\\'", "\\', pwned INT) #", "'); DROP TABLE kit_items; --",
            "C:\\new\\table", "trailing backslash \\", "\\0 \\Z \\b \\% \\_ \\n \\t", "\"double\"", "`back`tick`",
            "# hash", "-- dashes", "/* open", "close */", "/*! MySQL comment */", "\u2018smart\u2019 \u201Cquotes\u201D",
            "\uFF07fullwidth\uFF07 \u02BCmodifier", "Zo\u00EB \u6771\u4EAC \uD83D\uDE80", "$1 $$ dollar $tag$", "; semicolon",
            "%_ wildcards", "line\nbreak\r\ttab", ":name ? ?1 @var", "E'x' X'41' N'y' _utf8mb4'z'", "0x41", "{fn now()}",
            "\u00A0non-breaking space", "");

    private JdbcRawAccess jdbc() {
        if (target().raw() instanceof JdbcRawAccess jdbc) {
            return jdbc;
        }
        return Assumptions.abort("skipped: the target's raw access is not JDBC");
    }

    private static String column(int i) {
        return "c" + i;
    }

    @Test
    default void everyDefaultInTheCorpusRoundTripsByteExactAndAddsNoColumn() {
        try (Eloquent db = boot()) {
            assumeCapability(db, Capability.RAW_SQL);
            JdbcRawAccess raw = jdbc();
            db.schema(target().connection()).dropIfExists(DDL_TABLE);
            db.schema(target().connection()).create(DDL_TABLE, t -> {
                t.increments("id");
                t.integer("marker");
                for (int i = 0; i < CORPUS.size(); i++) {
                    t.string(column(i), 200).defaultValue(CORPUS.get(i));
                }
            });
            List<String> expected = new ArrayList<>(List.of("id", "marker"));
            for (int i = 0; i < CORPUS.size(); i++) {
                expected.add(column(i));
            }
            assertEquals(expected, raw.columns(DDL_TABLE), "exactly the declared columns");
            raw.execute("INSERT INTO " + DDL_TABLE + " (marker) VALUES (1)");
            Map<String, Object> row = raw.rows(DDL_TABLE).get(0);
            for (int i = 0; i < CORPUS.size(); i++) {
                assertEquals(CORPUS.get(i), row.get(column(i)), "default " + i + " stored byte for byte");
            }
            assertTrue(db.schema(target().connection()).hasTable(TABLE), "kit_items survived");
            db.schema(target().connection()).drop(DDL_TABLE);
        }
    }

    /**
     * NUL is stored exactly where the database's text can hold it (MySQL); where it cannot (PostgreSQL,
     * SQLite) the default is refused naming the column, before any DDL runs, rather than cut or mangled.
     */
    @Test
    default void aNulInADefaultIsStoredExactlyOrRefusedNamingTheColumn() {
        try (Eloquent db = boot()) {
            assumeCapability(db, Capability.RAW_SQL);
            JdbcRawAccess raw = jdbc();
            String nul = "before\u0000after";
            db.schema(target().connection()).dropIfExists(DDL_TABLE);
            try {
                db.schema(target().connection()).create(DDL_TABLE, t -> {
                    t.increments("id");
                    t.integer("marker");
                    t.string("with_nul", 50).defaultValue(nul);
                });
            } catch (EloquentException refused) {
                assertTrue(refused.getMessage().startsWith("default of column " + DDL_TABLE + ".with_nul (string(50)): "),
                        refused.getMessage());
                assertTrue(refused.getMessage().contains("NUL (U+0000)"), refused.getMessage());
                assertFalse(db.schema(target().connection()).hasTable(DDL_TABLE), "no table was created");
                return;
            }
            raw.execute("INSERT INTO " + DDL_TABLE + " (marker) VALUES (1)");
            assertEquals(nul, raw.rows(DDL_TABLE).get(0).get("with_nul"), "stored byte for byte");
            db.schema(target().connection()).drop(DDL_TABLE);
        }
    }

    @Test
    default void aNameThatIsNotAColumnFailsOnEverySqlDriver() {
        try (Eloquent db = boot()) {
            assumeCapability(db, Capability.RAW_SQL);
            db.register(KitLoose.class, KitLoose::new);
            item(db, "one");
            item(db, "two");
            // Without a schema nothing checks the name: the database must refuse it. SQLite used to read a
            // double-quoted unknown name as the string 'no_such_column' and count every row.
            EloquentException error = assertThrows(EloquentException.class,
                    () -> db.query(KitLoose.class).where("no_such_column", "no_such_column").count());
            assertTrue(error.getMessage().contains("kit_items"), error.getMessage());
            EloquentException order = assertThrows(EloquentException.class,
                    () -> db.query(KitLoose.class).orderBy("no_such_column").get());
            assertTrue(order.getMessage().contains("kit_items"), order.getMessage());
            assertEquals(2, db.query(KitLoose.class).where("name", "one").orWhere("name", "two").count());
        }
    }
}
