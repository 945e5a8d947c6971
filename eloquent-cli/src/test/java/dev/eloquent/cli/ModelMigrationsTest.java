package dev.eloquent.cli;

import dev.eloquent.api.ColumnChange;
import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Env;
import dev.eloquent.api.ReferentialAction;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.TableSpec;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.SchemaBuilder;
import dev.eloquent.orm.SqlModel;
import dev.eloquent.orm.Table;
import dev.eloquent.orm.migration.Migration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Model-first generation in the CLI: the Java source written for schema changes compiles and records
 * exactly those changes (so a compiled migration and the in-process one share a checksum), a model's
 * migration is generated once and then there is nothing to do, and the output does not vary.
 */
class ModelMigrationsTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 9, 30, 0);

    @TempDir
    Path dir;

    @Table("posts")
    public static final class Post extends SqlModel<Post> {
        private static final Schema SCHEMA = Schema.of(t -> {
            t.increments("id");
            t.string("title", 100);
            t.timestamps();
        });

        @Override
        public Schema schema() {
            return SCHEMA;
        }
    }

    /** The second version of Post: a longer title, a new column and an index. */
    @Table("posts")
    public static final class PostV2 extends SqlModel<PostV2> {
        private static final Schema SCHEMA = Schema.of(t -> {
            t.increments("id");
            t.string("title", 200);
            t.bool("published").defaultValue(false).index();
            t.timestamps();
        });

        @Override
        public Schema schema() {
            return SCHEMA;
        }
    }

    /** A driver that is never opened: generation is offline, it only needs the connection name served. */
    private static final class OfflineDriver implements dev.eloquent.api.Driver {
        @Override
        public String name() {
            return "sqlite";
        }

        @Override
        public dev.eloquent.api.ConnectionSettings settings(dev.eloquent.api.EnvBlock block) {
            throw new AssertionError("generation opened a connection");
        }

        @Override
        public dev.eloquent.api.DatabaseConnection open(dev.eloquent.api.ConnectionSettings settings) {
            throw new AssertionError("generation opened a connection");
        }
    }

    private static Eloquent boot(boolean second) {
        Eloquent.Builder builder = Eloquent.builder().env(Env.of(Map.of("DB_CONNECTION", "sqlite")))
                .drivers(dev.eloquent.resolver.DriverRegistry.of(new OfflineDriver()));
        if (second) {
            builder.register(PostV2.class, PostV2::new);
        } else {
            builder.register(Post.class, Post::new);
        }
        return builder.boot();
    }

    private Generators.Target target() {
        return new Generators.Target(dir.resolve("src"), "com.acme.app", false);
    }

    @Test
    void theSourceOfEveryKindOfChangeRecordsExactlyThoseChanges() throws Exception {
        TableSpec everything = dev.eloquent.orm.Schema.of(t -> {
            t.bigIncrements("id");
            t.integer("count").defaultValue(3);
            t.bigInteger("big").nullable().defaultValue(9_000_000_000L);
            t.string("name", 80).unique().defaultValue("a \"quoted\"\\ name\n");
            t.text("body").nullable();
            t.bool("flag").defaultValue(true).index();
            t.decimal("price", 10, 2).defaultValue(new BigDecimal("1.50"));
            t.doublePrecision("ratio").defaultValue(0.25d);
            t.json("data").nullable();
            t.date("day").defaultValue(LocalDate.of(2026, 1, 2));
            t.timestamp("at").defaultValue(LocalDateTime.of(2026, 1, 2, 3, 4, 5));
            t.timestampTz("atz").nullable().defaultValue(OffsetDateTime.parse("2026-01-02T03:04:05Z"));
            t.uuid("ref").defaultValue(UUID.fromString("00000000-0000-0000-0000-000000000001"));
            t.integer("owner_id");
            t.foreign("owner_id").on("owners").onDelete("cascade");
            t.foreign("count").references("n").on("counts").name("custom_fk");
            t.index("name", "day");
            t.indexNamed("my_idx", true, "ratio");
        }).toTable("things");
        TableSpec pivot = dev.eloquent.orm.Schema.of(t -> {
            t.integer("a_id");
            t.integer("b_id");
            t.primary("a_id", "b_id");
        }).toTable("a_b");
        ColumnSpec added = everything.column("body").orElseThrow();
        List<SchemaChange> changes = List.of(
                new SchemaChange.CreateTable(everything, false),
                new SchemaChange.CreateTable(pivot, true),
                new SchemaChange.AlterTable("things", List.of(new ColumnChange.AddColumn(added),
                        new ColumnChange.ChangeColumn(everything.column("name").orElseThrow()),
                        new ColumnChange.RenameColumn("body", "text"), new ColumnChange.DropColumn("text"))),
                new SchemaChange.CreateIndex("things", null, List.of("count"), false),
                new SchemaChange.CreateIndex("things", "named", List.of("count", "big"), true),
                new SchemaChange.DropIndex("things", "named"),
                new SchemaChange.AddForeignKey("things", "fk2", List.of("big"), "bigs", List.of("id"), ReferentialAction.SET_NULL),
                new SchemaChange.DropForeignKey("things", "fk2"),
                new SchemaChange.RenameTable("a_b", "b_a"),
                new SchemaChange.DropTable("b_a", false),
                new SchemaChange.DropTable("things", true));
        String source = "package gen;\n\nimport dev.eloquent.orm.SchemaBuilder;\nimport dev.eloquent.orm.migration.Migration;\n\n"
                + "public final class Everything implements Migration {\n    @Override\n    public void up(SchemaBuilder schema) {\n"
                + MigrationSource.statements(changes) + "    }\n\n    @Override\n    public void down(SchemaBuilder schema) {\n"
                + MigrationSource.commented(changes) + "    }\n}\n";
        Path file = dir.resolve("src/gen/Everything.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Migration compiled = (Migration) load(file, "gen.Everything").getConstructor().newInstance();
        SchemaBuilder up = SchemaBuilder.recording();
        compiled.up(up);
        assertEquals(changes, up.recorded(), source);
        SchemaBuilder down = SchemaBuilder.recording();
        compiled.down(down);
        assertTrue(down.recorded().isEmpty(), "commented statements make no change");
    }

    @Test
    void aModelIsGeneratedOnceThenNothingToDoThenOnlyItsChange() throws Exception {
        Migration created;
        try (Eloquent db = boot(false)) {
            ModelMigrations generator = new ModelMigrations(db, List.of(), target(), false, NOW);
            ModelMigrations.Outcome first = generator.generate(Post.class);
            assertEquals("M2026_11_26_093000_CreatePostsTable", first.migration().name());
            assertTrue(first.source().contains("schema.create(\"posts\", t -> {"), first.source());
            assertTrue(first.source().contains("schema.dropIfExists(\"posts\");"), first.source());
            Path file = generator.write(first).file();
            assertEquals(first.source(), Files.readString(file));
            // Not yet among the application's migrations: generating again would duplicate it.
            EloquentException unregistered = assertThrows(EloquentException.class,
                    () -> generator.requireRegistered(List.of()));
            assertTrue(unregistered.getMessage().contains("M2026_11_26_093000_CreatePostsTable"), unregistered.getMessage());
            created = (Migration) load(file, "com.acme.app.M2026_11_26_093000_CreatePostsTable").getConstructor().newInstance();
            assertChecksumsAgree(first.migration(), created);
            generator.requireRegistered(List.of(created));
            assertNull(new ModelMigrations(db, List.of(created), target(), false, NOW).generate(Post.class).migration(),
                    "compiled and listed, the migration leaves nothing to do");
            // Same input, same output.
            assertEquals(first.source(), new ModelMigrations(db, List.of(), target(), false, NOW).generate(Post.class).source());
        }
        try (Eloquent db = boot(true)) {
            ModelMigrations generator = new ModelMigrations(db, List.of(created), target(), false, NOW.plusMinutes(1));
            ModelMigrations.Outcome second = generator.generate(PostV2.class);
            assertEquals("M2026_11_26_093100_UpdatePostsTable", second.migration().name());
            assertTrue(second.source().contains("t.change().string(\"title\", 200);"), second.source());
            assertTrue(second.source().contains("t.bool(\"published\").defaultValue(false);")
                    && second.source().contains("t.index(\"published\");"), second.source());
            assertTrue(second.source().contains("t.change().string(\"title\", 100);")
                    && second.source().contains("t.dropColumn(\"published\");"), second.source());
            assertTrue(!second.source().contains("schema.create("), "only the difference");
            Path file = generator.write(second).file();
            Migration updated = (Migration) load(file, "com.acme.app.M2026_11_26_093100_UpdatePostsTable")
                    .getConstructor().newInstance();
            assertChecksumsAgree(second.migration(), updated);
            assertNull(new ModelMigrations(db, List.of(created, updated), target(), false, NOW).generate(PostV2.class)
                    .migration());
        }
    }

    @Test
    void aDroppedColumnIsWrittenCommentedOutUnlessDropMissing() throws Exception {
        Migration wide = new dev.eloquent.orm.migration.GeneratedMigration("M0_Wide", null, List.of(
                new SchemaChange.CreateTable(Schema.of(t -> {
                    t.increments("id");
                    t.string("title", 100);
                    t.string("subtitle", 100).nullable();
                    t.timestamps();
                }).toTable("posts"), false)), List.of());
        try (Eloquent db = boot(false)) {
            ModelMigrations.Outcome kept = new ModelMigrations(db, List.of(wide), target(), false, NOW).generate(Post.class);
            assertNull(kept.migration(), "a kept column alone is nothing to do");
            assertEquals(1, kept.plan().kept().size());
            ModelMigrations.Outcome dropped = new ModelMigrations(db, List.of(wide), target(), true, NOW).generate(Post.class);
            assertTrue(dropped.source().contains("        schema.table(\"posts\", t -> {\n            t.dropColumn(\"subtitle\");"),
                    dropped.source());
            assertTrue(dropped.source().contains("a rename cannot be told apart"), dropped.source());
        }
        try (Eloquent db = boot(true)) {
            // PostV2 adds and changes columns and no longer has subtitle: the drop comes commented out.
            ModelMigrations.Outcome outcome = new ModelMigrations(db, List.of(wide), target(), false, NOW).generate(PostV2.class);
            assertTrue(outcome.source().contains("// schema.table(\"posts\", t -> {\n        //     t.dropColumn(\"subtitle\");"),
                    outcome.source());
            assertTrue(outcome.source().contains("--drop-missing") && outcome.source().contains("rename"), outcome.source());
        }
    }

    private static void assertChecksumsAgree(Migration generated, Migration compiled) {
        SchemaBuilder a = SchemaBuilder.recording();
        generated.up(a);
        SchemaBuilder b = SchemaBuilder.recording();
        compiled.up(b);
        assertEquals(a.recorded().toString(), b.recorded().toString(), "what the checksum hashes");
        SchemaBuilder c = SchemaBuilder.recording();
        generated.down(c);
        SchemaBuilder d = SchemaBuilder.recording();
        compiled.down(d);
        assertEquals(c.recorded(), d.recorded());
    }

    /** Compiles one source with javac on this test's path and loads its class in a child loader. */
    private Class<?> load(Path source, String className) throws IOException, ClassNotFoundException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK (with javac) runs the tests");
        List<String> path = new ArrayList<>();
        for (String key : new String[]{"jdk.module.path", "java.class.path"}) {
            String value = System.getProperty(key);
            if (value != null && !value.isBlank()) {
                path.add(value);
            }
        }
        Path classes = dir.resolve("classes");
        List<String> args = new ArrayList<>(List.of("-Xlint:all", "-Werror", "-proc:none", "--release", "17",
                "-d", classes.toString(), "-cp", String.join(File.pathSeparator, path), source.toString()));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        assertEquals(0, javac.run(null, messages, messages, args.toArray(String[]::new)), "javac:\n" + messages
                + "\n" + Files.readString(source));
        URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, getClass().getClassLoader());
        return loader.loadClass(className);
    }
}
