package dev.eloquent.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The style check of generated sources can fail, and passes the shapes the generators write. */
class GeneratedStyleTest {
    @TempDir
    Path dir;

    @Test
    void reportsWhatJavacLintDoesNotSee() throws Exception {
        Path file = dir.resolve("Sloppy.java");
        Files.writeString(file, """
                package com.acme;

                import java.util.List;
                import java.util.*;

                public final class Sloppy {
                    public void run() {
                        if (true) return;\s
                    }
                }
                """);
        List<String> found = GeneratedStyle.violations(List.of(file));
        assertTrue(found.stream().anyMatch(v -> v.startsWith("Sloppy.java:3: ") && v.endsWith("(UnusedImportsCheck)")), found.toString());
        assertTrue(found.stream().anyMatch(v -> v.endsWith("(AvoidStarImportCheck)")), found.toString());
        assertTrue(found.stream().anyMatch(v -> v.endsWith("(NeedBracesCheck)")), found.toString());
        assertTrue(found.stream().anyMatch(v -> v.contains("trailing whitespace")), found.toString());
    }

    @Test
    void acceptsATimestampedMigrationClassName() throws Exception {
        Path file = dir.resolve("M2026_11_26_153000_CreatePostsTable.java");
        Files.writeString(file, """
                package com.acme;

                public final class M2026_11_26_153000_CreatePostsTable {
                }
                """);
        assertEquals(List.of(), GeneratedStyle.violations(List.of(file)));
    }
}
