package dev.eloquent.resolver;

import dev.eloquent.api.ConfigurationException;
import dev.eloquent.api.ConnectionException;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.Env;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule of DESIGN.md §2, one test (or more) each. */
class EnvContractTest {
    @TempDir
    Path folder;

    private final FakeDriver sqlite = new FakeDriver("sqlite");
    private final FakeDriver mysql = new FakeDriver("mysql", "DB");
    private final FakeDriver pg = new FakeDriver("pg");

    private Connections boot(Map<String, String> env, boolean testMode) {
        return new Connections(Env.of(env), DriverRegistry.of(sqlite, mysql, pg), testMode);
    }

    // ---- reading .env ----

    @Test
    void dotEnvIsReadAndTheRealEnvironmentWins() throws IOException {
        Files.writeString(folder.resolve(".env"), "# comment\nDB_CONNECTION=mysql\nPG_HOST=from-file\nAPP_ENV=staging\n");
        Env env = EnvFiles.load(folder, Map.of("PG_HOST", "from-environment"));
        assertEquals("mysql", env.get("DB_CONNECTION").orElseThrow());
        assertEquals("from-environment", env.get("PG_HOST").orElseThrow());
        assertEquals("staging", env.get("APP_ENV").orElseThrow());
    }

    @Test
    void aMissingDotEnvIsFineAndTheDefaultsApply() {
        Env env = EnvFiles.load(folder.resolve("nowhere"), Map.of());
        try (Connections connections = new Connections(env, DriverRegistry.of(sqlite), false)) {
            assertEquals(ConnectionName.parse("sqlite"), connections.defaultName());
        }
    }

