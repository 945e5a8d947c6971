package dev.eloquent.api;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DescriptionsTest {
    @Test
    void connectionNamesSplitIntoDriverAndTestTwin() {
        assertEquals(new ConnectionName("pg", true), ConnectionName.parse("pg_test"));
        assertEquals(new ConnectionName("sqlite", false), ConnectionName.parse(" sqlite "));
        assertEquals("my_driver_test", ConnectionName.parse("my_driver").testTwin().toString());
        assertThrows(ConfigurationException.class, () -> ConnectionName.parse("mysql,pg"));
        assertThrows(ConfigurationException.class, () -> ConnectionName.parse("PG"));
    }

    @Test
    void envBlocksNameTheFullKeyOfTheTwinAndNeverEchoSecrets() {
        Env env = Env.of(Map.of("PG_TEST_PORT", "99999", "PG_TEST_PASSWORD", "hunter2", "PG_PORT", " "));
        EnvBlock test = new EnvBlock(env, ConnectionName.parse("pg_test"), "PG");
        EnvBlock normal = new EnvBlock(env, ConnectionName.parse("pg"), "PG");
        assertEquals("PG_TEST_HOST", test.key("HOST"));
        assertEquals(5432, normal.port("PORT", 5432), "a blank value counts as absent");
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> test.port("PORT", 5432));
        assertEquals("PG_TEST_PORT must be a whole number from 1 to 65535 (connection 'pg_test')",
                error.getMessage());
        assertEquals("******", test.secret("PASSWORD").toString());
        assertEquals("hunter2", test.secret("PASSWORD").reveal());
        ConfigurationException missing = assertThrows(ConfigurationException.class, () -> normal.required("NAME"));
        assertTrue(missing.getMessage().startsWith("PG_NAME is missing or empty"), missing.getMessage());
    }

    @Test
    void blueprintsValidateTheWholeTable() {
        Blueprint t = new Blueprint();
        t.increments("id");
        t.string("name", 40).unique();
        t.decimal("price", 10, 2).defaultValue("1.5");
        t.bool("active").defaultValue(1);
        t.timestamps();
        TableSpec table = t.build("products");
        assertEquals("id", table.primaryKey().get(0).name());
        assertEquals(new BigDecimal("1.50"), table.column("price").orElseThrow().defaultValue());
        assertEquals(true, table.column("active").orElseThrow().defaultValue());
        assertTrue(table.column("created_at").orElseThrow().nullable());

        Blueprint twice = new Blueprint();
        twice.integer("a");
        twice.integer("a");
        assertThrows(EloquentException.class, () -> twice.build("t"));
        assertThrows(EloquentException.class, () -> new Blueprint().string("s", 0));
        assertThrows(EloquentException.class, () -> new Blueprint().decimal("d", 5, 6));
        assertThrows(EloquentException.class, () -> new Blueprint().integer("bad name"));
        Blueprint badDefault = new Blueprint();
        badDefault.integer("n").defaultValue("many");
        EloquentException error = assertThrows(EloquentException.class, () -> badDefault.build("t"));
        assertTrue(error.getMessage().startsWith("default of column t.n (integer): "), error.getMessage());
        assertFalse(error.getMessage().contains("many"), "no value in the message: " + error.getMessage());
    }

    @Test
    void valuesConvertLosslesslyOrFailWithoutShowingTheValue() {
        assertEquals(5L, Values.read(ColumnType.BIG_INTEGER, 0, 5));
        assertEquals(Integer.MAX_VALUE, Values.read(ColumnType.INTEGER, 0, (long) Integer.MAX_VALUE));
        assertThrows(EloquentException.class, () -> Values.read(ColumnType.INTEGER, 0, 1L + Integer.MAX_VALUE));
        assertThrows(EloquentException.class, () -> Values.read(ColumnType.BIG_INTEGER, 0, 1.5));
        assertEquals(new BigDecimal("0.10"), Values.read(ColumnType.DECIMAL, 2, 0.1));
        assertEquals(new BigDecimal("1.125"), Values.read(ColumnType.DECIMAL, 2, "1.125"), "reads never round: writes do");
        assertEquals(true, Values.read(ColumnType.BOOLEAN, 0, 1));
        assertThrows(EloquentException.class, () -> Values.read(ColumnType.BOOLEAN, 0, 2));
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000), Values.read(ColumnType.TIMESTAMP, 0, "2024-01-02 03:04:05.000006"));
        assertEquals(LocalDate.of(2024, 1, 2), Values.read(ColumnType.DATE, 0, "2024-01-02"));
        // TIMESTAMP_TZ keeps the instant and reads at UTC, whatever offset it was written with.
        java.time.OffsetDateTime utc = java.time.OffsetDateTime.parse("2024-01-02T01:34:05.000006Z");
        assertEquals(utc, Values.read(ColumnType.TIMESTAMP_TZ, 0, java.time.OffsetDateTime.parse("2024-01-02T07:04:05.000006+05:30")));
        assertEquals(utc, Values.read(ColumnType.TIMESTAMP_TZ, 0, "2024-01-02 01:34:05.000006"));
        assertEquals(utc, Values.read(ColumnType.TIMESTAMP_TZ, 0, LocalDateTime.of(2024, 1, 2, 1, 34, 5, 6000)));
        assertEquals(utc, Values.read(ColumnType.TIMESTAMP_TZ, 0, utc.toInstant()));
        UUID id = UUID.randomUUID();
        assertEquals(id, Values.read(ColumnType.UUID, 0, id.toString()));
        EloquentException error = assertThrows(EloquentException.class, () -> Values.read(ColumnType.INTEGER, 0, "x1"));
        assertEquals("cannot read a String as Integer: not a whole number in range", error.getMessage());
        assertThrows(EloquentException.class, () -> Values.read(ColumnType.TEXT, 0, Map.of("a", 1)));
    }

    @Test
    void operatorsAndIdentifiersComeFromFixedRules() {
        assertEquals(Operator.NE, Operator.parse("<>"));
        assertEquals(Operator.NOT_LIKE, Operator.parse("NOT   LIKE"));
        EloquentException bad = assertThrows(EloquentException.class, () -> Operator.parse("= 1 OR 1 ="));
        assertTrue(bad.getMessage().contains("=, !=, <, <=, >, >=, like, not like, <>"), bad.getMessage());
        assertThrows(EloquentException.class, () -> Identifiers.check("users; drop", "table"));
        assertThrows(EloquentException.class, () -> Identifiers.check("a".repeat(65), "column"));
        assertFalse(Identifiers.check("_ok_1", "column").isEmpty());
    }

    @Test
    void treesAndResultsPrintWithoutTheirValues() {
        String secret = "hunter2-secret";
        Condition in = new Condition.In(Expression.column("users.token"), java.util.List.of(secret), false);
        Condition raw = new Condition.Raw("token = ?", java.util.List.of(secret), false);
        Query query = Query.from("users").where(Condition.and(in, raw));
        Write.Insert insert = new Write.Insert("users", java.util.List.of("token"),
                java.util.List.of(java.util.List.of(secret)), "id");
        WriteResult result = new WriteResult(1, java.util.List.of(secret));
        for (Object printed : java.util.List.of(in, raw, query, insert, new Write.Upsert(insert, java.util.List.of("token"),
                java.util.List.of()), result)) {
            assertFalse(printed.toString().contains(secret), "no value in toString: " + printed);
        }
        assertEquals("In[users.token in 1 values]", in.toString());
        assertEquals("Insert[users [token], 1 rows, returning id]", insert.toString());
        assertEquals("WriteResult[affected 1, 1 generated keys]", result.toString());
        assertTrue(Condition.or(Condition.TRUE, Condition.TRUE).isTrue(), "no conditions on either side: still none");
    }
}
