package dev.eloquent.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the packaged example as a separate JVM, exactly as the README does (target/modules is the
 * README's module path): once on the module path and once on the class path, proving that ServiceLoader
 * finds the SQLite driver both ways, and twice in the same folder, proving a second run works.
 */
class ExampleLaunchIT {
    private static final String MAIN = "dev.eloquent.examples.ExampleApp";

    @TempDir
    Path workDir;

    private String launch(List<String> launcherArgs) throws Exception {
        ExampleProcess.Result result = ExampleProcess.run(workDir, launcherArgs, Map.of());
        assertEquals(0, result.exitCode(), result.output());
        return result.output();
    }

    @Test
    void onTheModulePathTheDriverComesFromItsModuleAndASecondRunWorks() throws Exception {
        List<String> modulePath = ExampleProcess.onModulePath(MAIN);
        String first = launch(modulePath);
        assertTrue(first.contains("driver found: sqlite (module dev.eloquent.driver.sqlite)"), first);
        assertTrue(first.contains("default connection: sqlite -> " + workDir.resolve("storage/app.sqlite")), first);
        assertTrue(first.contains("run #1 on this database"), first);
        assertTrue(first.contains("books: 3 (connection sqlite, pinned"), first);
        assertTrue(first.contains("'Ancillary Justice' read 1 time(s)"), first);
        assertTrue(first.contains("per author: Ann Leckie, 2 book(s), 33.49 in total"), first);
        assertTrue(first.contains("per author: N. K. Jemisin, 1 book(s), 12.99 in total"), first);
        assertTrue(first.contains("Ann Leckie wrote [Ancillary Justice, Provenance]"), first);
        assertTrue(first.contains("N. K. Jemisin wrote [The Fifth Season]"), first);
        assertTrue(first.contains("average price: 15.49"), first);
        assertTrue(Files.exists(workDir.resolve("storage/app.sqlite")), "parent folder created, file written");

        String second = launch(modulePath);
        assertTrue(second.contains("run #2 on this database"), second);
        assertTrue(second.contains("authors: 2 "), "no duplicates on a second run: " + second);
        assertTrue(second.contains("'Ancillary Justice' read 2 time(s)"), second);
    }

    @Test
    void onTheClassPathTheDriverIsFoundThroughItsServicesFile() throws Exception {
        String output = launch(List.of("-cp", ExampleProcess.MODULES + "/*", MAIN));
        assertTrue(output.contains("driver found: sqlite (class path)"), output);
        assertTrue(output.contains("run #1 on this database"), output);
    }
}
