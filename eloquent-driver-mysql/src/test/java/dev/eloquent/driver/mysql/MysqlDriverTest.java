package dev.eloquent.driver.mysql;

import dev.eloquent.api.Blueprint;
import dev.eloquent.api.ConfigurationException;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.Env;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Write;
import dev.eloquent.api.WriteResult;
import dev.eloquent.api.QueryException;
import dev.eloquent.api.EnvBlock;
import dev.eloquent.api.Operator;
import dev.eloquent.api.Query;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.Condition;
import dev.eloquent.sql.PoolSettings;
import dev.eloquent.sql.SqlCompiler;
import dev.eloquent.sql.SqlConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DB_* env block, and each MySQL/MariaDB difference of the dialect, checked on the real server. */
class MysqlDriverTest {
    private final MysqlDriver driver = new MysqlDriver();
    private SqlConnection connection;

    private PoolSettings settings(Map<String, String> env, String connection) {
        return (PoolSettings) driver.settings(new EnvBlock(Env.of(env), ConnectionName.parse(connection), driver.envPrefix()));
    }

    @BeforeEach
    void open() {
        connection = (SqlConnection) driver.open(settings(MysqlTestServer.SERVER.env(), "mysql_test"));
        connection.execute(new SchemaChange.DropTable("order", true));
    }

    @AfterEach
    void close() {
        connection.execute(new SchemaChange.DropTable("order", true));
        connection.close();
    }

    @Test
    void theBlockReadsDbKeysWithDefaultsAndTheTwinReadsDbTestKeys() {
        PoolSettings app = settings(Map.of("DB_NAME", "app"), "mysql");
        assertEquals("jdbc:mysql://127.0.0.1:3306/app", app.jdbcUrl());
        assertEquals("root", app.user());
        assertTrue(app.password().isEmpty());
        assertEquals(10, app.poolSize());
        assertEquals(5, app.connectTimeoutSeconds());
        assertEquals("5000", app.properties().get("connectTimeout"));
        PoolSettings test = settings(Map.of("DB_NAME", "app", "DB_TEST_HOST", "db.local", "DB_TEST_PORT", "3307",
                "DB_TEST_USER", "tester", "DB_TEST_NAME", "app_test", "DB_TEST_POOL_SIZE", "3",
                "DB_TEST_CONNECT_TIMEOUT", "2"), "mysql_test");
        assertEquals("jdbc:mysql://db.local:3307/app_test", test.jdbcUrl());
        assertEquals("tester@db.local:3307/app_test", test.target());
        assertEquals(3, test.poolSize());
        assertEquals("2000", test.properties().get("connectTimeout"));
        assertEquals(List.of("HOST", "PORT", "USER", "PASSWORD", "NAME", "POOL_SIZE", "CONNECT_TIMEOUT", "SOCKET_TIMEOUT",
                "READ_HOST", "STICKY"), driver.envKeys());
        assertEquals("DB", driver.envPrefix());
    }

    @Test
    void missingOrMalformedValuesFailNamingTheKey() {
        ConfigurationException missing = assertThrows(ConfigurationException.class,
                () -> settings(Map.of("DB_NAME", "app"), "mysql_test"));
        assertTrue(missing.getMessage().startsWith("DB_TEST_NAME is missing"), missing.getMessage());
        ConfigurationException port = assertThrows(ConfigurationException.class,
                () -> settings(Map.of("DB_NAME", "app", "DB_PORT", "3306x"), "mysql"));
        assertTrue(port.getMessage().startsWith("DB_PORT must be a whole number"), port.getMessage());
        ConfigurationException name = assertThrows(ConfigurationException.class,
                () -> settings(Map.of("DB_NAME", "app?allowLoadLocalInfile=true"), "mysql"));
        assertTrue(name.getMessage().startsWith("DB_NAME must be a database name"), name.getMessage());
        ConfigurationException host = assertThrows(ConfigurationException.class,
                () -> settings(Map.of("DB_NAME", "app", "DB_HOST", "evil/x?y"), "mysql"));
        assertTrue(host.getMessage().startsWith("DB_HOST must be a host name"), host.getMessage());
    }

    @Test
    void thePasswordNeverShowsInSettings() {
        PoolSettings withPassword = settings(Map.of("DB_NAME", "app", "DB_PASSWORD", "Hunter2-distinctive"), "mysql");
        assertEquals("Hunter2-distinctive", withPassword.password().reveal());
        for (String shown : List.of(withPassword.toString(), withPassword.describe(), withPassword.properties().toString())) {
            assertFalse(shown.contains("Hunter2"), shown);
        }
    }

    @Test
    void everySessionIsStrictSoNothingIsSilentlyTruncated() {
        String mode = (String) raw("SELECT @@SESSION.sql_mode").get(0)[0];
        assertTrue(mode.contains("STRICT_ALL_TABLES"), mode);
        connection.execute(new SchemaChange.CreateTable(table(), false));
        Object id = insert(Map.of("select", "a", "rank", 1), "id");
        // Non-strict MySQL would store 2147483647 and warn; strict mode refuses.
        QueryException error = assertThrows(QueryException.class, () -> connection.write(new Write.Update(
                Query.from("order").where(compare("id", Operator.EQ, id)),
                List.of(new Write.Assignment("rank", Expression.value(3_000_000_000L))))));
        assertTrue(error.getMessage().contains("value out of range for column rank"), error.getMessage());
        assertFalse(error.getMessage().contains("3000000000"), error.getMessage());
        assertEquals(1, ((Number) raw("SELECT `rank` FROM `order`").get(0)[0]).intValue());
    }

