package dev.eloquent.testkit;

import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One rule per column type on every driver (docs/values.md), checked through the raw second path:
 * what the database holds is what the rule says, and what does not fit is refused before anything is
 * written, naming the column and its declared type but never the value.
 */
public interface ValueRulesKit extends KitSupport {
    /** A value that must never appear in a message. */
    String MARKER = "Kit-Value-9431";

    /** Runs the write, expects the value rules to refuse it, and checks the message and that nothing was written. */
    private EloquentException refused(Supplier<?> write, String column, String fragment) {
        int before = rawRows().size();
        EloquentException error = assertThrows(EloquentException.class, write::get);
        String message = error.getMessage();
        assertTrue(message.contains(column), "names " + column + ": " + message);
        assertTrue(message.contains(fragment), "says " + fragment + ": " + message);
        assertFalse(message.contains(MARKER), "the value leaked: " + message);
        assertEquals(before, rawRows().size(), "nothing was written");
        return error;
    }

    private static BigDecimal decimal(Object raw) {
        // MySQL/PostgreSQL hand back BigDecimal, SQLite a Double or text, MongoDB a Decimal128 or text.
        return new BigDecimal(raw.toString());
    }

    /** A raw timestamp as UTC date and time, whatever the client hands back. */
    private static LocalDateTime timestamp(Object raw) {
        if (raw instanceof java.sql.Timestamp stamp) {
            return stamp.toLocalDateTime();
        }
        if (raw instanceof java.util.Date date) {
            return LocalDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC);
        }
        if (raw instanceof OffsetDateTime offset) {
            return offset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (raw instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (raw instanceof LocalDateTime local) {
            return local;
        }
        String text = raw.toString().trim().replace(' ', 'T');
        return text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")
                ? OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                : LocalDateTime.parse(text);
    }

    @Test
    default void extraDecimalScaleIsRoundedHalfUpOnEveryDriver() {
        try (Eloquent db = boot()) {
            KitItem up = db.create(KitItem.class, Map.of("name", "up", "price", new BigDecimal("12.345")));
            KitItem down = db.create(KitItem.class, Map.of("name", "down", "price", "-12.345"));
            KitItem tiny = db.create(KitItem.class, Map.of("name", "tiny", "price", 0.005));
            assertEquals(new BigDecimal("12.35"), up.get("price"), "the model holds what is stored");
            List<Map<String, Object>> rows = rawRows();
            assertEquals(0, new BigDecimal("12.35").compareTo(decimal(rows.get(0).get("price"))), rows.toString());
            assertEquals(0, new BigDecimal("-12.35").compareTo(decimal(rows.get(1).get("price"))), rows.toString());
            assertEquals(0, new BigDecimal("0.01").compareTo(decimal(rows.get(2).get("price"))), rows.toString());
            assertEquals(new BigDecimal("-12.35"), db.findOrFail(KitItem.class, down.getKey()).get("price"));
            assertEquals(new BigDecimal("0.01"), db.findOrFail(KitItem.class, tiny.getKey()).get("price"));
            db.query(KitItem.class).where("id", up.getKey()).update(Map.of("price", "1.004"));
            assertEquals(0, new BigDecimal("1.00").compareTo(decimal(rawRows().get(0).get("price"))),
                    "updates round the same way");
        }
    }

    @Test
    default void decimalsThatDoNotFitAndNanOrInfinityAreRefused() {
        try (Eloquent db = boot()) {
            String price = "kit_items.price (decimal(12, 2))";
            refused(() -> db.create(KitItem.class, Map.of("name", "big", "price", new BigDecimal("12345678901"))),
                    price, "at most 10 digits before the decimal point");
            refused(() -> db.create(KitItem.class, Map.of("name", "rounds over", "price", "9999999999.995")),
                    price, "at most 10 digits");
            refused(() -> db.create(KitItem.class, Map.of("name", "huge", "price", "1e400")), price, "at most 10 digits");
            refused(() -> db.create(KitItem.class, Map.of("name", "nan", "price", Double.NaN)), price, "NaN");
            refused(() -> db.create(KitItem.class, Map.of("name", "inf", "price", Double.POSITIVE_INFINITY)), price,
                    "infinite");
            refused(() -> db.create(KitItem.class, Map.of("name", "text", "price", MARKER)), price, "not a decimal number");
            KitItem kept = item(db, "kept");
            refused(() -> db.query(KitItem.class).where("id", kept.getKey()).update(Map.of("price", "1e11")), price,
                    "at most 10 digits");
            assertEquals(null, rawRows().get(0).get("price"), "the refused update wrote nothing");
            // A comparison is not a write: a bound larger than the column's range is fine.
            assertEquals(0, db.query(KitItem.class).where("price", ">", new BigDecimal("1e20")).count());
        }
    }

    @Test
    default void doublesRefuseNanAndInfinityOnEveryDriver() {
        try (Eloquent db = boot()) {
            String ratio = "kit_items.ratio (doublePrecision)";
            refused(() -> db.create(KitItem.class, Map.of("name", "nan", "ratio", Double.NaN)), ratio, "NaN is refused");
            refused(() -> db.create(KitItem.class, Map.of("name", "inf", "ratio", Double.NEGATIVE_INFINITY)), ratio,
                    "an infinite value is refused");
            refused(() -> db.create(KitItem.class, Map.of("name", "overflow", "ratio", new BigDecimal("1e400"))), ratio,
                    "an infinite value is refused");
        }
    }

    @Test
    default void wholeNumbersRefuseFractionsAndOverflowInsteadOfTruncating() {
        try (Eloquent db = boot()) {
            refused(() -> db.create(KitItem.class, Map.of("name", "half", "quantity", 1.5)),
                    "kit_items.quantity (integer)", "fractional part");
            refused(() -> db.create(KitItem.class, Map.of("name", "wide", "quantity", 3_000_000_000L)),
                    "kit_items.quantity (integer)", "out of range");
            refused(() -> db.create(KitItem.class, Map.of("name", "wider", "big",
                    BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE))), "kit_items.big (bigInteger)", "out of range");
            refused(() -> db.create(KitItem.class, Map.of("name", "text", "quantity", MARKER)),
                    "kit_items.quantity (integer)", "not a whole number");
        }
    }

