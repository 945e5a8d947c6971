package dev.eloquent.examples;

import dev.eloquent.testkit.TestServers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Model-first migrations end to end, as a user works: a scratch project (module, model, application) is
 * compiled with javac against the packaged jars, and the CLI runs as a separate process with it on the
 * module path (the example application left off, so the scratch one is the only one found). make:migration
 * Post writes the migration, which is registered, compiled and run; the model changes, and generating again
 * gives only the difference; then nothing to do; migrate:run --all-migrations generates and runs the next
 * change (with --pretend, writes and runs nothing); migrate:status --verify says "in step" (exit 0), then names a
 * column added by hand (exit 3); every step is rolled back. The tables are read back through raw JDBC. On SQLite
 * make:model, make:seeder and make:factory write into the project too, and every generated file is compiled
 * with javac -Xlint:all -Werror and checked with the style for generated code ({@link GeneratedStyle}).
 * SQLite always; PostgreSQL (its test block) when it answers.
 */
class ModelFirstIT {
    private static final String PACKAGE = "com.acme.blog";

    @TempDir
    Path project;

    private Path sources() {
        return project.resolve("src/main/java");
    }

    private Path pkg() {
        return sources().resolve(PACKAGE.replace('.', '/'));
    }

    @Test
    void onSqlite() throws Exception {
        walkThrough(Map.of(), List.of(), "jdbc:sqlite:" + project.resolve("storage/app.sqlite"));
    }

