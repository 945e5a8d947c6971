package dev.eloquent.driver.mongo;

import dev.eloquent.api.ConfigurationException;
import dev.eloquent.api.ConnectionException;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.Env;
import dev.eloquent.api.EnvBlock;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MONGO_* env block: defaults, the URI forms MongoDB accepts, and secrets kept out of every message. */
class MongoSettingsTest {
    private final MongoDriver driver = new MongoDriver();

    private MongoSettings settings(Map<String, String> env, String connection) {
        return (MongoSettings) driver.settings(new EnvBlock(Env.of(env), ConnectionName.parse(connection), driver.envPrefix()));
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains("s3cret"), text);
        assertFalse(text.contains("alice"), text);
    }

    @Test
    void defaultsAreLocalhostAndADatabasePerTwin() {
        assertEquals("MONGO", driver.envPrefix());
        assertEquals("mongodb://127.0.0.1:27017/eloquent", settings(Map.of(), "mongo").describe());
        assertEquals("mongodb://127.0.0.1:27017/eloquent_test", settings(Map.of(), "mongo_test").describe());
    }

    @Test
    void theTestTwinReadsOnlyItsOwnKeysAndMongoDbWinsOverTheUriPath() {
        Map<String, String> env = Map.of("MONGO_URI", "mongodb://127.0.0.1:1111/app", "MONGO_TEST_URI",
                "mongodb://127.0.0.1:2222/fromuri", "MONGO_TEST_DB", "kit");
        assertEquals("mongodb://127.0.0.1:1111/app", settings(env, "mongo").describe());
        assertEquals("mongodb://127.0.0.1:2222/kit", settings(env, "mongo_test").describe());
    }

    @Test
    void readPreferenceAndReplicaSetOptionsOfTheUriReachTheClientUntouched() {
        MongoSettings settings = settings(Map.of("MONGO_URI", "mongodb://alice:s3cret@127.0.0.1:27017,127.0.0.2:27018/app"
                + "?replicaSet=rs0&readPreference=secondaryPreferred&readPreferenceTags=dc:east&maxStalenessSeconds=120"
                + "&w=majority"), "mongo");
        com.mongodb.MongoClientSettings client = MongoConnection.clientSettings(settings);
        assertEquals(com.mongodb.ReadPreference.secondaryPreferred(List.of(new com.mongodb.TagSet(
                new com.mongodb.Tag("dc", "east"))), 120, java.util.concurrent.TimeUnit.SECONDS), client.getReadPreference());
        assertEquals("secondaryPreferred", client.getReadPreference().getName());
        assertEquals("rs0", client.getClusterSettings().getRequiredReplicaSetName());
        assertEquals(com.mongodb.WriteConcern.MAJORITY, client.getWriteConcern());
        assertEquals(2, client.getClusterSettings().getHosts().size());
        assertNoSecret(settings.describe());
        com.mongodb.MongoClientSettings plain = MongoConnection.clientSettings(settings(Map.of(), "mongo"));
        assertEquals(com.mongodb.ReadPreference.primary(), plain.getReadPreference(), "the driver's default: the primary");
        assertEquals(null, plain.getClusterSettings().getRequiredReplicaSetName());
    }

    @Test
    void credentialsReplicaSetsAndSrvAreAcceptedAndNeverShown() {
        long start = System.nanoTime();
        MongoSettings replicaSet = settings(Map.of("MONGO_URI",
                "mongodb://alice:s3cret@127.0.0.1:27017,127.0.0.2:27018/app?replicaSet=rs0&authSource=admin"), "mongo");
        assertEquals(List.of("127.0.0.1:27017", "127.0.0.2:27018"), replicaSet.hosts());
        assertEquals("mongodb://127.0.0.1:27017,127.0.0.2:27018/app", replicaSet.describe());
        assertNoSecret(replicaSet.toString());
        MongoSettings srv = settings(Map.of("MONGO_URI", "mongodb+srv://alice:s3cret@cluster0.example.invalid/app"), "mongo");
        assertEquals("mongodb+srv://cluster0.example.invalid/app", srv.describe());
        assertNoSecret(srv.toString());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "reading settings does no DNS or network I/O");
    }

    @Test
    void aMalformedUriFailsNamingTheKeyWithoutTheCredentials() {
        ConfigurationException bad = assertThrows(ConfigurationException.class,
                () -> settings(Map.of("MONGO_TEST_URI", "mongodb://alice:s3cret@127.0.0.1:notaport/app"), "mongo_test"));
        assertTrue(bad.getMessage().startsWith("MONGO_TEST_URI is not a MongoDB connection string"), bad.getMessage());
        assertTrue(bad.getMessage().contains("'mongo_test'"), bad.getMessage());
        assertNoSecret(bad.getMessage());
        ConfigurationException scheme = assertThrows(ConfigurationException.class,
                () -> settings(Map.of("MONGO_URI", "http://alice:s3cret@127.0.0.1/"), "mongo"));
        assertNoSecret(scheme.getMessage());
    }

    @Test
    void aDatabaseNameMongoCannotUseFailsNamingTheKey() {
        ConfigurationException bad = assertThrows(ConfigurationException.class,
                () -> settings(Map.of("MONGO_DB", "my.db"), "mongo"));
        assertTrue(bad.getMessage().startsWith("MONGO_DB names database 'my.db'"), bad.getMessage());
    }

    @Test
    void anUnreachableServerFailsWithinTheBoundNamingConnectionAndHostsNotCredentials() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        MongoSettings unreachable = settings(Map.of("MONGO_URI",
                "mongodb://alice:s3cret@127.0.0.1:" + closedPort + "/app"), "mongo");
        long start = System.nanoTime();
        ConnectionException failure = assertThrows(ConnectionException.class, () -> driver.open(unreachable));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= MongoConnection.DEFAULT_TIMEOUT_MS - 500 && millis < MongoConnection.DEFAULT_TIMEOUT_MS + 5_000,
                "failed after " + millis + " ms");
        String message = failure.getMessage();
        assertTrue(message.contains("'mongo'") && message.contains("127.0.0.1:" + closedPort)
                && message.contains("MONGO_URI"), message);
        assertNoSecret(message);
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            assertNoSecret(String.valueOf(cause.getMessage()));
        }
    }
}
