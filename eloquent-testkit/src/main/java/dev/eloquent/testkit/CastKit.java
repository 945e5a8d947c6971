package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.eloquent.testkit.KitAssertions.asLong;
import static dev.eloquent.testkit.KitAssertions.normalized;
import static dev.eloquent.testkit.KitAssertions.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Casts (docs/models.md): each cast written in its stored form, checked through the raw path, and read back
 * as the same Java value on every driver; json as JSON text on SQL and as a nested document on a document store.
 */
public interface CastKit extends GadgetSupport {
    Map<String, Object> META = Map.of("tags", List.of("a", "b"));

    /** A gadget with every cast column set, saved. */
    static KitGadget saveGadget(Eloquent db, String name) {
        return db.make(KitGadget.class).set("name", name).set("level", KitGadget.Level.HIGH)
                .set("size", KitGadget.Size.LARGE).set("meta", META).set("count_text", 7)
                .set("price", new BigDecimal("12.5")).set("flag", true).set("day", LocalDate.of(2024, 5, 1))
                .set("seen_at", Instant.parse("2024-05-01T08:30:00Z")).set("secret", "s3cr3t-value")
                .set("cost", new BigDecimal("3.25")).save();
    }

    @Test
    default void castsAreStoredInTheirStoredFormAndReadBackAsTheSameJavaValues() {
        try (Eloquent db = bootGadgets(Clock.systemUTC(), KEY, true)) {
            saveGadget(db, "probe");
            Map<String, Object> row = target().raw().rows(GADGETS).get(0);
            assertEquals("HIGH", row.get("level"), "an enum by name stores its name");
            assertEquals(9L, asLong(row.get("size")), "an enum by value stores its value");
            assertEquals("7", row.get("count_text"));
            assertEquals(normalized(new BigDecimal("12.50")), normalized(row.get("price")));
            assertEquals(1L, asLong(row.get("flag")), "a boolean cast over an integer column stores 1");
            assertEquals("2024-05-01", row.get("day"));
            assertEquals(325L, asLong(row.get("cost")), "the custom cast stores cents");
            Object secret = row.get("secret");
            assertNotEquals("s3cr3t-value", secret);
            assertFalse(String.valueOf(secret).contains("s3cr3t"), "the plaintext is not stored");

            boolean documents = db.connections().connection(target().connection()).supports(Capability.DOCUMENTS);
            Object meta = row.get("meta");
            if (documents) {
                assertEquals(META, assertInstanceOf(Map.class, meta), "a document store keeps a nested document");
            } else {
                assertEquals("{\"tags\":[\"a\",\"b\"]}", String.valueOf(meta).replace(" ", ""), "SQL stores JSON text");
            }

            KitGadget read = db.query(KitGadget.class).firstOrFail();
            assertEquals(KitGadget.Level.HIGH, read.get("level"));
            assertEquals(KitGadget.Size.LARGE, read.get("size", KitGadget.Size.class));
            assertEquals(META, read.get("meta"), "the same Map on every driver");
            assertEquals(7, read.get("count_text"));
            assertEquals(new BigDecimal("12.50"), read.get("price"));
            assertEquals(true, read.get("flag"));
            assertEquals(LocalDate.of(2024, 5, 1), read.get("day"));
            assertEquals(Instant.parse("2024-05-01T08:30:00Z"), read.get("seen_at"));
            assertEquals("s3cr3t-value", read.get("secret"));
            assertEquals(new BigDecimal("3.25"), read.get("cost"));
            assertFalse(read.toString().contains("s3cr3t"), read.toString());
            assertFalse(read.isDirty(), "reading through casts does not make the model dirty");
        }
    }

    @Test
    default void aCastColumnComparesWithTheApplicationValueOrTheStoredForm() {
        try (Eloquent db = bootGadgets(Clock.systemUTC(), KEY, true)) {
            saveGadget(db, "high");
            db.make(KitGadget.class).set("name", "low").set("level", KitGadget.Level.LOW)
                    .set("size", KitGadget.Size.SMALL).save();
            assertEquals(List.of("high"), KitAssertions.strings(
                    db.query(KitGadget.class).where("level", KitGadget.Level.HIGH).get(), "name"));
            assertEquals(List.of("low"), KitAssertions.strings(
                    db.query(KitGadget.class).where("size", KitGadget.Size.SMALL).get(), "name"));
            assertEquals(1L, db.query(KitGadget.class).where("level", "LOW").count());
            refused(EloquentException.class, "KitGadget.level (cast enum Level)",
                    () -> db.query(KitGadget.class).where("level", "MEDIUM").get());
        }
    }

    @Test
    default void anEncryptedColumnReadWithAnotherKeyFailsWithoutTheValue() {
        try (Eloquent db = bootGadgets(Clock.systemUTC(), KEY, true)) {
            saveGadget(db, "probe");
        }
        try (Eloquent other = bootGadgets(Clock.systemUTC(), OTHER_KEY, false)) {
            KitGadget read = other.query(KitGadget.class).firstOrFail();
            EloquentException error = refused(EloquentException.class,
                    "reading KitGadget.secret (cast encrypted): cannot decrypt", () -> read.get("secret"));
            assertFalse(error.getMessage().contains("s3cr3t"), error.getMessage());
            assertEquals("probe", read.getString("name"), "the other columns still read");
        }
    }

    @Test
    default void aValueACastRefusesIsNamedByColumnAndCastOnly() {
        try (Eloquent db = bootGadgets(Clock.systemUTC(), KEY, true)) {
            EloquentException error = refused(EloquentException.class, "KitGadget.meta (cast json)",
                    () -> db.make(KitGadget.class).set("meta", "{broken secret-text"));
            assertFalse(error.getMessage().contains("secret-text"), error.getMessage());
            assertTrue(target().raw().rows(GADGETS).isEmpty());
        }
    }
}