    @Test
    void aMalformedDotEnvFailsNamingTheFileAndLineButNotItsContent() throws IOException {
        Files.writeString(folder.resolve(".env"), "DB_PASSWORD=s3cret\nthis line is not a pair s3cret\n");
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> EnvFiles.load(folder, Map.of()));
        assertTrue(error.getMessage().contains(".env: line 2 is not KEY=value"), error.getMessage());
        assertFalse(error.getMessage().contains("s3cret"), error.getMessage());
        for (String bad : new String[]{"P='s3cret", "P=\"s3cret", "P='s3cret' trailing", "bad key=s3cret"}) {
            Files.writeString(folder.resolve(".env"), "A=1\n" + bad + "\n");
            ConfigurationException quoted = assertThrows(ConfigurationException.class, () -> EnvFiles.load(folder, Map.of()));
            assertTrue(quoted.getMessage().contains("line 2"), quoted.getMessage());
            assertFalse(quoted.getMessage().contains("s3cret"), quoted.getMessage());
        }
    }

    @Test
    void aByteOrderMarkIsIgnoredAndQuotesAreRemovedAsDotenvToolsDo() throws IOException {
        String file = "\uFEFFDB_CONNECTION=pg\r\n"
                + "SQLITE_PATH='./q.sqlite'\n"
                + "PG_NAME=\"app db\" # a comment\n"
                + "export PG_USER=owner\n"
                + "PG_HOST=db.local # the host\n"
                + "PG_PASSWORD=pa#ss\n"
                + "LITERAL='keeps \\n and \"'\n"
                + "ESCAPED=\"line\\none \\\"q\\\" C:\\data\"\n"
                + "EMPTY=\n"
                + "  # indented comment\n";
        Files.writeString(folder.resolve(".env"), file, java.nio.charset.StandardCharsets.UTF_8);
        Env env = EnvFiles.load(folder, Map.of());
        assertEquals("pg", env.get("DB_CONNECTION").orElseThrow(), "the BOM is not part of the first key");
        assertEquals("./q.sqlite", env.get("SQLITE_PATH").orElseThrow(), "single quotes are removed");
        assertEquals("app db", env.get("PG_NAME").orElseThrow());
        assertEquals("owner", env.get("PG_USER").orElseThrow());
        assertEquals("db.local", env.get("PG_HOST").orElseThrow());
        assertEquals("pa#ss", env.get("PG_PASSWORD").orElseThrow(), "a # inside a word is not a comment");
        assertEquals("keeps \\n and \"", env.get("LITERAL").orElseThrow(), "single quotes keep text as written");
        assertEquals("line\none \"q\" C:\\data", env.get("ESCAPED").orElseThrow());
        assertTrue(env.get("EMPTY").isEmpty());
        assertEquals(ConnectionName.parse("pg"), boot(Map.of("DB_CONNECTION", env.get("DB_CONNECTION").orElseThrow()), false)
                .defaultName());
    }

    @Test
    void aFileThatIsNotUtf8FailsNamingTheFile() throws IOException {
        Files.write(folder.resolve(".env"), new byte[]{'A', '=', (byte) 0xC3, (byte) 0x28, '\n'});
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> EnvFiles.load(folder, Map.of()));
        assertTrue(error.getMessage().endsWith(".env is not UTF-8 text: save it as UTF-8"), error.getMessage());
    }

    // ---- which connection a name means ----

    @Test
    void theDefaultsAreSqliteAndSqliteTestAndTestModeSwitches() {
        assertEquals(ConnectionName.parse("sqlite"), boot(Map.of(), false).defaultName());
        assertEquals(ConnectionName.parse("sqlite_test"), boot(Map.of(), true).defaultName());
        Map<String, String> env = Map.of("DB_CONNECTION", "pg", "DB_TEST_CONNECTION", "mysql_test");
        assertEquals(ConnectionName.parse("pg"), boot(env, false).defaultName());
        assertEquals(ConnectionName.parse("mysql_test"), boot(env, true).defaultName());
    }

    @Test
    void inTestModeEveryNameMeansItsTestTwin() {
        try (Connections connections = boot(Map.of(), true)) {
            assertEquals(ConnectionName.parse("pg_test"), connections.resolve("pg"));
            assertEquals(ConnectionName.parse("pg_test"), connections.resolve("pg_test"));
            assertEquals(ConnectionName.parse("pg_test"), connections.connection("pg").name());
        }
        try (Connections connections = boot(Map.of(), false)) {
            assertEquals(ConnectionName.parse("pg"), connections.connection("pg").name());
        }
    }

    @Test
    void dbConnectionHoldsExactlyOneNameAndSaysWhatToDoInstead() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> boot(Map.of("DB_CONNECTION", "mysql,pg"), false));
        assertTrue(error.getMessage().startsWith("DB_CONNECTION holds exactly one connection name, got 'mysql,pg'"),
                error.getMessage());
        assertTrue(error.getMessage().contains("@Connection(\"pg\")"), error.getMessage());
        assertThrows(ConfigurationException.class, () -> boot(Map.of("DB_TEST_CONNECTION", "mysql pg"), true));
    }

    @Test
    void keysOutsideTheContractChangeNothingAndDiagnosticsListThemAsIgnored() {
        Map<String, String> env = Map.of("DB_PG_CONNECTION", "pg", "PG_HOSTNAME", "x", "PG_HOST", "db.local",
                "DB_TEST_HOST", "127.0.0.1", "HOME", "/root");
        try (Connections connections = boot(env, false)) {
            assertEquals(ConnectionName.parse("sqlite"), connections.defaultName());
            Diagnostics diagnostics = new Diagnostics(connections);
            assertEquals(java.util.List.of("DB_PG_CONNECTION", "PG_HOSTNAME"), diagnostics.ignoredKeys());
            assertTrue(diagnostics.report().contains("ignored key: DB_PG_CONNECTION (not part of the env contract)"),
                    diagnostics.report().toString());
        }
    }

    @Test
    void aBlockIsReadOnlyWhenItsConnectionIsUsed() {
        // pg's block is broken, but nothing uses pg: boot and sqlite work.
        try (Connections connections = boot(Map.of("PG_PORT", "not-a-port"), false)) {
            assertEquals(ConnectionName.parse("sqlite"), connections.connection().name());
            ConfigurationException error = assertThrows(ConfigurationException.class, () -> connections.connection("pg"));
            assertTrue(error.getMessage().startsWith("PG_PORT must be a whole number from 1 to 65535 (connection 'pg')"),
                    error.getMessage());
            assertFalse(error.getMessage().contains("not-a-port"), "a value is never echoed: " + error.getMessage());
            assertTrue(error.getMessage().contains("connection 'pg'"), error.getMessage());
        }
    }

    @Test
    void everyDriversBlockMayBePresentAtOnceAndConnectionsStayOpenTogether() {
        Map<String, String> env = Map.of("DB_HOST", "mysql.local", "PG_HOST", "pg.local", "SQLITE_PORT", "9");
        try (Connections connections = boot(env, false)) {
            DatabaseConnection a = connections.connection("mysql");
            DatabaseConnection b = connections.connection("pg");
            DatabaseConnection c = connections.connection("sqlite");
            assertEquals(3, connections.openNames().size());
            assertEquals("mysql.local:1234", connections.settings(a.name()).describe());
            assertEquals("pg.local:1234", connections.settings(b.name()).describe());
            assertNotSame(a, c);
        }
    }

    // ---- drivers on the path ----

    @Test
    void anUnknownNameFailsListingTheNamesOnOfferAndTheArtifactToAdd() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> boot(Map.of("DB_CONNECTION", "mongo"), false));
        assertEquals("DB_CONNECTION: no driver for connection 'mongo'. The drivers on the path offer: mysql, mysql_test,"
                + " pg, pg_test, sqlite, sqlite_test. Add dev.eloquent:eloquent-driver-mongo (or the third-party driver"
                + " named 'mongo') to the path.", error.getMessage());
        try (Connections connections = boot(Map.of(), false)) {
            assertThrows(ConfigurationException.class, () -> connections.check("oracle"));
        }
    }

    @Test
    void aNameADriverAlsoServesSaysWhichConnectionNameToUse() {
        FakeDriver mysqlServingMariadb = new FakeDriver("mysql", "DB", List.of("mariadb"));
        DriverRegistry registry = DriverRegistry.of(sqlite, mysqlServingMariadb);
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> new Connections(Env.of(Map.of("DB_CONNECTION", "mariadb")), registry, false));
        assertEquals("DB_CONNECTION: no driver for connection 'mariadb'. The mysql driver serves mariadb: name the"
                + " connection 'mysql' instead (its keys are DB_*).", error.getMessage());
        ConfigurationException twin = assertThrows(ConfigurationException.class,
                () -> new Connections(Env.of(Map.of("DB_TEST_CONNECTION", "mariadb_test")), registry, true));
        assertTrue(twin.getMessage().contains("name the connection 'mysql_test' instead (its keys are DB_TEST_*)"),
                twin.getMessage());
        ConfigurationException unknown = assertThrows(ConfigurationException.class,
                () -> registry.driverFor(ConnectionName.parse("oracle")));
        assertTrue(unknown.getMessage().contains("offer: mysql, mysql_test, sqlite, sqlite_test (mysql also serves"
                + " mariadb)."), unknown.getMessage());
    }

    @Test
    void twoProvidersClaimingOneNameAreRefusedNamingBothClasses() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> DriverRegistry.of(new FakeDriver(), new OtherFakeDriver()));
        assertTrue(error.getMessage().contains(FakeDriver.class.getName()), error.getMessage());
        assertTrue(error.getMessage().contains(OtherFakeDriver.class.getName()), error.getMessage());
    }

    @Test
    void aProviderThatFailsToLoadIsReportedAndDoesNotHideTheOthers() throws IOException {
        Path services = Files.createDirectories(folder.resolve("META-INF/services"));
        Files.writeString(services.resolve("dev.eloquent.api.Driver"), String.join("\n",
                BrokenDriver.class.getName(), "no.such.DriverClass", SecondFakeDriver.class.getName(), ""));
        try (URLClassLoader loader = new URLClassLoader(new URL[]{folder.toUri().toURL()},
                getClass().getClassLoader())) {
            DriverRegistry registry = DriverRegistry.discover(loader);
            assertTrue(registry.drivers().containsKey("second"), registry.drivers().toString());
            assertTrue(registry.drivers().containsKey("fake"), "the provider in this module's own services file");
            assertEquals(2, registry.failures().size(), registry.failures().toString());
            assertTrue(registry.failures().get(0).contains("broken on purpose"), registry.failures().toString());
            assertTrue(registry.failures().get(1).contains("no.such.DriverClass"), registry.failures().toString());
            ConfigurationException error = assertThrows(ConfigurationException.class,
                    () -> registry.driverFor(ConnectionName.parse("broken")));
            assertTrue(error.getMessage().contains("broken on purpose"), error.getMessage());
        }
    }

    @Test
    void twoProvidersOnTheClassPathClaimingOneNameFailDiscovery() throws IOException {
        Path services = Files.createDirectories(folder.resolve("META-INF/services"));
        Files.writeString(services.resolve("dev.eloquent.api.Driver"), OtherFakeDriver.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[]{folder.toUri().toURL()},
                getClass().getClassLoader())) {
            ConfigurationException error = assertThrows(ConfigurationException.class,
                    () -> DriverRegistry.discover(loader));
            assertTrue(error.getMessage().contains("two drivers claim the name 'fake'"), error.getMessage());
        }
    }

    // ---- opening, failing, closing ----

    @Test
    void connectionsOpenLazilyAreReusedAndAllCloseTogether() {
        Connections connections = boot(Map.of(), false);
        assertEquals(0, sqlite.opened.get() + mysql.opened.get(), "boot opens nothing");
        DatabaseConnection first = connections.connection();
        assertSame(first, connections.connection("sqlite"));
        connections.connection("mysql");
        assertEquals(1, sqlite.opened.get());
        assertEquals(1, mysql.opened.get());
        connections.close();
        assertEquals(1, sqlite.closed.get());
        assertEquals(1, mysql.closed.get());
        assertThrows(IllegalStateException.class, connections::connection);
        connections.close();
        assertEquals(1, sqlite.closed.get(), "close is idempotent");
    }

    @Test
    void aFailureToOpenNamesTheConnectionAndTheKeyNeverThePassword() {
        Map<String, String> env = Map.of("PG_TEST_HOST", "down", "PG_TEST_PASSWORD", "hunter2-secret");
        try (Connections connections = boot(env, true)) {
            ConnectionException error = assertThrows(ConnectionException.class, () -> connections.connection("pg"));
            assertTrue(error.getMessage().contains("'pg_test'"), error.getMessage());
            assertTrue(error.getMessage().contains("PG_TEST_HOST"), error.getMessage());
            assertFalse(error.getMessage().contains("hunter2"), error.getMessage());
            String settings = connections.settings(ConnectionName.parse("pg_test")).toString();
            assertFalse(settings.contains("hunter2"), settings);
            assertTrue(String.join("\n", new Diagnostics(connections).report()).indexOf("hunter2") < 0);
            // A failed open is not cached: fixing nothing, the next use fails the same way, not with a stale state.
            assertThrows(ConnectionException.class, () -> connections.connection("pg"));
        }
    }

    @Test
    void aDriverThatFailsWithAPlainExceptionHasItsMessageAndCauseDropped() {
        Map<String, String> env = Map.of("PG_HOST", "crash", "PG_PASSWORD", "hunter2-secret");
        try (Connections connections = boot(env, false)) {
            ConnectionException error = assertThrows(ConnectionException.class, () -> connections.connection("pg"));
            assertEquals("connection 'pg' (crash:1234) failed to open with java.lang.IllegalStateException from driver pg"
                    + " (its message is not shown: it may carry a secret); check the keys of PG_*", error.getMessage());
            assertEquals(null, error.getCause(), "the driver's exception is not kept");
        }
    }

    @Test
    void aConnectionThatFailsToCloseWithAPlainExceptionHasItsMessageDropped() {
        Map<String, String> env = Map.of("PG_HOST", "closecrash", "PG_PASSWORD", "hunter2-secret");
        Connections connections = boot(env, false);
        connections.connection("pg");
        ConnectionException error = assertThrows(ConnectionException.class, connections::close);
        assertEquals("closing connections failed: pg: java.lang.IllegalStateException (its message is not shown:"
                + " it may carry a secret)", error.getMessage());
        assertFalse(error.getMessage().contains("hunter2-secret"), error.getMessage());
    }

    @Test
    void appEnvProductionTurnsOnTheGuards() {
        assertFalse(boot(Map.of(), false).production());
        assertTrue(boot(Map.of("APP_ENV", "production"), false).production());
    }
}
