package dev.eloquent.sql.golden;

import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.ColumnType;
import dev.eloquent.sql.SqlDialect;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Compile-only: how tolerant {@code migrate:status --verify} is with one dialect's catalog. Each spelling the
 * database's catalog reports must reduce ({@link SqlDialect#typeFamily}) to the same family as the DDL the
 * dialect writes for the declared type, and each spelling of another type must not. A dialect's test gives both.
 */
public abstract class TypeFamilyGoldenTest {
    protected abstract SqlDialect dialect();

    /** Catalog spellings and the declared type whose DDL they must meet. */
    protected abstract Map<String, ColumnType> sameFamily();

    /** Catalog spellings and a declared type whose DDL they must not meet. */
    protected abstract Map<String, ColumnType> otherFamily();

    private String ddlFamily(ColumnType type) {
        ColumnSpec column = new ColumnSpec("c", type, 120, 12, 2, true, false, null, false, false, false);
        return dialect().typeFamily(dialect().columnType(column));
    }

    @Test
    void catalogSpellingsMeetTheDdlOfTheirDeclaredType() {
        sameFamily().forEach((spelling, type) -> assertEquals(ddlFamily(type), dialect().typeFamily(spelling),
                spelling + " should be " + type));
    }

    @Test
    void spellingsOfAnotherTypeDoNot() {
        otherFamily().forEach((spelling, type) -> assertNotEquals(ddlFamily(type), dialect().typeFamily(spelling),
                spelling + " should not be " + type));
    }
}
