package dev.eloquent.orm;

import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.ConnectionSettings;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.Driver;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Env;
import dev.eloquent.api.EnvBlock;
import dev.eloquent.resolver.DriverRegistry;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What registration checks and which connection each model uses; no database is opened here. */
class ModelRegistrationTest {
    /** A driver that is only named: these tests never open a connection. */
    private static Driver named(String name) {
        return new Driver() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ConnectionSettings settings(EnvBlock block) {
                throw new AssertionError("these tests read no block");
            }

            @Override
            public DatabaseConnection open(ConnectionSettings settings) {
                throw new AssertionError("these tests open no connection");
            }
        };
    }

    @Table("people")
    @Connection("pg")
    static final class Pinned extends SqlModel<Pinned> {
    }

    static final class BlogPost extends SqlModel<BlogPost> {
    }

    @Connection("oracle")
    static final class PinnedToNothing extends SqlModel<PinnedToNothing> {
    }

    static final class Typed extends SqlModel<Typed> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.increments("id");
                t.string("name", 5);
                t.integer("age").nullable();
                t.decimal("price", 8, 2).nullable();
            });
        }
    }

    static final class NoKey extends SqlModel<NoKey> {
        @Override
        public Schema schema() {
            return Schema.of(t -> t.integer("a"));
        }
    }

    private static Eloquent.Builder builder(Map<String, String> env) {
        return Eloquent.builder().env(Env.of(env)).drivers(DriverRegistry.of(named("sqlite"), named("pg"), named("mysql")));
    }

    @Test
    void aPinnedModelAlwaysUsesItsConnectionAndOthersFollowTheDefault() {
        try (Eloquent db = builder(Map.of("DB_CONNECTION", "mysql")).register(Pinned.class, Pinned::new)
                .register(BlogPost.class, BlogPost::new).boot()) {
            assertEquals(ConnectionName.parse("pg"), db.connectionNameOf(Pinned.class));
            assertEquals(ConnectionName.parse("mysql"), db.connectionNameOf(BlogPost.class));
        }
        try (Eloquent db = builder(Map.of("DB_CONNECTION", "mysql", "DB_TEST_CONNECTION", "sqlite_test")).testMode()
                .register(Pinned.class, Pinned::new).register(BlogPost.class, BlogPost::new).boot()) {
            assertEquals(ConnectionName.parse("pg_test"), db.connectionNameOf(Pinned.class));
            assertEquals(ConnectionName.parse("sqlite_test"), db.connectionNameOf(BlogPost.class));
        }
    }

    @Test
    void tableNamesComeFromTheAnnotationOrThePluralisedClassName() {
        assertEquals("blog_posts", ModelType.defaultTableName("BlogPost"));
        assertEquals("categories", ModelType.defaultTableName("Category"));
        assertEquals("boxes", ModelType.defaultTableName("Box"));
        assertEquals("days", ModelType.defaultTableName("Day"));
        assertEquals("people", ModelType.describe(Pinned.class, Pinned::new).table());
    }

    @Test
    void pinningAConnectionNoDriverOffersFailsAtRegistration() {
        EloquentException error = assertThrows(EloquentException.class,
                () -> builder(Map.of()).register(PinnedToNothing.class, PinnedToNothing::new).boot());
        assertTrue(error.getMessage().startsWith("PinnedToNothing is pinned to @Connection(\"oracle\")"), error.getMessage());
        assertTrue(error.getMessage().contains("mysql, mysql_test, pg, pg_test, sqlite, sqlite_test"), error.getMessage());
    }

    @Test
    void usingAnUnregisteredModelSaysHowToRegisterIt() {
        try (Eloquent db = builder(Map.of()).boot()) {
            EloquentException error = assertThrows(EloquentException.class, () -> db.query(BlogPost.class));
            assertTrue(error.getMessage().contains("register(BlogPost.class, BlogPost::new)"), error.getMessage());
        }
    }

    @Test
    void aBadSchemaFailsAtRegistrationNamingTheModel() {
        EloquentException error = assertThrows(EloquentException.class,
                () -> builder(Map.of()).register(NoKey.class, NoKey::new).boot());
        assertTrue(error.getMessage().contains("NoKey needs a primary key in its schema"), error.getMessage());
    }

    @Test
    void setCastsToTheColumnTypeAndRefusesWhatDoesNotFit() {
        try (Eloquent db = builder(Map.of()).register(Typed.class, Typed::new).boot()) {
            Typed typed = db.make(Typed.class).set("age", "42").set("price", 3);
            assertEquals(42, typed.get("age"));
            assertEquals(new java.math.BigDecimal("3.00"), typed.get("price"));
            assertEquals(Map.of("age", 42, "price", new java.math.BigDecimal("3.00")), typed.getDirty());
            EloquentException unknown = assertThrows(EloquentException.class, () -> typed.set("nmae", "x"));
            assertEquals("typeds has no column 'nmae' (model Typed); its columns are id, name, age, price",
                    unknown.getMessage());
            EloquentException tooLong = assertThrows(EloquentException.class, () -> typed.set("name", "abcdef"));
            assertTrue(tooLong.getMessage().contains("exceeds the column's length 5"), tooLong.getMessage());
            // Length is in characters, as the databases count it: five emoji are ten UTF-16 units and fit.
            assertEquals("\uD83D\uDE00".repeat(5), typed.set("name", "\uD83D\uDE00".repeat(5)).get("name"));
            assertThrows(EloquentException.class, () -> typed.set("age", "forty"));
            assertThrows(EloquentException.class, () -> db.query(Typed.class).where("age", "~", 3));
            assertThrows(EloquentException.class, () -> db.query(Typed.class).orderBy("age", "sideways"));
        }
    }

    @Test
    void modelsMadeWithNewUseTheInstanceBootedLast() {
        try (Eloquent db = builder(Map.of()).register(Typed.class, Typed::new).boot()) {
            assertSame(db, Eloquent.current());
            assertEquals(5, new Typed().set("age", 5).getInteger("age"));
        }
        EloquentException none = assertThrows(EloquentException.class, Eloquent::current);
        assertTrue(none.getMessage().startsWith("no Eloquent is booted"), none.getMessage());
    }
}
