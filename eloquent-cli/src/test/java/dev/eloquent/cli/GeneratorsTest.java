package dev.eloquent.cli;

import dev.eloquent.api.Env;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * make:model, make:migration, make:seeder and make:factory write sources that compile against the ORM
 * (javac from javax.tools, on this test's own path: the orm, api and datafaker jars; no network), refuse to
 * overwrite without --force, and are guarded in production.
 */
class GeneratorsTest {
    private record Outcome(int code, String out, String err) {
    }

    @TempDir
    Path dir;

    @AfterEach
    void restoreEnv() {
        MakeCommands.envSource = dev.eloquent.resolver.EnvFiles::load;
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EloquentCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private Outcome make(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--path", dir.resolve("src").toString(), "--package", "com.acme.app"));
        return run(all.toArray(String[]::new));
    }

    private Path pkg() {
        return dir.resolve("src/com/acme/app");
    }

    @Test
    void everyKindIsWrittenAndCompiles() throws IOException {
        MakeCommands.envSource = () -> Env.of(Map.of());
        Outcome model = make("make:model", "BlogPost");
        assertEquals(0, model.code(), model.err());
        assertTrue(model.out().contains("builder.register(BlogPost.class, BlogPost::new)"), model.out());
        Outcome migration = make("make:migration", "create_blog_posts_table");
        assertEquals(0, migration.code(), migration.err());
        assertTrue(migration.out().contains("EloquentApplication.migrations()"), migration.out());
        Outcome alter = make("make:migration", "add_summary_to_blog_posts_table", "--connection", "pg");
        assertEquals(0, alter.code(), alter.err());
        Outcome seeder = make("make:seeder", "BlogPostSeeder");
        assertEquals(0, seeder.code(), seeder.err());
        Outcome factory = make("make:factory", "BlogPostFactory");
        assertEquals(0, factory.code(), factory.err());
        assertFalse(factory.out().contains("note: no BlogPost.java"), factory.out());

        String modelSource = Files.readString(pkg().resolve("BlogPost.java"));
        assertTrue(modelSource.startsWith("package com.acme.app;"), modelSource);
        assertTrue(modelSource.contains("@Table(\"blog_posts\")") && modelSource.contains("extends SqlModel<BlogPost>"), modelSource);

        List<Path> migrations;
        try (Stream<Path> files = Files.list(pkg())) {
            migrations = files.filter(f -> f.getFileName().toString().startsWith("M")).sorted().toList();
        }
        assertEquals(2, migrations.size(), migrations.toString());
        String create = migrations.stream().filter(f -> f.toString().endsWith("_CreateBlogPostsTable.java")).findFirst()
                .map(GeneratorsTest::read).orElseThrow();
        assertTrue(create.contains("schema.create(\"blog_posts\"") && create.contains("schema.dropIfExists(\"blog_posts\")"), create);
        String name = migrations.get(0).getFileName().toString();
        assertTrue(name.matches("M\\d{4}_\\d{2}_\\d{2}_\\d{6}_[A-Za-z]+\\.java"), name);
        String add = migrations.stream().filter(f -> f.toString().endsWith("_AddSummaryToBlogPostsTable.java")).findFirst()
                .map(GeneratorsTest::read).orElseThrow();
        assertTrue(add.contains("schema.table(\"blog_posts\"") && add.contains("return \"pg\";")
                && add.contains("// t.string(\"summary\").nullable();") && add.contains("// t.dropColumn(\"summary\");"), add);
        assertTrue(Files.readString(pkg().resolve("BlogPostFactory.java")).contains("extends Factory<BlogPost>"));
        assertTrue(Files.readString(pkg().resolve("BlogPostSeeder.java")).contains("extends Seeder"));

        compile(dir.resolve("src"));
    }

    @Test
    void aPinnedModelAndAFactoryWithAnExplicitModelCompile() {
        MakeCommands.envSource = () -> Env.of(Map.of());
        assertEquals(0, make("make:model", "Category", "--connection", "sqlite").code());
        assertTrue(read(pkg().resolve("Category.java")).contains("@Table(\"categories\") @Connection(\"sqlite\")"));
        assertEquals(0, make("make:factory", "Things", "--model", "Category").code());
        assertEquals(0, make("make:migration", "CreateCategoriesTable").code());
        assertEquals(0, make("make:migration", "tidy_up").code());
        compile(dir.resolve("src"));
    }

    @Test
    void anExistingFileIsKeptWithoutForce() throws IOException {
        MakeCommands.envSource = () -> Env.of(Map.of());
        assertEquals(0, make("make:seeder", "UserSeeder").code());
        Path file = pkg().resolve("UserSeeder.java");
        Files.writeString(file, "// mine");
        Outcome again = make("make:seeder", "UserSeeder");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("exists; not overwritten (add --force"), again.err());
        assertEquals("// mine", Files.readString(file));
        assertEquals(0, make("make:seeder", "UserSeeder", "--force").code());
        assertTrue(Files.readString(file).contains("extends Seeder"));
    }

    @Test
    void theEnvKeysChooseTheFolderAndPackage() {
        MakeCommands.envSource = () -> Env.of(Map.of(Generators.SOURCE_DIR_KEY, dir.resolve("gen").toString(),
                Generators.PACKAGE_KEY, "org.example.db"));
        Outcome outcome = run("make:model", "Visit");
        assertEquals(0, outcome.code(), outcome.err());
        assertTrue(Files.exists(dir.resolve("gen/org/example/db/Visit.java")));
    }

    @Test
    void withoutAPackageOrAnApplicationItIsAUsageError() {
        MakeCommands.envSource = () -> Env.of(Map.of());
        // No EloquentApplication is on this module's test path.
        Outcome outcome = run("make:model", "User", "--path", dir.toString());
        assertEquals(2, outcome.code(), outcome.err());
        assertTrue(outcome.err().contains("--package"), outcome.err());
        Generators.Target fromApp = Generators.target(dir, null, null, Env.of(Map.of()), () -> Optional.of("com.acme"), false);
        assertEquals("com.acme", fromApp.packageName());
        assertEquals(dir.resolve(Generators.DEFAULT_SOURCE_DIR), fromApp.sourceRoot());
        assertThrows(UsageException.class, () -> Generators.target(dir, null, "not a package", Env.of(Map.of()),
                Optional::empty, false));
    }

    @Test
    void productionNeedsTheSwitchForceAndYes() {
        MakeCommands.envSource = () -> Env.of(Map.of("APP_ENV", "production"));
        Outcome refused = make("make:model", "User");
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("APP_ENV is production") && refused.err().contains(ProductionGuard.ALLOW_KEY),
                refused.err());
        assertFalse(Files.exists(pkg().resolve("User.java")));
        MakeCommands.envSource = () -> Env.of(Map.of("APP_ENV", "production", ProductionGuard.ALLOW_KEY, "true"));
        assertEquals(0, make("make:model", "User", "--force", "--yes").code());
        assertTrue(Files.exists(pkg().resolve("User.java")));
    }

    @Test
    void modelFirstMigrationsNeedTheApplicationAndARegisteredModel() {
        MakeCommands.envSource = () -> Env.of(Map.of());
        // No EloquentApplication is on this module's test path (ModelMigrationsTest generates from models).
        Outcome all = make("make:migration", "--all");
        assertEquals(1, all.code());
        assertTrue(all.err().contains("no application found"), all.err());
        assertEquals(0, make("make:model", "Song").code());
        Outcome model = make("make:migration", "Song");
        assertEquals(1, model.code());
        assertTrue(model.err().contains("Song is a model, but not one the application registers"), model.err());
    }

    @Test
    void everyGeneratorHasHelp() {
        for (String command : new String[]{"make:model", "make:migration", "make:seeder", "make:factory"}) {
            Outcome outcome = run(command, "--help");
            assertEquals(0, outcome.code(), command + ": " + outcome.err());
            assertTrue(outcome.out().contains("--package") && outcome.out().contains("--path"), outcome.out());
        }
        assertEquals(2, run("make:model").code());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Compiles every .java under root with javac against this test's module and class path (the orm and its jars). */
    private void compile(Path root) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK (with javac) runs the tests");
        List<String> path = new ArrayList<>();
        for (String key : new String[]{"jdk.module.path", "java.class.path"}) {
            String value = System.getProperty(key);
            if (value != null && !value.isBlank()) {
                path.add(value);
            }
        }
        List<String> args = new ArrayList<>(List.of("-Xlint:all", "-Werror", "-proc:none", "--release", "17",
                "-d", dir.resolve("classes").toString(), "-cp", String.join(File.pathSeparator, path)));
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int code = javac.run(null, messages, messages, args.toArray(String[]::new));
        assertEquals(0, code, "javac:\n" + messages);
    }
}
