package dev.eloquent.api;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The value rules of docs/values.md, as {@link Values#write} applies them for every driver. */
class ValueRulesTest {
    private static final TableSpec TABLE = table();

    private static TableSpec table() {
        Blueprint t = new Blueprint();
        t.increments("id");
        t.decimal("price", 5, 2).nullable();
        t.doublePrecision("ratio").nullable();
        t.integer("quantity").nullable();
        t.bigInteger("big").nullable();
        t.timestamp("seen_at").nullable();
        t.timestampTz("happened_at").nullable();
        t.json("meta").nullable();
        t.uuid("token").nullable();
        t.string("name", 5);
        t.integer("hits").defaultValue(0);
        return t.build("items");
    }

    private static Object write(String column, Object value) {
        return Values.write("items", TABLE.column(column).orElseThrow(), value);
    }

    /** The write is refused with a message that starts with the column and its declared type and never shows the value. */
    private static EloquentException refused(String column, Object value, String fragment) {
        EloquentException error = assertThrows(EloquentException.class, () -> write(column, value));
        String declared = TABLE.column(column).orElseThrow().declaredType();
        assertTrue(error.getMessage().startsWith("items." + column + " (" + declared + "): "), error.getMessage());
        assertTrue(error.getMessage().contains(fragment), fragment + " in: " + error.getMessage());
        // NaN and the infinities are kinds of value that the message names on purpose; others must not show.
        if (value != null && !(value instanceof Double d && !Double.isFinite(d)) && !String.valueOf(value).isEmpty()
                && !List.of("NaN", "Infinity").contains(String.valueOf(value))) {
            String shown = value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
            assertFalse(error.getMessage().contains(shown), "the value leaked: " + error.getMessage());
        }
        return error;
    }

    @Test
    void decimalsRoundHalfUpToTheScaleAndRefuseWhatDoesNotFit() {
        assertEquals(new BigDecimal("12.35"), write("price", new BigDecimal("12.345")));
        assertEquals(new BigDecimal("12.34"), write("price", "12.3449"));
        assertEquals(new BigDecimal("-12.35"), write("price", -12.345), "HALF_UP rounds away from zero");
        assertEquals(new BigDecimal("1.50"), write("price", 1.5), "widened to the scale");
        assertEquals(new BigDecimal("999.99"), write("price", "999.994"));
        assertEquals(new BigDecimal("0.00"), write("price", "0.001"));
        refused("price", new BigDecimal("999.995"), "at most 3 digits before the decimal point");
        refused("price", new BigDecimal("1234"), "at most 3 digits");
        refused("price", "1e400", "at most 3 digits");
        refused("price", Double.NaN, "NaN");
        refused("price", Double.POSITIVE_INFINITY, "infinite");
        refused("price", "NaN", "not a decimal number");
        refused("price", "Infinity", "not a decimal number");
    }

    @Test
    void doublesRefuseNanAndInfinity() {
        assertEquals(0.1, write("ratio", 0.1));
        assertEquals(Double.MAX_VALUE, write("ratio", Double.MAX_VALUE));
        refused("ratio", Double.NaN, "NaN is refused");
        refused("ratio", Double.NEGATIVE_INFINITY, "an infinite value is refused");
        refused("ratio", "Infinity", "an infinite value is refused");
        refused("ratio", new BigDecimal("1e400"), "an infinite value is refused");
    }

    @Test
    void wholeNumbersRefuseFractionsAndOverflowNeverTruncate() {
        assertEquals(7, write("quantity", 7L));
        assertEquals(7, write("quantity", new BigDecimal("7.00")));
        assertEquals(7, write("quantity", 7.0));
        refused("quantity", 7.5, "fractional part");
        refused("quantity", new BigDecimal("7.01"), "fractional part");
        refused("quantity", 3_000_000_000L, "out of range");
        refused("quantity", "12abc", "not a whole number");
        assertEquals(Long.MAX_VALUE, write("big", BigInteger.valueOf(Long.MAX_VALUE)));
        refused("big", BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), "out of range");
        refused("big", 1e300, "beyond the whole numbers a double holds exactly");
        refused("big", true, "cannot read a Boolean as Long");
    }

    @Test
    void timestampsAreTruncatedToMicroseconds() {
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000),
                write("seen_at", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_999)), "truncated, not rounded");
        assertEquals(OffsetDateTime.parse("2024-01-02T01:34:05.999999Z"),
                write("happened_at", OffsetDateTime.parse("2024-01-02T07:04:05.9999999+05:30")));
        refused("seen_at", "yesterday", "not an ISO-8601 date and time");
    }

    @Test
    void jsonMustBeValidOnEveryDriver() {
        assertEquals("{\"a\":[1,2,{\"b\":null}]}", write("meta", "{\"a\":[1,2,{\"b\":null}]}"));
        refused("meta", "{\"a\":1,}", "not valid JSON");
        refused("meta", "{'a':1}", "not valid JSON");
        refused("meta", "", "not valid JSON: a value was expected at offset 0");
    }

    @Test
    void uuidsMustBeCanonicalTextAndNameTheColumn() {
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertEquals(id, write("token", id.toString().toUpperCase()));
        refused("token", "1-1-1-1-1", "not a UUID in 8-4-4-4-12 hex form");
        refused("token", "not-a-uuid-secret-text", "not a UUID");
    }

    @Test
    void notNullColumnsRefuseNullGeneratedKeysAndNullableColumnsTakeIt() {
        refused("name", null, "is NOT NULL: a null value is refused");
        refused("hits", null, "is NOT NULL");
        assertNull(write("id", null), "a generated key is null until the database assigns it");
        assertNull(write("quantity", null));
    }

    @Test
    void stringsCountCharactersAndRefuseWhatIsTooLong() {
        assertEquals("\uD83D\uDE80".repeat(5), write("name", "\uD83D\uDE80".repeat(5)));
        refused("name", "abcdef", "a value of 6 characters exceeds the column's length 5");
    }

    @Test
    void defaultsFollowTheSameRules() {
        Blueprint t = new Blueprint();
        t.decimal("price", 5, 2).defaultValue("1.005");
        t.timestamp("at").defaultValue(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1));
        TableSpec spec = t.build("d");
        assertEquals(new BigDecimal("1.01"), spec.column("price").orElseThrow().defaultValue());
        assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0), spec.column("at").orElseThrow().defaultValue());
        for (Object bad : List.of("1000", "NaN")) {
            Blueprint b = new Blueprint();
            b.decimal("price", 5, 2).defaultValue(bad);
            EloquentException error = assertThrows(EloquentException.class, () -> b.build("d"));
            assertTrue(error.getMessage().startsWith("default of column d.price (decimal(5, 2)): "), error.getMessage());
        }
        Blueprint json = new Blueprint();
        json.json("meta").defaultValue("{oops}");
        EloquentException bad = assertThrows(EloquentException.class, () -> json.build("d"));
        assertTrue(bad.getMessage().contains("d.meta") && bad.getMessage().contains("not valid JSON"), bad.getMessage());
        assertFalse(bad.getMessage().contains("oops"), "no value in the message: " + bad.getMessage());
    }

    @Test
    void readsConvertWithoutJudgingTheStoredValue() {
        assertEquals(new BigDecimal("12.345"), Values.read(ColumnType.DECIMAL, 2, "12.345"), "reads never round");
        assertEquals(Double.NaN, Values.read(ColumnType.DOUBLE, 0, Double.NaN), "what is stored is what is read");
        EloquentException bad = assertThrows(EloquentException.class, () -> Values.read(ColumnType.UUID, 0, "zz"));
        assertEquals("cannot read a String as UUID: not a UUID in 8-4-4-4-12 hex form", bad.getMessage());
        EloquentException infinity = assertThrows(EloquentException.class,
                () -> Values.read(ColumnType.DECIMAL, 2, "Infinity"));
        assertEquals("cannot read a String as BigDecimal: not a decimal number", infinity.getMessage());
    }
}
