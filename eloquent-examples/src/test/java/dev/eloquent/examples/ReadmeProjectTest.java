package dev.eloquent.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "use it in your project" shows {@code examples/use-in-your-project}'s {@code pom.xml} and
 * {@code App.java} verbatim, each as one fenced block (found the way {@link GuideSnippetsTest} finds the
 * guide's), so the page shows exactly what {@link UseInYourProjectIT} builds and runs.
 */
class ReadmeProjectTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path PROJECT = Path.of("..", "examples", "use-in-your-project");

    @Test
    void theReadmeShowsTheExampleProjectsFilesVerbatim() throws IOException {
        String readme = Files.readString(README);
        assertShown(GuideSnippetsTest.blocks(readme, "xml"), PROJECT.resolve("pom.xml"));
        assertShown(GuideSnippetsTest.blocks(readme, "java"), PROJECT.resolve("src/main/java/com/example/app/App.java"));
    }

    private static void assertShown(List<String> blocks, Path file) throws IOException {
        String text = Files.readString(file);
        assertTrue(blocks.contains(text), "README.md has no block that is " + file + " verbatim; copy the file into"
                + " the \"Use it in your project\" section again");
    }
}
