package dev.eloquent.testkit;

import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every portable column type survives a round trip, at its extremes and as null. */
public interface TypesKit extends KitSupport {
    private static KitItem roundTrip(Eloquent db, Map<String, Object> values) {
        KitItem saved = db.create(KitItem.class, values);
        return db.findOrFail(KitItem.class, saved.getKey());
    }

    @Test
    default void everyTypeRoundTripsWithItsJavaType() {
        try (Eloquent db = boot()) {
            UUID token = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
            Map<String, Object> values = new HashMap<>();
            values.put("name", "typed");
            values.put("notes", "plain text");
            values.put("quantity", 12);
            values.put("big", 9_000_000_000L);
            values.put("active", true);
            values.put("price", new BigDecimal("1234.50"));
            values.put("ratio", 0.1);
            values.put("meta", "{\"a\":[1,2,{\"b\":null}]}");
            values.put("day", LocalDate.of(2024, 2, 29));
            values.put("seen_at", LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000));
            values.put("token", token);
            KitItem read = roundTrip(db, values);
            assertEquals("plain text", read.get("notes"));
            assertEquals(12, read.get("quantity"));
            assertEquals(9_000_000_000L, read.get("big"));
            assertEquals(true, read.get("active"));
            assertEquals(new BigDecimal("1234.50"), read.get("price"));
            assertEquals(0.1, read.get("ratio"));
            assertEquals(LocalDate.of(2024, 2, 29), read.get("day"));
            assertEquals(LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000).truncatedTo(timestampPrecision(db)),
                    read.get("seen_at"), "microseconds on SQL, milliseconds on MongoDB");
            assertEquals(token, read.get("token"));
            // Databases may re-space JSON (jsonb does); the content must be the same.
            assertEquals("{\"a\":[1,2,{\"b\":null}]}", read.getString("meta").replace(" ", ""));
        }
    }

    @Test
    default void nullsRoundTripInEveryNullableColumn() {
        try (Eloquent db = boot()) {
            KitItem read = roundTrip(db, Map.of("name", "nulls"));
            for (String column : new String[]{"notes", "big", "price", "ratio", "meta", "day", "seen_at", "token"}) {
                assertNull(read.get(column), column);
            }
        }
    }

    @Test
    default void extremeNumbersKeepEveryDigit() {
        try (Eloquent db = boot()) {
            KitItem max = roundTrip(db, Map.of("name", "max", "quantity", Integer.MAX_VALUE, "big", Long.MAX_VALUE,
                    "price", new BigDecimal("9999999999.99"), "ratio", Double.MAX_VALUE));
            assertEquals(Integer.MAX_VALUE, max.get("quantity"));
            assertEquals(Long.MAX_VALUE, max.get("big"));
            assertEquals(new BigDecimal("9999999999.99"), max.get("price"));
            assertEquals(Double.MAX_VALUE, max.get("ratio"));
            KitItem min = roundTrip(db, Map.of("name", "min", "quantity", Integer.MIN_VALUE, "big", Long.MIN_VALUE,
                    "price", new BigDecimal("-9999999999.99"), "ratio", -Double.MIN_NORMAL));
            assertEquals(Integer.MIN_VALUE, min.get("quantity"));
            assertEquals(Long.MIN_VALUE, min.get("big"));
            assertEquals(new BigDecimal("-9999999999.99"), min.get("price"));
            assertEquals(-Double.MIN_NORMAL, min.get("ratio"));
            KitItem cents = roundTrip(db, Map.of("name", "cents", "price", new BigDecimal("0.10")));
            assertEquals(new BigDecimal("0.10"), cents.get("price"));
        }
    }

    @Test
    default void unicodeAndLongTextRoundTrip() {
        try (Eloquent db = boot()) {
            String unicode = "Zoë 東京 \uD83D\uDE80 ñ Ω";
            String longText = "x".repeat(70_000) + "end";
            KitItem read = roundTrip(db, Map.of("name", unicode, "notes", longText));
            assertEquals(unicode, read.getString("name"));
            assertEquals(longText, read.getString("notes"));
            assertEquals(unicode, db.query(KitItem.class).where("name", unicode).firstOrFail().getString("name"));
        }
    }

    @Test
    default void extremeDatesRoundTrip() {
        try (Eloquent db = boot()) {
            KitItem early = roundTrip(db, Map.of("name", "early", "day", LocalDate.of(1000, 1, 1),
                    "seen_at", LocalDateTime.of(1970, 1, 1, 0, 0, 1)));
            assertEquals(LocalDate.of(1000, 1, 1), early.get("day"));
            assertEquals(LocalDateTime.of(1970, 1, 1, 0, 0, 1), early.get("seen_at"));
            KitItem late = roundTrip(db, Map.of("name", "late", "day", LocalDate.of(9999, 12, 31),
                    "seen_at", LocalDateTime.of(2037, 12, 31, 23, 59, 59, 999_999_000)));
            assertEquals(LocalDate.of(9999, 12, 31), late.get("day"));
            assertEquals(LocalDateTime.of(2037, 12, 31, 23, 59, 59, 999_999_000).truncatedTo(timestampPrecision(db)),
                    late.get("seen_at"));
        }
    }

    @Test
    default void timestampsWithTimeZoneKeepTheInstantAndReadAsUtc() {
        try (Eloquent db = boot()) {
            freshEvents(db);
            java.time.OffsetDateTime written = java.time.OffsetDateTime.parse("2024-03-31T02:30:00.123456+05:30");
            KitEvent saved = db.create(KitEvent.class, Map.of("code", "tz", "happened_at", written));
            Object read = db.findOrFail(KitEvent.class, saved.getKey()).get("happened_at");
            assertEquals(written.withOffsetSameInstant(java.time.ZoneOffset.UTC).truncatedTo(timestampPrecision(db)), read,
                    "the same instant, at offset UTC, to the store's precision");
            assertEquals(1, db.query(KitEvent.class)
                    .where("happened_at", ">", java.time.OffsetDateTime.parse("2024-03-30T20:59:59Z")).count());
            assertEquals(0, db.query(KitEvent.class)
                    .where("happened_at", ">", java.time.OffsetDateTime.parse("2024-03-30T21:00:01Z")).count());
            for (String extreme : new String[]{"1000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z"}) {
                java.time.OffsetDateTime instant = java.time.OffsetDateTime.parse(extreme);
                KitEvent edge = db.create(KitEvent.class, Map.of("code", extreme, "happened_at", instant));
                assertEquals(instant.truncatedTo(timestampPrecision(db)),
                        db.findOrFail(KitEvent.class, edge.getKey()).get("happened_at"), extreme);
            }
            assertEquals(3, target().raw().rows(EVENTS).size());
        }
    }

    @Test
    default void aStringLongerThanItsColumnIsRefusedNotTruncated() {
        try (Eloquent db = boot()) {
            EloquentException tooLong = assertThrows(EloquentException.class,
                    () -> db.create(KitItem.class, Map.of("name", "n".repeat(101))));
            assertEquals("kit_items.name (string(100)): a value of 101 characters exceeds the column's length 100",
                    tooLong.getMessage());
            assertEquals(0, rawRows().size());
            assertEquals(100, roundTrip(db, Map.of("name", "n".repeat(100))).getString("name").length());
            // The limit counts characters: 100 emoji (200 UTF-16 units, 400 UTF-8 bytes) fit in string(100).
            String emoji = "\uD83D\uDE80".repeat(100);
            assertEquals(emoji, roundTrip(db, Map.of("name", emoji)).getString("name"));
        }
    }

    @Test
    default void valuesOfTheWrongTypeFailWhenSetNamingTheColumn() {
        try (Eloquent db = boot()) {
            EloquentException wrong = assertThrows(EloquentException.class,
                    () -> db.make(KitItem.class).set("quantity", "many"));
            assertEquals("kit_items.quantity (integer): cannot read a String as Integer: not a whole number in range",
                    wrong.getMessage());
            EloquentException range = assertThrows(EloquentException.class,
                    () -> db.make(KitItem.class).set("quantity", 3_000_000_000L));
            assertEquals("kit_items.quantity (integer): cannot read a Long as Integer: out of range", range.getMessage());
        }
    }
}
