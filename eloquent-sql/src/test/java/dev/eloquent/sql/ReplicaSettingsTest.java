package dev.eloquent.sql;

import dev.eloquent.api.ConfigurationException;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.Env;
import dev.eloquent.api.EnvBlock;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** X_READ_HOST and X_STICKY as the server block reads them; the write side is unchanged. No server needed. */
class ReplicaSettingsTest {
    private static PoolSettings read(String connection, Map<String, String> values) {
        Map<String, String> env = new HashMap<>(values);
        env.putIfAbsent(connection.endsWith("_test") ? "DB_TEST_NAME" : "DB_NAME", "app");
        EnvBlock block = new EnvBlock(Env.of(env), ConnectionName.parse(connection), "DB");
        return ServerSettings.read(block, (host, port, db) -> "jdbc:x://" + host + ":" + port + "/" + db, 3306, "root",
                (connect, socket) -> Map.of("connectTimeout", Integer.toString(connect)), 10);
    }

    @Test
    void noReadHostMeansNoReplicasAndTheDescriptionIsTheWriteSideAlone() {
        PoolSettings settings = read("mysql", Map.of());
        assertTrue(settings.replicas().isEmpty());
        assertEquals("root@127.0.0.1:3306/app (pool 10, connect timeout 5s, socket timeout 60s)", settings.describe());
    }

    @Test
    void entriesAreHostOrHostAndPortWithTheBlocksPortAsDefault() {
        PoolSettings settings = read("mysql", Map.of("DB_PORT", "3310",
                "DB_READ_HOST", " 10.0.0.2 , replica-b.internal:3307,[::1]:3308", "DB_PASSWORD", "s3cret"));
        List<ReplicaSettings.Replica> replicas = settings.replicas().replicas();
        assertEquals(List.of("10.0.0.2:3310", "replica-b.internal:3307", "[::1]:3308"),
                replicas.stream().map(ReplicaSettings.Replica::address).toList());
        assertEquals("jdbc:x://replica-b.internal:3307/app", replicas.get(1).jdbcUrl());
        assertEquals("root@10.0.0.2:3310/app", replicas.get(0).target());
        assertTrue(settings.replicas().sticky(), "sticky by default, as in Laravel");
        assertEquals("root@127.0.0.1:3310/app (pool 10, connect timeout 5s, socket timeout 60s); read replicas"
                + " 10.0.0.2:3310, replica-b.internal:3307, [::1]:3308 (sticky, connect timeout 2s)", settings.describe());
        assertFalse(settings.toString().contains("s3cret"), settings.toString());
    }

    @Test
    void aReplicaConnectsWithinAtMostTwoSecondsOrTheBlocksShorterTimeout() {
        assertEquals("2", read("mysql", Map.of("DB_READ_HOST", "r1")).replicas().properties().get("connectTimeout"));
        ReplicaSettings oneSecond = read("mysql", Map.of("DB_READ_HOST", "r1", "DB_CONNECT_TIMEOUT", "1")).replicas();
        assertEquals(1, oneSecond.connectTimeoutSeconds());
        assertEquals("1", oneSecond.properties().get("connectTimeout"));
    }

    @Test
    void theTestTwinReadsItsOwnKeysOnly() {
        assertTrue(read("mysql_test", Map.of("DB_READ_HOST", "r1")).replicas().isEmpty(),
                "DB_READ_HOST does not configure mysql_test");
        PoolSettings test = read("mysql_test", Map.of("DB_TEST_READ_HOST", "r1:3307", "DB_TEST_STICKY", "false"));
        assertEquals("r1:3307", test.replicas().replicas().get(0).address());
        assertFalse(test.replicas().sticky());
    }

    @Test
    void badEntriesFailNamingTheKeyAndPositionNeverTheText() {
        String secret = "hunter2?x=1";
        assertRefused(Map.of("DB_READ_HOST", "r1," + secret),
                "DB_READ_HOST entry 2 must be host or host:port (IPv6 in brackets), entries separated by commas"
                        + " (connection 'mysql')", secret);
        assertRefused(Map.of("DB_READ_HOST", "r1,,r2"), "DB_READ_HOST entry 2 must be host or host:port", null);
        assertRefused(Map.of("DB_READ_HOST", "r1,"), "DB_READ_HOST entry 2 must be", null);
        assertRefused(Map.of("DB_READ_HOST", "r1:70000"), "DB_READ_HOST entry 1 has a port outside 1 to 65535", null);
        assertRefused(Map.of("DB_READ_HOST", "r1:3306,R1"), "DB_READ_HOST entry 2 repeats an earlier entry", null);
        assertRefused(Map.of("DB_READ_HOST", "r1", "DB_STICKY", "yes please"),
                "DB_STICKY must be true or false (connection 'mysql')", "please");
    }

    @Test
    void stickyAcceptsTrueFalseOneAndZeroInAnyCase() {
        assertFalse(read("mysql", Map.of("DB_READ_HOST", "r1", "DB_STICKY", "FALSE")).replicas().sticky());
        assertFalse(read("mysql", Map.of("DB_READ_HOST", "r1", "DB_STICKY", "0")).replicas().sticky());
        assertTrue(read("mysql", Map.of("DB_READ_HOST", "r1", "DB_STICKY", "True")).replicas().sticky());
    }

    @Test
    void theReadKeysAreServerKeys() {
        assertTrue(ServerSettings.KEYS.containsAll(List.of("READ_HOST", "STICKY")));
    }

    private static void assertRefused(Map<String, String> env, String fragment, String secret) {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> read("mysql", env));
        assertTrue(error.getMessage().contains(fragment), error.getMessage());
        if (secret != null) {
            assertFalse(error.getMessage().contains(secret), error.getMessage());
        }
    }
}
