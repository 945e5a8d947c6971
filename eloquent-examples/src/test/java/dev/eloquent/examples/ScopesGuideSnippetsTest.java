package dev.eloquent.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/scopes-and-soft-deletes.md quotes its Java blocks from {@link ScopesGuideTest}, as {@link GuideSnippetsTest} checks the query-builder guide. */
class ScopesGuideSnippetsTest {
    private static final Path PAGE = Path.of("..", "docs", "scopes-and-soft-deletes.md");
    private static final Path SOURCE = Path.of("src", "test", "java", "dev", "eloquent", "examples", "ScopesGuideTest.java");
    private static final Pattern BLOCK = Pattern.compile("(?m)^```java\\R(.*?)^```", Pattern.DOTALL);

    @Test
    void everyJavaBlockOfThePageIsATaggedRegionOfTheCompiledTest() throws IOException {
        Map<String, String> regions = GuideSnippetsTest.regions(Files.readString(SOURCE));
        List<String> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(Files.readString(PAGE));
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        for (String block : blocks) {
            assertTrue(regions.containsValue(block), "this block of the page is not a tagged region of ScopesGuideTest:\n" + block);
        }
        for (Map.Entry<String, String> region : regions.entrySet()) {
            assertTrue(blocks.contains(region.getValue()), "region '" + region.getKey() + "' is not quoted in the page");
        }
        assertEquals(regions.size(), blocks.size(), "each region once");
    }
}
