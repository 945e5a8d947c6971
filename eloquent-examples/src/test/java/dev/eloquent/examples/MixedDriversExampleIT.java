package dev.eloquent.examples;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed's scenario as a runnable example: the packaged MixedDriversExample starts on the module path
 * (SQLite and MongoDB drivers found through ServiceLoader) against an in-process MongoDB wire-protocol
 * server on a loopback port, and fails clearly, without credentials, when no MongoDB answers.
 */
class MixedDriversExampleIT {
    private static final String MAIN = "dev.eloquent.examples.MixedDriversExample";

    @TempDir
    Path workDir;

    @Test
    void runsOnTheModulePathWithSqlAndMongoInOneProcess() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        try {
            ExampleProcess.Result result = ExampleProcess.run(workDir, ExampleProcess.onModulePath(MAIN),
                    Map.of("MONGO_URI", "mongodb://127.0.0.1:" + address.getPort() + "/example"));
            String output = result.output();
            assertEquals(0, result.exitCode(), output);
            assertTrue(output.contains("user 1 Ann on sqlite"), output);
            // Nested documents come back as maps (key order is the stored one, so test the entries).
            assertTrue(output.lines().anyMatch(l -> l.contains("city=Paris") && l.contains("kinds=[work, cafe]")
                    && l.startsWith("  place ") && l.endsWith(" on mongo")), output);
            assertTrue(output.lines().anyMatch(l -> l.contains("city=Berlin") && l.contains("kinds=[home]")
                    && l.endsWith(" on mongo")), output);
            assertTrue(output.contains("eager: 1 user(s) and 2 place(s) in 1 query on sqlite and 1 on mongo"), output);
            assertTrue(output.contains("  Berlin belongs to Ann"), output);
            assertTrue(output.contains("reverse: 2 place(s) with their user in 1 query on mongo and 1 on sqlite"), output);
            assertTrue(output.contains("visits: 1 on sqlite"), output);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void withoutAMongoDbItNamesTheKeyAndNeverTheCredentials() throws Exception {
        // A closed loopback port: nothing answers there.
        ExampleProcess.Result result = ExampleProcess.run(workDir, ExampleProcess.onModulePath(MAIN),
                Map.of("MONGO_URI", "mongodb://bob:hunter2@127.0.0.1:1/app?serverSelectionTimeoutMS=1000"));
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("MONGO_URI"), result.output());
        assertFalse(result.output().contains("hunter2"), result.output());
    }
}
