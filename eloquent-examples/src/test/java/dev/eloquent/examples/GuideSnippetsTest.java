package dev.eloquent.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The docs pages whose examples are compiled tests, each with the test that holds them: every {@code java}
 * block of the page must be one {@code tag::name[]} region of that test, character for character once
 * de-indented, and every region must appear in the page, once. So a page shows only code that compiles
 * and runs (the test asserts its results), and cannot drift from it. One mechanism for every such page:
 * add a page here with its test.
 */
class GuideSnippetsTest {
    private static final Path DOCS = Path.of("..", "docs");
    private static final Path TESTS = Path.of("src", "test", "java", "dev", "eloquent", "examples");
    private static final Pattern TAG = Pattern.compile("(?m)^[ \\t]*// tag::([a-z-]+)\\[\\]\\R(.*?)^[ \\t]*// end::\\1\\[\\]",
            Pattern.DOTALL);

    static Stream<Arguments> pages() {
        return Stream.of(
                arguments("query-builder.md", "QueryBuilderGuideTest.java"),
                arguments("scopes-and-soft-deletes.md", "ScopesGuideTest.java"),
                arguments("models.md", "ModelsGuideTest.java"),
                arguments("model-behaviour.md", "ModelBehaviourGuideTest.java"));
    }

    @ParameterizedTest(name = "docs/{0} quotes {1}")
    @MethodSource("pages")
    void everyJavaBlockOfThePageIsATaggedRegionOfItsCompiledTest(String page, String source) throws IOException {
        List<String> problems = problems(Files.readString(DOCS.resolve(page)), Files.readString(TESTS.resolve(source)), source);
        assertEquals(List.of(), problems, "docs/" + page + " and " + source + " differ");
    }

    @Test
    void aBlockThatDriftsFromItsRegionOrARegionLeftOutIsReported() {
        String source = """
                class T {
                    void t() {
                        // tag::first[]
                        int a = 1;
                        // end::first[]
                        // tag::second[]
                        int b = 2;
                        // end::second[]
                    }
                }
                """;
        String page = "text\n```java\nint a = 1;\n```\nmore\n```java\nint b = 3;\n```\n";
        List<String> problems = problems(page, source, "T.java");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("not a tagged region of T.java") && problems.get(0).contains("int b = 3;"),
                problems.get(0));
        assertTrue(problems.get(1).contains("region 'second' of T.java is not quoted"), problems.get(1));
        assertEquals(List.of(), problems(page.replace("int b = 3;", "int b = 2;"), source, "T.java"));
        assertTrue(problems("no blocks", "no regions", "T.java").get(0).contains("no tagged regions"));
    }

    /** What differs between a page's java blocks and the source's tagged regions; empty when they match one to one. */
    static List<String> problems(String page, String source, String sourceName) {
        Map<String, String> regions = regions(source);
        List<String> problems = new ArrayList<>();
        if (regions.isEmpty()) {
            problems.add("no tagged regions in " + sourceName);
            return problems;
        }
        List<String> blocks = blocks(page, "java");
        for (String block : blocks) {
            if (!regions.containsValue(block)) {
                problems.add("this block of the page is not a tagged region of " + sourceName + ":\n" + block);
            }
        }
        for (Map.Entry<String, String> region : regions.entrySet()) {
            long quoted = blocks.stream().filter(region.getValue()::equals).count();
            if (quoted != 1) {
                problems.add("region '" + region.getKey() + "' of " + sourceName + " is "
                        + (quoted == 0 ? "not quoted in the page" : "quoted " + quoted + " times"));
            }
        }
        return problems;
    }

    /** The tagged regions of a test source, de-indented, by tag. */
    static Map<String, String> regions(String source) {
        Map<String, String> regions = new LinkedHashMap<>();
        Matcher matcher = TAG.matcher(source);
        while (matcher.find()) {
            regions.put(matcher.group(1), dedent(matcher.group(2)));
        }
        return regions;
    }

    /** The fenced blocks of a markdown page in this language, each with its closing newline. */
    static List<String> blocks(String markdown, String language) {
        return Pattern.compile("(?m)^```" + language + "\\R(.*?)^```", Pattern.DOTALL).matcher(markdown).results()
                .map(m -> m.group(1)).toList();
    }

    static String dedent(String text) {
        List<String> lines = text.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return out.toString();
    }
}