    @Test
    void onPostgres() throws Exception {
        Assumptions.assumeTrue(TestServers.answers("127.0.0.1", 5432), "PostgreSQL does not answer on 5432");
        Map<String, String> env = new HashMap<>(TestServers.testEnv("PG"));
        env.put("DB_CONNECTION", "pg");
        env.put("DB_TEST_CONNECTION", "pg");
        String url = "jdbc:postgresql://" + env.getOrDefault("PG_TEST_HOST", "127.0.0.1") + ":"
                + env.getOrDefault("PG_TEST_PORT", "5432") + "/" + env.get("PG_TEST_NAME") + "?user="
                + env.getOrDefault("PG_TEST_USERNAME", "postgres")
                + (env.containsKey("PG_TEST_PASSWORD") ? "&password=" + env.get("PG_TEST_PASSWORD") : "");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String table : List.of("posts", "eloquent_migrations", "eloquent_migration_lock")) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        }
        walkThrough(env, List.of("--test"), url);
    }

    private void walkThrough(Map<String, String> env, List<String> target, String url) throws Exception {
        // 1. A model and an application without migrations; make:migration Post creates its table.
        writeModel("""
                t.increments("id");
                t.string("title", 100);
                t.timestamps();""");
        writeApplication(List.of());
        compile();
        // Every generator's output joins the project, so each compile below checks it with javac's lint (on SQLite
        // only: generation opens no database, so PostgreSQL would write the same files).
        if (env.isEmpty()) {
            for (String[] generator : List.of(new String[] {"make:model", "Comment"},
                    new String[] {"make:seeder", "PostSeeder"}, new String[] {"make:factory", "PostFactory"})) {
                ok(env, generator[0], generator[1], "--package", PACKAGE);
            }
        }
        String make = ok(env, "make:migration", "Post").output();
        String create = migrationNamed("_CreatePostsTable", 1);
        assertTrue(make.contains("created ") && make.contains(create + ".java"), make);

        writeApplication(List.of(create));
        compile();
        ok(env, with(target, "migrate:run"));
        assertEquals(List.of("id", "title", "created_at", "updated_at"), columns(url, "posts"));

        // 2. The model changes: generating again gives only the difference.
        writeModel("""
                t.increments("id");
                t.string("title", 200);
                t.bool("published").defaultValue(false).index();
                t.string("subtitle", 120).nullable();
                t.timestamps();""");
        compile();
        if (env.isEmpty()) {
            // Before generating, --verify names what the model declares and no migration creates (offline part).
            ExampleProcess.Result ahead = cli(env, with(target, "migrate:status", "--verify"));
            assertEquals(3, ahead.exitCode(), ahead.output());
            assertTrue(aboutPosts(ahead).contains("column posts.published: model Post declares it, the migrations do not"
                    + " create it (make:migration Post)"), ahead.output());
        }
        ok(env, "make:migration", "Post");
        String update = migrationNamed("_UpdatePostsTable", 1);
        String source = Files.readString(pkg().resolve(update + ".java"));
        assertFalse(source.contains("schema.create("), source);
        assertTrue(source.contains("t.change().string(\"title\", 200);"), source);
        writeApplication(List.of(create, update));
        compile();
        ok(env, with(target, "migrate:run"));
        assertTrue(columns(url, "posts").containsAll(List.of("published", "subtitle")), columns(url, "posts").toString());
        insertLongTitle(url);

        // 3. Nothing left to generate.
        String nothing = ok(env, "make:migration", "Post").output();
        assertTrue(nothing.contains("Post: nothing to do (table posts matches its migrations)"), nothing);

        // 4. migrate:run --all-migrations generates the next change and runs it; --pretend only shows both.
        writeModel("""
                t.increments("id");
                t.string("title", 200);
                t.bool("published").defaultValue(false).index();
                t.text("body").nullable();
                t.timestamps();""");
        compile();
        String pretend = ok(env, with(target, "migrate:run", "--all-migrations", "--pretend")).output();
        assertTrue(pretend.contains("Post: would create ") && pretend.contains("t.text(\"body\").nullable();"), pretend);
        assertTrue(pretend.contains("would migrate M") && pretend.contains("ADD COLUMN"), pretend);
        assertEquals(1, migrationsEnding("_UpdatePostsTable").size(), "--pretend writes no file");
        assertFalse(columns(url, "posts").contains("body"), "--pretend changes nothing");

        String all = ok(env, with(target, "migrate:run", "--all-migrations")).output();
        assertTrue(all.contains("kept columns of posts the model no longer declares [subtitle]"), all);
        assertTrue(columns(url, "posts").containsAll(List.of("body", "subtitle")), columns(url, "posts").toString());
        String generated = migrationNamed("_UpdatePostsTable", 2);
        assertTrue(Files.readString(pkg().resolve(generated + ".java")).contains("//     t.dropColumn(\"subtitle\");"));

        // Registered and compiled, the generated class has the checksum the in-process run recorded.
        writeApplication(List.of(create, update, generated));
        compile();
        String status = ok(env, with(target, "migrate:status")).output();
        assertTrue(status.contains("ran     " + generated) && !status.contains("CHANGED") && !status.contains("pending"),
                status);
        assertTrue(ok(env, "make:migration", "Post").output().contains("Post: nothing to do"));

        // migrate:status --verify: in step (the kept column is no difference), then a column added by hand.
        // The PostgreSQL test database also holds the conformance kit's tables, reported as no migration's.
        ExampleProcess.Result verified = cli(env, with(target, "migrate:status", "--verify"));
        assertEquals(List.of(), aboutPosts(verified), verified.output());
        if (env.isEmpty()) {
            assertEquals(0, verified.exitCode(), verified.output());
            assertTrue(verified.output().contains("in step:"), verified.output());
        }
        execute(url, "ALTER TABLE posts ADD COLUMN nickname VARCHAR(20)");
        ExampleProcess.Result differs = cli(env, with(target, "migrate:status", "--verify"));
        assertEquals(3, differs.exitCode(), differs.output());
        List<String> lines = aboutPosts(differs);
        assertEquals(1, lines.size(), differs.output());
        assertTrue(lines.get(0).startsWith("column posts.nickname: in the database ("), lines.get(0));
        execute(url, "ALTER TABLE posts DROP COLUMN nickname");

        // Every file a generator wrote passes the project's style for generated code (config/generated-style.xml).
        List<Path> generatedFiles;
        try (Stream<Path> files = Files.list(pkg())) {
            generatedFiles = files.filter(f -> !List.of("Post.java", "BlogApplication.java")
                    .contains(f.getFileName().toString())).sorted().toList();
        }
        assertEquals(env.isEmpty() ? 6 : 3, generatedFiles.size(), generatedFiles.toString());
        assertEquals(List.of(), GeneratedStyle.violations(generatedFiles));

        // 5. Each step rolls back.
        ok(env, with(target, "migrate:rollback"));
        assertFalse(columns(url, "posts").contains("body"), columns(url, "posts").toString());
        ok(env, with(target, "migrate:rollback"));
        assertEquals(List.of("id", "title", "created_at", "updated_at"), columns(url, "posts"));
        ok(env, with(target, "migrate:rollback"));
        assertTrue(columns(url, "posts").isEmpty(), "the table is gone");
    }

    private static String[] with(List<String> target, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(target);
        return all.toArray(String[]::new);
    }

    private void writeModel(String columns) throws IOException {
        Files.createDirectories(pkg());
        Files.writeString(pkg().resolve("Post.java"), """
                package com.acme.blog;

                import dev.eloquent.orm.Schema;
                import dev.eloquent.orm.SqlModel;

                public final class Post extends SqlModel<Post> {
                    private static final Schema SCHEMA = Schema.of(t -> {
                %s
                    });

                    @Override
                    public Schema schema() {
                        return SCHEMA;
                    }
                }
                """.formatted(columns.indent(8).stripTrailing()));
    }

    private void writeApplication(List<String> migrations) throws IOException {
        Files.createDirectories(pkg());
        Files.writeString(pkg().resolve("BlogApplication.java"), """
                package com.acme.blog;

                import dev.eloquent.orm.Eloquent;
                import dev.eloquent.orm.EloquentApplication;
                import dev.eloquent.orm.migration.Migration;

                import java.util.List;

                public final class BlogApplication implements EloquentApplication {
                    @Override
                    public void models(Eloquent.Builder builder) {
                        builder.register(Post.class, Post::new);
                    }

                    @Override
                    public List<Migration> migrations() {
                        return List.of(%s);
                    }
                }
                """.formatted(migrations.stream().map(m -> "new " + m + "()").collect(Collectors.joining(", "))));
        Files.writeString(sources().resolve("module-info.java"), """
                module com.acme.blog {
                    requires transitive dev.eloquent.orm;
                    exports com.acme.blog;
                    provides dev.eloquent.orm.EloquentApplication with com.acme.blog.BlogApplication;
                }
                """);
    }

    /** javac in this JVM (javax.tools): a compile per step, without a process start for each. */
    private void compile() throws Exception {
        List<String> javac = new ArrayList<>(List.of("-Xlint:all,-missing-explicit-ctor", "-Werror",
                "-d", project.resolve("classes").toString(), "--module-path", ExampleProcess.MODULES.toString()));
        try (Stream<Path> files = Files.walk(sources())) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> javac.add(f.toString()));
        }
        java.io.ByteArrayOutputStream messages = new java.io.ByteArrayOutputStream();
        int code = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, messages, messages, javac.toArray(String[]::new));
        assertEquals(0, code, "javac:\n" + messages);
    }

    /** The CLI on the packaged jars without the example application, plus the scratch project's classes. */
    private ExampleProcess.Result ok(Map<String, String> env, String... args) throws Exception {
        ExampleProcess.Result result = cli(env, args);
        assertEquals(0, result.exitCode(), String.join(" ", args) + ":\n" + result.output());
        return result;
    }

    private ExampleProcess.Result cli(Map<String, String> env, String... args) throws Exception {
        List<String> path = new ArrayList<>();
        try (Stream<Path> jars = Files.list(ExampleProcess.MODULES)) {
            jars.filter(j -> !j.getFileName().toString().startsWith("eloquent-examples")).sorted()
                    .forEach(j -> path.add(j.toString()));
        }
        path.add(project.resolve("classes").toString());
        List<String> command = new ArrayList<>(List.of("-p", String.join(File.pathSeparator, path),
                "-m", "dev.eloquent.cli/dev.eloquent.cli.EloquentCli"));
        command.addAll(List.of(args));
        return ExampleProcess.run(project, command, env);
    }

    /** The differences --verify printed about the table posts. */
    private static List<String> aboutPosts(ExampleProcess.Result verify) {
        return verify.output().lines().map(String::strip).filter(l -> l.startsWith("differs: "))
                .map(l -> l.substring("differs: ".length())).filter(l -> l.matches(".*\\bposts\\b.*")).toList();
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> migrationsEnding(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(pkg())) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("M") && f.endsWith(suffix + ".java"))
                    .map(f -> f.substring(0, f.length() - ".java".length())).sorted().toList();
        }
    }

    /** The n-th (1-based, in name order, which is time order) generated migration with this suffix. */
    private String migrationNamed(String suffix, int nth) throws IOException {
        List<String> found = migrationsEnding(suffix);
        assertEquals(nth, found.size(), found.toString());
        return found.get(nth - 1);
    }

    /**
     * A title longer than the first version allowed fits the changed column; the row is removed again, as
     * rolling back to the shorter column would refuse it.
     */
    private static void insertLongTitle(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO posts (title, published) VALUES ('" + "x".repeat(150) + "', true)");
            assertEquals(1, statement.executeUpdate("DELETE FROM posts WHERE title = '" + "x".repeat(150) + "'"));
        }
    }

    private static List<String> columns(String url, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
             ResultSet rows = connection.getMetaData().getColumns(connection.getCatalog(), null, table, null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME"));
            }
        }
        return columns;
    }
}
