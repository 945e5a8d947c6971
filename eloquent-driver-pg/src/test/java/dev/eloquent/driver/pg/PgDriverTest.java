package dev.eloquent.driver.pg;

import dev.eloquent.api.Blueprint;
import dev.eloquent.api.Condition;
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
import dev.eloquent.sql.PoolSettings;
import dev.eloquent.sql.SqlCompiler;
import dev.eloquent.sql.SqlConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PG_* env block, and each PostgreSQL difference of the dialect, checked on the real server. */
class PgDriverTest {
    private final PgDriver driver = new PgDriver();
    private SqlConnection connection;

    private PoolSettings settings(Map<String, String> env, String connection) {
        return (PoolSettings) driver.settings(new EnvBlock(Env.of(env), ConnectionName.parse(connection), driver.envPrefix()));
    }

    @BeforeEach
    void open() {
        connection = (SqlConnection) driver.open(settings(PgTestServer.SERVER.env(), "pg_test"));
        connection.execute(new SchemaChange.DropTable("order", true));
    }

    @AfterEach
    void close() {
        connection.execute(new SchemaChange.DropTable("order", true));
        connection.close();
    }

    @Test
    void theBlockReadsPgKeysWithDefaultsAndTheTwinReadsPgTestKeys() {
        PoolSettings app = settings(Map.of("PG_NAME", "app"), "pg");
        assertEquals("jdbc:postgresql://127.0.0.1:5432/app", app.jdbcUrl());
        assertEquals("postgres", app.user());
        assertTrue(app.password().isEmpty());
        assertEquals(10, app.poolSize());
        assertEquals("5", app.properties().get("loginTimeout"));
        PoolSettings test = settings(Map.of("PG_TEST_PORT", "6543", "PG_TEST_USER", "tester", "PG_TEST_NAME", "app_test",
                "PG_TEST_CONNECT_TIMEOUT", "3"), "pg_test");
        assertEquals("jdbc:postgresql://127.0.0.1:6543/app_test", test.jdbcUrl());
        assertEquals("tester@127.0.0.1:6543/app_test", test.target());
        assertEquals("3", test.properties().get("connectTimeout"));
        assertEquals("PG", driver.envPrefix());
        ConfigurationException missing = assertThrows(ConfigurationException.class, () -> settings(Map.of(), "pg"));
        assertTrue(missing.getMessage().startsWith("PG_NAME is missing"), missing.getMessage());
        ConfigurationException port = assertThrows(ConfigurationException.class,
                () -> settings(Map.of("PG_TEST_NAME", "x", "PG_TEST_PORT", "five"), "pg_test"));
        assertTrue(port.getMessage().startsWith("PG_TEST_PORT must be a whole number"), port.getMessage());
        PoolSettings secret = settings(Map.of("PG_NAME", "app", "PG_PASSWORD", "Hunter2-distinctive"), "pg");
        assertFalse(secret.toString().contains("Hunter2") || secret.describe().contains("Hunter2"), secret.toString());
    }

    @Test
    void columnsUseNativeTypes() {
        connection.execute(new SchemaChange.CreateTable(table(), false));
        Map<String, String> types = new HashMap<>();
        for (Object[] row : raw("SELECT column_name, data_type, datetime_precision FROM"
                + " information_schema.columns WHERE table_schema = current_schema() AND table_name = 'order'")) {
            types.put((String) row[0], row[1] + (row[2] == null ? "" : "(" + row[2] + ")"));
        }
        assertEquals("jsonb", types.get("meta"));
        assertEquals("uuid", types.get("token"));
        assertEquals("boolean", types.get("flag"));
        assertEquals("numeric", types.get("price"));
        assertEquals("text", types.get("body"));
        assertEquals("timestamp without time zone(6)", types.get("seen_at"));
        assertEquals("timestamp with time zone(6)", types.get("happened_at"));
    }

    @Test
    void generatedKeysComeFromReturningAndIdentifiersAreQuoted() {
        String sql = new SqlCompiler(new PgDialect()).insert(new Write.Insert("order", List.of("select"),
                List.of(List.of("a")), "id")).sql();
        assertTrue(sql.endsWith(" RETURNING \"id\""), sql);
        connection.execute(new SchemaChange.CreateTable(table(), false));
        // "order" and "select" are reserved words: only quoting makes these statements valid.
        assertEquals(1, ((Number) insert(Map.of("select", "a"), "id")).intValue());
        assertEquals(2, ((Number) insert(Map.of(), "id")).intValue(), "an empty insert");
    }

    @Test
    void jsonbReadsAsTextUuidsAreNativeAndInstantsKeepTheirTimeZone() {
        connection.execute(new SchemaChange.CreateTable(table(), false));
        UUID token = UUID.randomUUID();
        OffsetDateTime when = OffsetDateTime.parse("2024-06-01T12:00:00.000001+02:00");
        insert(Map.of("meta", "{\"a\": [1, 2]}", "token", token, "happened_at", when), null);
        Object[] row = raw("SELECT \"meta\", \"token\", \"happened_at\","
                + " (\"happened_at\" AT TIME ZONE 'UTC')::text FROM \"order\"").get(0);
        assertEquals("{\"a\": [1, 2]}", row[0], "jsonb comes back as its text, not a PGobject");
        assertEquals(token, row[1]);
        assertTrue(when.isEqual((OffsetDateTime) row[2]), row[2].toString());
        assertEquals("2024-06-01 10:00:00.000001", row[3]);
        QueryException json = assertThrows(QueryException.class, () -> insert(Map.of("meta", "{not json"), null));
        assertEquals("22P02", json.sqlState());
        assertFalse(json.getMessage().contains("not json"), json.getMessage());
        assertInstanceOf(UUID.class, connection.select(Query.from("order")).drain().values().get(0)[6]);
    }

    @Test
    void likeIsIlikeWhileEqualityStaysExact() {
        connection.execute(new SchemaChange.CreateTable(table(), false));
        insert(Map.of("select", "Ann"), null);
        assertEquals(1, count(Query.from("order").where(compare("select", Operator.LIKE, "aNN"))));
        assertEquals(0, count(Query.from("order").where(compare("select", Operator.NOT_LIKE, "a%"))));
        assertEquals(0, count(Query.from("order").where(compare("select", Operator.EQ, "ann"))));
    }

    @Test
    void schemaChangesAreTransactional() {
        assertTrue(connection.dialect().transactionalDdl());
        assertTrue(connection.supports(dev.eloquent.api.Capability.TRANSACTIONAL_DDL));
        assertThrows(IllegalStateException.class, () -> connection.transaction(() -> {
            connection.execute(new SchemaChange.CreateTable(table(), false));
            throw new IllegalStateException("undo the table");
        }));
        assertFalse(connection.hasTable("order"));
    }

    @Test
    void upsertUsesOnConflictDoUpdate() {
        String sql = new SqlCompiler(new PgDialect()).upsert(new Write.Upsert(new Write.Insert("order",
                List.of("select", "rank"), List.of(List.of("a", 1)), null), List.of("select"), List.of("rank"))).sql();
        assertTrue(sql.endsWith(" ON CONFLICT (\"select\") DO UPDATE SET \"rank\" = EXCLUDED.\"rank\""), sql);
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
