package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Env;
import dev.eloquent.api.Write;
import dev.eloquent.resolver.DriverRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Casts on set, get and write, and the JSON of models, against the recording connections. */
class CastsAndSerializationTest {
    static final String KEY = "base64:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String OTHER_KEY = "base64:HxwdHhscGRoXGBUWExQREg8QDQ4LDAkKBwgFBgMEAQI=";

    enum Level { LOW, HIGH }

    enum Size {
        SMALL(1), LARGE(9);
        final int code;

        Size(int code) {
            this.code = code;
        }
    }

    /** A custom cast: cents stored as a long, seen as a decimal of two places. */
    static final class Cents implements Cast<BigDecimal> {
        @Override
        public BigDecimal get(Object stored) {
            return BigDecimal.valueOf(((Number) stored).longValue(), 2);
        }

        @Override
        public Object set(BigDecimal value) {
            return value.movePointRight(2).longValueExact();
        }
    }

    @Table("gadgets")
    static final class Gadget extends SqlModel<Gadget> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.increments("id");
                t.string("name", 50);
                t.string("level", 10).nullable();
                t.integer("size").nullable();
                t.json("meta").nullable();
                t.string("count_text", 10).nullable();
                t.string("price", 20).nullable();
                t.integer("flag").nullable();
                t.string("day", 10).nullable();
                t.timestamp("seen_at").nullable();
                t.text("secret").nullable();
                t.bigInteger("cost").nullable();
                t.timestamps();
            });
        }

        @Override
        protected Map<String, Cast<?>> casts() {
            Map<String, Cast<?>> casts = new LinkedHashMap<>();
            casts.put("level", Casts.enumByName(Level.class));
            casts.put("size", Casts.enumByValue(Size.class, size -> size.code));
            casts.put("meta", Casts.json());
            casts.put("count_text", Casts.integer());
            casts.put("price", Casts.decimal(2));
            casts.put("flag", Casts.bool());
            casts.put("day", Casts.date());
            casts.put("seen_at", Casts.instant());
            casts.put("secret", Casts.encrypted());
            casts.put("cost", new Cents());
            return casts;
        }

        @Override
        protected Set<String> hidden() {
            return Set.of("secret", "cost");
        }

        @Override
        protected Map<String, Function<Gadget, Object>> appends() {
            return Map.of("label", g -> g.getString("name").toUpperCase(), "big", g -> g.get("size") == Size.LARGE);
        }

        Widget widget() {
            return null;
        }
    }

    @Table("widgets")
    static final class Widget extends SqlModel<Widget> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.increments("id");
                t.string("title", 50);
                t.decimal("weight", 8, 2).nullable();
            });
        }

        @Override
        protected Set<String> visible() {
            return Set.of("id", "title", "weight");
        }
    }

    @Table("gadgets")
    @Connection("docfake")
    static final class DocGadget extends Model<DocGadget> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.increments("id");
                t.json("meta").nullable();
            });
        }

        @Override
        protected Map<String, Cast<?>> casts() {
            return Map.of("meta", Casts.json());
        }
    }

    private final Fakes fakes = new Fakes();
    private final Eloquent db = boot(KEY);

    private Eloquent boot(String key) {
        Map<String, String> env = new LinkedHashMap<>(Map.of("DB_CONNECTION", "sqlfake"));
        if (key != null) {
            env.put("APP_KEY", key);
        }
        return Eloquent.builder().env(Env.of(env)).drivers(DriverRegistry.of(fakes.sqlDriver, fakes.docDriver))
                .clock(Clock.fixed(Fakes.NOW, ZoneOffset.UTC))
                .register(Gadget.class, Gadget::new).register(Widget.class, Widget::new)
                .register(DocGadget.class, DocGadget::new).boot();
    }

    @AfterEach
    void close() {
        db.close();
        fakes.close();
    }

    private Gadget sample() {
        return db.make(Gadget.class).set("name", "probe").set("level", Level.HIGH).set("size", Size.LARGE)
                .set("meta", Map.of("tags", List.of("a", "b"))).set("count_text", 7)
                .set("price", new BigDecimal("12.5")).set("flag", true).set("day", LocalDate.of(2024, 5, 1))
                .set("seen_at", Instant.parse("2024-05-01T08:30:00Z")).set("secret", "s3cr3t-value")
                .set("cost", new BigDecimal("3.25"));
    }

    @Test
    void castsStoreTheStoredFormAndGetTheApplicationValue() {
        Gadget gadget = sample().save();
        Write.Insert insert = (Write.Insert) fakes.sqlDriver.last.writes().get(0);
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < insert.columns().size(); i++) {
            row.put(insert.columns().get(i), insert.rows().get(0).get(i));
        }
        assertEquals("HIGH", row.get("level"));
        assertEquals(9, row.get("size"));
        assertEquals("{\"tags\":[\"a\",\"b\"]}", row.get("meta"), "a SQL json column stores JSON text");
        assertEquals("7", row.get("count_text"));
        assertEquals("12.50", row.get("price"));
        assertEquals(1, row.get("flag"));
        assertEquals("2024-05-01", row.get("day"));
        assertEquals(325L, row.get("cost"));
        assertNotEquals("s3cr3t-value", row.get("secret"));
        assertFalse(String.valueOf(row.get("secret")).contains("s3cr3t"));

        assertEquals(Level.HIGH, gadget.get("level"));
        assertEquals(Size.LARGE, gadget.get("size", Size.class));
        assertEquals(Map.of("tags", List.of("a", "b")), gadget.get("meta"));
        assertEquals(7, gadget.get("count_text"));
        assertEquals(7, gadget.getInteger("count_text"), "a cast column reads as its cast's type");
        assertEquals(new BigDecimal("12.50"), gadget.get("price"));
        assertEquals(true, gadget.get("flag"));
        assertEquals(LocalDate.of(2024, 5, 1), gadget.get("day"));
        assertEquals(Instant.parse("2024-05-01T08:30:00Z"), gadget.get("seen_at"));
        assertEquals("s3cr3t-value", gadget.get("secret"));
        assertEquals(new BigDecimal("3.25"), gadget.get("cost"));
        assertFalse(gadget.toString().contains("s3cr3t"), gadget.toString());
        assertFalse(gadget.isDirty("level"), "the stored form is what dirty tracking compares");
        gadget.set("level", Level.HIGH);
        assertFalse(gadget.isDirty("level"));
    }

    @Test
    void hydratedJsonTextReadsAsTheSameValueAsANestedDocument() {
        db.connections().connection("sqlfake");
        fakes.sqlDriver.last.answer(List.of("id", "name", "meta"), Fakes.row(1L, "a", "{\"n\":1,\"list\":[true,null]}"));
        Gadget fromSql = db.query(Gadget.class).first().orElseThrow();
        db.connections().connection("docfake");
        java.util.Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("n", 1);
        nested.put("list", java.util.Arrays.asList(true, null));
        fakes.docDriver.last.answer(List.of("id", "meta"), Fakes.row(1L, nested));
        DocGadget fromDocuments = db.query(DocGadget.class).first().orElseThrow();
        assertEquals(fromDocuments.get("meta"), fromSql.get("meta"));

        DocGadget doc = db.make(DocGadget.class).set("meta", Map.of("k", List.of(1, 2))).save();
        Write.Insert insert = (Write.Insert) fakes.docDriver.last.writes().get(0);
        assertEquals(Map.of("k", List.of(1, 2)), insert.rows().get(0).get(insert.columns().indexOf("meta")),
                "a document store keeps the nested document");
        assertEquals(Map.of("k", List.of(1, 2)), doc.get("meta"));
    }

    @Test
    void castFailuresNameTheCastButNotTheValue() {
        EloquentException error = assertThrows(EloquentException.class,
                () -> db.make(Gadget.class).set("level", "MIDDLE-secret"));
        assertTrue(error.getMessage().contains("Gadget.level (cast enum Level)"), error.getMessage());
        assertFalse(error.getMessage().contains("MIDDLE-secret"), error.getMessage());
        error = assertThrows(EloquentException.class, () -> db.make(Gadget.class).set("meta", "{not json secret"));
        assertTrue(error.getMessage().contains("Gadget.meta (cast json)"), error.getMessage());
        assertFalse(error.getMessage().contains("secret"), error.getMessage());
        error = assertThrows(EloquentException.class, () -> db.make(Gadget.class).set("cost", "3.25"));
        assertTrue(error.getMessage().contains("Gadget.cost (cast Cents): a value of another type was given"),
                error.getMessage());
    }

    @Test
    void whereTakesTheApplicationValueOrTheStoredForm() {
        db.connections().connection("sqlfake");
        db.query(Gadget.class).where("level", Level.LOW).where("size", Size.SMALL).get();
        db.query(Gadget.class).where("level", "LOW").where("size", 1).get();
        List<dev.eloquent.api.Query> queries = fakes.sqlDriver.last.queries();
        assertEquals(queries.get(1).where(), queries.get(0).where(), "an enum binds as its stored form");
        assertThrows(EloquentException.class, () -> db.query(Gadget.class).where("level", "NONE").get());
    }

    @Test
    void anEncryptedCastNeedsTheKeyAndAWrongKeyFailsWithoutTheValue() {
        EloquentException missing = assertThrows(EloquentException.class, () -> boot(null));
        assertTrue(missing.getMessage().contains("Gadget.secret is cast as encrypted but APP_KEY is not set"),
                missing.getMessage());
        EloquentException malformed = assertThrows(EloquentException.class, () -> boot("base64:c2hvcnQ="));
        assertTrue(malformed.getMessage().contains("APP_KEY is not base64 of a 16, 24 or 32-byte key"));
        assertFalse(malformed.getMessage().contains("c2hvcnQ"));

        Gadget gadget = sample().save();
        Write.Insert insert = (Write.Insert) fakes.sqlDriver.last.writes().get(0);
        Object stored = insert.rows().get(0).get(insert.columns().indexOf("secret"));
        try (Eloquent other = boot(OTHER_KEY)) {
            other.connections().connection("sqlfake");
            fakes.sqlDriver.last.answer(List.of("id", "name", "secret"), Fakes.row(1L, "x", stored));
            Gadget read = other.query(Gadget.class).first().orElseThrow();
            EloquentException wrong = assertThrows(EloquentException.class, () -> read.get("secret"));
            assertEquals("reading Gadget.secret (cast encrypted): cannot decrypt: the stored value was not encrypted"
                    + " with this APP_KEY (a wrong or rotated key) or is not an encrypted value", wrong.getMessage());
        }
        assertEquals("s3cr3t-value", gadget.get("secret"));
    }

    @Test
    void theJsonOfAModelIsPinnedByteForByte() {
        Gadget gadget = sample().save();
        Widget widget = db.make(Widget.class).set("id", 4).set("title", "cog").set("weight", new BigDecimal("1.5"));
        gadget.setRelation("widget", widget);
        gadget.setRelation("parts", List.of(widget));
        assertEquals("{\"id\":1,\"name\":\"probe\",\"level\":\"HIGH\",\"size\":\"LARGE\",\"meta\":{\"tags\":[\"a\",\"b\"]},"
                + "\"count_text\":7,\"price\":12.50,\"flag\":true,\"day\":\"2024-05-01\",\"seen_at\":\"2024-05-01T08:30:00.000000Z\","
                + "\"created_at\":\"2024-05-01T10:00:00.000000Z\",\"updated_at\":\"2024-05-01T10:00:00.000000Z\","
                + "\"big\":true,\"label\":\"PROBE\","
                + "\"widget\":{\"id\":4,\"title\":\"cog\",\"weight\":1.50},\"parts\":[{\"id\":4,\"title\":\"cog\",\"weight\":1.50}]}",
                gadget.toJson());
        assertEquals("[{\"id\":4,\"title\":\"cog\",\"weight\":1.50}]", Serialization.toJson(List.of(widget)));
        widget.setPivot(Map.of("position", 2));
        assertEquals("{\"id\":4,\"title\":\"cog\",\"weight\":1.50}", widget.toJson(), "visible() does not name pivot");
        Gadget plain = db.make(Gadget.class).set("name", "p");
        plain.setPivot(Map.of("position", 2));
        assertEquals("{\"name\":\"p\",\"big\":false,\"label\":\"P\",\"pivot\":{\"position\":2}}", plain.toJson());
        Page<Widget> page = new Page<>(List.of(widget), 21, 10, 3);
        assertEquals("{\"current_page\":3,\"data\":[{\"id\":4,\"title\":\"cog\",\"weight\":1.50}],\"from\":21,"
                + "\"last_page\":3,\"per_page\":10,\"to\":21,\"total\":21}", page.toJson());
        assertEquals("{\"current_page\":1,\"data\":[],\"from\":null,\"last_page\":1,\"per_page\":10,\"to\":null,"
                + "\"total\":0}", new Page<Widget>(List.of(), 0, 10, 1).toJson());
    }

    @Test
    void aCastOnAnUndeclaredColumnFailsAtRegistration() {
        EloquentException error = assertThrows(EloquentException.class, () -> Eloquent.builder()
                .env(Env.of(Map.of("DB_CONNECTION", "sqlfake"))).drivers(DriverRegistry.of(fakes.sqlDriver))
                .register(Misspelt.class, Misspelt::new).boot());
        assertEquals("casts() of Misspelt names lvl, which misspelts does not declare", error.getMessage());
    }

    @Table("misspelts")
    static final class Misspelt extends SqlModel<Misspelt> {
        @Override
        public Schema schema() {
            return Schema.of(t -> t.increments("id"));
        }

        @Override
        protected Map<String, Cast<?>> casts() {
            return Map.of("lvl", Casts.integer());
        }
    }
}
