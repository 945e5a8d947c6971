package dev.eloquent.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "use it in your project" is {@code examples/use-in-your-project}, and this builds it as a user
 * would, with Maven, offline, against this reactor's freshly built jars: they are laid out in a private local
 * repository (never installed into ~/.m2), and Maven 3.9's {@code maven.repo.local.tail} reads everything else
 * (plugins, third-party jars) from the build's own local repository, read-only. Then the README's commands:
 * compile and copy the runtime dependencies, run {@code App} on the class path on SQLite, read the row it
 * wrote back through JDBC, and run {@code eloquent migrate:status --verify} on the project (in step).
 * {@link ReadmeProjectTest} checks that the README shows these files verbatim.
 */
class UseInYourProjectIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path PROJECT = ROOT.resolve("examples/use-in-your-project");
    private static final Pattern BOM_ENTRY = Pattern.compile(
            "<artifactId>(eloquent-[a-z-]+)</artifactId><version>([^<]+)</version>");

    @TempDir
    Path work;

    @Test
    void buildsOfflineAgainstTheReactorsJarsAndRunsOnSqlite() throws Exception {
        Path repo = work.resolve("repo");
        String bom = Files.readString(ROOT.resolve("eloquent-bom/pom.xml"));
        String version = null;
        for (var entry : BOM_ENTRY.matcher(bom).results().toList()) {
            String artifact = entry.group(1);
            version = entry.group(2);
            Path jar = ROOT.resolve(artifact).resolve("target").resolve(artifact + "-" + version + ".jar");
            assertTrue(Files.isRegularFile(jar), "the reactor built " + jar);
            publish(repo, artifact, version, ROOT.resolve(artifact).resolve("pom.xml"), jar);
        }
        publish(repo, "eloquent-bom", version, ROOT.resolve("eloquent-bom/pom.xml"), null);
        publish(repo, "eloquent-parent", version, ROOT.resolve("pom.xml"), null);

        Path project = work.resolve("project");
        copyTree(PROJECT, project);
        Path m2 = Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        List<String> maven = List.of(ROOT.resolve("mvnw").toString(), "-o", "-q", "-B",
                "-Dmaven.repo.local=" + repo, "-Dmaven.repo.local.tail=" + m2,
                "compile", "dependency:copy-dependencies", "-DincludeScope=runtime", "-DoutputDirectory=target/modules");
        String built = run(project, maven);
        assertTrue(Files.isRegularFile(project.resolve("target/classes/com/example/app/App.class")), built);
        assertTrue(Files.isRegularFile(project.resolve("target/modules/eloquent-driver-sqlite-" + version + ".jar")), built);

        String classPath = "target/classes" + File.pathSeparator + "target/modules/*";
        ExampleProcess.Result app = ExampleProcess.run(project, List.of("-cp", classPath, "com.example.app.App"), Map.of());
        assertEquals(0, app.exitCode(), app.output());
        assertTrue(app.output().contains("posts: 1"), app.output());
        // The eloquent command finds App through its META-INF/services entry and agrees that all is in step.
        ExampleProcess.Result verify = ExampleProcess.run(project, List.of("-cp", classPath,
                "dev.eloquent.cli.EloquentCli", "migrate:status", "--verify"), Map.of());
        assertEquals(0, verify.exitCode(), verify.output());
        assertTrue(verify.output().contains("sqlite:") && verify.output().contains("  in step:"), verify.output());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("storage/app.sqlite"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT title FROM posts")) {
            assertTrue(rows.next(), "the row App wrote is in the file");
            assertEquals("Hello from your project", rows.getString(1));
        }
    }

    /** Lays an artifact out as Maven's local repository does, as if installed (no remote origin recorded). */
    private static void publish(Path repo, String artifact, String version, Path pom, Path jar) throws IOException {
        Path dir = repo.resolve("dev/eloquent").resolve(artifact).resolve(version);
        Files.createDirectories(dir);
        Files.copy(pom, dir.resolve(artifact + "-" + version + ".pom"));
        if (jar != null) {
            Files.copy(jar, dir.resolve(artifact + "-" + version + ".jar"));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(f -> !f.startsWith(from.resolve("target"))).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static String run(Path dir, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("DB_") || k.startsWith("SQLITE_") || k.startsWith("PG_"));
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("maven did not finish within 180 s: " + command);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + output);
        return output;
    }
}
