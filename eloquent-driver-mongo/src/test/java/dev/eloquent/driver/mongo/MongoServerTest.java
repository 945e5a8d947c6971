package dev.eloquent.driver.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.Env;
import dev.eloquent.api.EnvBlock;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.Map;

/**
 * What the connection-level Mongo tests share: the test server (in-process unless MONGO_TEST_URI is set)
 * and a raw client per class, and per test a fresh database with an open {@link MongoConnection} on it,
 * dropped afterwards.
 */
abstract class MongoServerTest {
    private static MongoTestServer server;
    private static MongoClient raw;
    protected String database;
    protected MongoConnection connection;

    @BeforeAll
    static void startServer() {
        server = MongoTestServer.start();
        raw = MongoClients.create(server.uri());
    }

    @AfterAll
    static void stopServer() {
        raw.close();
        server.close();
    }

    /** The prefix of each test's database name, so leftovers say which class made them. */
    protected abstract String databasePrefix();

    @BeforeEach
    void openConnection() {
        database = databasePrefix() + new ObjectId().toHexString();
        MongoDriver driver = new MongoDriver();
        MongoSettings settings = (MongoSettings) driver.settings(new EnvBlock(Env.of(Map.of("MONGO_URI", server.uri(),
                "MONGO_DB", database)), ConnectionName.parse("mongo"), driver.envPrefix()));
        connection = MongoConnection.open(settings);
    }

    @AfterEach
    void closeConnection() {
        connection.close();
        raw.getDatabase(database).drop();
    }

    protected static MongoTestServer server() {
        return server;
    }

    protected MongoDatabase rawDatabase() {
        return raw.getDatabase(database);
    }
}
