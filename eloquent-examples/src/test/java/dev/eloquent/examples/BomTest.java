package dev.eloquent.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * eloquent-bom lists every published artifact of the reactor, at the reactor's version, and nothing
 * else. A module is unpublished when its pom sets maven.deploy.skip. (The POMs are read as text: the
 * tests of this module compile inside the named module, which does not read java.xml.)
 */
class BomTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>\\s*<version>([^<]+)</version>");

    private static String read(Path pom) throws IOException {
        return Files.readString(pom).replaceAll("(?s)<!--.*?-->", "");
    }

    private static String projectVersion(String pom) {
        // The project's own version: the first <version> after its own <artifactId>, outside <parent>.
        String withoutParent = pom.replaceAll("(?s)<parent>.*?</parent>", "");
        Matcher matcher = Pattern.compile("<version>([^<]+)</version>").matcher(withoutParent);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static List<String> all(Pattern pattern, String text, int group) {
        return pattern.matcher(text).results().map(m -> m.group(group)).toList();
    }

    @Test
    void theBomListsExactlyThePublishedModules() throws IOException {
        String parent = read(ROOT.resolve("pom.xml"));
        String version = projectVersion(parent);
        Set<String> published = new TreeSet<>();
        for (String module : all(MODULE, parent, 1)) {
            String pom = read(ROOT.resolve(module).resolve("pom.xml"));
            assertFalse(pom.isEmpty(), module);
            if (!module.equals("eloquent-bom") && !pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
                published.add(module);
            }
        }
        String bom = read(ROOT.resolve("eloquent-bom/pom.xml"));
        assertEquals(version, projectVersion(bom), "the BOM has the reactor's version");
        assertFalse(bom.contains("<parent>"), "the BOM inherits no third-party version pins");
        Set<String> listed = new TreeSet<>();
        Matcher dependency = DEPENDENCY.matcher(bom);
        while (dependency.find()) {
            assertEquals("dev.eloquent", dependency.group(1), "the BOM lists only our artifacts");
            assertEquals(version, dependency.group(3), dependency.group(2));
            listed.add(dependency.group(2));
        }
        assertEquals(published, listed);
    }
}
