package dev.eloquent.examples;

import dev.eloquent.api.Env;
import dev.eloquent.orm.Cast;
import dev.eloquent.orm.Casts;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.HasMany;
import dev.eloquent.orm.Model;
import dev.eloquent.orm.Page;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.Serialization;
import dev.eloquent.orm.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The examples of docs/models.md (casts and serialization), compiled and run on SQLite, the stored rows
 * read back through plain JDBC: every {@code tag::name[]} region is quoted verbatim in the page
 * ({@link GuideSnippetsTest} fails when the two differ).
 */
class ModelsGuideTest {
    /** A test key only: base64 of 32 bytes. */
    private static final String APP_KEY = "base64:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final Clock FIXED = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);

    @Table("gadgets")
    public static final class Gadget extends Model<Gadget> {
        public enum Level { LOW, HIGH }

        /** Stored by a code of its own, not by name. */
        public enum Size {
            SMALL(1), LARGE(9);
            private final int code;

            Size(int code) {
                this.code = code;
            }

            public int code() {
                return code;
            }
        }

        // tag::custom-cast[]
        /** Money seen as a two-place decimal, stored as whole cents. */
        public static final class Cents implements Cast<BigDecimal> {
            @Override
            public BigDecimal get(Object stored) {
                return BigDecimal.valueOf(((Number) stored).longValue(), 2);
            }

            @Override
            public Object set(BigDecimal value) {
                return value.movePointRight(2).longValueExact();
            }
        }
        // end::custom-cast[]

        private static final Schema SCHEMA = Schema.of(t -> {
            t.increments("id");
            t.string("name", 50);
            t.string("level", 10).nullable();
            t.integer("size").nullable();
            t.json("meta").nullable();
            t.string("count_text", 10).nullable();
            t.decimal("price", 10, 2).nullable();
            t.integer("flag").nullable();
            t.string("day", 10).nullable();
            t.timestamp("seen_at").nullable();
            t.text("secret").nullable();
            t.bigInteger("cost").nullable();
            t.timestamps();
        });

        @Override
        public Schema schema() {
            return SCHEMA;
        }

        // tag::casts[]
        @Override
        protected Map<String, Cast<?>> casts() {
            Map<String, Cast<?>> casts = new LinkedHashMap<>();
            casts.put("level", Casts.enumByName(Level.class));
            casts.put("size", Casts.enumByValue(Size.class, Size::code));
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
        // end::casts[]

        // tag::serialization[]
        @Override
        protected Set<String> hidden() {
            return Set.of("secret", "cost");
        }

        @Override
        protected Map<String, Function<Gadget, Object>> appends() {
            return Map.of("label", gadget -> gadget.getString("name").toUpperCase(Locale.ROOT));
        }

        public HasMany<Gadget, Part> parts() {
            return hasMany(Part.class, "gadget_id");
        }
        // end::serialization[]
    }

    @Table("parts")
    public static final class Part extends Model<Part> {
        private static final Schema SCHEMA = Schema.of(t -> {
            t.increments("id");
            t.integer("gadget_id");
            t.string("title", 50);
            t.decimal("weight", 8, 2).nullable();
        });

        @Override
        public Schema schema() {
            return SCHEMA;
        }

        /** A part prints only these. */
        @Override
        protected Set<String> visible() {
            return Set.of("id", "title", "weight");
        }
    }

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("models.sqlite");
    }

    private Eloquent boot() {
        Eloquent db = Eloquent.builder()
                .env(Env.of(Map.of("DB_CONNECTION", "sqlite", "SQLITE_PATH", file().toString(), "APP_KEY", APP_KEY)))
                .clock(FIXED)
                .register(Gadget.class, Gadget::new).register(Part.class, Part::new).boot();
        db.createTables(Gadget.class, Part.class);
        return db;
    }

