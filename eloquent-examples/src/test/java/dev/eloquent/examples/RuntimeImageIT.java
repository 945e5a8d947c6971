package dev.eloquent.examples;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jlink runtime image of the CLI with the SQLite driver only, built once by scripts/jlink-image from the
 * jars this module packaged (target/modules), then used as a separate process the way a user would: its
 * generators write a model and a migration into a scratch project, which is compiled into an application
 * jar (javac, module path) and given to the image through ELOQUENT_APP_PATH; db:show and migrate:run then
 * work on SQLite, checked through raw JDBC. The image holds no JDK beyond what the modules need.
 */
class RuntimeImageIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path IMAGE = Path.of("target/image-it-sqlite").toAbsolutePath();

    @TempDir
    Path project;

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path workDir, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("DB_") || k.startsWith("SQLITE_") || k.startsWith("PG_")
                || k.startsWith("MONGO_") || k.equals("APP_ENV") || k.startsWith("ELOQUENT_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(600, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within 600 s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static Result ok(Path workDir, Map<String, String> env, String... command) throws Exception {
        Result result = run(workDir, env, List.of(command));
        assertEquals(0, result.exitCode(), String.join(" ", command) + ":\n" + result.output());
        return result;
    }

    @BeforeAll
    static void buildTheImageOnce() throws Exception {
        // target/modules is the pool: the CLI, every driver and their dependencies, packaged by this build.
        // JAVA_HOME: the image is linked from the JDK that runs this build (its jlink and jmods).
        Result built = run(ROOT, Map.of("JAVA_HOME", System.getProperty("java.home")), List.of("bash", ROOT.resolve("scripts/jlink-image").toString(),
                "-Ddrivers=sqlite", "--skip-build", "--pool", ExampleProcess.MODULES.toString(), "--out", IMAGE.toString()));
        assertEquals(0, built.exitCode(), "scripts/jlink-image:\n" + built.output());
        System.out.println(built.output());
    }

    private String eloquent() {
        return IMAGE.resolve("bin/eloquent").toString();
    }

    private static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    @Test
    void theImageHoldsOnlyWhatSqliteNeeds() throws Exception {
        String modules = ok(project, Map.of(), IMAGE.resolve("bin/java").toString(), "--list-modules").output();
        assertTrue(modules.contains("dev.eloquent.driver.sqlite") && modules.contains("dev.eloquent.cli"), modules);
        assertFalse(modules.contains("dev.eloquent.driver.pg") || modules.contains("org.postgresql")
                || modules.contains("dev.eloquent.driver.mongo") || modules.contains("java.desktop")
                || modules.contains("jdk.compiler"), modules);
    }

    @Test
    void generatesCompilesShowsAndMigratesOnSqlite() throws Exception {
        Map<String, String> none = Map.of();
        ok(project, none, eloquent(), "make:model", "Note", "--path", "src", "--package", "com.acme.notes");
        ok(project, none, eloquent(), "make:migration", "create_notes_table", "--path", "src", "--package", "com.acme.notes");
        Path pkg = project.resolve("src/com/acme/notes");
        String migration;
        try (Stream<Path> files = Files.list(pkg)) {
            migration = files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("M") && f.endsWith("_CreateNotesTable.java"))
                    .findFirst().orElseThrow().replace(".java", "");
        }
        Files.writeString(pkg.resolve("NotesApplication.java"), """
                package com.acme.notes;

                import dev.eloquent.orm.Eloquent;
                import dev.eloquent.orm.EloquentApplication;
                import dev.eloquent.orm.migration.Migration;

                import java.util.List;

                public final class NotesApplication implements EloquentApplication {
                    @Override
                    public void models(Eloquent.Builder builder) {
                        builder.register(Note.class, Note::new);
                    }

                    @Override
                    public List<Migration> migrations() {
                        return List.of(new %s());
                    }
                }
                """.formatted(migration));
        Files.writeString(project.resolve("src/module-info.java"), """
                module com.acme.notes {
                    requires dev.eloquent.orm;
                    exports com.acme.notes;
                    provides dev.eloquent.orm.EloquentApplication with com.acme.notes.NotesApplication;
                }
                """);
        List<String> javac = new ArrayList<>(List.of(jdkTool("javac"), "-d", "classes", "--module-path",
                ExampleProcess.MODULES.toString()));
        try (Stream<Path> files = Files.walk(project.resolve("src"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> javac.add(f.toString()));
        }
        ok(project, none, javac.toArray(String[]::new));
        ok(project, none, jdkTool("jar"), "--create", "--file", "notes.jar", "-C", "classes", ".");

        Map<String, String> app = Map.of("ELOQUENT_APP_PATH", project.resolve("notes.jar").toString());
        String show = ok(project, app, eloquent(), "db:show").output();
        assertTrue(show.contains("sqlite: module dev.eloquent.driver.sqlite"), show);
        assertFalse(show.contains("pg:"), show);

        String migrated = ok(project, app, eloquent(), "migrate:run").output();
        assertTrue(migrated.contains(migration), migrated);
        String url = "jdbc:sqlite:" + project.resolve("storage/app.sqlite");
        assertEquals(1, count(url, "select count(*) from sqlite_master where type = 'table' and name = 'notes'"));
        assertEquals(1, count(url, "select count(*) from eloquent_migrations where migration = '" + migration + "'"));

        ok(project, app, eloquent(), "migrate:rollback");
        assertEquals(0, count(url, "select count(*) from sqlite_master where type = 'table' and name = 'notes'"));
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
