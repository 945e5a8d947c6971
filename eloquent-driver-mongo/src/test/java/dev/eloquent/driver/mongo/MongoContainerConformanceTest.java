package dev.eloquent.driver.mongo;

import dev.eloquent.api.Env;
import dev.eloquent.testkit.DriverConformanceKit;
import dev.eloquent.testkit.DriverTarget;
import dev.eloquent.testkit.RawAccess;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import java.util.Map;

/**
 * The conformance kit against a real MongoDB in a Testcontainers container, where Docker is available.
 * Without Docker the whole class is skipped, visibly, by {@code disabledWithoutDocker}; the in-process
 * server still runs the kit in {@link MongoConformanceTest}.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerConformanceTest implements DriverConformanceKit {
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @Override
    public DriverTarget target() {
        return DriverTarget.of(Env.of(Map.of("DB_TEST_CONNECTION", "mongo_test", "MONGO_TEST_URI", MONGO.getConnectionString(),
                        "MONGO_TEST_DB", "eloquent_kit")), "mongo", new MongoRawAccess(MONGO.getConnectionString(), "eloquent_kit"));
    }
}