    /** One row of a table as SQLite's own JDBC driver returns it: the second path. */
    private Map<String, Object> rawRow(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next(), sql);
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
            }
            return row;
        }
    }

    @Test
    void castsStoreTheirStoredFormAndGiveBackTheApplicationsValue() throws SQLException {
        try (Eloquent db = boot()) {
            // tag::casts-in-use[]
            Gadget probe = db.make(Gadget.class).set("name", "probe")
                    .set("level", Gadget.Level.HIGH)                 // stored "HIGH"
                    .set("size", Gadget.Size.LARGE)                  // stored 9
                    .set("meta", Map.of("tags", List.of("a", "b")))  // JSON text on SQL, a document on MongoDB
                    .set("price", new BigDecimal("12.5"))            // 12.50
                    .set("secret", "s3cr3t")                         // AES-GCM ciphertext
                    .set("cost", new BigDecimal("3.25"))             // 325 cents
                    .save();
            Gadget read = db.findOrFail(Gadget.class, probe.getKey());
            Gadget.Level level = read.get("level", Gadget.Level.class);
            Map<?, ?> meta = read.get("meta", Map.class);
            BigDecimal price = read.getDecimal("price");
            String secret = read.getString("secret");
            List<Gadget> high = db.query(Gadget.class).where("level", Gadget.Level.HIGH).get();
            // end::casts-in-use[]
            assertEquals(Gadget.Level.HIGH, level);
            assertEquals(Map.of("tags", List.of("a", "b")), meta);
            assertEquals(new BigDecimal("12.50"), price);
            assertEquals("s3cr3t", secret);
            assertEquals(new BigDecimal("3.25"), read.get("cost"));
            assertEquals(1, high.size());
            Map<String, Object> row = rawRow("select * from gadgets");
            assertEquals("HIGH", row.get("level"));
            assertEquals(9, ((Number) row.get("size")).intValue());
            assertEquals(325L, ((Number) row.get("cost")).longValue());
            assertEquals("{\"tags\":[\"a\",\"b\"]}", row.get("meta"));
            assertNotEquals("s3cr3t", row.get("secret"));
            assertFalse(String.valueOf(row.get("secret")).contains("s3cr3t"), "the secret is stored encrypted");
        }
    }

    private static Gadget saveProbe(Eloquent db) {
        Gadget probe = db.make(Gadget.class).set("name", "probe").set("level", Gadget.Level.HIGH)
                .set("size", Gadget.Size.LARGE).set("meta", Map.of("tags", List.of("a", "b"))).set("count_text", 7)
                .set("price", new BigDecimal("12.5")).set("flag", true).set("day", LocalDate.of(2024, 5, 1))
                .set("seen_at", Instant.parse("2024-05-01T08:30:00Z")).set("secret", "s3cr3t")
                .set("cost", new BigDecimal("3.25")).save();
        db.make(Part.class).set("gadget_id", probe.getKey()).set("title", "cog").set("weight", new BigDecimal("1.5")).save();
        db.make(Part.class).set("gadget_id", probe.getKey()).set("title", "gear").save();
        return probe;
    }

    @Test
    void aModelPrintsItsCastsAppendsAndLoadedRelationsButNotItsHiddenColumns() {
        try (Eloquent db = boot()) {
            saveProbe(db);
            // tag::to-json[]
            Gadget gadget = db.query(Gadget.class).with("parts").firstOrFail();
            String json = gadget.toJson();
            Map<String, Object> map = gadget.toMap();      // the same, as maps, lists, strings, numbers, booleans
            // end::to-json[]
            assertEquals("{\"id\":1,\"name\":\"probe\",\"level\":\"HIGH\",\"size\":\"LARGE\",\"meta\":{\"tags\":[\"a\",\"b\"]},"
                    + "\"count_text\":7,\"price\":12.50,\"flag\":true,\"day\":\"2024-05-01\",\"seen_at\":\"2024-05-01T08:30:00.000000Z\","
                    + "\"created_at\":\"2024-05-01T10:00:00.000000Z\",\"updated_at\":\"2024-05-01T10:00:00.000000Z\","
                    + "\"label\":\"PROBE\",\"parts\":[{\"id\":1,\"title\":\"cog\",\"weight\":1.50},{\"id\":2,\"title\":\"gear\",\"weight\":null}]}",
                    json);
            assertFalse(map.containsKey("secret") || map.containsKey("cost"));
            assertEquals("PROBE", map.get("label"));
        }
    }

    @Test
    void aListAndAPagePrintTheirModels() {
        try (Eloquent db = boot()) {
            saveProbe(db);
            // tag::list-and-page[]
            String parts = Serialization.toJson(db.query(Part.class).orderBy("id").get());
            Page<Part> page = db.query(Part.class).orderBy("id").paginate(1, 2);    // one per page, the second
            String printed = page.toJson();
            // end::list-and-page[]
            assertEquals("[{\"id\":1,\"title\":\"cog\",\"weight\":1.50},{\"id\":2,\"title\":\"gear\",\"weight\":null}]", parts);
            assertEquals("{\"current_page\":2,\"data\":[{\"id\":2,\"title\":\"gear\",\"weight\":null}],\"from\":2,"
                    + "\"last_page\":2,\"per_page\":1,\"to\":2,\"total\":2}", printed);
        }
    }
}