    @Test
    default void timestampsAreTruncatedToTheStoresPrecision() {
        try (Eloquent db = boot()) {
            freshEvents(db);
            ChronoUnit precision = timestampPrecision(db);
            LocalDateTime written = LocalDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_789);
            assertEquals(written.truncatedTo(ChronoUnit.MICROS), db.make(KitItem.class).set("seen_at", written)
                    .get("seen_at"), "cut (not rounded) when set");
            KitItem saved = db.create(KitItem.class, Map.of("name", "stamped", "seen_at", written));
            LocalDateTime stored = written.truncatedTo(precision);
            assertEquals(stored, saved.get("seen_at"), "after a save the model holds what is stored");
            assertEquals(stored, timestamp(rawRows().get(0).get("seen_at")), "what the database holds");
            assertEquals(stored, db.findOrFail(KitItem.class, saved.getKey()).get("seen_at"));
            assertEquals(1, db.query(KitItem.class).where("seen_at", stored).count(), "equality finds the stored value");

            OffsetDateTime instant = OffsetDateTime.parse("2024-05-06T07:08:09.999999999+02:00");
            KitEvent event = db.create(KitEvent.class, Map.of("code", "tz", "happened_at", instant));
            OffsetDateTime expected = instant.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(precision);
            assertEquals(expected, db.findOrFail(KitEvent.class, event.getKey()).get("happened_at"));
            assertEquals(expected.toLocalDateTime(), timestamp(target().raw().rows(EVENTS).get(0).get("happened_at")));
        }
    }

    @Test
    default void invalidJsonIsRefusedOnEveryDriver() {
        try (Eloquent db = boot()) {
            for (String bad : List.of("{\"a\":1,}", "{'a':1}", "[1 2]", "{\"k\":\"" + MARKER + "\"", "\"\\u0000\"", "")) {
                refused(() -> db.create(KitItem.class, Map.of("name", "json", "meta", bad)), "kit_items.meta (json)",
                        "not valid JSON");
            }
            KitItem kept = db.create(KitItem.class, Map.of("name", "json", "meta", "{\"ok\":[true,null,1.5]}"));
            refused(() -> db.query(KitItem.class).where("id", kept.getKey()).update(Map.of("meta", "{oops}")),
                    "kit_items.meta (json)", "not valid JSON");
            assertEquals("{\"ok\":[true,null,1.5]}", rawRows().get(0).get("meta").toString().replace(" ", ""));
        }
    }

    @Test
    default void nullInANotNullColumnIsRefusedByTheOrmNamingTheColumn() {
        try (Eloquent db = boot()) {
            refused(() -> db.create(KitItem.class, Map.of("quantity", 1)), "kit_items.name (string(100))",
                    "is NOT NULL and has no default");
            Map<String, Object> nullName = new HashMap<>();
            nullName.put("name", null);
            refused(() -> db.create(KitItem.class, nullName), "kit_items.name (string(100))", "is NOT NULL");
            Map<String, Object> nullQuantity = new HashMap<>();
            nullQuantity.put("quantity", null);
            KitItem kept = item(db, "kept");
            refused(() -> db.query(KitItem.class).where("id", kept.getKey()).update(nullQuantity),
                    "kit_items.quantity (integer)", "is NOT NULL");
            refused(() -> kept.set("name", null), "kit_items.name", "is NOT NULL");
            assertEquals(0L, ((Number) rawRows().get(0).get("quantity")).longValue());
            // A column with a default may be left out: the default fills it, on every driver.
            assertEquals(0, item(db, "defaults").getInteger("quantity"));
        }
    }

    @Test
    default void aBadUuidIsRefusedNamingTheColumn() {
        try (Eloquent db = boot()) {
            refused(() -> db.create(KitItem.class, Map.of("name", "uuid", "token", MARKER)), "kit_items.token (uuid)",
                    "not a UUID");
            refused(() -> db.make(KitItem.class).set("token", "1-1-1-1-1"), "kit_items.token (uuid)", "not a UUID");
        }
    }

    @Test
    default void typedGettersOnTheWrongTypeNameModelColumnAndBothTypes() {
        try (Eloquent db = boot()) {
            KitItem item = db.findOrFail(KitItem.class, db.create(KitItem.class, Map.of("name", "12", "quantity", 7,
                    "price", "3.50")).getKey());
            EloquentException wrong = assertThrows(EloquentException.class, () -> item.getInteger("name"));
            assertEquals("KitItem.name is declared string(100): it cannot be read as Integer; read it as String",
                    wrong.getMessage());
            EloquentException flag = assertThrows(EloquentException.class, () -> item.getBoolean("quantity"));
            assertTrue(flag.getMessage().startsWith("KitItem.quantity is declared integer: it cannot be read as Boolean"),
                    flag.getMessage());
            EloquentException asDouble = assertThrows(EloquentException.class, () -> item.getDouble("price"),
                    "a decimal is not read as a double");
            assertTrue(asDouble.getMessage().startsWith("KitItem.price is declared decimal"), asDouble.getMessage());
            assertEquals(7L, item.getLong("quantity"), "lossless widening is fine");
            assertEquals(new BigDecimal("7"), item.getDecimal("quantity"));
            assertEquals(new BigDecimal("3.50"), item.getDecimal("price"));
        }
    }

    @Test
    default void castErrorsNeverRepeatTheValue() {
        try (Eloquent db = boot()) {
            for (String column : List.of("quantity", "big", "active", "price", "ratio", "day", "seen_at", "token")) {
                EloquentException error = assertThrows(EloquentException.class,
                        () -> db.make(KitItem.class).set(column, MARKER + " as " + column));
                assertTrue(error.getMessage().startsWith("kit_items." + column + " ("), error.getMessage());
                assertFalse(error.getMessage().contains(MARKER), error.getMessage());
                EloquentException where = assertThrows(EloquentException.class,
                        () -> db.query(KitItem.class).where(column, MARKER).count());
                assertFalse(where.getMessage().contains(MARKER), where.getMessage());
            }
        }
    }
}