    @Test
    void tablesAreUtf8mb4WithExactCollationAndTheDeclaredColumnTypes() {
        connection.execute(new SchemaChange.CreateTable(table(), false));
        // Creating it again is a no-op: the index lives inside CREATE TABLE IF NOT EXISTS (MySQL 8 has no
        // CREATE INDEX IF NOT EXISTS).
        connection.execute(new SchemaChange.CreateTable(table(), true));
        assertEquals("utf8mb4_bin", raw("SELECT table_collation FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name = 'order'").get(0)[0]);
        Map<String, String> types = new HashMap<>();
        for (Object[] row : raw("SELECT column_name, column_type FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND table_name = 'order'")) {
            types.put((String) row[0], ((String) row[1]).toLowerCase(java.util.Locale.ROOT));
        }
        // Signed, like the integer() columns that reference it in foreign keys (MariaDB shows int(11), MySQL 8 int).
        assertEquals("int", types.get("id").replace("int(11)", "int"));
        assertEquals("longtext", types.get("body"));
        assertEquals("datetime(6)", types.get("seen_at"));
        assertEquals("datetime(6)", types.get("happened_at"));
        assertEquals("char(36)", types.get("token"));
        assertEquals("tinyint(1)", types.get("flag"));
        assertEquals("decimal(12,2)", types.get("price"));
        assertEquals(1, raw("SELECT 1 FROM information_schema.statistics WHERE table_schema = DATABASE()"
                + " AND table_name = 'order' AND index_name = 'order_rank_index'").size());
    }

    @Test
    void generatedKeysComeFromJdbcAndIdentifiersAreQuotedWithBackticks() {
        assertFalse(new MysqlDialect().insertReturning());
        connection.execute(new SchemaChange.CreateTable(table(), false));
        // `order`, `select` and `rank` are reserved words: only quoting makes these statements valid.
        assertEquals(1L, ((Number) insert(Map.of("select", "a"), "id")).longValue());
        assertEquals(2L, ((Number) insert(Map.of(), "id")).longValue(), "an empty insert");
        assertEquals(2, count(Query.from("order")));
    }

    @Test
    void invalidJsonAndBooleansOtherThanZeroAndOneAreRefused() {
        connection.execute(new SchemaChange.CreateTable(table(), false));
        QueryException json = assertThrows(QueryException.class, () -> insert(Map.of("meta", "{not json"), null));
        assertEquals("order", json.table());
        QueryException flag = assertThrows(QueryException.class, () -> insert(Map.of("flag", 2), null));
        assertTrue(flag.getMessage().contains("check constraint"), flag.getMessage());
        insert(Map.of("meta", "{\"a\": 1}", "flag", true), null);
        assertEquals(1, count(Query.from("order")));
    }

    @Test
    void likeIgnoresAsciiCaseWhileEqualityStaysExact() {
        connection.execute(new SchemaChange.CreateTable(table(), false));
        insert(Map.of("select", "Ann"), null);
        assertEquals(1, count(Query.from("order").where(compare("select", Operator.LIKE, "aNN"))));
        assertEquals(0, count(Query.from("order").where(compare("select", Operator.EQ, "ann"))));
        assertEquals(1, count(Query.from("order").where(compare("select", Operator.EQ, "Ann"))));
    }

    @Test
    void anOffsetWithoutALimitGetsMysqlsLargestLimit() {
        SqlCompiler compiler = new SqlCompiler(new MysqlDialect());
        Query query = Query.from("order").withOffset(2);
        assertTrue(compiler.select(query).sql().endsWith(" LIMIT 18446744073709551615 OFFSET 2"),
                compiler.select(query).sql());
        connection.execute(new SchemaChange.CreateTable(table(), false));
        for (int i = 0; i < 3; i++) {
            insert(Map.of("rank", i), null);
        }
        assertEquals(1, connection.select(query).drain().size());
    }

    @Test
    void upsertUsesOnDuplicateKeyUpdate() {
        String sql = new SqlCompiler(new MysqlDialect()).upsert(new Write.Upsert(new Write.Insert("order",
                List.of("select", "rank"), List.of(List.of("a", 1)), null), List.of("select"), List.of("rank"))).sql();
        assertTrue(sql.endsWith(" ON DUPLICATE KEY UPDATE `rank` = VALUES(`rank`)"), sql);
    }

    private Object insert(Map<String, ?> row, String key) {
        List<String> columns = new ArrayList<>(row.keySet());
        List<Object> values = new ArrayList<>();
        columns.forEach(c -> values.add(row.get(c)));
        WriteResult result = connection.write(new Write.Insert("order", columns, List.of(values), key));
        return key == null ? null : result.generatedKeys().get(0);
    }

    private long count(Query query) {
        return ((Number) connection.select(query.selecting(Expression.countAll())).drain().values().get(0)[0]).longValue();
    }

    private List<Object[]> raw(String sql) {
        return connection.selectRaw(sql, List.of()).drain().values();
    }

    private static Condition compare(String column, Operator operator, Object value) {
        return new Condition.Compare(Expression.column(column), operator, Expression.value(value));
    }

    private static dev.eloquent.api.TableSpec table() {
        Blueprint t = new Blueprint();
        t.increments("id");
        t.string("select", 20).nullable().unique();
        t.integer("rank").defaultValue(0).index();
        t.text("body").nullable();
        t.timestamp("seen_at").nullable();
        t.timestampTz("happened_at").nullable();
        t.uuid("token").nullable();
        t.bool("flag").defaultValue(false);
        t.decimal("price", 12, 2).nullable();
        t.json("meta").nullable();
        return t.build("order");
    }
}
