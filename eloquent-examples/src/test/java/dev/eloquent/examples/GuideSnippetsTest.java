package dev.eloquent.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/query-builder.md quotes its Java examples from {@link QueryBuilderGuideTest}: every {@code java}
 * block of the page must be one {@code tag::name[]} region of that test, character for character once
 * de-indented, and every region must appear in the page. So the guide shows only code that compiles and
 * runs, and cannot drift from it.
 */
class GuideSnippetsTest {
    private static final Path GUIDE = Path.of("..", "docs", "query-builder.md");
    private static final Path SOURCE = Path.of("src", "test", "java", "dev", "eloquent", "examples",
            "QueryBuilderGuideTest.java");
    private static final Pattern TAG = Pattern.compile("(?m)^[ \\t]*// tag::([a-z-]+)\\[\\]\\R(.*?)^[ \\t]*// end::\\1\\[\\]",
            Pattern.DOTALL);

    /** The tagged regions of the test, de-indented, by tag. */
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

    @Test
    void everyJavaBlockOfTheGuideIsATaggedRegionOfTheCompiledTest() throws IOException {
        String guide = Files.readString(GUIDE);
        Map<String, String> regions = regions(Files.readString(SOURCE));
        assertFalse(regions.isEmpty(), "no tagged regions found in " + SOURCE);
        List<String> blocks = blocks(guide, "java");
        assertFalse(blocks.isEmpty(), "no java blocks in " + GUIDE);
        for (String block : blocks) {
            assertTrue(regions.containsValue(block),
                    "this block of the guide is not a tagged region of QueryBuilderGuideTest:\n" + block);
        }
        for (Map.Entry<String, String> region : regions.entrySet()) {
            assertTrue(blocks.contains(region.getValue()), "region '" + region.getKey() + "' is not quoted in the guide");
        }
        assertEquals(regions.size(), blocks.size(), "each region once");
    }
}
