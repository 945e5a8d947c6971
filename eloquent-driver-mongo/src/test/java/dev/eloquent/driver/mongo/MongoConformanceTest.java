package dev.eloquent.driver.mongo;

import dev.eloquent.api.Env;
import dev.eloquent.testkit.DriverConformanceKit;
import dev.eloquent.testkit.DriverTarget;
import dev.eloquent.testkit.RawAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

/**
 * The whole conformance kit on the mongo driver: against MONGO_TEST_URI / MONGO_URI when set,
 * otherwise an in-process wire-protocol server over a real socket. Transaction cases skip (the driver
 * does not claim transactions).
 */
class MongoConformanceTest implements DriverConformanceKit {
    private static MongoTestServer server;
    private static final String DATABASE = "eloquent_kit_" + Long.toHexString(System.nanoTime());

    @BeforeAll
    static void startServer() {
        server = MongoTestServer.start();
    }

    @AfterAll
    static void stopServer() {
        try (var client = com.mongodb.client.MongoClients.create(server.uri())) {
            client.getDatabase(DATABASE).drop();
        } finally {
            server.close();
        }
    }

    @Override
    public DriverTarget target() {
        return DriverTarget.of(Env.of(Map.of("DB_TEST_CONNECTION", "mongo_test", "MONGO_TEST_URI", server.uri(),
                        "MONGO_TEST_DB", DATABASE)), "mongo", new MongoRawAccess(server.uri(), DATABASE));
    }
}
